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

import json
from pathlib import Path

import yaml

from sdmkit.errors import FieldProblem, InvalidDocument, SdmkitError
from sdmkit.store.documents import Document, normalise

TOP_LEVEL = ("kind", "title", "team", "status", "tags", "coach_off", "coach_allow", "content")


def to_dict(doc: Document) -> dict:
    data = {
        "kind": doc.kind,
        "title": doc.title,
        "team": doc.team,
        "status": doc.status,
        "tags": list(doc.tags),
        "coach_off": list(doc.coach_off),
    }
    if doc.coach_allow:  # written only when used, so older files and exports stay as they were
        data["coach_allow"] = list(doc.coach_allow)
    data["content"] = doc.content
    return data


def to_yaml(doc: Document) -> str:
    return yaml.safe_dump(to_dict(doc), sort_keys=False, allow_unicode=True, width=100)


def to_json(doc: Document) -> str:
    return json.dumps(to_dict(doc), indent=2, ensure_ascii=False) + "\n"


def from_dict(data, source: str = "") -> Document:
    if not isinstance(data, dict):
        raise InvalidDocument([FieldProblem("", "expected a mapping with kind, title and content")], source)
    unknown = [k for k in data if k not in TOP_LEVEL]
    problems = [FieldProblem(k, f"unknown field (expected one of: {', '.join(TOP_LEVEL)})") for k in unknown]
    if not data.get("kind"):
        problems.append(
            FieldProblem("kind", "missing; one of: charter, coe, prfaq, oncall, metric_review, story")
        )
    for key in ("tags", "coach_off", "coach_allow"):
        if key in data and not isinstance(data[key] or [], list):
            problems.append(FieldProblem(key, "expected a list"))
    if "content" in data and not isinstance(data["content"] or {}, dict):
        problems.append(FieldProblem("content", "expected a mapping"))
    if problems:
        raise InvalidDocument(problems, source)
    try:
        return normalise(
            str(data["kind"]),
            str(data.get("title") or ""),
            data.get("content") or {},
            data.get("team"),
            data.get("status"),
            data.get("tags") or [],
            data.get("coach_off") or [],
            data.get("coach_allow") or [],
        )
    except InvalidDocument as exc:
        raise InvalidDocument(exc.problems, source) from None
    except SdmkitError as exc:
        raise SdmkitError(f"{source}: {exc}" if source else str(exc)) from None


def parse_text(text: str, suffix: str, source: str = "") -> Document:
    suffix = suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
        elif suffix in (".md", ".markdown"):
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
    return from_dict(data, source)


def read_file(path: Path) -> Document:
    path = Path(path)
    if not path.is_file():
        raise SdmkitError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SdmkitError(f"{path}: not a UTF-8 text file") from None
    return parse_text(text, path.suffix, str(path))


def schema(kind_id: str) -> dict:
    """JSON Schema of the whole interchange file for one kind."""
    from sdmkit.kinds import get_kind

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
