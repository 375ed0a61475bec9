"""How a document sits in the database's rows, and what the store hands back.

A document row and a revision row have a column per metadata field and the content
as JSON; times are stored naive in UTC. Reading turns a row into a Document (an ORM
object or a plain row alike); writing a batch of new rows takes their ids as the
backend allows (insert_ids)."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, overload

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from sdmkit import clock
from sdmkit.document import Document, DocumentMeta
from sdmkit.store.tables import DOCUMENTS, DocumentRow, RevisionRow


def utcnow() -> datetime:
    # Stored naive in UTC (SQLite has no time zones); aware() puts the zone back.
    return clock.utc_naive()


@overload
def aware(value: datetime) -> datetime: ...
@overload
def aware(value: datetime | None) -> datetime | None: ...
def aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Summary:
    """A row of the Library: everything but the content."""

    id: int
    kind: str
    title: str
    team: str
    status: str
    tags: list[str]
    version: int
    updated_at: datetime
    deleted_at: datetime | None
    # For a search: the best passage, hits between search.HIT_START and HIT_END.
    snippet: str = ""


@dataclass(frozen=True)
class RevisionInfo:
    version: int
    title: str
    status: str
    saved_at: datetime
    note: str


@dataclass(frozen=True)
class ListPage:
    items: list[Summary]
    total: int
    offset: int
    limit: int
    # False when the count stopped at list(count_up_to=...): there are more than `total`.
    exact: bool = True


def meta_of(row: DocumentRow | RevisionRow) -> DocumentMeta:
    """A row's metadata: the document and revision tables have a column per field."""
    return DocumentMeta.from_dict({n: getattr(row, n, None) for n in DocumentMeta.names()})


def meta_columns(doc: Document) -> dict[str, Any]:
    return doc.meta.to_dict()


def row_to_doc(row: Any) -> Document:
    """A Document from a document row: an ORM DocumentRow or a plain row of its columns."""
    return Document(
        id=row.id,
        kind=row.kind,
        meta=meta_of(row),
        content=dict(row.content or {}),
        version=row.version,
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        deleted_at=aware(getattr(row, "deleted_at", None)),
    )


def insert_ids(conn: Connection, rows: builtins.list[dict[str, Any]]) -> builtins.list[int]:
    """Insert document rows in one transaction; their ids, in the rows' order.

    On SQLite the first row is inserted alone and the others get the ids after its
    own, in one executemany: SQLAlchemy cannot tell which RETURNING row answers which
    of a batch there, so it would send a statement per row. The first insert takes
    the database's write lock until the transaction ends, and SQLite gives a new row
    one more than the highest id (documents are never purged, so none is reused):
    every id after it is free, and no other writer can take one before the commit.
    Elsewhere (PostgreSQL) the rows go in batches with RETURNING as they are."""
    table = DOCUMENTS
    if conn.dialect.name != "sqlite" or len(rows) < 2:
        result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return builtins.list(result.scalars())
    first = conn.execute(insert(table).returning(table.c.id), rows[0]).scalar_one()
    # pysqlite opened a transaction before that insert; without one, the ids after it
    # would not be held, and the rows go in as they do elsewhere.
    if not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows[1:])
        return [first, *result.scalars()]
    ids = builtins.list(range(first, first + len(rows)))
    conn.execute(insert(table), [{**row, "id": i} for row, i in zip(rows[1:], ids[1:], strict=True)])
    return ids
