"""Download buttons for a saved document, with file names a manager recognises."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from sdmkit import clock, export
from sdmkit.redaction import export_notices, terms
from sdmkit.store import Document
from sdmkit.ui.state import store
from sdmkit.ui.text import esc


@st.cache_data(show_spinner=False, max_entries=64)
def _rendered(
    doc_id: int, version: int, fmt: str, page_size: str, context: tuple, redacted: bool = False
) -> bytes:
    # Keyed by version (a saved version never changes) and by `context`: the workspace state and
    # the hour, for what an export borrows from other documents (a charter's on-call).
    doc = store().get(doc_id)
    if doc.version != version:
        doc = store().revision(doc_id, version)
    return export.render_from(store(), doc, fmt, page_size=page_size, redacted=redacted)


def _context() -> tuple:

    # The redaction list is part of the context: a changed list makes new exports.
    return (*store().fingerprint(), clock.now().strftime("%Y%m%d%H"), repr(terms(store())))


def export_buttons(doc: Document, *, key: str) -> None:
    page_size = store().setting("pdf_page_size", "A4")
    redacted = st.toggle(
        "Redacted",
        key=f"{key}|redact",
        help="Apply the redaction list (Story bank → Redaction); e-mails, links, ticket ids, phone numbers, "
        "chat channels and handles are replaced automatically",
    )
    # The same words as `sdmkit export --redact`: an empty list, and the people this
    # document names that the list does not replace.
    for said, warns in export_notices(store(), [doc]) if redacted else []:
        if warns:
            st.warning(esc(said), icon=":material/warning:")
        else:
            st.info(esc(said), icon=":material/person_search:")
    suffix = "-redacted" if redacted else ""

    def name(fmt: str) -> str:
        return export.file_name(doc, fmt).replace(f".{fmt}", f"{suffix}.{fmt}")

    cols = st.columns(4)
    for col, fmt, label in zip(cols, ("md", "json", "html"), ("Markdown", "JSON", "HTML"), strict=False):
        col.download_button(
            label,
            on_click="ignore",
            data=_rendered(doc.stored_id, doc.version, fmt, page_size, _context(), redacted),
            file_name=name(fmt),
            mime=export.MIME[fmt],
            key=f"{key}|{fmt}",
            icon=":material/download:",
            width="stretch",
            help=f"Version {doc.version} as {label}",
        )
    # Typeset when the button is pressed (a second or more, with the button spinning
    # meanwhile), not on every run of the page: one click, and never a PDF made before
    # the redaction list or the page size changed. No download reruns the page
    # (on_click="ignore"): a rerun registers the PDF's maker again, and a PDF pressed
    # while the run after a Markdown download was under way never came.
    cols[3].download_button(
        "PDF",
        on_click="ignore",
        data=pdf_maker(store(), doc.stored_id, doc.version, page_size, redacted),
        file_name=name("pdf"),
        mime=export.MIME["pdf"],
        key=f"{key}|pdf",
        icon=":material/picture_as_pdf:",
        type="primary",
        width="stretch",
        help=f"Typeset version {doc.version} as a {page_size} PDF" + (", redacted" if redacted else ""),
    )


def pdf_maker(workspace, doc_id: int, version: int, page_size: str, redacted: bool) -> Callable[[], bytes]:
    """What the PDF button runs when pressed. It runs on a thread of its own, outside the
    page's script (no store() there): it is handed the workspace, and reads the document
    and the redaction list as they are at the click."""

    def make() -> bytes:
        doc = workspace.get(doc_id)
        if doc.version != version:
            doc = workspace.revision(doc_id, version)
        return export.render_from(workspace, doc, "pdf", page_size=page_size, redacted=redacted)

    return make
