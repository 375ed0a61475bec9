"""Metric reviews: the list, and the weekly review editor."""

from sdmkit.ui.editor import kind_page

kind_page("metric_review")
