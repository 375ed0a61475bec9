"""The redaction list's table: the names and terms every redacted export replaces.

What the user types is kept over reruns and page switches. Streamlit drops the
data_editor's own key (its edit delta) when a run does not draw it (DESIGN.md's
traps), so the table is a snapshot in a plain key plus that delta, and the rows it
last showed are kept too: when the editor's key is gone, the snapshot is rebuilt
from them. Exports read only the saved list, so typing not yet saved is said to be
unsaved, here and in the Portfolio tab: a name on the screen is not yet a name
replaced."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sdmkit.kind import Column
from sdmkit.redaction import clean_terms, saved_terms, set_terms
from sdmkit.ui import cells
from sdmkit.ui.state import flash, store
from sdmkit.ui.tables import apply_delta

KEY = "sb|terms"  # the data_editor: its edit delta
BASE = "sb|terms|base"  # the rows the editor was given
SHOWN = "sb|terms|shown"  # the rows it showed last: the user's typing
STARTED = "sb|terms|from"  # the saved list when this editing began
COLUMNS = ("term", "replacement")
_COLUMNS = tuple(Column(key, key) for key in COLUMNS)  # two text columns, for tables.apply_delta
# st.session_state, or a plain dict in the tests: Streamlit's proxy is no MutableMapping to mypy
State = Any


def _apply(base: list[dict], delta: dict | None) -> list[dict]:
    """The rows the editor shows: its input plus the user's edits, adds and deletes,
    as the document tables apply them (blank rows left out)."""
    return apply_delta(base, delta, _COLUMNS)


def prepare(state: State, saved: list[dict]) -> list[dict]:
    """Seed the table and return the rows it shows now (raw cells, blank rows too).

    `saved` is the stored list, cleaned. The snapshot is seeded from the user's last
    rows when the editor's key was dropped, and from the saved list the first time;
    when the saved list changed elsewhere (another tab, the CLI) and the user has
    typed nothing since, the table follows it."""
    if KEY not in state or BASE not in state:
        state[BASE] = state.get(SHOWN, saved)
        state.pop(KEY, None)
        state.setdefault(STARTED, saved)
    rows = _apply(state[BASE], state.get(KEY))
    if state[STARTED] != saved and clean_terms(rows) == state[STARTED]:
        reset(state, saved)
        rows = [dict(r) for r in saved]
    state[SHOWN] = rows
    return rows


def reset(state: State, saved: list[dict]) -> None:
    """Show the saved list again (after a save, an addition or a discard)."""
    state[BASE] = [dict(r) for r in saved]
    state[SHOWN] = [dict(r) for r in saved]
    state[STARTED] = saved
    state.pop(KEY, None)


def unsaved(state: State, saved: list[dict]) -> bool:
    """Whether the table holds typing that the saved list (what exports use) lacks."""
    return SHOWN in state and clean_terms(state[SHOWN]) != saved


def draw() -> None:
    import pandas as pd  # on first use: pandas costs most of a second to import

    saved = saved_terms(store())
    rows = prepare(st.session_state, saved)
    changed_elsewhere = st.session_state[STARTED] != saved
    cells.editor(
        # An empty list is an empty table with its add row, not a blank row to fill.
        pd.DataFrame(st.session_state[BASE], columns=list(COLUMNS)),
        key=KEY,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "term": st.column_config.TextColumn(
                "Name or term",
                help="As your documents write it; every place it appears is replaced",
                default="",
            ),
            "replacement": st.column_config.TextColumn(
                "Replace with",
                help=(
                    "What a redacted export shows instead, like [name]; [redacted] if left empty. "
                    "Names that share one are numbered in exports ([name 1], [name 2]), in this "
                    "list's order, so a timeline or a rotation still tells its people apart"
                ),
                default="",
            ),
        },
    )
    dirty = clean_terms(rows) != saved
    if dirty:
        elsewhere = " The list was also changed elsewhere since you began; saving replaces that."
        st.warning(
            "Unsaved changes: redacted exports use the saved list until you save this one."
            + (elsewhere if changed_elsewhere else ""),
            icon=":material/edit_note:",
        )
    else:
        st.caption(f"Saved · {len(saved)} {'term' if len(saved) == 1 else 'terms'}")
    save, discard = st.columns([1, 3])
    if save.button(
        "Save the list",
        icon=":material/save:",
        type="primary" if dirty else "secondary",
        disabled=not dirty,
        help="Keep the names and terms in the table above; redacted exports use them from now on",
    ):
        set_terms(store(), rows)
        reset(st.session_state, saved_terms(store()))
        flash("Redaction list saved")
        st.rerun()
    if dirty and discard.button(
        "Discard changes",
        icon=":material/undo:",
        help="Show the saved list again; what you typed since the last save is dropped",
    ):
        reset(st.session_state, saved)
        st.rerun()


def add_names(names: list[str], replacement: str = "[name]") -> None:
    """Put these people (or services) on the saved list, each as [name] ([service]).
    Typing not yet saved stays in the table, with the names added to it too: it is
    still the user's to save."""
    state = st.session_state
    before = saved_terms(store())
    extra = [{"term": n, "replacement": replacement} for n in names]
    set_terms(store(), before + extra)
    now = saved_terms(store())
    typed = state.get(SHOWN)
    if typed is None or clean_terms(typed) == before:
        reset(state, now)
        return
    listed = {r["term"] for r in clean_terms(typed)}
    rows = [dict(r) for r in typed] + [e for e in extra if e["term"] not in listed]
    state[BASE] = rows
    state[SHOWN] = rows
    state[STARTED] = now
    state.pop(KEY, None)
