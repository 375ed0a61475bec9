"""The interchange format: one YAML or JSON file per document, or an exported
Markdown file that carries the same data (see export/markdown_file.py).

    kind: charter
    title: Payments Platform team charter
    team: Payments Platform
    status: approved
    tags: [payments]
    coach_off: []
    content: {...}   # validated by the kind's model; `sdmkit schema KIND` prints its JSON Schema
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from sdmkit.document import Document, DocumentMeta
from sdmkit.errors import FieldProblem, InvalidDocument, SdmkitError, one_line
from sdmkit.registry import all_kinds, get_kind
from sdmkit.store.normalise import normalise

if TYPE_CHECKING:
    from sdmkit.store import Store

TOP_LEVEL = ("kind", *DocumentMeta.names(), "content")
# Bounds on what one file may cost to read. The largest real document is a few
# hundred kilobytes; a YAML alias repeats a value without repeating its text, so the
# value as read (every alias expanded) is measured too, before anything copies it.
MAX_FILE_BYTES = 5_000_000
MAX_EXPANDED = 20_000_000  # characters and values, every alias counted each time it is used


def to_dict(doc: Document) -> dict[str, Any]:
    meta = doc.meta.to_dict()
    if not meta["coach_allow"]:  # written only when used, so older files and exports stay as they were
        del meta["coach_allow"]
    return {"kind": doc.kind, **meta, "content": doc.content}


def to_yaml(doc: Document) -> str:
    return yaml.safe_dump(to_dict(doc), sort_keys=False, allow_unicode=True, width=100)


def to_json(doc: Document) -> str:
    return json.dumps(to_dict(doc), indent=2, ensure_ascii=False) + "\n"


def from_dict(data: Any, source: str = "") -> Document:
    if not isinstance(data, dict):
        raise InvalidDocument([FieldProblem("", "expected a mapping with kind, title and content")], source)
    unknown = [k for k in data if k not in TOP_LEVEL]
    problems = [
        FieldProblem(str(k)[:60], f"unknown field (expected one of: {', '.join(TOP_LEVEL)})") for k in unknown
    ]
    if not data.get("kind"):
        problems.append(FieldProblem("kind", f"missing; one of: {', '.join(k.id for k in all_kinds())}"))
    if "content" in data and not isinstance(data["content"] or {}, dict):
        problems.append(FieldProblem("content", "expected a mapping"))
    try:
        meta = DocumentMeta.from_dict(data)
    except InvalidDocument as exc:
        problems += exc.problems
    if problems:
        raise InvalidDocument(problems, source)
    try:
        return normalise(str(data["kind"]), data.get("content") or {}, meta)
    except InvalidDocument as exc:
        raise InvalidDocument(exc.problems, source) from None
    except SdmkitError as exc:
        raise SdmkitError(f"{source}: {exc}" if source else str(exc)) from None


def parse_text(text: str, suffix: str, source: str = "") -> Document:
    suffix = suffix.lower()
    if len(text) > MAX_FILE_BYTES:
        raise SdmkitError(f"{source}: larger than {MAX_FILE_BYTES // 1_000_000} MB; not an sdmkit document")
    try:
        if suffix == ".json":
            data = json.loads(text)
        elif suffix in (".md", ".markdown"):
            # On first use: only a Markdown file needs the Markdown reader.
            from sdmkit.export.markdown_file import read

            data = read(text, source)
        else:
            data = yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise SdmkitError(f"{source}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise SdmkitError(f"{source}: {where}not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except RecursionError:
        raise SdmkitError(f"{source}: nested too deep to be an sdmkit document") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        why = "a number has thousands of digits" if "digits" in str(exc) else str(exc)[:120]
        raise SdmkitError(f"{source}: cannot be read: {why}") from None
    _check_expanded_size(data, source)
    return from_dict(data, source)


def _check_expanded_size(data: Any, source: str) -> None:
    """Refuse a value whose aliases expand beyond MAX_EXPANDED, without expanding it."""
    budget = MAX_EXPANDED
    stack = [data]
    while stack:
        item = stack.pop()
        budget -= len(item) + 1 if isinstance(item, str | list | dict) else 1
        if budget < 0:
            raise SdmkitError(
                f"{source}: expands to more than {MAX_EXPANDED:,} characters and values "
                "(YAML aliases repeat a value each time they are used); not an sdmkit document"
            )
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def read_file(path: Path) -> Document:
    path = Path(path)
    if not path.is_file():
        raise SdmkitError(f"{path}: no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SdmkitError(f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB; not an sdmkit document")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SdmkitError(f"{path}: not a UTF-8 text file") from None
    return parse_text(text, path.suffix, str(path))


def schema(kind_id: str) -> dict[str, Any]:
    """JSON Schema of the whole interchange file for one kind."""
    kind = get_kind(kind_id)
    content = kind.model.model_json_schema()
    defs = content.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"sdmkit {kind.label}",
        "type": "object",
        "required": ["kind", "content"],
        "additionalProperties": False,
        "properties": {
            "kind": {"const": kind.id},
            "title": {"type": "string", "maxLength": 300},
            "team": {"type": "string"},
            "status": {"enum": list(kind.statuses)},
            "tags": {"type": "array", "items": {"type": "string"}},
            "coach_off": {
                "type": "array",
                "items": {"type": "string"},
                "description": "coach rules switched off for this document",
            },
            "coach_allow": {
                "type": "array",
                "items": {"type": "string"},
                "description": "words and acronyms the coach accepts in this document",
            },
            "content": content,
        },
        "$defs": defs,
    }


def import_file(store: Store, path: Path) -> Document:
    """Read one file and store it as a new document.

    Every failure is an SdmkitError naming the file (and the field when there is one),
    so a folder import reports a bad file on one line and carries on with the next.
    Anything else a hostile file provokes is turned into such a line too: a caller
    importing a folder must never stop at one file."""
    source = str(path)
    try:
        doc = read_file(path)
        return store.create(doc.kind, doc.content, doc.meta, note=f"imported from {Path(path).name}"[:300])
    except InvalidDocument as exc:
        if exc.source:
            raise
        raise InvalidDocument(exc.problems, source) from None
    except SdmkitError as exc:
        message = one_line(str(exc), 500)
        raise SdmkitError(message if message.startswith(source) else f"{source}: {message}") from None
    except RecursionError:
        raise SdmkitError(f"{source}: nested too deep to be an sdmkit document") from None
    except Exception as exc:  # the last guard: one line, never a traceback
        raise SdmkitError(
            f"{source}: could not be imported ({one_line(str(exc), 200) or type(exc).__name__})"
        ) from None


def revision_diff(store: Store, doc_id: int, old: int, new: int) -> str:
    """Unified diff of two revisions of a document, as the YAML a person can read."""
    a, b = store.revision(doc_id, old), store.revision(doc_id, new)
    return "".join(
        difflib.unified_diff(
            to_yaml(a).splitlines(keepends=True),
            to_yaml(b).splitlines(keepends=True),
            fromfile=f"version {old}",
            tofile=f"version {new}",
        )
    )
