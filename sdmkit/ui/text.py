"""User text on screen stays text.

Streamlit renders labels, captions and messages as Markdown (with emoji shortcodes,
colour directives and LaTeX), so a title like `![x](http://host/pixel)` would load an
image. Everything a user typed goes through `esc` before it reaches such an element;
tables and st.text/st.code need nothing."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark


def esc(value) -> str:
    if value is None:
        return ""
    return _PUNCT.sub(r"\\\1", " ".join(str(value).split()))


def plural(n: int, noun: str, many: str = "") -> str:
    """'1 item', '2 items': a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"
