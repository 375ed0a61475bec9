"""A story's sources tab: links to the documents it came from, and its figures checked."""

from __future__ import annotations

import streamlit as st

from sdmkit.registry import get_kind
from sdmkit.stories.grounding import grounded
from sdmkit.stories.mine import untouched
from sdmkit.stories.sources import changed_source, check_figures, source_documents
from sdmkit.ui.state import store
from sdmkit.ui.text import esc


def sources_view(draft: dict) -> None:
    if draft["doc_id"] is None:
        st.caption("Mined stories link to their documents here; save this story to check its figures.")
        return
    story = store().get(draft["doc_id"])
    docs = source_documents(store().get, story)
    if not docs:
        st.caption("Written by hand: no source documents.")
        return
    if moved := changed_source(store().get, draft["content"]):
        if untouched(draft["content"]):  # as the coach says it: mining rewrites a story nobody edited
            what = "The story is as mining wrote it: mine again (Story bank, Mine) to bring it up to date."
        else:
            what = (
                "Your edits are kept, so mining did not rewrite the story: open the document's History to see "
                "what changed, and update the story."
            )
        st.warning(
            f"**{esc(moved.title)}** has changed since this story was taken from it (version "
            f"{draft['content'].get('origin_version')}, now {moved.version}). {what}",
            icon=":material/update:",
        )
        if st.button(
            f"I have checked it against version {moved.version}",
            key="src|checked",
            help="Records that the story matches the document as it is now; Save the story to keep it",
        ):
            draft["content"]["origin_version"] = moved.version
            st.rerun()
    for d in docs:
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        c1.markdown(
            f"**{esc(d.title)}**  \n<span class='sdm-muted'>{get_kind(d.kind).label} · version {d.version}"
            "</span>",
            unsafe_allow_html=True,
        )
        if c2.button(
            "Open", key=f"src|{d.id}", width="stretch", help="Open the source document in its editor"
        ):
            st.switch_page(get_kind(d.kind).page, query_params={"id": str(d.id)})
    said = [g for g in grounded(story.content) if g[2]]
    if said:
        with st.expander(f"Where each mined sentence comes from ({len(said)})", icon=":material/link:"):
            for part, sentence, field in said:
                st.markdown(f"**{esc(part)}** · from {esc(field)}  \n{esc(sentence)}")
    checks = check_figures(store().get, story)
    if checks:
        st.markdown("**Figures**")
        for c in checks:
            (st.success if c.found else st.error)(
                f"{esc(c.figure)}: "
                + ("in the source" if c.found else "not in any source document; check it"),
                icon=":material/check:" if c.found else ":material/error:",
            )
