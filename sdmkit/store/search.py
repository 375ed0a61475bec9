"""The text a document is found by."""

from __future__ import annotations


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def search_text(title: str, team: str, tags: list, content: dict) -> str:
    parts = [title or "", team or "", *(tags or []), *_strings(content or {})]
    return "\n".join(p for p in parts if p).lower()


def terms(query: str) -> list[str]:
    return [t for t in (query or "").lower().split() if t]
