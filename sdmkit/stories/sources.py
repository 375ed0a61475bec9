"""A story's sources: the documents it came from, and whether the figures the
story cites still appear in them (a story that drifted from its source is a story
an interviewer can catch).

Both work from a `lookup` (document id -> stored document, raising NotFound), so
the coach can run the check on an unsaved draft as well as on a stored story."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sdmkit import jsonio
from sdmkit.errors import NotFound


@dataclass(frozen=True)
class FigureCheck:
    figure: str
    found: bool


def document_text(doc) -> str:
    """A document's title and every text of its content in one string, to look for a
    figure in (JSON is the quick way to flatten it; figures hold no quotes to escape)."""
    return doc.title + "\n" + jsonio.dumps(doc.content)


def _sources(story) -> list:
    """The story's source list, from a stored story or from its content model."""
    content = getattr(story, "content", story)
    items = content.get("sources") if isinstance(content, dict) else content.sources
    return [s if isinstance(s, dict) else s.model_dump() for s in items or []]


def _numbers(story) -> list[str]:
    content = getattr(story, "content", story)
    return list((content.get("numbers") if isinstance(content, dict) else content.numbers) or [])


def source_documents(lookup: Callable, story) -> list:
    docs, seen = [], set()
    for src in _sources(story):
        i = src.get("document_id")
        if i and i not in seen:
            seen.add(i)
            try:
                docs.append(lookup(i))
            except NotFound:
                continue  # a source in the trash is not a source to check against
    return docs


def check_figures(lookup: Callable, story) -> list[FigureCheck]:
    """Each figure the story lists, and whether a source document says it. Empty when
    the story has no source documents (written by hand: nothing to check against)."""
    docs = source_documents(lookup, story)
    if not docs:
        return []
    text = "\n".join(document_text(d) for d in docs)
    return [FigureCheck(f, f in text) for f in _numbers(story) if f]


def changed_source(lookup: Callable, story):
    """The document a mined story came from, when it has changed since the version the
    story was mined from (or last checked against), else None. Mining updates a story
    nobody edited; one the user rewrote is kept as it is, so this is how they learn that
    its source moved on."""
    content = getattr(story, "content", story)
    get = content.get if isinstance(content, dict) else lambda k: getattr(content, k, None)
    origin, version = get("origin") or "", get("origin_version")
    if not origin or version is None:
        return None
    try:
        doc = lookup(int(origin.split(":")[0]))
    except (NotFound, ValueError):
        return None
    return doc if doc.version > int(version) else None
