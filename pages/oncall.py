"""On-call rotations: the list, and the editor with the generated schedule."""

from sdmkit.ui.editor import kind_page

kind_page("oncall")
