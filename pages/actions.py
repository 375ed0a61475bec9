"""Action items across documents."""

import streamlit as st

from sdmkit.ui.actions import action_table, filters

st.title("Action items", anchor=False)
st.caption("Every open action item from every COE, most urgent first. Marking one done saves a new version "
           "of its COE.")
action_table(filters())
