"""A kind's landing page: its documents and its unsaved drafts, newest first, with a
useful empty state; and the row of an unsaved draft that Home lists too."""

from __future__ import annotations

import streamlit as st

from sdmkit.kind import Kind
from sdmkit.ui import drafts
from sdmkit.ui.rows import document_row, draft_row
from sdmkit.ui.state import flash, store, when

# Kinds whose documents are mostly made on another page: its link beside "New ...",
# so the list says where its documents come from.
MADE_ON = {
    "story": (
        "pages/story_bank.py",
        "Mine stories from your documents in the Story bank",
        "The Story bank turns your COEs, PR/FAQs, charters, rotations and metric reviews into STAR "
        "stories, matches them to the loop's questions and lets you practise them",
    ),
}


def kind_index(kind: Kind) -> None:
    st.title(kind.plural, anchor=False)
    st.caption(kind.description)
    if st.button(
        f"New {kind.noun}",
        type="primary",
        icon=":material/add:",
        help=f"Start a {kind.noun}, section by section",
    ):
        st.query_params["id"] = "new"
        st.rerun()
    if made_on := MADE_ON.get(kind.id):
        # A button, not st.page_link: a link is checked against the navigation when it
        # is drawn, and a page run on its own (the app tests) has none.
        path, label, why = made_on
        if st.button(label, icon=":material/school:", help=why):
            st.switch_page(path)
    page = store().list(kind=kind.id, limit=50)
    unsaved = store().drafts.all(kind=kind.id)
    for d in (d for d in unsaved if d.document_id is None):
        detail = f"not saved yet · unsaved changes from {when(d.saved_at)}"
        if unsaved_row(kind, d, detail, key=f"open|draft|{d.token}"):
            st.query_params.from_dict({"id": "new", drafts.TOKEN: d.token})
            st.rerun()
    if not page.items and not unsaved:
        how = (
            f"Mine them with *{made_on[1]}*, or write one with *New {kind.noun}*"
            if made_on
            else "Start one with the button above"
        )
        st.info(
            f"No {kind.nouns} yet. {how}; the editor explains each section as you go. Or load the "
            "examples from the Home page to see good ones.",
            icon=":material/lightbulb:",
        )
        return
    pending = {d.document_id: d for d in reversed(unsaved) if d.document_id is not None}
    for s in page.items:
        detail = f"{s.team or 'no team'} · {s.status} · v{s.version} · updated {when(s.updated_at)}"
        if s.id in pending:
            detail += f" · ● unsaved changes from {when(pending[s.id].saved_at)}"
        if document_row(s.title, detail, label="Open", key=f"open|{s.id}", help="Edit it"):
            st.query_params["id"] = str(s.id)
            st.rerun()
    if page.total > len(page.items):
        st.caption(f"{page.total - len(page.items)} more in the Library.")


def draft_title(kind: Kind, d) -> str:
    """What to call an unsaved draft in a list: its title, else what names it, else 'New ...'."""
    return d.meta.title or str(d.content.get(kind.title_field) or "").strip() or f"New {kind.noun}"


def unsaved_row(kind: Kind, d, detail: str, *, key: str) -> bool:
    """One stored draft in a list (Home, the kind's list): True when Open is clicked; its
    Discard asks first, then drops it."""
    if d.document_id is None:
        confirm = f"Discard this unsaved new {kind.noun}? What it holds cannot be brought back."
    else:
        confirm = "Discard these unsaved changes? The saved version stays as it is."

    def discard():
        drafts.discard_stored(store(), d.token)
        flash("Unsaved changes discarded", ":material/delete:")

    return draft_row(draft_title(kind, d), detail, key=key, confirm=confirm, on_discard=discard)
