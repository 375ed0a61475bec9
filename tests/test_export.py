"""Exports look like the real documents and keep user text inert everywhere."""

from __future__ import annotations

import io
import os
import re
import socket
import urllib.request
from html.parser import HTMLParser

import pytest

from sdmkit import clock
from sdmkit.document import DocumentMeta
from sdmkit.examples import load_examples
from sdmkit.export import file_name, render, render_from
from sdmkit.export.pdf_export import html_to_pdf, make_fetcher
from sdmkit.interchange import read_file
from tests.conftest import ROOT, example_paths

GOLDEN = ROOT / "tests" / "golden"


def pdf_text(data: bytes) -> tuple[list[str], list]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [p.extract_text() for p in reader.pages], [p.mediabox for p in reader.pages]


def stored(store, path):
    doc = read_file(path)
    return store.create(doc.kind, doc.content, doc.meta)


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
def test_markdown_matches_golden_file(sqlite_store, path):
    """Set SDMKIT_UPDATE_GOLDEN=1 to accept a deliberate change, then review the diff."""
    md = render(stored(sqlite_store, path), "md").decode()
    golden = GOLDEN / f"{path.stem}.md"
    if os.environ.get("SDMKIT_UPDATE_GOLDEN"):
        golden.write_text(md)
    assert md == golden.read_text()


def test_charter_pdf_reads_like_a_team_page(sqlite_store):
    doc = stored(sqlite_store, ROOT / "examples" / "charter" / "payments-platform.yaml")
    pages, boxes = pdf_text(render(doc, "pdf"))
    text = "\n".join(pages)
    assert 1 <= len(pages) <= 2  # a team page, not a report
    assert "Payments Platform team charter" in pages[0]
    for heading in (
        "Mission",
        "Tenets (unless you know better ones)",
        "How to work with us",
        "Support protocol",
    ):
        assert heading in text
    assert "Correct before fast" in text
    for i, page in enumerate(pages, 1):
        assert f"Page {i} of {len(pages)}" in page
    if len(pages) > 1:  # the running header carries the title from page two on
        assert pages[1].count("Payments Platform team charter") >= 1
    assert round(float(boxes[0].width)) == 595  # A4 by default


def test_page_size_letter(sqlite_store):
    doc = stored(sqlite_store, ROOT / "examples" / "charter" / "checkout-experience.yaml")
    _, boxes = pdf_text(render(doc, "pdf", page_size="Letter"))
    assert (round(float(boxes[0].width)), round(float(boxes[0].height))) == (612, 792)


def test_long_document_gets_a_table_of_contents(sqlite_store):
    doc = stored(sqlite_store, ROOT / "examples" / "charter" / "payments-platform.yaml")
    content = dict(doc.content)
    content["long_term_direction"] = "\n\n".join(["We grow the ledger every quarter in every market."] * 160)
    long_doc = sqlite_store.save(doc.id, doc.version, content, doc.meta)
    html = render(long_doc, "html").decode()
    assert '<nav class="toc">' in html and 'href="#tenets-unless-you-know-better-ones"' in html
    assert '<nav class="toc">' not in render(doc, "html").decode()


def test_file_names_are_meaningful(sqlite_store):
    doc = sqlite_store.create(
        "charter", {"team_name": "S"}, DocumentMeta(title="Søren's Team: Charter / 2027")
    )
    assert file_name(doc, "pdf") == "soren-s-team-charter-2027.pdf"


# --- untrusted text ------------------------------------------------------------------

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src="file:///etc/passwd">',
    "![pixel](http://127.0.0.1:9/pixel.png)",
    "[click](file:///etc/hosts)",
    "<style>body { background: url(http://127.0.0.1:9/bg.png) }</style>",
    "<div style=\"background:url('file:///etc/shadow')\">x</div>",
    "<https://127.0.0.1:9/autolink>",
    "<iframe src='javascript:alert(1)'></iframe>",
    "# not a heading",
    "| not | a | table |",
]


def hostile_content() -> dict:
    return {
        "team_name": HOSTILE[0],
        "mission": "\n".join(HOSTILE),
        "long_term_direction": HOSTILE[2] + "\n\n" + HOSTILE[4],
        "customers": [{"name": HOSTILE[1], "what_they_get": HOSTILE[3]}],
        "in_scope": HOSTILE[5:8],
        "tenets": [{"name": HOSTILE[8], "statement": HOSTILE[9]}],
        "services": [{"name": "x|y", "description": HOSTILE[6]}],
        "engagement": {"intake_channel": HOSTILE[1], "how_to_request": HOSTILE[2]},
    }


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href", "style") and v]


