"""Shared app state: the store (one per database URL) and small formatting helpers."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from sdmkit.store import Store, open_store
from sdmkit.store.db import database_url


@st.cache_resource(show_spinner="Opening the workspace…")
def _store_for(url: str) -> Store:
    return open_store(url)


def store() -> Store:
    return _store_for(database_url())


def when(value: datetime | None) -> str:
    """A saved time in the viewer's terms: 'today 14:02 UTC', '3 Nov 2026'."""
    if value is None:
        return ""
    now = datetime.now(value.tzinfo)
    if value.date() == now.date():
        return f"today {value:%H:%M} UTC"
    return f"{value:%d %b %Y}"


def flash(message: str, icon: str = ":material/check_circle:") -> None:
    """A message that survives the rerun after a button callback."""
    st.session_state.setdefault("_flash", []).append((message, icon))


def show_flashes() -> None:
    for message, icon in st.session_state.pop("_flash", []):
        st.toast(message, icon=icon)
