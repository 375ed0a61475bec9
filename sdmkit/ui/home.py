"""Pieces of the Home page."""

from __future__ import annotations

import streamlit as st

from sdmkit.attention import needs_attention
from sdmkit.kinds import all_kinds, get_kind
from sdmkit.ui.state import flash, store, when
from sdmkit.ui.text import esc


def start_buttons() -> None:
    kinds = all_kinds()
    cols = st.columns(max(len(kinds), 3))
    for col, kind in zip(cols, kinds, strict=False):
        with col.container(border=True):
            st.markdown(f"**{kind.label}**")
            st.caption(kind.description)
            if st.button(f"New {kind.label.lower()}", key=f"home|new|{kind.id}", icon=":material/add:",
                         width="stretch"):
                st.switch_page(kind.page, query_params={"id": "new"})


def empty_workspace() -> bool:
    if store().count():
        return False

    def load():
        from sdmkit.examples import load_examples

        created, _ = load_examples(store())
        flash(f"Loaded {len(created)} example documents")

    st.info("Your workspace is empty. Start a document above, or load the examples to see what good looks "
            "like: realistic, filled documents you can edit, export or delete.", icon=":material/lightbulb:")
    st.button("Load the examples", type="primary", icon=":material/library_add:", on_click=load)
    return True


def _open(doc_id: int, kind_id: str, key: str, label: str) -> None:
    if st.button(label, key=key, width="stretch"):
        st.switch_page(get_kind(kind_id).page, query_params={"id": str(doc_id)})


def recent_documents() -> None:
    for s in store().list(limit=6).items:
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        c1.markdown(f"**{esc(s.title)}**  \n<span class='sdm-muted'>{get_kind(s.kind).label} · {esc(s.status)} · "
                    f"updated {esc(when(s.updated_at))}</span>", unsafe_allow_html=True)
        with c2:
            _open(s.id, s.kind, f"home|recent|{s.id}", "Open")


@st.cache_data(ttl=20, show_spinner=False)
def _attention(_url_marker: str):
    return needs_attention(store())


def attention_list() -> None:
    from sdmkit.store.db import database_url

    items = _attention(database_url())
    if not items:
        st.success("Nothing needs attention: no coach errors and nothing overdue.", icon=":material/task_alt:")
        return
    for a in items[:8]:
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        c1.markdown(f"**{esc(a.title)}**  \n<span class='sdm-muted'>{esc('; '.join(a.reasons))}</span>",
                    unsafe_allow_html=True)
        with c2:
            _open(a.doc_id, a.kind, f"home|att|{a.doc_id}", "Fix")
    if len(items) > 8:
        st.caption(f"{len(items) - 8} more.")
