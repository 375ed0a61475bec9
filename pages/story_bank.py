"""Story bank: mine, match, coverage, practice, portfolio and redaction."""

import streamlit as st

from sdmkit.ui.story_bank import coverage_tab, match_tab, mine_tab, study_plan_tab, tabs
from sdmkit.ui.story_portfolio import portfolio_tab, redaction_tab
from sdmkit.ui.story_practice import practice_tab

st.title("Story bank", anchor=False)
st.caption(
    "STAR stories from your own work, mapped to the Leadership Principles and the questions of the loop."
)
for tab, draw in zip(
    tabs(),
    (mine_tab, match_tab, coverage_tab, practice_tab, portfolio_tab, redaction_tab, study_plan_tab),
    strict=True,
):
    with tab:
        draw()
