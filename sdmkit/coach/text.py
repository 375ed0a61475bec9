"""Text primitives the coach's rules share: masking what the writer could not phrase
differently (code, links, quoted names), sentences and words."""

from __future__ import annotations

import re

_CODE = re.compile(r"`[^`]*`")
_URL = re.compile(r"\b(?:https?|ftp|file|mailto):[^\s)>\]]+|\bwww\.[^\s)>\]]+", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_QUOTED = re.compile(r"\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”")


def mask(text: str) -> str:
    """Blank out code, links and quoted names, keeping offsets stable."""
    for pattern in (_CODE, _URL, _QUOTED):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return _MD_LINK.sub(lambda m: " " * len(m.group(0)), text)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])|\n\s*\n|\n\s*[-*]\s+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", text)
