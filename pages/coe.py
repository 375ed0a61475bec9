"""COEs: the list, and the guided editor for one COE."""

from sdmkit.ui.editor import kind_page

kind_page("coe")
