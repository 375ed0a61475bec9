"""The whole workspace in one JSON file: every document (the trash too), every
revision with its time and note, review comments and decisions, metric catalogs
and their weekly values, and the settings. Restore gives back the same ids.

A backup is read in one snapshot (one read transaction; REPEATABLE READ on
PostgreSQL), so revisions saved while it runs never arrive without their document,
and it is checked for consistency before it is written. A restore checks every row
against today's kinds, models and limits before it deletes anything: a damaged or
hand-edited backup is refused with its first problems named, and the workspace is
left as it was."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlmodel import SQLModel, col

from sdmkit import clock
from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument, SdmkitError, UnknownKind
from sdmkit.metrics.catalog import AGGREGATIONS, DIRECTIONS, TYPES
from sdmkit.registry import all_kinds, get_kind
from sdmkit.store import Store, fulltext
from sdmkit.store.db import data_dir
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
)

FORMAT = "sdmkit-backup"
FORMAT_VERSION = 2  # 2: a metric's input/output column is 'type' (1 called it 'kind')
_DOC_FIELDS = (
    "id",
    "kind",
    "title",
    "team",
    "status",
    "tags",
    "content",
    "coach_off",
    "coach_allow",
    "version",
    "created_at",
    "updated_at",
    "deleted_at",
    "search_text",
)
_REV_FIELDS = (
    "id",
    "document_id",
    "version",
    "title",
    "team",
    "status",
    "tags",
    "content",
    "coach_off",
    "coach_allow",
    "saved_at",
    "note",
)
_COMMENT_FIELDS = ("id", "document_id", "version", "anchor", "author", "text", "created_at", "resolved")
_DECISION_FIELDS = (
    "id",
    "document_id",
    "version",
    "decision",
    "outcome",
    "decided_by",
    "decided_on",
    "created_at",
)
_METRIC_FIELDS = (
    "id",
    "team",
    "name",
    "unit",
    "owner",
    "type",
    "drives",
    "target",
    "direction",
    "aggregation",
    "position",
)
_VALUE_FIELDS = ("id", "metric_id", "week_end", "value")
# Unsaved work: restored as it was (a draft need not be a valid document yet).
_DRAFT_FIELDS = ("token", "kind", "document_id", "base_version", "meta", "content", "saved_at")
_TIMES = {"created_at", "updated_at", "deleted_at", "saved_at"}
_DATES = {"decided_on", "week_end"}


def _dump_row(row, fields) -> dict:
    out = {}
    for f in fields:
        v = getattr(row, f)
        out[f] = v.isoformat() if isinstance(v, datetime | date) else v
    return out


def _load_row(data: dict, fields) -> dict:
    out = {}
    for f in fields:
        v = data.get(f)
        if f in _TIMES and v:
            v = datetime.fromisoformat(v)
        elif f in _DATES and v:
            v = date.fromisoformat(v)
        elif f in ("coach_allow",) and v is None:
            v = []  # backups made before allow-lists existed
        out[f] = v
    return out


def _table(row: type[SQLModel]):
    return SQLModel.metadata.tables[str(row.__tablename__)]


@contextmanager
def _snapshot(store: Store) -> Iterator[Session]:
    """A session whose every read sees the same committed state of the database."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        elif conn.dialect.name == "sqlite":
            # sqlite3 begins no transaction for reads; in WAL mode an explicit one
            # reads one snapshot from its first statement to its end.
            conn.exec_driver_sql("BEGIN")
        with Session(bind=conn) as s:
            yield s
        conn.rollback()


