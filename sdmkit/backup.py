"""The whole workspace in one JSON file: every document (the trash too), every
revision with its time and note, review comments and decisions, metric catalogs
and their weekly values, and the settings. Restore gives back the same ids."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from sdmkit.errors import SdmkitError
from sdmkit.store import Store, fulltext
from sdmkit.store.tables import (
    CommentRow,
    DecisionRow,
    DocumentRow,
    MetricRow,
    MetricValueRow,
    RevisionRow,
    SettingRow,
)

FORMAT = "sdmkit-backup"
FORMAT_VERSION = 1
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
    "kind",
    "drives",
    "target",
    "direction",
    "aggregation",
    "position",
)
_VALUE_FIELDS = ("id", "metric_id", "week_end", "value")
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


def dump(store: Store) -> dict:
    with Session(store.engine) as s:
        docs = [_dump_row(r, _DOC_FIELDS) for r in s.scalars(select(DocumentRow).order_by(DocumentRow.id))]
        revs = [_dump_row(r, _REV_FIELDS) for r in s.scalars(select(RevisionRow).order_by(RevisionRow.id))]
        settings = {r.key: r.value for r in s.scalars(select(SettingRow))}
        comments = [
            _dump_row(r, _COMMENT_FIELDS) for r in s.scalars(select(CommentRow).order_by(CommentRow.id))
        ]
        decisions = [
            _dump_row(r, _DECISION_FIELDS) for r in s.scalars(select(DecisionRow).order_by(DecisionRow.id))
        ]
        metrics = [_dump_row(r, _METRIC_FIELDS) for r in s.scalars(select(MetricRow).order_by(MetricRow.id))]
        values = [
            _dump_row(r, _VALUE_FIELDS) for r in s.scalars(select(MetricValueRow).order_by(MetricValueRow.id))
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
        "settings": settings,
    }


def write_backup(store: Store, path: Path) -> dict:
    data = dump(store)
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
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SdmkitError(f"{path}: not an sdmkit backup (no 'format: {FORMAT}')")
    if data.get("format_version", 0) > FORMAT_VERSION:
        raise SdmkitError(f"{path}: made by a newer sdmkit (format {data['format_version']}); upgrade sdmkit")
    return data


def restore(store: Store, data: dict, *, replace: bool = False) -> int:
    """Load a backup. Refuses to mix with existing documents unless `replace`."""
    with Session(store.engine) as s, s.begin():
        existing = s.scalar(select(func.count()).select_from(DocumentRow))
        if existing and not replace:
            raise SdmkitError(
                f"the workspace already has {existing} documents; restore with --replace "
                "(a backup of the current workspace is written first)"
            )
        s.execute(delete(CommentRow))
        s.execute(delete(DecisionRow))
        s.execute(delete(MetricValueRow))
        s.execute(delete(MetricRow))
        s.execute(delete(RevisionRow))
        s.execute(delete(DocumentRow))
        s.execute(delete(SettingRow))
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
        s.flush()
        fulltext.rebuild(s.connection())  # the search index follows the documents it was given
        if s.bind.dialect.name == "postgresql":
            # Ids came from the file; move the sequences past them so new documents get fresh ids.
            for table in ("document", "revision", "comment", "decision", "metric", "metric_value"):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    )
                )
    return len(data.get("documents", []))
