"""The document value: what a document is, below the store, the interchange format and
the editor, which all pass it whole.

`DocumentMeta` is everything about a document that is not its content (title, team,
status, tags and the coach's per-document settings). It is declared once, here: the
store's rows, the interchange file's top-level keys and the editor's Document tab are
all made from its fields, so a new setting travels through create, save, import,
export, examples, actions and restore without anyone listing it again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sdmkit.errors import FieldProblem, InvalidDocument, NotFound
from sdmkit.registry import get_kind

if TYPE_CHECKING:
    from pydantic import BaseModel

    from sdmkit.kind import Kind

LIST_FIELDS = ("tags", "coach_off", "coach_allow")


def shorten(title: str, limit: int) -> str:
    """A title of at most `limit` characters: as it is when it fits, else on one line
    and cut at a word, with an ellipsis. For a list, where one long title must not push
    the rest away, and for a title made from the document, which must fit its column."""
    if len(title) <= limit:
        return title
    text = " ".join(title.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    whole = text[limit - 1] == " "  # the cut falls at a word's end: that word is whole
    if not whole and " " in cut[limit // 2 :]:  # a word boundary in the second half: cut there
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


@dataclass(frozen=True)
class DocumentMeta:
    title: str = ""
    team: str = ""
    status: str = ""  # empty: the kind's first status
    tags: tuple[str, ...] = ()
    coach_off: tuple[str, ...] = ()  # coach rules switched off for this document
    coach_allow: tuple[str, ...] = ()  # words the coach accepts in this document

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return _META_NAMES

    def to_dict(self) -> dict[str, Any]:
        """As the interchange format and JSON columns hold it (lists, not tuples)."""
        return {n: list(v) if isinstance(v, tuple) else v for n, v in self._items()}

    def _items(self) -> Iterator[tuple[str, Any]]:
        return ((n, getattr(self, n)) for n in self.names())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentMeta:
        """From a mapping that may hold other keys (an interchange file, a draft); names
        each field of the wrong type, so a hand-edited file gets a clear message."""
        problems: list[FieldProblem] = []
        values: dict[str, Any] = {}
        for name in cls.names():
            value = data.get(name)
            if value is None:
                continue
            if name in LIST_FIELDS:
                if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                    problems.append(FieldProblem(name, "expected a list of words"))
                    continue
                values[name] = tuple(value)
            elif isinstance(value, str):
                values[name] = value
            else:
                problems.append(FieldProblem(name, f"expected text, not {type(value).__name__}"))
        if problems:
            raise InvalidDocument(problems)
        return cls(**values)

    def replace(self, **changes: Any) -> DocumentMeta:
        for name in LIST_FIELDS:
            if name in changes:
                changes[name] = tuple(changes[name] or ())
        return dataclasses.replace(self, **changes)


# What names() answers, read once: a store reads a document's metadata by these
# names for every row it loads.
_META_NAMES = tuple(f.name for f in dataclasses.fields(DocumentMeta))


@dataclass
class Document:
    """A stored document (or one about to be): its kind, metadata and content, and where
    it stands in the store (id, version, times). Reading `doc.title` and the other
    metadata names is a shortcut for `doc.meta.title`."""

    id: int | None
    kind: str
    meta: DocumentMeta = DocumentMeta()
    content: dict[str, Any] = dataclasses.field(default_factory=dict)
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def stored_id(self) -> int:
        """The id of a document the store returned; one not yet saved has none."""
        if self.id is None:
            raise NotFound("this document has not been saved yet")
        return self.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def team(self) -> str:
        return self.meta.team

    @property
    def status(self) -> str:
        return self.meta.status

    @property
    def tags(self) -> list[str]:
        return list(self.meta.tags)

    @property
    def coach_off(self) -> list[str]:
        return list(self.meta.coach_off)

    @property
    def coach_allow(self) -> list[str]:
        return list(self.meta.coach_allow)

    @property
    def kind_spec(self) -> Kind:
        return get_kind(self.kind)

    def model(self) -> BaseModel:
        return self.kind_spec.validate(self.content)

    def with_content(self, content: dict[str, Any]) -> Document:
        return dataclasses.replace(self, content=content)

    def with_meta(self, **changes: Any) -> Document:
        return dataclasses.replace(self, meta=self.meta.replace(**changes))