@pytest.fixture
def no_network_no_fetch(monkeypatch):
    """Any connection or URL opening during the test is recorded and refused."""
    attempts: list[str] = []

    def refuse_connect(self, address, *a, **k):
        attempts.append(f"connect {address}")
        raise OSError("network disabled in this test")

    def refuse_open(self, url, *a, **k):
        attempts.append(f"open {getattr(url, 'full_url', url)}")
        raise OSError("URL opening disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse_connect)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse_open)
    return attempts


def test_hostile_text_is_inert_in_markdown_html_and_pdf(sqlite_store, no_network_no_fetch):
    doc = sqlite_store.create(
        "charter", hostile_content(), DocumentMeta(title="<b>Evil</b> ![t](file:///etc/passwd)")
    )

    md = render(doc, "md").decode()
    body, data = md.split("\n---\n", 1)[1].split("\n<!-- sdmkit-data\n")
    # The data block is an HTML comment nothing can close early or read as markup.
    assert (
        "<" not in data and ">" not in data.removesuffix("-->\n") and "--" not in data.removesuffix("-->\n")
    )
    for raw in ("<script", "<img", "<style", "<iframe", "<div", "<https", "![pixel](", "[click]("):
        assert raw not in body, raw
    assert "\n# not a heading" not in body

    html = render(doc, "html").decode()
    parser = _Elements()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags and "iframe" not in parser.tags
    assert parser.tags.count("style") == 1  # ours, in <head>
    assert not [u for u in parser.urls if re.match(r"\s*(file|https?|javascript):", u) or "url(" in u]
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        or "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    )

    fetcher = make_fetcher()
    from sdmkit.export.html_export import render_html

    pdf = html_to_pdf(render_html(doc, for_print=True), fetcher)
    text = "\n".join(pdf_text(pdf)[0])
    assert "<script>alert('x')</script>" in text  # shown as the characters typed
    assert "file:///etc/passwd" in text
    assert fetcher.refused == []  # user text never even became a URL to refuse
    assert no_network_no_fetch == []


def test_pdf_fetcher_refuses_files_and_network_even_in_raw_html(no_network_no_fetch, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not really a png")
    html = f"""<html><head><style>body {{ background: url(file://{secret}) }}
    @import url(http://127.0.0.1:9/x.css);</style>
    <link rel="stylesheet" href="https://127.0.0.1:9/y.css"></head><body>
    <img src="file://{secret}"><img src="http://127.0.0.1:9/p.png">
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p>text</p></body></html>"""
    fetcher = make_fetcher()
    pdf = html_to_pdf(html, fetcher)
    assert pdf.startswith(b"%PDF")
    refused = " ".join(fetcher.refused)
    assert f"file://{secret}" in refused
    assert "http://127.0.0.1:9/p.png" in refused and "https://127.0.0.1:9/y.css" in refused
    assert not [u for u in fetcher.refused if u.startswith("data:")]
    assert no_network_no_fetch == []


def test_a_template_in_the_data_directory_overrides_the_packaged_one(sqlite_store, tmp_path, monkeypatch):
    from sdmkit.export.templating import html_env, markdown_env

    data = tmp_path / "override-data"
    (data / "templates").mkdir(parents=True)
    (data / "templates" / "charter.md.j2").write_text("Our own team page for {{ c.team_name | md }}.\n")
    monkeypatch.setenv("SDMKIT_DATA_DIR", str(data))
    markdown_env.cache_clear()
    html_env.cache_clear()
    try:
        doc = sqlite_store.create("charter", {"team_name": "Ledger", "mission": "m"})
        assert "Our own team page for Ledger." in render(doc, "md").decode()
    finally:
        markdown_env.cache_clear()
        html_env.cache_clear()


def test_a_chart_is_made_once_and_found_again_by_the_next_process(sqlite_store, monkeypatch, tmp_path):
    """Charts are kept in the data directory: a later export (another process, here a
    cleared memory cache) reads them instead of running vl-convert again, and prints
    the same; a cache that cannot be written never fails the export."""
    from sdmkit import charts

    charts._svg.cache_clear()  # charts earlier tests made are in memory, not in this data folder
    load_examples(sqlite_store)
    coe = next(sqlite_store.iter_documents(kind="coe"))
    first = render_from(sqlite_store, coe, "html")
    kept = sorted((tmp_path / "data" / "cache" / "charts").glob("*.svg"))
    assert kept, "the COE's graphs were kept"
    charts._svg.cache_clear()
    import vl_convert

    def refuse(spec):
        raise AssertionError("vl-convert ran again for a chart already made")

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", refuse)
    assert render_from(sqlite_store, coe, "html") == first
    monkeypatch.undo()
    charts._svg.cache_clear()
    for path in kept:
        path.unlink()
    folder = tmp_path / "data" / "cache" / "charts"
    folder.rmdir()
    folder.write_text("not a folder")  # nothing can be kept there, even by root
    assert render_from(sqlite_store, coe, "html") == first


def test_a_stylesheet_parsed_once_lays_out_as_weasyprint_parses_it(sqlite_store, monkeypatch):
    """sdmkit.export.weasy parses a plain <style> sheet once per process; the PDFs of
    documents that use it again (a COE, a metric review with its charts, a charter) are
    byte for byte the PDFs WeasyPrint makes parsing it every time, and a sheet whose
    parse changes more than itself (@font-face) is parsed every time."""
    from sdmkit.export import weasy

    weasyprint = weasy.load()
    if not weasyprint.__version__.startswith(weasy.SPEEDUPS_FOR):
        pytest.skip(f"the adjustments are for WeasyPrint {weasy.SPEEDUPS_FOR}, not {weasyprint.__version__}")
    # The charter prints its rotation "as of" the minute it is rendered: every render at
    # one moment, or two renders either side of a minute's turn differ (once in CI).
    monkeypatch.setattr(clock, "_frozen", clock.now())
    load_examples(sqlite_store)
    chosen = [
        next(d for d in sqlite_store.list(kind=kind, limit=50).items)
        for kind in ("coe", "metric_review", "charter")
    ]
    parses: list[str] = []
    parsing = weasy.stylesheet_parse()
    own = parsing["parse"]

    def counted(self, *args, **options):
        parses.append(options.get("string") or "")
        own(self, *args, **options)

    monkeypatch.setitem(parsing, "parse", counted)
    once = [render_from(sqlite_store, sqlite_store.get(d.id), "pdf") for d in chosen]
    again = [render_from(sqlite_store, sqlite_store.get(d.id), "pdf") for d in chosen]
    assert once == again
    # document.css with each kind's own rules: each parsed once, for the first
    # document of its kind, not again for the second round.
    sheets = [p for p in parses if "The look of every export" in p]
    assert len(sheets) == len(set(sheets)), "a stylesheet was parsed again"

    monkeypatch.setattr(weasyprint.CSS, "__init__", own)  # WeasyPrint as shipped
    assert [render_from(sqlite_store, sqlite_store.get(d.id), "pdf") for d in chosen] == once

    monkeypatch.undo()
    parses.clear()
    monkeypatch.setitem(parsing, "parse", counted)
    face = "<style>@font-face { font-family: X; src: local(DejaVu Sans); } p { color: red }</style>"
    for _ in range(2):
        html_to_pdf(f"<html><head>{face}</head><body><p>x</p></body></html>", make_fetcher())
    assert sum("@font-face" in p for p in parses) == 2


def test_svg_labels_are_drawn_as_runs_and_placed_text_letter_by_letter():
    """sdmkit.export.weasy draws a plain SVG label as one run; text that places its
    letters one by one (x lists, rotate, letter-spacing) is left to WeasyPrint. Both
    come out of the PDF as the text that was written, where it was anchored."""
    import base64

    from pypdf import PdfReader

    from sdmkit.export import weasy

    weasyprint = weasy.load()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80">'
        '<text x="150" y="20" text-anchor="middle" font-family="DejaVu Sans">Routine variation</text>'
        '<text x="10 20 30" y="50" font-family="DejaVu Sans">abc</text>'
        '<text x="10" y="70" rotate="10" font-family="DejaVu Sans">tilted</text></svg>'
    )
    url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    pdf = html_to_pdf(f'<html><body><img src="{url}"></body></html>', make_fetcher())
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Routine variation" in text
    assert "tilted" in text.replace(" ", "").replace("\n", "")
    if weasyprint.__version__.startswith(weasy.SPEEDUPS_FOR):
        from weasyprint import svg as svg_package

        assert getattr(svg_package.TAGS["text"], "runs", False)


def test_lean_charts_keep_every_mark_and_label():
    """charts.lean leaves out what Vega writes for the live chart only; what is drawn
    (lines, points, text) is all still there, in the same order."""
    import json
    from datetime import datetime

    import vl_convert

    from sdmkit import charts

    made = charts._svg.__wrapped__  # type: ignore[attr-defined]
    spec = charts.line_chart("Error rate", [(datetime(2026, 3, 1, h), float(h)) for h in range(6)])
    full = made(json.dumps(spec, sort_keys=True))
    raw = vl_convert.vegalite_to_svg(spec)
    assert full == charts.lean(raw) and len(full) < len(raw)
    for tag in ("text", "line", "rect"):
        assert raw.count(f"<{tag} ") == full.count(f"<{tag} "), tag
    assert re.findall(r">([^<>]+)</text>", raw) == re.findall(r">([^<>]+)</text>", full)
    assert "aria-" not in full and 'display="none"' not in full


def test_a_chart_never_fetches_a_data_url(tmp_path, monkeypatch):
    """vl-convert fetches any data URL a spec names unless told not to; sdmkit's
    charts draw only the values in their spec, so a URL is refused, not requested."""
    import json
    import threading

    from sdmkit import charts

    monkeypatch.setenv("SDMKIT_DATA_DIR", str(tmp_path))  # an empty chart cache
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(1)
    came: list[str] = []

    def answer() -> None:  # count a visitor and hang up, so a fetch fails fast
        try:
            conn, _ = listening.accept()
        except OSError:
            return
        came.append("request")
        conn.close()

    threading.Thread(target=answer, daemon=True).start()
    url = f"http://127.0.0.1:{listening.getsockname()[1]}/weeks.csv"
    spec = {"data": {"url": url}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    try:
        with pytest.raises(ValueError, match="not allowed"):
            charts._svg(json.dumps(spec))
    finally:
        listening.close()
    assert not came
