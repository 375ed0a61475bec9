"""Settings: where the data lives, PDF page size, a backup of the workspace, the versions."""

import streamlit as st

from sdmkit.ui.settings import backup_section, data_section, pdf_section, versions_section

st.title("Settings", anchor=False)
data_section()
pdf_section()
backup_section()
versions_section()
