"""Exports: Markdown, HTML, PDF and the JSON interchange format."""

from __future__ import annotations

# Imports inside functions: each format loads only its own renderer (WeasyPrint for
# PDF, Markdown and Jinja2 for HTML), so one export pays for one; redaction (pydantic)
# only when asked. This package imports neither the store nor pydantic, so the CLI can
# start its PDF workers (press.py) before it pays for them.
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdmkit.document import Document

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
        from sdmkit.export.pdf_export import print_pdf

        return print_pdf(print_html(doc, page_size=page_size, extra=extra))
    if fmt == "json":
        from sdmkit.interchange import to_json

        return to_json(doc).encode("utf-8")
    raise ValueError(f"unknown format '{fmt}' (one of: {', '.join(FORMATS)})")


def print_html(doc: Document, *, page_size: str = "A4", extra: dict | None = None) -> str:
    """The HTML a document's PDF is laid out from."""
    from sdmkit.export.html_export import render_html

    return render_html(doc, page_size=page_size, for_print=True, extra=extra)


def render_from(store, doc: Document, fmt: str, *, page_size: str = "A4", redacted: bool = False) -> bytes:
    """Render with what the kind borrows from the workspace (a charter's rotation), and
    with the workspace's redaction list applied when asked."""
    if fmt == "pdf":
        from sdmkit.export.pdf_export import print_pdf

        return print_pdf(print_html_from(store, doc, page_size=page_size, redacted=redacted))
    if redacted:
        return _render_redacted(store, doc, fmt, page_size=page_size)
    kind = doc.kind_spec
    extra = kind.enrich(store, doc) if kind.enrich and fmt != "json" else None
    return render(doc, fmt, page_size=page_size, extra=extra)


def print_html_from(store, doc: Document, *, page_size: str = "A4", redacted: bool = False) -> str:
    """The print HTML of render_from's PDF, which a PDF worker process can lay out."""
    kind = doc.kind_spec
    extra = kind.enrich(store, doc) if kind.enrich else None
    if not redacted:
        return print_html(doc, page_size=page_size, extra=extra)
    from sdmkit.redaction import applied_terms, final_html, redact, redact_value

    rules = applied_terms(store, [doc], [extra])
    extra = redact_value(extra, rules) if extra else extra
    return final_html(print_html(redact(doc, rules), page_size=page_size, extra=extra))


def _render_redacted(store, doc, fmt: str, *, page_size: str = "A4") -> bytes:
    """An export with the workspace's redaction applied: the document's prose, what
    the kind borrows from the workspace, and the final text."""
    from sdmkit.redaction import applied_terms, final_html, final_markdown, redact, redact_value

    kind = doc.kind_spec
    extra = kind.enrich(store, doc) if kind.enrich and fmt != "json" else None
    rules = applied_terms(store, [doc], [extra])
    doc = redact(doc, rules)
    extra = redact_value(extra, rules) if extra else extra
    if fmt == "md":
        return final_markdown(render(doc, "md", extra=extra).decode("utf-8")).encode("utf-8")
    if fmt == "html":
        # The HTML module loads Jinja2 and Markdown: only when a page is made.
        from sdmkit.export.html_export import render_html

        return final_html(render_html(doc, page_size=page_size, extra=extra)).encode("utf-8")
    return render(doc, fmt, page_size=page_size, extra=extra)