def dump(store: Store) -> dict:
    with _snapshot(store) as s:
        docs = [
            _dump_row(r, _DOC_FIELDS) for r in s.scalars(select(DocumentRow).order_by(col(DocumentRow.id)))
        ]
        revs = [
            _dump_row(r, _REV_FIELDS) for r in s.scalars(select(RevisionRow).order_by(col(RevisionRow.id)))
        ]
        settings = {r.key: r.value for r in s.scalars(select(SettingRow).order_by(col(SettingRow.key)))}
        comments = [
            _dump_row(r, _COMMENT_FIELDS) for r in s.scalars(select(CommentRow).order_by(col(CommentRow.id)))
        ]
        decisions = [
            _dump_row(r, _DECISION_FIELDS)
            for r in s.scalars(select(DecisionRow).order_by(col(DecisionRow.id)))
        ]
        metrics = [
            _dump_row(r, _METRIC_FIELDS) for r in s.scalars(select(MetricRow).order_by(col(MetricRow.id)))
        ]
        values = [
            _dump_row(r, _VALUE_FIELDS)
            for r in s.scalars(select(MetricValueRow).order_by(col(MetricValueRow.id)))
        ]
        drafts = [
            _dump_row(r, _DRAFT_FIELDS) for r in s.scalars(select(DraftRow).order_by(col(DraftRow.token)))
        ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "documents": docs,
        "revisions": revs,
        "comments": comments,
        "decisions": decisions,
        "metrics": metrics,
        "metric_values": values,
        "drafts": drafts,
        "settings": settings,
    }


