"""Unsaved drafts in the workspace: one row per editor tab that has unsaved changes.

The app writes the draft a moment after each change and deletes it when the writer
saves or discards; a draft left behind (a reload, a closed tab) is offered back when
its document is opened again, and Home lists them all."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlmodel import col

from sdmkit import clock
from sdmkit.document import DocumentMeta
from sdmkit.store.tables import DraftRow


def new_token() -> str:
    return secrets.token_hex(8)


@dataclass(frozen=True)
class Draft:
    token: str
    kind: str
    document_id: int | None
    base_version: int | None
    meta: DocumentMeta
    content: dict[str, Any]
    saved_at: datetime


def _draft(row: DraftRow) -> Draft:
    return Draft(
        token=row.token,
        kind=row.kind,
        document_id=row.document_id,
        base_version=row.base_version,
        meta=DocumentMeta.from_dict(row.meta or {}),
        content=dict(row.content or {}),
        saved_at=row.saved_at.replace(tzinfo=UTC),
    )


class Drafts:
    def __init__(self, engine: Engine):
        self.engine = engine

    def put(
        self,
        token: str,
        kind: str,
        document_id: int | None,
        base_version: int | None,
        meta: DocumentMeta,
        content: dict[str, Any],
    ) -> None:
        now = clock.utc_naive()
        with Session(self.engine) as s, s.begin():
            row = s.get(DraftRow, token)
            if row is None:
                row = DraftRow(token=token, kind=kind, saved_at=now)
                s.add(row)
            row.kind, row.document_id, row.base_version = kind, document_id, base_version
            # New values (JSON columns see no in-place edit), made storable first.
            row.meta, row.content, row.saved_at = meta.to_dict(), _storable(content), now

    def get(self, token: str) -> Draft | None:
        with Session(self.engine) as s:
            row = s.get(DraftRow, token)
            return _draft(row) if row else None

    def drop(self, token: str) -> None:
        with Session(self.engine) as s, s.begin():
            s.execute(delete(DraftRow).where(col(DraftRow.token) == token))

    def claim(self, token: str) -> Draft | None:
        """Take a draft over under a new token, as it is (text and time kept); None when
        it is gone (discarded, saved, or claimed a moment ago by another tab).

        An editor that picks up a draft left behind claims it, so a tab that still holds
        the old token writes its own draft again instead of overwriting this one."""
        fresh = new_token()
        with Session(self.engine) as s, s.begin():
            moved = (
                s.connection()
                .execute(update(DraftRow).where(col(DraftRow.token) == token).values(token=fresh))
                .rowcount
            )
        return self.get(fresh) if moved == 1 else None

    def release(self, token: str, back_to: str) -> None:
        """Give back a claimed draft the claimer did not change: under its old token when
        that is free; when a tab still open on the old token has written it again, this
        older copy of it goes."""
        with Session(self.engine) as s, s.begin():
            if s.get(DraftRow, back_to) is None:
                s.connection().execute(
                    update(DraftRow).where(col(DraftRow.token) == token).values(token=back_to)
                )
            else:
                s.execute(delete(DraftRow).where(col(DraftRow.token) == token))

    def for_document(self, document_id: int) -> list[Draft]:
        """Drafts of one document, newest first."""
        return self._select(select(DraftRow).where(col(DraftRow.document_id) == document_id))

    def all(self, kind: str | None = None) -> list[Draft]:
        query = select(DraftRow)
        if kind:
            query = query.where(col(DraftRow.kind) == kind)
        return self._select(query)

    def _select(self, query: Select[Any]) -> list[Draft]:
        with Session(self.engine) as s:
            rows = (
                s.execute(query.order_by(col(DraftRow.saved_at).desc(), col(DraftRow.token))).scalars().all()
            )
            return [_draft(r) for r in rows]


def _storable(value: Any) -> Any:
    """A draft holds what was typed, valid or not; only what no database keeps is
    changed: a number that is not finite (a table's emptied number cell arrives as
    NaN, which PostgreSQL's JSON refuses) is kept as an empty value."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(v) for v in value]
    return value
