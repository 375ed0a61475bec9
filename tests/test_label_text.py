"""A widget's label carries user text inert, and without the backslashes a screen
reader would read: the label is the box's accessible name as given."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sdmkit.ui.text import label

# CommonMark with strikethrough and tables, as GitHub's flavour has them; Streamlit's
# own additions ($, :shortcodes:, www. links) are checked by pattern below.
_MD = MarkdownIt("commonmark").enable(["strikethrough", "table"])
_TRICKY = st.sampled_from(
    list("\\`*_[]<>!:$~&|@#-+=.()/ 019aZ")
    + ["![x](http://h/p)", "www.", "https://", ":smile:", "&lt;", "1. ", "**", "~~", "<b>", "\n"]
)


def _rendered(text: str) -> str:
    return _MD.render(text).strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRICKY, max_size=12).map("".join))
def test_a_label_renders_as_the_text_typed_and_nothing_else(typed):
    shown = " ".join(typed.split())
    out = label(typed)
    # one paragraph of the text itself: no link, image, emphasis, code, list or HTML
    assert _rendered(out) in {"", f"<p>{html.escape(shown, quote=False)}</p>"}, out
    # Streamlit's additions to Markdown: LaTeX, emoji and icon codes, addresses
    assert not re.search(r"(?<!\\)\$", out)
    assert not re.search(r"(?<!\\):\S", out)
    assert not re.search(r"(?i)\bwww\.", out)


def test_a_plain_label_has_no_backslashes():
    for name in ("p99 latency (ms)", "COE action-item age (p50) (days)", "Change failure rate (%)"):
        assert label(name) == name
    assert label("Tell me about a time you failed. What did you learn?") == (
        "Tell me about a time you failed. What did you learn?"
    )
