"""The templates print what the real documents print, and nothing a draft has not written."""

from __future__ import annotations

from sdmkit.document import DocumentMeta
from sdmkit.export import render


def test_an_empty_prfaq_draft_prints_no_placeholder_dateline(sqlite_store):
    doc = sqlite_store.create("prfaq", {}, DocumentMeta(title="Draft"))
    md = render(doc, "md").decode()
    assert "CITY" not in md and "launch date" not in md and "— —" not in md


def test_a_prfaq_dateline_and_quotes_read_like_a_press_release(sqlite_store):
    content = {
        "headline": "Sellers close their books in minutes",
        "city": "Berlin",
        "launch_date": "2027-03-01",
        "summary": "Starting today, sellers can do it.",
        "leader_quote": {"text": "It gives them hours back.", "speaker": "Maria Santos"},
        "customer_quote": {"text": "Is it magic?", "speaker": "Jana Novak"},
    }
    doc = sqlite_store.create("prfaq", content, DocumentMeta(title="Sellers close their books in minutes"))
    md = render(doc, "md").decode()
    assert "**BERLIN** — 1 March 2027 — Starting today" in md
    assert "“It gives them hours back,” said Maria Santos." in md
    assert "“Is it magic?” said Jana Novak." in md
    html = render(doc, "html").decode()
    # The headline is printed once on page one, not also as the document title above it.
    assert ".kind-prfaq .doc-title { display: none; }" in html
