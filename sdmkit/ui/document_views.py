"""The editor's two views beside the writing: the document's settings (title, status,
team, tags, the coach's per-document settings) and its history and exports."""

from __future__ import annotations

import streamlit as st

from sdmkit.coach import rule_catalog
from sdmkit.kind import Kind
from sdmkit.store.normalise import TEAM_CHARS, TITLE_CHARS
from sdmkit.ui import drafts
from sdmkit.ui.exports import export_buttons
from sdmkit.ui.history import history_panel
from sdmkit.ui.state import store


def settings_view(kind: Kind, key: str, problems: dict) -> None:
    shown = kind.meta_fields_in_sections()  # a kind may put title or status in its own sections
    if "title" not in shown:
        st.text_input(
            "Title",
            key=drafts.meta_key(key, "title"),
            max_chars=TITLE_CHARS,
            help="How the document appears in lists and exports. Left empty, it is made from the document. "
            f"Up to {TITLE_CHARS} characters.",
        )
        for p in problems.get("meta.title", []):
            st.error(p)
    if "status" not in shown:
        st.selectbox(
            "Status",
            kind.statuses,
            key=drafts.meta_key(key, "status"),
            help="Where the document is in its life: drafts are yours, approved ones are the team's.",
        )
    if "team" not in shown:
        st.text_input(
            "Team",
            key=drafts.meta_key(key, "team"),
            max_chars=TEAM_CHARS,
            help=f"Used to filter the Library. Left empty, it is taken from the document. Up to {TEAM_CHARS} "
            "characters.",
        )
    st.text_input("Tags", key=drafts.meta_key(key, "tags"), help="Comma-separated words to find this by.")
    rules = {r.id: r.title for r in rule_catalog(kind)}
    st.multiselect(
        "Coach rules switched off for this document",
        list(rules),
        key=drafts.meta_key(key, "coach_off"),
        format_func=lambda rid: rules.get(rid, rid),
        help="Switch off a rule that does not fit this document; it stays on for the others.",
    )
    st.text_input(
        "Words the coach accepts here",
        key=drafts.meta_key(key, "coach_allow"),
        help="Comma-separated: a product name in capitals, a term of art, a word the coach flags but "
        "this document needs. Only for this document.",
    )


def history_view(kind: Kind, key: str, draft: dict, dirty: bool) -> None:
    if draft["doc_id"] is None:
        st.info("Save the document to export it and to start its history.", icon=":material/info:")
        return
    doc = store().get(draft["doc_id"])
    st.markdown("**Export**")
    if dirty:
        st.caption(f"Exports use the saved version {doc.version}; save first to include your changes.")
    export_buttons(doc, key=f"{key}|export")
    st.markdown("**History**")

    def restored(new_doc):
        drafts.saved(key, draft, new_doc, store())

    history_panel(doc, key=f"{key}|history", on_restored=restored)
