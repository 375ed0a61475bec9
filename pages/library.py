"""Library: every document, with filters, search, history, export and the trash."""

import streamlit as st

from sdmkit.ui.library import documents_tab, trash_tab

st.title("Library", anchor=False)
documents, trash = st.tabs(["Documents", "Trash"])
with documents:
    documents_tab()
with trash:
    trash_tab()
