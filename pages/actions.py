"""Action items across documents."""

import streamlit as st

from sdmkit.ui.actions import action_table, filters

st.title("Action items", anchor=False)
st.caption(
    "Every open action item from every COE and weekly metric review, most urgent first. Marking one "
    "done saves a new version of its document."
)
action_table(filters())
