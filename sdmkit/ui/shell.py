"""The app shell: page config, theme touches and the navigation."""

from __future__ import annotations

import streamlit as st

from sdmkit.registry import all_kinds
from sdmkit.ui.state import show_flashes

_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; max-width: 1280px; }
.sdm-badge { display:inline-block; padding:0.1rem 0.55rem; border-radius:0.8rem; font-size:0.8rem; font-weight:600; }
.sdm-saved { background:#e7f5ec; color:#17663a; }
.sdm-unsaved { background:#fff4d6; color:#8a5a00; }
.sdm-conflict { background:#fde8e8; color:#9b1c1c; }
.sdm-muted { color:#6b7280; font-size:0.85rem; }
/* A handoff note shown as a document: headings at reading size, not page-title size. */
.sdm-note h1 { font-size: 1.35rem; margin: 0 0 0.4rem; }
.sdm-note h2 { font-size: 1.1rem; margin: 0.8rem 0 0.3rem; }
/* Figures on cards wrap rather than end in an ellipsis ("27.5…"). */
[data-testid="stMetricValue"] { font-size: 1.6rem; }
[data-testid="stMetricValue"] > div { white-space: normal; overflow: visible; text-overflow: clip; }
</style>
"""


def pages() -> dict[str, list]:
    """The navigation: the workspace's pages, one editor page per kind, settings."""
    home = st.Page("pages/home.py", title="Home", icon=":material/home:", default=True)
    library = st.Page("pages/library.py", title="Library", icon=":material/folder_open:")
    actions = st.Page("pages/actions.py", title="Action items", icon=":material/checklist:")
    review = st.Page("pages/review.py", title="Review", icon=":material/rate_review:")
    metrics = st.Page("pages/metrics.py", title="Metrics", icon=":material/query_stats:")
    bank = st.Page("pages/story_bank.py", title="Story bank", icon=":material/school:")
    kinds = {k.id: st.Page(k.page, title=k.plural, icon=k.icon, url_path=k.id) for k in all_kinds()}
    settings = st.Page("pages/settings.py", title="Settings", icon=":material/settings:")
    # Stories are no mechanism: they sit with the story bank that mines them, so a new
    # user sees one place to prepare for the loop, not a "Story bank" and a "Stories"
    # in two sections with nothing to say how they differ.
    stories = kinds.pop("story")
    return {
        "Workspace": [home, library, actions, review, metrics],
        "Mechanisms": list(kinds.values()),
        "Interview prep": [bank, stories],
        "sdmkit": [settings],
    }


def run() -> None:
    st.set_page_config(
        page_title="sdmkit", page_icon=":material/edit_note:", layout="wide", initial_sidebar_state="expanded"
    )
    st.markdown(_CSS, unsafe_allow_html=True)  # our own constant CSS, no user text
    sections = pages()
    page = st.navigation(sections, position="hidden")
    with st.sidebar:
        # Our own links rather than st.navigation's: those keep the query string when they
        # point at the page already open, so "COEs" inside a COE stayed in that COE. These
        # always open the page itself (the list), with no document chosen.
        for header, members in sections.items():
            st.caption(header)
            for p in members:
                st.page_link(p, label=p.title, icon=p.icon, query_params={}, width="stretch")
        st.caption(
            "Unsaved changes are kept in this workspace until you save or discard them; every save "
            "is a new version."
        )
    show_flashes()
    page.run()


def open_document(kind_page: str, doc_id: int | None) -> None:
    """Go to a kind's editor, on a document or on a new draft."""
    st.switch_page(kind_page, query_params={"id": str(doc_id)} if doc_id else {"id": "new"})
