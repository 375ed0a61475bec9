"""Settings: where the data lives, PDF page size, a backup of the workspace."""

import streamlit as st

from sdmkit.ui.settings import backup_section, data_section, pdf_section

st.title("Settings", anchor=False)
data_section()
pdf_section()
backup_section()
