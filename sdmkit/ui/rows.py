"""One document per row: title, a muted detail line, one action button."""

from __future__ import annotations

import streamlit as st

from sdmkit.ui.text import esc


def document_row(title: str, detail: str, *, label: str, key: str, on_click=None, icon=None) -> bool:
    """Both texts are plain (escaped here); returns True when the button was clicked."""
    c1, c2 = st.columns([4, 1], vertical_alignment="center")
    # Fixed markup around escaped text: the muted style needs a span.
    c1.markdown(f"**{esc(title)}**  \n<span class='sdm-muted'>{esc(detail)}</span>", unsafe_allow_html=True)
    return c2.button(label, key=key, on_click=on_click, icon=icon, width="stretch")
