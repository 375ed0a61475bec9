"""A story's sources: the documents it came from, and whether the figures the
story cites still appear in them (a story that drifted from its source is a story
an interviewer can catch)."""

from __future__ import annotations

from dataclasses import dataclass

from sdmkit.errors import NotFound


@dataclass(frozen=True)
class FigureCheck:
    figure: str
    found: bool


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def source_documents(store, story) -> list:
    docs, seen = [], set()
    for src in story.content.get("sources") or []:
        i = src.get("document_id")
        if i and i not in seen:
            seen.add(i)
            try:
                docs.append(store.get(i))
            except NotFound:
                continue
    return docs


def check_figures(store, story) -> list[FigureCheck]:
    """Each figure the story lists, and whether a source document says it."""
    docs = source_documents(store, story)
    if not docs:
        return []
    text = "\n".join(t for d in docs for t in _texts(d.content)) + "\n" + "\n".join(d.title for d in docs)
    return [FigureCheck(f, f in text) for f in story.content.get("numbers") or [] if f]
