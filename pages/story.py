"""Stories: the STAR story bank, and the editor for one story."""

from sdmkit.ui.editor import kind_page

kind_page("story")
