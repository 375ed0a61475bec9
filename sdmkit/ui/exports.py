"""Download buttons for a saved document, with file names a manager recognises."""

from __future__ import annotations

import streamlit as st

from sdmkit import clock, export
from sdmkit.redaction import before_export, terms
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
        help="Apply the redaction list (Story bank → Redaction); e-mails, links, ticket ids, phone numbers "
        "and chat handles are replaced automatically",
    )
    # The same words as `sdmkit export --redact`: an empty list, and the people this
    # document names that the list does not replace.
    for said in before_export(store(), [doc]) if redacted else []:
        st.warning(esc(said), icon=":material/warning:")
    suffix = "-redacted" if redacted else ""

    def name(fmt: str) -> str:
        return export.file_name(doc, fmt).replace(f".{fmt}", f"{suffix}.{fmt}")

    cols = st.columns(4)
    for col, fmt, label in zip(cols, ("md", "json", "html"), ("Markdown", "JSON", "HTML"), strict=False):
        col.download_button(
            label,
            data=_rendered(doc.stored_id, doc.version, fmt, page_size, _context(), redacted),
            file_name=name(fmt),
            mime=export.MIME[fmt],
            key=f"{key}|{fmt}",
            icon=":material/download:",
            width="stretch",
            help=f"Version {doc.version} as {label}",
        )
    # A redacted PDF is made again once the redaction list changes (a name added on the Story bank).
    listed = repr(terms(store())) if redacted else ""
    pdf_key = f"{key}|pdf|{doc.version}|{page_size}|{redacted}|{listed}"
    if st.session_state.get(pdf_key):
        cols[3].download_button(
            "PDF",
            data=st.session_state[pdf_key],
            file_name=name("pdf"),
            mime=export.MIME["pdf"],
            key=f"{key}|pdfdl",
            icon=":material/picture_as_pdf:",
            type="primary",
            width="stretch",
            help=f"Version {doc.version}, {page_size}",
        )
    elif cols[3].button(
        "Make PDF",
        key=f"{key}|pdfmake",
        icon=":material/picture_as_pdf:",
        width="stretch",
        help=f"Typeset version {doc.version} as a {page_size} PDF",
    ):
        with st.spinner("Typesetting the PDF…"):
            st.session_state[pdf_key] = _rendered(
                doc.stored_id, doc.version, "pdf", page_size, _context(), redacted
            )
        st.rerun()
