"""Team charters: the list, and the guided editor for one charter."""

from sdmkit.ui.editor import kind_page

kind_page("charter")
