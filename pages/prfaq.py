"""PR/FAQs: the list, and the guided editor for one PR/FAQ."""

from sdmkit.ui.editor import kind_page

kind_page("prfaq")
