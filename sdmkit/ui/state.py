"""Shared app state: the store (one per database URL) and small formatting helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from sdmkit import clock
from sdmkit.store import Store, open_store
from sdmkit.store.db import database_url


@st.cache_resource(show_spinner="Opening the workspace…")
def _store_for(url: str) -> Store:
    return open_store(url)


def store() -> Store:
    return _store_for(database_url())


def kept(
    widget: Callable[..., Any],
    *args: Any,
    key: str,
    start: dict[str, Any] | None = None,
    valid: Callable[[Any], bool] | None = None,
    **kwargs: Any,
) -> Any:
    """A widget whose choice survives a visit to another page (a tab, a round, a
    toggle, a name typed): Streamlit drops a widget's key on a run that does not draw
    it, and the widget would come back at its first choice, or empty. A plain copy of
    the key, written on every run that draws it, gives the choice back.

    `start`: the widget's own starting arguments (value=, index=), passed only on a
    draw with no choice to give back (Streamlit warns when both they and the key set
    it; widgets keyed by their key alone keep their identity either way). Not set
    through the key: a toggle on a tab not yet shown, given its start that way, showed
    off in Chromium while the run read it as on. `valid`: whether a kept choice may
    come back (a story since deleted may not). The key is written on every run that
    draws the widget, so every message to the browser carries the choice."""
    restore(key, valid)
    if key in st.session_state:
        # Written on every run, not only the one that gave the choice back: Streamlit
        # sends a keyed widget's value to the browser only in a run that writes its
        # key, and the browser draws a widget from the newest message it has once the
        # widget's code has loaded. A tab clicked before then reran without the value:
        # the Redact switch was drawn off and the next run read it off (the editor's
        # fields write theirs on every run for the same reason: sdmkit.ui.widget_base).
        st.session_state[key] = st.session_state[key]
        first = {}
    else:
        first = start or {}
    drawn = widget(*args, key=key, **first, **kwargs)
    st.session_state[kept_copy(key)] = st.session_state.get(key)
    return drawn


def restore(key: str, valid: Callable[[Any], bool] | None = None) -> None:
    """Give a kept widget's key back its copy, before the widget is drawn: for code that
    reads the choice above the widget (kept() calls it too)."""
    copy = kept_copy(key)
    missing = key not in st.session_state and copy in st.session_state
    if missing and (valid is None or valid(st.session_state[copy])):
        st.session_state[key] = st.session_state[copy]


def kept_copy(key: str) -> str:
    """The plain key kept() copies a widget's choice to; a callback that sets the
    widget's choice sets it too."""
    return f"{key}|kept"


def viewer_zone():
    """The browser's time zone (stored times are UTC); UTC when the browser does not say."""

    name = getattr(st.context, "timezone", None)
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def when(value: datetime | None) -> str:
    """A saved time in the viewer's zone: 'today 14:02', '3 Nov 2026'."""
    if value is None:
        return ""
    zone = viewer_zone()
    local = value.astimezone(zone)
    suffix = " UTC" if str(zone) == "UTC" else ""
    if local.date() == clock.now(zone).date():
        return f"today {local:%H:%M}{suffix}"
    return f"{local:%d %b %Y}"


def stamp(value: datetime) -> str:
    """Date and time in the viewer's zone, for tables."""
    zone = viewer_zone()
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") + (" UTC" if str(zone) == "UTC" else "")


def flash(message: str, icon: str = ":material/check_circle:") -> None:
    """A message that survives the rerun after a button callback."""
    st.session_state.setdefault("_flash", []).append((message, icon))


def show_flashes() -> None:
    for message, icon in st.session_state.pop("_flash", []):
        st.toast(message, icon=icon)
