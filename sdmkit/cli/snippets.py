"""Search snippets on a terminal: the hits stand out, and user text stays text.

A title or a document body may hold control characters (an ESC sequence can
recolour, retitle or clear a terminal), so everything a user wrote is printed with
control characters replaced by a space. The hits are bold on a terminal and
[between brackets] in a pipe or a file."""

from __future__ import annotations

import re

from sdmkit.store.search import snippet_parts

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def terminal_safe(text: str) -> str:
    return _CONTROL.sub(" ", text or "")


def snippet_line(snippet: str, *, color: bool) -> str:
    out = []
    for text, hit in snippet_parts(snippet):
        text = terminal_safe(text)
        if hit:
            text = f"{BOLD}{text}{PLAIN}" if color else f"[{text}]"
        out.append(text)
    return "".join(out)


def snippet_text(snippet: str) -> str:
    """The snippet as plain text (for --json), hits unmarked."""
    return "".join(text for text, _ in snippet_parts(snippet))


def snippet_hits(snippet: str) -> list[str]:
    """The words of the snippet that matched, in order."""
    return [text for text, hit in snippet_parts(snippet) if hit]
