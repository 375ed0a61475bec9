"""Errors a user can act on. Each carries the place (file, field) and the problem,
so the CLI prints one line and the app shows a message beside the right field."""

from __future__ import annotations

import re
from dataclasses import dataclass


class SdmkitError(Exception):
    """Base for every error that is the user's to fix; never shown as a traceback."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(text: str, limit: int = 300) -> str:
    """Text as one printable line: a key or value quoted from a file may hold newlines
    or control characters, and a report is one line per problem."""
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class FieldProblem:
    field: str  # dotted path, e.g. "content.tenets[2].statement"
    problem: str

    def __str__(self) -> str:
        problem = one_line(self.problem)
        return f"{one_line(self.field, 120)}: {problem}" if self.field else problem


class InvalidDocument(SdmkitError):
    """The document does not satisfy its kind's model."""

    def __init__(self, problems: list[FieldProblem], source: str | None = None):
        self.problems = problems
        self.source = source
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        first = str(self.problems[0]) if self.problems else "invalid document"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"{where}{first}{more}"


class NotFound(SdmkitError):
    pass


class UnknownKind(SdmkitError):
    pass


class Conflict(SdmkitError):
    """A save was based on a version that is no longer the newest.

    Nothing was written; `theirs` is the newest stored version so the caller can show
    both texts and let the user choose."""

    def __init__(self, document_id: int, based_on: int, current_version: int, theirs=None):
        self.document_id = document_id
        self.based_on = based_on
        self.current_version = current_version
        self.theirs = theirs
        super().__init__(
            f"document {document_id}: your edit is based on version {based_on}, but version "
            f"{current_version} was saved meanwhile; nothing was overwritten"
        )


# pydantic's messages for the mistakes people make while typing, in plain words that
# follow the field's name ("Start date is not a date like 2026-10-14").
_PLAIN = {
    "missing": "is required",
    "date_parsing": "is not a date like 2026-10-14",
    "date_from_datetime_parsing": "is not a date like 2026-10-14",
    "datetime_parsing": "is not a date and time like 2026-10-14 14:10",
    "datetime_from_date_parsing": "is not a date and time like 2026-10-14 14:10",
    "time_parsing": "is not a time of day like 14:10",
    "int_parsing": "is not a whole number",
    "float_parsing": "is not a number",
}
_PATH_IN_MESSAGE = re.compile(r"^(?P<path>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)?): (?P<rest>.+)$", re.S)


def problems_from_pydantic(exc, prefix: str = "") -> list[FieldProblem]:
    """Turn a pydantic ValidationError into field problems with readable paths."""
    out: list[FieldProblem] = []
    for err in exc.errors():
        path = prefix
        for part in err.get("loc", ()):
            if isinstance(part, int):
                path += f"[{part + 1}]"  # people count from 1, as the coach does
            else:
                path += f".{part}" if path else str(part)
        msg = _PLAIN.get(err.get("type", ""), err.get("msg", "invalid value"))
        if err.get("type") == "literal_error":
            msg = f"must be one of {err.get('ctx', {}).get('expected', '')}"
        # pydantic prefixes custom errors with "Value error, "; the user needs the rest.
        msg = msg.removeprefix("Value error, ")
        # A check across fields names its field in the message: "timeline[2].at: ...".
        inner = _PATH_IN_MESSAGE.match(msg)
        if inner and path == prefix:
            path = f"{prefix}.{inner['path']}" if prefix else inner["path"]
            msg = inner["rest"]
        out.append(FieldProblem(path, msg))
    return out
