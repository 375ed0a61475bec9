"""Errors a user can act on. Each carries the place (file, field) and the problem,
so the CLI prints one line and the app shows a message beside the right field."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


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


# pydantic's messages ("Input should be a valid integer, unable to parse string as an
# integer") in plain words that follow the field's name: "Every N days: 'abc' is not a
# whole number; enter one such as 7", "Start date is required". The app puts the
# field's label in front, the CLI its path; both show the same words.
_FIXED = {
    "missing": "is required",
    "extra_forbidden": "unknown field; check its spelling",
    "string_type": "must be text",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "set_type": "must be a list",
    "dict_type": "must be a set of named fields (a mapping)",
    "model_type": "must be a set of named fields (a mapping)",
    "model_attributes_type": "must be a set of named fields (a mapping)",
    "finite_number": "must be a finite number",
    "date_from_datetime_inexact": "must be a date without a time of day, like 2026-10-14",
}
# What a value that does not parse should have been: (the thing, how to fix it when the
# typed text is quoted, how to fix it when nothing usable was given).
_NOT_A = {
    "int_parsing": ("a whole number", "enter one such as 7", "enter a whole number, such as 7"),
    "int_type": ("a whole number", "enter one such as 7", "enter a whole number, such as 7"),
    "int_from_float": ("a whole number", "enter one such as 7", "enter a whole number, such as 7"),
    "float_parsing": ("a number", "enter one such as 2.5", "enter a number, such as 2.5"),
    "float_type": ("a number", "enter one such as 2.5", "enter a number, such as 2.5"),
    "date_parsing": ("a date", "write it like 2026-10-14", "enter a date like 2026-10-14"),
    "date_type": ("a date", "write it like 2026-10-14", "enter a date like 2026-10-14"),
    "date_from_datetime_parsing": ("a date", "write it like 2026-10-14", "enter a date like 2026-10-14"),
    "datetime_parsing": (
        "a date and time",
        "write it like 2026-10-14 14:10",
        "enter a date and time like 2026-10-14 14:10",
    ),
    "datetime_type": (
        "a date and time",
        "write it like 2026-10-14 14:10",
        "enter a date and time like 2026-10-14 14:10",
    ),
    "datetime_from_date_parsing": (
        "a date and time",
        "write it like 2026-10-14 14:10",
        "enter a date and time like 2026-10-14 14:10",
    ),
    "time_parsing": ("a time of day", "write it like 14:10", "enter a time of day like 14:10"),
    "time_type": ("a time of day", "write it like 14:10", "enter a time of day like 14:10"),
    "bool_parsing": ("yes or no", "write true or false", "write true or false"),
    "bool_type": ("yes or no", "write true or false", "write true or false"),
}
# Limits, with the limit from the error's context.
_BOUNDS = {
    "greater_than_equal": ("ge", "must be at least {}"),
    "greater_than": ("gt", "must be more than {}"),
    "less_than_equal": ("le", "must be at most {}"),
    "less_than": ("lt", "must be less than {}"),
    "multiple_of": ("multiple_of", "must be a multiple of {}"),
}
_PATH_IN_MESSAGE = re.compile(r"^(?P<path>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)?): (?P<rest>.+)$", re.S)


def _number(value: object) -> str:
    """1.0 -> '1': a limit as a person writes it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _given(value: object) -> str:
    """What was typed, quoted, when repeating it helps ('abc', 7.5); else ''."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        return f"'{one_line(text, 40)}'" if text else ""
    if isinstance(value, int | float):
        return _number(value)
    return ""


def plain_message(err: Mapping[str, Any]) -> str:
    """One pydantic error (an item of ValidationError.errors()) in plain words."""
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind in _FIXED:
        return _FIXED[kind]
    if kind in _NOT_A:
        thing, fix, fix_blank = _NOT_A[kind]
        given = _given(err.get("input"))
        return f"{given} is not {thing}; {fix}" if given else fix_blank
    if kind in _BOUNDS and _BOUNDS[kind][0] in ctx:
        name, words = _BOUNDS[kind]
        return words.format(_number(ctx[name]))
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected', '')}"
    value = err.get("input")
    if kind == "string_too_long" and "max_length" in ctx:
        has = f" (this one has {len(value)})" if isinstance(value, str) else ""
        return f"is too long: at most {ctx['max_length']} characters{has}"
    if kind == "string_too_short" and "min_length" in ctx:
        least = ctx["min_length"]
        return "is required" if least == 1 else f"is too short: at least {least} characters"
    if kind == "too_long" and "max_length" in ctx:
        has = f" (this one has {ctx['actual_length']})" if ctx.get("actual_length") is not None else ""
        return f"has too many entries: at most {ctx['max_length']}{has}"
    if kind == "too_short" and "min_length" in ctx:
        return f"needs at least {ctx['min_length']} {'entry' if ctx['min_length'] == 1 else 'entries'}"
    msg = str(err.get("msg", "invalid value"))
    # pydantic prefixes custom errors ("Value error, ...", "Assertion failed, ..."); the
    # user needs the rest.
    return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")


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
        msg = plain_message(err)
        # A check across fields names its field in the message: "timeline[2].at: ...".
        inner = _PATH_IN_MESSAGE.match(msg)
        if inner and path == prefix:
            path = f"{prefix}.{inner['path']}" if prefix else inner["path"]
            msg = inner["rest"]
        out.append(FieldProblem(path, msg))
    return out
