"""One document per row: title, a muted detail line, one action button."""

from __future__ import annotations

import streamlit as st

from sdmkit.document import shorten
from sdmkit.ui.text import esc

# About a line of the row's bold title; a longer one is cut, whole on hover.
ROW_TITLE_CHARS = 90


def document_row(
    title: str, detail: str, *, label: str, key: str, help: str, on_click=None, icon=None
) -> bool:
    """Both texts are plain (escaped here); help is the button's tooltip (Markdown, so
    no user text in it); returns True when the button was clicked."""
    c1, c2 = st.columns([4, 1], vertical_alignment="center")
    row_text(c1, title, detail)
    return c2.button(label, key=key, on_click=on_click, icon=icon, width="stretch", help=help)


def draft_row(title: str, detail: str, *, key: str, confirm: str, on_discard) -> bool:
    """An unsaved draft: Open (True when clicked), or Discard once the writer confirms,
    since what it holds cannot be brought back."""
    c1, c2, c3 = st.columns([4, 1, 1], vertical_alignment="center")
    row_text(c1, title, detail)
    opened = c2.button("Open", key=key, width="stretch", help="Go on with it in the editor")
    with c3.popover(
        "Discard",
        icon=":material/delete:",
        width="stretch",
        key=f"{key}|discard",
        help="Throw these unsaved changes away; asks first",
    ):
        st.markdown(confirm)
        st.button(
            "Discard for good",
            key=f"{key}|discard|go",
            type="primary",
            icon=":material/delete_forever:",
            on_click=on_discard,
            help="Cannot be undone",
        )
    return opened


def row_text(where, title: str, detail: str) -> None:
    """A row's title, shortened to a line (the whole title in its tooltip), and its detail."""
    short = shorten(title, ROW_TITLE_CHARS)
    # Fixed markup around escaped text: the muted style needs a span.
    where.markdown(
        f"**{esc(short)}**  \n<span class='sdm-muted'>{esc(detail)}</span>",
        unsafe_allow_html=True,
        help=esc(title) if short != title else None,
    )