def write_backup(store: Store, path: Path) -> dict:
    data = dump(store)
    problems = consistency_problems(data)
    if problems:  # a snapshot cannot be inconsistent; if it ever is, say so rather than write it
        raise SdmkitError(f"{path}: backup not written, the workspace read inconsistently: {problems[0]}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # never leave half a backup under the real name
    return data


def read_backup(path: Path) -> dict:
    path = Path(path)
    if not path.is_file():
        raise SdmkitError(f"{path}: no such file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SdmkitError(f"{path}: not an sdmkit backup ({exc})") from None
    except (RecursionError, ValueError) as exc:
        raise SdmkitError(f"{path}: not an sdmkit backup ({str(exc)[:120] or 'nested too deep'})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SdmkitError(f"{path}: not an sdmkit backup (no 'format: {FORMAT}')")
    version = data.get("format_version", 0)
    if not isinstance(version, int):
        raise SdmkitError(f"{path}: format_version: expected a number")
    if version > FORMAT_VERSION:
        raise SdmkitError(f"{path}: made by a newer sdmkit (format {data['format_version']}); upgrade sdmkit")
    return _from_older(data, version)


def _from_older(data: dict, version: int) -> dict:
    """A backup an older sdmkit made, in today's format: it restores as it was."""
    if version < 2:
        for m in data.get("metrics") or []:
            if isinstance(m, dict) and "kind" in m and "type" not in m:
                m["type"] = m.pop("kind")
    return data


# --- checking a backup ----------------------------------------------------------------

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
        return _load_row(row, fields)
    except (TypeError, ValueError) as exc:
        problems.append(f"{where}: a date or time cannot be read ({str(exc)[:100]})")
        return None


def _check_document(d: dict, where: str, kind_of: Any, problems: list[str], table) -> None:
    try:
        kind = get_kind(kind_of)
    except UnknownKind as exc:
        problems.append(f"{where}.kind: {exc}")
        return
    fields = _DOC_FIELDS if table is _table(DocumentRow) else _REV_FIELDS
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
        ("documents", _DOC_FIELDS, DocumentRow),
        ("revisions", _REV_FIELDS, RevisionRow),
        ("comments", _COMMENT_FIELDS, CommentRow),
        ("decisions", _DECISION_FIELDS, DecisionRow),
        ("metrics", _METRIC_FIELDS, MetricRow),
        ("metric_values", _VALUE_FIELDS, MetricValueRow),
        ("drafts", _DRAFT_FIELDS, DraftRow),
    )
    for section, fields, row_type in specs:
        table = _table(row_type)
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
            problems += [str(p) for p in check_row(_table(SettingRow), {"key": key, "value": value}, where)]
    problems += consistency_problems(data)
    return problems[:limit]


# --- restoring --------------------------------------------------------------------------

# Everything a workspace holds. A workspace with only a metric catalog, only a
# document in the trash, or only settings is not empty: a restore would destroy it.
_CONTENTS = (
    ("documents", DocumentRow, lambda q: q.where(col(DocumentRow.deleted_at).is_(None))),
    ("in the trash", DocumentRow, lambda q: q.where(col(DocumentRow.deleted_at).is_not(None))),
    ("revisions", RevisionRow, None),
    ("comments", CommentRow, None),
    ("decisions", DecisionRow, None),
    ("metrics", MetricRow, None),
    ("weekly values", MetricValueRow, None),
    ("settings", SettingRow, None),
    ("unsaved drafts", DraftRow, None),
)


def contents(conn: Connection | Session) -> dict[str, int]:
    """What the workspace holds, by what a person calls it; only the non-zero counts.
    A table this module does not know yet (drafts, say) counts too, by its name."""
    out = {}
    for label, row, where in _CONTENTS:
        q = select(func.count()).select_from(row)
        n = conn.execute(where(q) if where else q).scalar() or 0
        if n:
            out[label] = int(n)
    known = {str(row.__tablename__) for _, row, _ in _CONTENTS}
    for name, table in SQLModel.metadata.tables.items():
        if name not in known:
            n = conn.execute(select(func.count()).select_from(table)).scalar() or 0
            if n:
                out[name] = int(n)
    return out


@dataclass(frozen=True)
class Restored:
    documents: int
    safety_backup: Path | None  # where the replaced workspace was saved, if it held anything


def restore(store: Store, data: dict, *, replace: bool = False, safety_dir: Path | None = None) -> Restored:
    """Load a backup. Refuses to mix with anything already in the workspace unless
    `replace`; replacing first writes a backup of the current workspace to
    `safety_dir` (the data directory's backups/ by default)."""
    problems = backup_problems(data)
    if problems:
        more = " (and more)" if len(problems) >= 10 else ""
        raise SdmkitError(
            "not restored; the backup has problems (the workspace is unchanged): "
            + "; ".join(problems[:5])
            + more
        )
    with Session(store.engine) as s:
        held = contents(s)
    safety = None
    if held:
        if not replace:
            what = ", ".join(f"{n} {label}" for label, n in held.items())
            raise SdmkitError(
                f"the workspace is not empty ({what}); restore with --replace "
                "(a backup of the current workspace is written first)"
            )
        if safety_dir is None:
            safety_dir = data_dir() / "backups"
        safety = Path(safety_dir) / f"before-restore-{clock.now():%Y%m%d-%H%M%S-%f}.json"
        write_backup(store, safety)
    with Session(store.engine) as s, s.begin():
        s.execute(delete(CommentRow))
        s.execute(delete(DecisionRow))
        s.execute(delete(MetricValueRow))
        s.execute(delete(MetricRow))
        s.execute(delete(RevisionRow))
        s.execute(delete(DocumentRow))
        s.execute(delete(SettingRow))
        s.execute(delete(DraftRow))
        s.flush()
        for d in data.get("documents", []):
            s.add(DocumentRow(**_load_row(d, _DOC_FIELDS)))
        s.flush()
        for r in data.get("revisions", []):
            s.add(RevisionRow(**_load_row(r, _REV_FIELDS)))
        for c in data.get("comments", []):
            s.add(CommentRow(**_load_row(c, _COMMENT_FIELDS)))
        for d in data.get("decisions", []):
            s.add(DecisionRow(**_load_row(d, _DECISION_FIELDS)))
        for m in data.get("metrics", []):
            s.add(MetricRow(**_load_row(m, _METRIC_FIELDS)))
        s.flush()
        for v in data.get("metric_values", []):
            s.add(MetricValueRow(**_load_row(v, _VALUE_FIELDS)))
        for key, value in (data.get("settings") or {}).items():
            s.add(SettingRow(key=key, value=value))
        for d in data.get("drafts", []):
            s.add(DraftRow(**_load_row(d, _DRAFT_FIELDS)))
        s.flush()
        fulltext.rebuild(s.connection())  # the search index follows the documents it was given
        if s.get_bind().dialect.name == "postgresql":
            # Ids came from the file; move the sequences past them so new documents get fresh ids.
            for table in ("document", "revision", "comment", "decision", "metric", "metric_value"):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    )
                )
    return Restored(len(data.get("documents", [])), safety)
