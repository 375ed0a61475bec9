"""What any value must be to be stored, on SQLite and on PostgreSQL alike.

SQLite stores a NUL character, NaN, an unpaired surrogate or a 500-character team
name without complaint; PostgreSQL refuses each of them. A SQLite workspace must
always restore into PostgreSQL (the path to a team server), so both are held to
PostgreSQL's rules here, before anything is written. Column lengths are read from the
tables themselves, so a limit lives in one place."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, Table
from sqlalchemy.types import TypeDecorator

from sdmkit.errors import FieldProblem

MAX_DEPTH = 40  # a document is a few levels deep; this bounds recursion, not real use
MAX_INTEGER = 2**53  # what a JSON reader in any language (and a float column) keeps exactly


def text_problem(value: str) -> str | None:
    """Why this text cannot be stored on every database, or None."""
    if "\x00" in value:
        return "contains a NUL character (\\0), which PostgreSQL cannot store"
    if value.isascii():  # most text: no surrogate possible, and no copy made to find out
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired surrogate, which is not valid Unicode text"
    return None


def number_problem(value: float | int) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a finite number"
    if isinstance(value, int) and abs(value) > MAX_INTEGER:
        return "the number is too large to store exactly"
    return None


def _clean(value: Any) -> bool:
    """A leaf no rule can refuse (plain ASCII text without NUL, None, a boolean): not
    worth a path of its own. Most of a document is such text."""
    if value is None or isinstance(value, bool):
        return True
    return isinstance(value, str) and value.isascii() and "\x00" not in value


def _storable(item: Any, depth: int) -> bool:
    """Whether no rule can refuse anything inside `item`: the quick answer for the
    usual case, a clean document (mining checks some 1,500 stories at once). Exact
    types only, so anything unusual (a subclass, a date) takes the walk below, which
    names each problem by its path. Never deeper than MAX_DEPTH frames. A value's
    text is checked in place, as text_problem would: most of a document is short text."""
    kind = type(item)
    if kind is dict:
        return (
            depth < MAX_DEPTH
            and all(type(k) is str and text_problem(k) is None for k in item)
            and _all_storable(item.values(), depth + 1)
        )
    if kind is list:
        return depth < MAX_DEPTH and _all_storable(item, depth + 1)
    if kind is str:
        return text_problem(item) is None
    if kind is int:
        return bool(abs(item) <= MAX_INTEGER)
    if kind is float:
        return math.isfinite(item)
    return item is None or kind is bool


def _all_storable(values: Iterable[Any], depth: int) -> bool:
    for value in values:
        if type(value) is str:
            if "\x00" in value or not (value.isascii() or text_problem(value) is None):
                return False
        elif value is not None and not _storable(value, depth):
            return False
    return True


def check_value(value: Any, field: str, problems: list[FieldProblem] | None = None) -> list[FieldProblem]:
    """Every text and number inside a JSON-like value (content, tags), by dotted path.

    Iterative, so a value nested thousands deep is reported instead of overflowing
    the stack; stops after the first 20 problems."""
    problems = [] if problems is None else problems
    if _storable(value, 0):
        return problems
    return _walk(value, field, problems)


def _walk(value: Any, field: str, problems: list[FieldProblem]) -> list[FieldProblem]:
    """check_value's long way, for a value _storable could not pass at a glance."""
    stack: list[tuple[Any, str, int]] = [(value, field, 0)]
    while stack and len(problems) < 20:
        item, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            problems.append(FieldProblem(path, f"nested more than {MAX_DEPTH} levels deep"))
            continue
        if isinstance(item, str):
            why = text_problem(item)
        elif isinstance(item, int | float):
            why = number_problem(item)
        elif isinstance(item, Mapping):
            why = None
            for key, sub in reversed(list(item.items())):
                if isinstance(key, str) and (key_why := text_problem(key)):
                    problems.append(FieldProblem(path, f"a key {key_why}"))
                if not (depth < MAX_DEPTH and _clean(sub)):
                    stack.append((sub, f"{path}.{key}" if path else str(key), depth + 1))
        elif isinstance(item, list | tuple):
            why = None
            for i in range(len(item) - 1, -1, -1):
                if not (depth < MAX_DEPTH and _clean(item[i])):
                    stack.append((item[i], f"{path}[{i + 1}]", depth + 1))
        else:
            why = None  # dates, None, booleans: the models judge them
        if why:
            problems.append(FieldProblem(path, why))
    return problems


def text_limit(table: Table, column: str) -> int:
    """A string column's length: what a form says while the writer types."""
    kind = table.c[column].type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    assert isinstance(kind, String) and kind.length, f"{table.name}.{column} has no length"
    return kind.length


def check_row(table: Table, values: Mapping[str, Any], where: str = "") -> list[FieldProblem]:
    """One row for `table`: lengths of its string columns, finite numbers, clean JSON."""
    problems: list[FieldProblem] = []
    for column in table.columns:
        if column.name not in values:
            continue
        value = values[column.name]
        field = f"{where}.{column.name}" if where else column.name
        if value is None:
            required = column.default is None and column.server_default is None
            if required and not column.nullable and not column.primary_key:
                problems.append(FieldProblem(field, "missing"))
            continue
        kind = column.type
        if isinstance(kind, TypeDecorator):  # sqlmodel's AutoString wraps a String
            kind = kind.impl_instance
        if isinstance(kind, JSON):
            check_value(value, field, problems)
        elif isinstance(kind, String):  # Text and AutoString too
            if not isinstance(value, str):
                problems.append(FieldProblem(field, f"expected text, not {type(value).__name__}"))
            elif why := text_problem(value):
                problems.append(FieldProblem(field, why))
            elif kind.length and len(value) > kind.length:
                problems.append(
                    FieldProblem(field, f"at most {kind.length} characters (this one has {len(value)})")
                )
        elif isinstance(kind, Float | Integer):
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(FieldProblem(field, f"expected a number, not {type(value).__name__}"))
            elif why := number_problem(value):
                problems.append(FieldProblem(field, why))
    return problems


def check_texts(values: Iterable[Any], field: str) -> list[FieldProblem]:
    """A list of short texts (tags, coach rules, allowed words): each must be text."""
    problems: list[FieldProblem] = []
    for i, v in enumerate(values, 1):
        if not isinstance(v, str):
            problems.append(FieldProblem(f"{field}[{i}]", f"expected text, not {type(v).__name__}"))
        elif why := text_problem(v):
            problems.append(FieldProblem(f"{field}[{i}]", why))
    return problems


def storable_input(meta: Any, content: Any) -> list[FieldProblem]:
    """A document's metadata and content as a caller handed them over (a file, a form),
    before its kind's model reads them: nothing a database would refuse."""
    problems: list[FieldProblem] = []
    for field in ("title", "team", "status"):
        value = getattr(meta, field, None)
        if value is not None and not isinstance(value, str):
            problems.append(FieldProblem(field, f"expected text, not {type(value).__name__}"))
        elif value and (why := text_problem(value)):
            problems.append(FieldProblem(field, why))
    for field in ("tags", "coach_off", "coach_allow"):
        values = getattr(meta, field, ()) or ()
        if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
            problems.append(FieldProblem(field, "expected a list of texts"))
        else:
            problems += check_texts(values, field)
    if content is not None and not isinstance(content, Mapping):
        problems.append(FieldProblem("content", "expected a mapping of the kind's fields"))
    elif content:
        check_value(content, "content", problems)
    return problems
