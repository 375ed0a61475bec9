"""Checking a backup before anything is deleted: every row against today's kinds,
models and limits, and the rows against each other (a revision's document, a value's
metric). A damaged or hand-edited backup is refused with its first problems named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sdmkit.backup.format import (
    COMMENT_FIELDS,
    DECISION_FIELDS,
    DOC_FIELDS,
    DRAFT_FIELDS,
    METRIC_FIELDS,
    REV_FIELDS,
    VALUE_FIELDS,
    load_row,
)
from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument, UnknownKind
from sdmkit.metrics.catalog import AGGREGATIONS, DIRECTIONS, TYPES
from sdmkit.registry import all_kinds, get_kind
from sdmkit.store.limits import check_row, check_texts
from sdmkit.store.review import OUTCOMES
from sdmkit.store.tables import (
    CommentRow,
    DecisionRow,
    DocumentRow,
    DraftRow,
    MetricRow,
    MetricValueRow,
    RevisionRow,
    SettingRow,
    table_of,
)

_SECTIONS = ("documents", "revisions", "comments", "decisions", "metrics", "metric_values", "drafts")


def _is_texts(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


# The settings sdmkit reads, and what each must hold; a wrong shape breaks the screen
# or command that reads it for the whole workspace. Unknown keys (from a newer sdmkit)
# only need the stored shape.
SETTING_CHECKS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "pdf_page_size": ("A4 or Letter", lambda v: v in ("A4", "Letter")),
    "redaction.terms": ("a list of texts", _is_texts),
    "interview.custom_questions": ("a list of texts", _is_texts),
    "interview.study_plan_done": ("a list of texts", _is_texts),
    "practice.history": (
        "a list of mappings",
        lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
    ),
    "stories.mined_versions": (
        "a mapping of document id to version",
        lambda v: (
            isinstance(v, dict) and all(isinstance(x, int) and not isinstance(x, bool) for x in v.values())
        ),
    ),
}


def consistency_problems(data: dict) -> list[str]:
    """References between the sections: what a foreign key or a reader relies on."""
    problems: list[str] = []
    docs = {d.get("id"): d for d in data.get("documents") or [] if isinstance(d, dict)}
    revs: dict[Any, set] = {}
    for i, r in enumerate(data.get("revisions") or [], 1):
        if not isinstance(r, dict):
            continue
        if r.get("document_id") not in docs:
            problems.append(
                f"revisions[{i}].document_id: document {r.get('document_id')} is not in the backup"
            )
        key = (r.get("document_id"), r.get("version"))
        if key in revs:
            problems.append(f"revisions[{i}]: version {key[1]} of document {key[0]} appears twice")
        revs[key] = set()
    for doc_id, d in docs.items():
        if (doc_id, d.get("version")) not in revs:
            problems.append(f"documents (id {doc_id}): its version {d.get('version')} has no revision")
    for section in ("comments", "decisions"):
        for i, c in enumerate(data.get(section) or [], 1):
            if isinstance(c, dict) and c.get("document_id") not in docs:
                problems.append(
                    f"{section}[{i}].document_id: document {c.get('document_id')} is not in the backup"
                )
    metric_ids = {m.get("id") for m in data.get("metrics") or [] if isinstance(m, dict)}
    seen_weeks: set = set()
    for i, v in enumerate(data.get("metric_values") or [], 1):
        if not isinstance(v, dict):
            continue
        if v.get("metric_id") not in metric_ids:
            problems.append(f"metric_values[{i}].metric_id: metric {v.get('metric_id')} is not in the backup")
        key = (v.get("metric_id"), v.get("week_end"))
        if key in seen_weeks:
            problems.append(f"metric_values[{i}]: metric {key[0]} has week {key[1]} twice")
        seen_weeks.add(key)
    return problems


def _parse_times(row: dict, fields, where: str, problems: list[str]) -> dict | None:
    try:
        return load_row(row, fields)
    except (TypeError, ValueError) as exc:
        problems.append(f"{where}: a date or time cannot be read ({str(exc)[:100]})")
        return None


def _check_document(d: dict, where: str, kind_of: Any, problems: list[str], table) -> None:
    try:
        kind = get_kind(kind_of)
    except UnknownKind as exc:
        problems.append(f"{where}.kind: {exc}")
        return
    fields = DOC_FIELDS if table is table_of(DocumentRow) else REV_FIELDS
    # coach_allow may be missing: backups made before allow-lists existed.
    row = {f: d.get(f) for f in fields if f not in ("kind", "coach_allow")}
    problems += [str(p) for p in check_row(table, row, where)]
    for key in ("tags", "coach_off", "coach_allow"):
        value = d.get(key) or []
        if not isinstance(value, list):
            problems.append(f"{where}.{key}: expected a list of texts")
        else:
            problems += [str(p) for p in check_texts(value, f"{where}.{key}")]
    if not isinstance(d.get("title"), str) or not d["title"].strip():
        problems.append(f"{where}.title: a title is required")
    if d.get("status") not in kind.statuses:
        problems.append(f"{where}.status: '{d.get('status')}' is not one of: {', '.join(kind.statuses)}")
    if not isinstance(d.get("version"), int) or d["version"] < 1:
        problems.append(f"{where}.version: expected a number from 1")
    try:
        kind.validate(d.get("content"))
    except InvalidDocument as exc:
        problems += [f"{where}.{p}" for p in exc.problems[:3]]
    except (TypeError, ValueError, RecursionError) as exc:
        problems.append(f"{where}.content: cannot be read ({str(exc)[:100]})")


def _draft_problems(row: dict, where: str, known_kinds: set[str]) -> list[str]:
    """A draft is unsaved work and need not be a valid document, but Home and the
    editor read its kind and metadata, so those must be sound."""

    problems = []
    if row.get("kind") not in known_kinds:
        problems.append(f"{where}.kind: unknown kind '{row.get('kind')}'")
    if not isinstance(row.get("meta"), dict):
        problems.append(f"{where}.meta: expected a mapping")
    else:
        try:
            DocumentMeta.from_dict(row["meta"])
        except InvalidDocument as exc:
            problems += [f"{where}.meta.{p}" for p in exc.problems]
    if not isinstance(row.get("content"), dict):
        problems.append(f"{where}.content: expected a mapping")
    return problems


def backup_problems(data: dict, limit: int = 10) -> list[str]:
    """Everything that would make this backup restore badly, first `limit` problems."""

    problems: list[str] = []
    for section in _SECTIONS:
        if not isinstance(data.get(section, []), list):
            problems.append(f"{section}: expected a list")
    if not isinstance(data.get("settings", {}), dict):
        problems.append("settings: expected a mapping")
    if problems:
        return problems
    known_kinds = {k.id for k in all_kinds()}
    kinds = {}
    specs = (
        ("documents", DOC_FIELDS, DocumentRow),
        ("revisions", REV_FIELDS, RevisionRow),
        ("comments", COMMENT_FIELDS, CommentRow),
        ("decisions", DECISION_FIELDS, DecisionRow),
        ("metrics", METRIC_FIELDS, MetricRow),
        ("metric_values", VALUE_FIELDS, MetricValueRow),
        ("drafts", DRAFT_FIELDS, DraftRow),
    )
    for section, fields, row_type in specs:
        table = table_of(row_type)
        for i, row in enumerate(data.get(section) or [], 1):
            if len(problems) >= limit:
                return problems
            where = f"{section}[{i}]" + (
                f" (id {row.get('id')})" if isinstance(row, dict) and "id" in row else ""
            )
            if not isinstance(row, dict):
                problems.append(f"{where}: expected a mapping")
                continue
            if _parse_times(row, fields, where, problems) is None:
                continue
            if section == "documents":
                if row.get("kind") in known_kinds:  # an unknown kind is its document's one problem
                    kinds[row.get("id")] = row.get("kind")
                _check_document(row, where, row.get("kind"), problems, table)
            elif section == "revisions":
                if row.get("document_id") in kinds:
                    _check_document(row, where, kinds[row.get("document_id")], problems, table)
            else:
                problems += [
                    str(p) for p in check_row(table, {f: row.get(f) for f in fields if f != "id"}, where)
                ]
            if section == "metrics":
                for attr, allowed in (
                    ("type", TYPES),
                    ("direction", DIRECTIONS),
                    ("aggregation", AGGREGATIONS),
                ):
                    if row.get(attr) not in allowed:
                        problems.append(
                            f"{where}.{attr}: '{row.get(attr)}' is not one of: {', '.join(allowed)}"
                        )
            if section == "drafts":
                problems += _draft_problems(row, where, known_kinds)
            if section == "decisions" and row.get("outcome") not in OUTCOMES:
                problems.append(
                    f"{where}.outcome: '{row.get('outcome')}' is not one of: {', '.join(OUTCOMES)}"
                )
    for key, value in data.get("settings", {}).items():
        where = f"settings.{key}"
        if not isinstance(value, dict) or "v" not in value:
            problems.append(f"{where}: expected a stored setting ({{'v': value}})")
        elif key in SETTING_CHECKS and not SETTING_CHECKS[key][1](value["v"]):
            problems.append(f"{where}: expected {SETTING_CHECKS[key][0]}")
        else:
            problems += [str(p) for p in check_row(table_of(SettingRow), {"key": key, "value": value}, where)]
    problems += consistency_problems(data)
    return problems[:limit]
