"""Pieces of the Home page."""

from __future__ import annotations

import streamlit as st

from sdmkit import clock
from sdmkit.attention import needs_attention
from sdmkit.examples import load_examples
from sdmkit.registry import all_kinds, get_kind
from sdmkit.store.db import database_url
from sdmkit.ui.drafts import TOKEN
from sdmkit.ui.kind_index import unsaved_row
from sdmkit.ui.rows import document_row
from sdmkit.ui.state import flash, store, when


def start_buttons() -> None:
    kinds = all_kinds()
    # Three to a row: six in one row left each card 130 px wide, and the buttons broke
    # their words ('New team charte / r'). Cards of a row are one height.
    per_row = 3
    cols = []
    for _ in range(0, len(kinds), per_row):
        cols += st.columns(per_row)
    for col, kind in zip(cols, kinds, strict=False):
        with col.container(border=True, height="stretch"):
            st.markdown(f"**{kind.label}**")
            st.caption(kind.description)
            if st.button(
                f"New {kind.noun}",
                key=f"home|new|{kind.id}",
                icon=":material/add:",
                width="stretch",
                help=f"Start an empty {kind.noun} in its editor",
            ):
                st.switch_page(kind.page, query_params={"id": "new"})


def empty_workspace() -> bool:
    if store().count():
        return False

    def load():

        created, _ = load_examples(store())
        flash(f"Loaded {len(created)} example documents")

    st.info(
        "Your workspace is empty. Start a document above, or load the examples to see what good looks "
        "like: realistic, filled documents you can edit, export or delete.",
        icon=":material/lightbulb:",
    )
    st.button(
        "Load the examples",
        type="primary",
        icon=":material/library_add:",
        on_click=load,
        help="Add a filled example of each kind of document to your workspace",
    )
    return True


def _open(doc_id: int, kind_id: str) -> None:
    st.switch_page(get_kind(kind_id).page, query_params={"id": str(doc_id)})


def unsaved_drafts() -> bool:
    """Every editor tab's unsaved changes left in the workspace; True when there are any."""

    found = store().drafts.all()
    if found:
        st.subheader("Unsaved changes", anchor=False)
        st.caption("Open one to go on and save it, or discard it; nothing you typed is lost meanwhile.")
    for d in found[:8]:
        kind = get_kind(d.kind)
        where = "not saved yet" if d.document_id is None else f"changes to version {d.base_version}"
        detail = f"{kind.label} · {where} · from {when(d.saved_at)}"
        if unsaved_row(kind, d, detail, key=f"home|draft|{d.token}"):
            target = "new" if d.document_id is None else str(d.document_id)
            st.switch_page(kind.page, query_params={"id": target, TOKEN: d.token})
    if len(found) > 8:
        st.caption(f"{len(found) - 8} more, on each kind's list.")
    return bool(found)


def recent_documents() -> None:
    for s in store().list(limit=6).items:
        detail = f"{get_kind(s.kind).label} · {s.status} · updated {when(s.updated_at)}"
        if document_row(s.title, detail, label="Open", key=f"home|recent|{s.id}", help="Edit it"):
            _open(s.id, s.kind)


@st.cache_data(show_spinner=False, max_entries=8)
def _attention(url: str, fingerprint: tuple, today: str):
    # Every argument is part of the cache key (an underscore-named one would not be):
    # the workspace, its fingerprint (any save or delete moves it) and the day, since
    # an action item becomes overdue overnight without any save.
    return needs_attention(store())


def attention_items():

    return _attention(database_url(), store().fingerprint(), clock.today().isoformat())


def attention_list() -> None:
    items = attention_items()
    if not items:
        st.success(
            "Nothing needs attention: no coach errors and nothing overdue.", icon=":material/task_alt:"
        )
        return
    for a in items[:8]:
        if document_row(
            a.title,
            "; ".join(a.reasons),
            label="Fix",
            key=f"home|att|{a.doc_id}",
            help="Open it in its editor",
        ):
            _open(a.doc_id, a.kind)
    if len(items) > 8:
        st.caption(f"{len(items) - 8} more.")
