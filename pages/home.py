"""Home: what sdmkit is for, what to start, what was recent, what needs attention."""

import streamlit as st

from sdmkit.ui.home import attention_list, empty_workspace, recent_documents, start_buttons, unsaved_drafts

st.title("sdmkit", anchor=False)
st.markdown(
    "The workbench for the written mechanisms you run your team with. Every editor teaches what a good "
    "document looks like while you write it, every save is kept, and every document exports as Markdown "
    "or a PDF that reads like the real thing."
)
st.subheader("Start a document", anchor=False)
start_buttons()
with st.container():  # filled only while some editor has unsaved changes
    unsaved_drafts()
if not empty_workspace():
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("Recent", anchor=False)
        recent_documents()
    with right:
        st.subheader("Needs attention", anchor=False)
        attention_list()
