"""Redaction for interview use, and the portfolio."""

from __future__ import annotations

import io
import re

from sdmkit.export import render_from
from sdmkit.portfolio import portfolio_markdown, portfolio_pdf
from sdmkit.redaction import redact_text, set_terms, terms
from sdmkit.stories.mine import mine_all

NAMES = ["Priya Raman", "Tomasz Nowak", "Northwind", "payments-api", "Jana Novak"]


def test_redact_text_replaces_names_emails_urls_and_tickets():
    rules = []  # no terms: only the automatic replacements
    text = "Mail priya@northwind.example, see https://dash.example/x and PAY-2041, or www.corp.example/a."
    out = redact_text(text, rules)
    assert "@" not in out and "http" not in out and "PAY-2041" not in out and "www." not in out
    assert out.count("[email]") == 1 and out.count("[ticket]") == 1


def test_a_redacted_export_contains_none_of_the_listed_names(sqlite_store):
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    set_terms(sqlite_store, [{"term": n, "replacement": "[name]"} for n in NAMES])
    assert [t.term for t in terms(sqlite_store)] == NAMES
    for doc in sqlite_store.iter_documents():
        # HTML goes through the same redacted document as Markdown; charts (slow to draw) add no text.
        for fmt in ("md", "json") + (("html",) if doc.kind in ("charter", "story") else ()):
            text = render_from(sqlite_store, doc, fmt, redacted=True).decode()
            for name in NAMES:
                assert name.lower() not in text.lower(), (doc.title, fmt, name)
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), (doc.title, fmt)
    # The stored documents keep their words.
    assert any("Priya Raman" in str(d.content) for d in sqlite_store.iter_documents())


def test_redacted_pdf_and_portfolio(sqlite_store):
    from pypdf import PdfReader

    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    set_terms(sqlite_store, [{"term": n, "replacement": "[name]"} for n in NAMES])
    mine_all(sqlite_store)
    ids = [s.id for s in sqlite_store.list(kind="story", limit=3).items]
    md = portfolio_markdown(sqlite_store, ids, redacted=True, owner="A. Manager")
    assert md.startswith("# Interview portfolio of A. Manager") and "## Source documents" in md
    for name in NAMES:
        assert name not in md
    pdf = portfolio_pdf(sqlite_store, ids, redacted=True)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(" ".join(pages).split())
    assert "Contents" in pages[0] and "Stories" in text
    for name in NAMES:
        assert name not in text
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)


def test_cli_export_redact(workspace, tmp_path):
    from tests.test_cli import run

    run("init", "--examples")
    set_terms(workspace, [{"term": "Priya Raman", "replacement": "the manager"}])
    out = tmp_path / "out"
    assert run("export", "--all", "--format", "md", "--out", str(out), "--redact").exit_code == 0
    files = list(out.iterdir())
    assert files and all(f.name.endswith("-redacted.md") for f in files)
    assert not any("Priya Raman" in f.read_text() for f in files)
