"""Exports: Markdown, HTML, PDF and the JSON interchange format."""

from __future__ import annotations

# Imports inside functions: each format loads only its own renderer (WeasyPrint for
# PDF, Markdown and Jinja2 for HTML), so one export pays for one.
import re
import unicodedata

from sdmkit.redaction import final_html, final_markdown, redact, redact_value, terms
from sdmkit.store.documents import Document

FORMATS = ("md", "html", "pdf", "json")
MIME = {"md": "text/markdown", "html": "text/html", "pdf": "application/pdf", "json": "application/json"}


# Letters that Unicode does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ı": "i",
    }
)


def slug(text: str, fallback: str = "document") -> str:
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:80].strip("-") or fallback


def file_name(doc: Document, fmt: str) -> str:
    """A name a manager recognises in a Downloads folder."""
    return f"{slug(doc.title, doc.kind)}.{fmt}"


def unique_names(docs: list[Document], fmt: str, *, redacted: bool = False) -> list[str]:
    """One file name per document, never the same twice in one export: where titles
    slug alike, the later documents get their id added (and the id again, if even
    that name is taken, say by a title that ends in the same number)."""
    used: set[str] = set()
    names = []
    for doc in docs:
        stem = file_name(doc, fmt).removesuffix(f".{fmt}") + ("-redacted" if redacted else "")
        name = f"{stem}.{fmt}"
        while name.lower() in used:  # lower: a case-insensitive disk has one file for both
            stem = f"{stem}-{doc.id}"
            name = f"{stem}.{fmt}"
        used.add(name.lower())
        names.append(name)
    return names


def render(doc: Document, fmt: str, *, page_size: str = "A4", extra: dict | None = None) -> bytes:
    if fmt == "md":
        from sdmkit.export.markdown_export import render_markdown

        return render_markdown(doc, extra).encode("utf-8")
    if fmt == "html":
        from sdmkit.export.html_export import render_html

        return render_html(doc, page_size=page_size, extra=extra).encode("utf-8")
    if fmt == "pdf":
        from sdmkit.export.pdf_export import render_pdf

        return render_pdf(doc, page_size=page_size, extra=extra)
    if fmt == "json":
        from sdmkit.interchange import to_json

        return to_json(doc).encode("utf-8")
    raise ValueError(f"unknown format '{fmt}' (one of: {', '.join(FORMATS)})")


def render_from(store, doc: Document, fmt: str, *, page_size: str = "A4", redacted: bool = False) -> bytes:
    """Render with what the kind borrows from the workspace (a charter's rotation), and
    with the workspace's redaction list applied when asked."""
    if redacted:
        return _render_redacted(store, doc, fmt, page_size=page_size)
    kind = doc.kind_spec
    extra = kind.enrich(store, doc) if kind.enrich and fmt != "json" else None
    return render(doc, fmt, page_size=page_size, extra=extra)


def _render_redacted(store, doc, fmt: str, *, page_size: str = "A4") -> bytes:
    """An export with the workspace's redaction applied: the document's prose, what
    the kind borrows from the workspace, and the final text."""
    rules = terms(store)
    kind = doc.kind_spec
    extra = kind.enrich(store, doc) if kind.enrich and fmt != "json" else None
    doc = redact(doc, rules)
    extra = redact_value(extra, rules) if extra else extra
    if fmt == "md":
        return final_markdown(render(doc, "md", extra=extra).decode("utf-8")).encode("utf-8")
    if fmt in ("html", "pdf"):
        # The HTML and PDF modules load Jinja2 and WeasyPrint: only when a page is made.
        from sdmkit.export.html_export import render_html

        html = final_html(render_html(doc, page_size=page_size, for_print=fmt == "pdf", extra=extra))
        if fmt == "html":
            return html.encode("utf-8")
        from sdmkit.export.pdf_export import html_to_pdf

        return html_to_pdf(html)
    return render(doc, fmt, page_size=page_size, extra=extra)
