"""Metrics: each team's catalog and weekly data, read by its weekly reviews."""

import streamlit as st

from sdmkit.ui.metrics import catalog_tab, choose_team, data_tab, import_tab, tabs, type_tab

st.title("Metrics", anchor=False)
st.caption("A team's metric catalog and weekly values. Every weekly review of the team reads them.")
team = choose_team()
if team:
    cat, typed, imp, data = tabs()
    with cat:
        catalog_tab(team)
    with typed:
        type_tab(team)
    with imp:
        import_tab(team)
    with data:
        data_tab(team)
