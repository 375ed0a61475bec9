"""The exported Markdown file reads as a document and still imports back exactly."""

from __future__ import annotations

import pytest
import yaml

from sdmkit.document import DocumentMeta
from sdmkit.export import render
from sdmkit.export.markdown_file import EditedAfterExport
from sdmkit.interchange import parse_text, read_file, to_dict, to_yaml
from tests.conftest import example_paths


def _stored(store, doc):
    return store.create(doc.kind, doc.content, doc.meta)


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
def test_every_example_round_trips_exactly_through_the_markdown_layout(sqlite_store, path):
    original = _stored(sqlite_store, read_file(path))
    md = render(original, "md").decode()
    assert to_dict(parse_text(md, ".md", "x.md")) == to_dict(original)
    # The reader sees a short front matter, then the document; the data comes last, unseen.
    front = md.split("\n---\n", 1)[0].removeprefix("---\n")
    assert list(yaml.safe_load(front)) == [
        k for k in ("kind", "title", "team", "status", "tags") if k in yaml.safe_load(front)
    ]
    assert len(front.splitlines()) <= 6
    assert md.split("\n---\n", 1)[1].lstrip().startswith("# ")
    assert md.rstrip().endswith("-->")


def test_text_that_looks_like_the_layout_itself_round_trips(sqlite_store):
    tricky = "line\n---\n  ---\n-->\n<!-- sdmkit-data\n--!> <script>x</script>"
    doc = sqlite_store.create(
        "charter",
        {"team_name": tricky, "mission": tricky, "in_scope": [tricky, ""]},
        DocumentMeta(
            title="--- not a fence --> <!--", team="A --> B", tags=("---", "-->"), coach_allow=("--",)
        ),
    )
    md = render(doc, "md").decode()
    assert to_dict(parse_text(md, ".md", "x.md")) == to_dict(doc)


def test_an_empty_list_entry_does_not_become_a_heading(sqlite_store):
    doc = sqlite_store.create("charter", {"team_name": "T", "mission": "m", "in_scope": ["", "Ledger"]})
    md = render(doc, "md").decode()
    assert "\n-\n" not in md and "\n- \n" not in md
    html = render(doc, "html").decode()
    assert "<h2>" not in html.replace('<h2 id="', "")


def test_front_matter_closes_only_at_a_fence_at_the_start_of_a_line():
    text = "---\nkind: charter\ntitle: x\ncontent:\n  mission: |\n    a\n    ---\n    b\n---\n\n# x\n"
    assert parse_text(text, ".md", "hand.md").content["mission"] == "a\n---\nb"


def test_a_front_matter_that_never_closes_names_the_problem():
    with pytest.raises(Exception, match="not closed by a '---' line at the start of a line"):
        parse_text("---\nkind: charter\n  ---\n# x\n", ".md", "open.md")


def test_a_body_edited_after_export_is_reported_with_its_sections(sqlite_store):
    doc = _stored(sqlite_store, read_file(example_paths()[0]))
    md = render(doc, "md").decode()
    edited = md.replace("## Mission\n\n", "## Mission\n\nWe now also run payroll. ", 1)
    assert edited != md
    with pytest.raises(EditedAfterExport) as caught:
        parse_text(edited, ".md", "team.md")
    assert caught.value.sections == ["Mission"]
    assert "team.md: the text was edited after export (changed 'Mission')" in str(caught.value)
    assert to_dict_of(caught.value.data) == to_dict(doc)  # the data is still there to import


def to_dict_of(record: dict) -> dict:
    from sdmkit.interchange import from_dict

    return to_dict(from_dict(record))


def test_line_endings_and_trailing_spaces_are_not_edits(sqlite_store):
    doc = _stored(sqlite_store, read_file(example_paths()[0]))
    md = render(doc, "md").decode()
    windows = "\r\n".join(line.rstrip() for line in md.split("\n"))
    assert to_dict(parse_text(windows, ".md", "x.md")) == to_dict(doc)


def test_the_front_matter_fields_a_reader_edits_are_taken(sqlite_store):
    doc = _stored(sqlite_store, read_file(example_paths()[0]))
    md = render(doc, "md").decode()
    again = parse_text(md.replace(f"status: {doc.status}\n", "status: draft\n", 1), ".md", "x.md")
    assert again.status == "draft" and again.content == doc.content


def test_a_file_exported_before_the_data_block_still_imports(sqlite_store):
    doc = _stored(sqlite_store, read_file(example_paths()[0]))
    old = f"---\n{to_yaml(doc)}---\n\n# {doc.title}\n\nAnything at all.\n"
    assert to_dict(parse_text(old, ".md", "old.md")) == to_dict(doc)


def test_text_whose_data_block_was_removed_is_refused_not_imported_empty(sqlite_store):
    doc = _stored(sqlite_store, read_file(example_paths()[0]))
    md = render(doc, "md").decode()
    cut = md.split("\n<!-- sdmkit-data\n")[0] + "\n"
    with pytest.raises(Exception, match="data block at the end of the file is missing"):
        parse_text(cut, ".md", "cut.md")
