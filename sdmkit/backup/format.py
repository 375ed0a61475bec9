"""What a backup file holds: its format and version, and the fields of each table as
they are written and read back."""

from __future__ import annotations

from datetime import date, datetime

FORMAT = "sdmkit-backup"
# 2: a metric's input/output column is 'type' (1 called it 'kind'); 3: documents have no
# search_text (older backups' is ignored; an sdmkit before 3 would need it, and says
# the backup is newer than it)
FORMAT_VERSION = 3
DOC_FIELDS = (
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
)
REV_FIELDS = (
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
COMMENT_FIELDS = ("id", "document_id", "version", "anchor", "author", "text", "created_at", "resolved")
DECISION_FIELDS = (
    "id",
    "document_id",
    "version",
    "decision",
    "outcome",
    "decided_by",
    "decided_on",
    "created_at",
)
METRIC_FIELDS = (
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
VALUE_FIELDS = ("id", "metric_id", "week_end", "value")
# Unsaved work: restored as it was (a draft need not be a valid document yet).
DRAFT_FIELDS = ("token", "kind", "document_id", "base_version", "meta", "content", "saved_at")
_TIMES = {"created_at", "updated_at", "deleted_at", "saved_at"}
_DATES = {"decided_on", "week_end"}


def dump_row(row, fields) -> dict:
    out = {}
    for f in fields:
        v = getattr(row, f)
        out[f] = v.isoformat() if isinstance(v, datetime | date) else v
    return out


def load_row(data: dict, fields) -> dict:
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
