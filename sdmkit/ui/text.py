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


# What makes Markdown on one line, in Streamlit's flavour: emphasis, code, links and
# images, HTML and entities, strikethrough, LaTeX ($), autolinked addresses (@), and a
# colon against a word (emoji ':smile:', icons ':material/x:', 'https://'). Parentheses,
# hyphens, dots, a colon before a space and the like do nothing once these are escaped.
_ACTIVE = re.compile(r"([\\`*_\[\]<>!$~&|@]|:(?=\S))")
# at the very start of the text: a heading, a list item, a quote, a numbered item
_LEADING = re.compile(r"^(#|[-+>=]|\d+[.)])")


def label(value) -> str:
    """User text in a widget's label, inert as esc() makes it. A label is also the
    box's accessible name, which a screen reader reads as given, so this escapes only
    what would form Markdown: 'p99 latency (ms)' stays as it is, where esc() gives
    'p99 latency \\(ms\\)'."""
    if value is None:
        return ""
    text = _ACTIVE.sub(r"\\\1", " ".join(str(value).split()))
    text = re.sub(r"(?i)\bwww\.", r"www\\.", text)  # an address GFM links without a scheme
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def plural(n: int, noun: str, many: str = "") -> str:
    """'1 item', '2 items': a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"
