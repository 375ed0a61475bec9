"""Prose fields render a safe Markdown subset: bold, italics, lists, links (printed with
their address). Raw HTML, images, headings, tables and code stay literal; nothing is fetched."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sdmkit.document import DocumentMeta
from sdmkit.export import render
from sdmkit.export.escape import md_block
from sdmkit.export.html_export import markdown_to_html

TYPED = """We **must** fix _this_ and *that*, see [the runbook](https://wiki.example/run).
Steps:
- roll back **first**
- then page [ops](mailto:ops@example.com)
1. numbered
2) second"""


def html_of(text: str) -> str:
    return markdown_to_html(md_block(text))[0]


def test_bold_italics_lists_and_links_render():
    html = html_of(TYPED)
    assert "<strong>must</strong>" in html and "<em>this</em>" in html and "<em>that</em>" in html
    assert '<a href="https://wiki.example/run"' in html and ">the runbook</a>" in html
    assert "<ul>" in html and "<li>roll back <strong>first</strong></li>" in html
    assert "<ol>" in html and "<li>second</li>" in html


def test_everything_outside_the_subset_stays_literal():
    html = html_of(
        "![pixel](http://127.0.0.1:9/p.png) [x](file:///etc/hosts) [j](javascript:alert(1))\n"
        "<script>alert(1)</script> <img src=x> `code` snake_case_name 2*3*4 **unclosed\n"
        "# not a heading\n| not | a | table |\n> not a quote"
    )
    assert "<img" not in html and "<script" not in html and "<code>" not in html
    assert "<h1" not in html and "<table" not in html and "<blockquote" not in html
    assert "href" not in html  # only http(s) and mailto become links, and an image is none
    assert "![pixel](http://127.0.0.1:9/p.png)" in html and "snake_case_name" in html
    assert "&lt;script&gt;" in html and "**unclosed" in html


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(list("ab *_-[]()!<>#|`\n1.:/") + ["http://x", "file://y"]), max_size=40).map(
        "".join
    )
)
@example("* #")  # a list item's own text once made a heading inside the item
@example("1. > q")
def test_no_typed_text_makes_markup_that_loads_or_runs(text):
    html = html_of(text)
    for tag in ("<img", "<script", "<iframe", "<style", "<h1", "<h2", "<table", "<code", "<pre"):
        assert tag not in html, (text, html)
    assert 'href="file' not in html and 'href="javascript' not in html


def test_links_print_with_their_address_and_review_mode_renders_the_subset(sqlite_store):
    doc = sqlite_store.create("charter", {"team_name": "T", "mission": TYPED}, DocumentMeta(title="T"))
    html = render(doc, "html").decode()
    assert '.body a[href]::after { content: " (" attr(href) ")"' in html
    assert "<strong>must</strong>" in html

    from sdmkit.export.html_export import reading_html

    body, _, _ = reading_html(doc)  # what review mode shows
    assert "<strong>must</strong>" in body and "<li>roll back <strong>first</strong></li>" in body
