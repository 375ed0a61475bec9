"""Tables, and what they show in a cell that holds nothing.

Streamlit writes "None" in an empty cell, which reads as a value to a manager ("Left:
None", "Owner: None") and is not what their document says. A cell to type into is
blank; a cell of a table that is only read shows a dash. Every table of the app is
drawn here (tests/test_architecture.py holds the pages and widgets to that)."""

from __future__ import annotations

from typing import Any

import streamlit as st

TYPE_INTO = ""  # st.data_editor: an empty cell waiting to be filled
NOTHING = "—"  # st.dataframe: a value the document does not have


def table(data: Any, **options: Any) -> Any:
    """st.dataframe, its empty cells a dash; returns what it returns (a selection)."""
    return st.dataframe(data, placeholder=NOTHING, **options)


def editor(data: Any, **options: Any) -> Any:
    """st.data_editor, its empty cells blank; returns the edited data."""
    return st.data_editor(data, placeholder=TYPE_INTO, **options)
