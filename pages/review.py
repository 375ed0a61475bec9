"""Review mode: read-only reading, margin comments and the decision log."""

import streamlit as st

from sdmkit.ui.review import choose_document, review

raw = st.query_params.get("id")
if raw and raw.isdigit():
    review(int(raw))
else:
    st.title("Review", anchor=False)
    choose_document()
