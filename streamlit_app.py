"""sdmkit's Streamlit entry point: the navigation, and nothing else (see sdmkit.ui.shell)."""

from sdmkit.ui.shell import run

run()
