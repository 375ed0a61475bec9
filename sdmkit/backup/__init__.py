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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlmodel import SQLModel, col

from sdmkit import clock
from sdmkit.backup.check import backup_problems, consistency_problems
from sdmkit.backup.format import (
    COMMENT_FIELDS,
    DECISION_FIELDS,
    DOC_FIELDS,
    DRAFT_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    METRIC_FIELDS,
    REV_FIELDS,
    VALUE_FIELDS,
    dump_row,
    load_row,
)
from sdmkit.errors import SdmkitError
from sdmkit.store import Store, fulltext
from sdmkit.store.db import data_dir
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
        docs = [dump_row(r, DOC_FIELDS) for r in s.scalars(select(DocumentRow).order_by(col(DocumentRow.id)))]
        revs = [dump_row(r, REV_FIELDS) for r in s.scalars(select(RevisionRow).order_by(col(RevisionRow.id)))]
        settings = {r.key: r.value for r in s.scalars(select(SettingRow).order_by(col(SettingRow.key)))}
        comments = [
            dump_row(r, COMMENT_FIELDS) for r in s.scalars(select(CommentRow).order_by(col(CommentRow.id)))
        ]
        decisions = [
            dump_row(r, DECISION_FIELDS) for r in s.scalars(select(DecisionRow).order_by(col(DecisionRow.id)))
        ]
        metrics = [
            dump_row(r, METRIC_FIELDS) for r in s.scalars(select(MetricRow).order_by(col(MetricRow.id)))
        ]
        values = [
            dump_row(r, VALUE_FIELDS)
            for r in s.scalars(select(MetricValueRow).order_by(col(MetricValueRow.id)))
        ]
        drafts = [
            dump_row(r, DRAFT_FIELDS) for r in s.scalars(select(DraftRow).order_by(col(DraftRow.token)))
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
            s.add(DocumentRow(**load_row(d, DOC_FIELDS)))
        s.flush()
        for r in data.get("revisions", []):
            s.add(RevisionRow(**load_row(r, REV_FIELDS)))
        for c in data.get("comments", []):
            s.add(CommentRow(**load_row(c, COMMENT_FIELDS)))
        for d in data.get("decisions", []):
            s.add(DecisionRow(**load_row(d, DECISION_FIELDS)))
        for m in data.get("metrics", []):
            s.add(MetricRow(**load_row(m, METRIC_FIELDS)))
        s.flush()
        for v in data.get("metric_values", []):
            s.add(MetricValueRow(**load_row(v, VALUE_FIELDS)))
        for key, value in (data.get("settings") or {}).items():
            s.add(SettingRow(key=key, value=value))
        for d in data.get("drafts", []):
            s.add(DraftRow(**load_row(d, DRAFT_FIELDS)))
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
