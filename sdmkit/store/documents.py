"""Documents, revisions, trash and optimistic concurrency.

Every save writes a new revision and bumps the document's version in one
transaction. A save names the version it was based on; if another save came first,
the UPDATE matches no row and the save is refused with a Conflict. Nothing is
overwritten, and the caller still holds the user's text."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from sdmkit.document import Document, DocumentMeta, shorten
from sdmkit.errors import Conflict, InvalidDocument, NotFound
from sdmkit.registry import get_kind  # names the kinds; loads one on first use
from sdmkit.store import fulltext
from sdmkit.store.drafts import Drafts
from sdmkit.store.limits import check_value
from sdmkit.store.normalise import TITLE_CHARS, normalise
from sdmkit.store.rows import (
    ListPage,
    RevisionInfo,
    Summary,
    aware,
    insert_ids,
    meta_columns,
    meta_of,
    row_to_doc,
    utcnow,
)
from sdmkit.store.search import terms
from sdmkit.store.tables import DOCUMENTS, REVISIONS, DocumentRow, RevisionRow, SettingRow

# A loose index scan over ix_document_live_team (deleted_at, team, ...), the same on
# both backends: neither SQLite's planner nor PostgreSQL 15's skips through an index.
_NEXT_TEAM = """
WITH RECURSIVE t(team) AS (
    SELECT (SELECT min(team) FROM document WHERE deleted_at IS NULL AND team > '')
    UNION ALL
    SELECT (SELECT min(d.team) FROM document d WHERE d.deleted_at IS NULL AND d.team > t.team)
    FROM t WHERE t.team IS NOT NULL
)
SELECT team FROM t WHERE team IS NOT NULL
"""


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.drafts = Drafts(engine)

    # --- reading -------------------------------------------------------------------

    def get(self, doc_id: int, *, include_deleted: bool = False) -> Document:
        with Session(self.engine) as s:
            row = s.get(DocumentRow, doc_id)
            if row is None or (row.deleted_at is not None and not include_deleted):
                where = " (it is in the trash)" if row is not None else ""
                raise NotFound(f"document {doc_id} not found{where}")
            return row_to_doc(row)

    def list(
        self,
        *,
        kind: str | None = None,
        team: str | None = None,
        status: str | None = None,
        query: str | None = None,
        deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
        count_up_to: int | None = None,
    ) -> ListPage:
        """One page of documents, newest first; with a query, the best matches first,
        each with a snippet. A query with no word in it (only punctuation) finds nothing.

        `count_up_to` stops counting there (the page then says exact=False): counting
        100,000 documents costs more than reading the page (4x the Library's run on
        PostgreSQL), and nobody pages through more than a few thousand."""
        # Core, not the ORM: the rows are plain tuples, and an ORM statement's first
        # compile costs a CLI command (`sdmkit list`) about 15 ms more.
        doc = DOCUMENTS.c
        cols = (
            doc.id,
            doc.kind,
            doc.title,
            doc.team,
            doc.status,
            doc.tags,
            doc.version,
            doc.updated_at,
            doc.deleted_at,
        )
        live = doc.deleted_at.is_not(None) if deleted else doc.deleted_at.is_(None)
        filters: builtins.list[ColumnElement[bool]] = []
        if kind:
            filters.append(doc.kind == kind)
        if team:
            filters.append(doc.team == team)
        if status:
            filters.append(doc.status == status)
        words = terms(query or "")
        if query and query.strip() and not words:
            return ListPage([], 0, offset, limit)
        found: dict[int, str] = {}
        rows: Sequence[Any]  # Core rows of the listed columns
        exact = True
        with self.engine.connect() as conn:
            if words:
                total, ids = self._search(conn, words, deleted, filters, offset, limit)
                by_id = {r.id: r for r in conn.execute(select(*cols).where(doc.id.in_(ids))).all()}
                rows = [by_id[i] for i in ids if i in by_id]
                found = fulltext.snippets(conn, words, ids)
            else:
                if count_up_to is None:
                    total = conn.execute(select(func.count()).where(live, *filters)).scalar_one()
                else:
                    counted = select(doc.id).where(live, *filters).limit(count_up_to + 1).subquery()
                    total = conn.execute(select(func.count()).select_from(counted)).scalar_one()
                    if total > count_up_to:
                        exact, total = False, count_up_to
                # The trash lists the latest deletions first, which its index serves directly.
                newest = doc.deleted_at if deleted else doc.updated_at
                rows = conn.execute(
                    select(*cols)
                    .where(live, *filters)
                    .order_by(newest.desc(), doc.id.desc())
                    .offset(offset)
                    .limit(limit)
                ).all()
        items = [
            Summary(
                r.id,
                r.kind,
                r.title,
                r.team,
                r.status,
                list(r.tags or []),
                r.version,
                aware(r.updated_at),
                aware(r.deleted_at),
                found.get(r.id, ""),
            )
            for r in rows
        ]
        return ListPage(items, int(total), offset, limit, exact)

    @staticmethod
    def _search(
        conn: Connection,
        words: builtins.list[str],
        deleted: bool,
        filters: builtins.list[ColumnElement[bool]],
        offset: int,
        limit: int,
    ) -> tuple[int, builtins.list[int]]:
        """Ranked ids of one page of matches and how many match in all.

        The documents a search may return are given to the index as a set of ids
        read from the covering indexes of 0003 (or, for a plain search of the live
        documents, as the small set of the trash to leave out), never by joining
        each match to its document row: a row holds the whole content, and reading
        thousands of them cost more than the search."""
        doc = DOCUMENTS.c
        ids = select(doc.id)
        if deleted or filters:
            state = doc.deleted_at.is_not(None) if deleted else doc.deleted_at.is_(None)
            return fulltext.search(conn, words, within=ids.where(state, *filters), offset=offset, limit=limit)
        trash = ids.where(doc.deleted_at.is_not(None))
        return fulltext.search(conn, words, outside=trash, offset=offset, limit=limit)

    def iter_documents(self, *, kind: str | None = None, batch: int = 500) -> Iterator[Document]:
        """Every live document with its content, in id order, a batch at a time."""
        last = 0
        # Plain rows, not ORM objects: mining reads every document this way.
        t = DOCUMENTS
        while True:
            with self.engine.connect() as conn:
                q = select(t).where(t.c.deleted_at.is_(None), t.c.id > last)
                if kind:
                    q = q.where(t.c.kind == kind)
                docs = [row_to_doc(r) for r in conn.execute(q.order_by(t.c.id).limit(batch))]
            if not docs:
                return
            yield from docs
            last = int(docs[-1].id or 0)

    def versions(self, kinds: Iterable[str]) -> dict[int, int]:
        """Live documents of these kinds: id -> version, without reading their content."""
        with Session(self.engine) as s:
            rows = s.execute(
                select(DOCUMENTS.c.id, DOCUMENTS.c.version).where(
                    DOCUMENTS.c.deleted_at.is_(None), DOCUMENTS.c.kind.in_(builtins.list(kinds))
                )
            )
            return {r.id: r.version for r in rows}

    def teams(self) -> builtins.list[str]:
        """The teams of the live documents. One index seek per team (the next team
        after the last one) instead of DISTINCT over every document: the Library asks
        on every run, and at 100,000 documents DISTINCT alone cost 50 ms."""
        with Session(self.engine) as s:
            rows = s.execute(text(_NEXT_TEAM)).all()
        return sorted(r[0] for r in rows)

    def fingerprint(self) -> tuple[str, ...]:
        """Changes whenever any document is created, saved, deleted or restored.

        Every create and save adds a revision (so the newest revision id moves), and
        delete and restore move a document between the live and trash counts. All
        three are index look-ups: the Home page asks on every run, even at 10,000."""
        live = select(func.count()).select_from(DOCUMENTS).where(DOCUMENTS.c.deleted_at.is_(None))
        trash = select(func.count()).select_from(DOCUMENTS).where(DOCUMENTS.c.deleted_at.is_not(None))
        with Session(self.engine) as s:
            row = s.execute(
                select(
                    select(func.max(REVISIONS.c.id)).scalar_subquery(),
                    live.scalar_subquery(),
                    trash.scalar_subquery(),
                )
            ).one()
        return tuple(str(v) for v in row)

    def count(self) -> int:
        with Session(self.engine) as s:
            return int(
                s.execute(
                    select(func.count()).select_from(DOCUMENTS).where(DOCUMENTS.c.deleted_at.is_(None))
                ).one()[0]
            )

    # --- writing -------------------------------------------------------------------

    def create(
        self,
        kind: str,
        content: dict[str, Any] | None = None,
        meta: DocumentMeta = DocumentMeta(),
        *,
        note: str = "created",
    ) -> Document:
        doc = normalise(kind, content, meta)
        now = utcnow()
        with Session(self.engine) as s, s.begin():
            row = DocumentRow(
                kind=doc.kind,
                **meta_columns(doc),
                content=doc.content,
                version=1,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            assert row.id is not None  # the flush gave it one
            doc_id = row.id
            s.add(self._revision(doc_id, 1, doc, now, note))
            fulltext.write(
                s.connection(),
                fulltext.rows_for([(doc_id, doc.kind, doc.title, doc.team, doc.tags, doc.content)]),
            )
        return self.revision(doc_id, 1)  # what this create wrote, even if a save followed it

    def create_many(
        self, items: builtins.list[Document], *, notes: builtins.list[str] | None = None
    ) -> builtins.list[int]:
        """Create many documents in one transaction (mining writes hundreds at once);
        each item is a new Document (its id and version are ignored).

        Core inserts, not ORM objects: building and flushing a thousand ORM rows cost
        more than mining them. The rows are the same ones create() writes. The items
        are sdmkit's own (mined stories), checked as `normalise(built=True)` checks:
        what the model writes, not the raw value a file's user would need named."""
        docs = [normalise(i.kind, i.content, i.meta, built=True) for i in items]
        if not docs:
            return []
        notes = notes or ["created"] * len(docs)
        now = utcnow()
        revisions = REVISIONS
        with self.engine.begin() as conn:
            ids = insert_ids(
                conn,
                [
                    {
                        "kind": d.kind,
                        **meta_columns(d),
                        "content": d.content,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for d in docs
                ],
            )
            conn.execute(
                insert(revisions),
                [
                    {
                        "document_id": i,
                        "version": 1,
                        **meta_columns(d),
                        "content": d.content,
                        "saved_at": now,
                        "note": note[:300],
                    }
                    for i, d, note in zip(ids, docs, notes, strict=True)
                ],
            )
            fulltext.write(
                conn,
                fulltext.rows_for(
                    [(i, d.kind, d.title, d.team, d.tags, d.content) for i, d in zip(ids, docs, strict=True)]
                ),
            )
        return ids

    def save(
        self,
        doc_id: int,
        base_version: int,
        content: dict[str, Any],
        meta: DocumentMeta,
        *,
        note: str = "edited",
    ) -> Document:
        """Save a new version on top of `base_version`, or raise Conflict. Returns the
        version this call wrote (not whatever is newest by the time it returns)."""
        current = self.get(doc_id, include_deleted=True)
        if current.deleted_at is not None:
            raise NotFound(f"document {doc_id} is in the trash; restore it before saving")
        doc = normalise(current.kind, content, meta)
        now = utcnow()
        with Session(self.engine) as s, s.begin():
            result = s.connection().execute(
                update(DOCUMENTS)
                .where(
                    DOCUMENTS.c.id == doc_id,
                    DOCUMENTS.c.version == base_version,
                    DOCUMENTS.c.deleted_at.is_(None),
                )
                .values(
                    **meta_columns(doc),
                    content=doc.content,
                    version=DOCUMENTS.c.version + 1,
                    updated_at=now,
                )
            )
            stale = result.rowcount != 1
            if not stale:
                s.add(self._revision(doc_id, base_version + 1, doc, now, note))
                fulltext.write(
                    s.connection(),
                    fulltext.rows_for([(doc_id, doc.kind, doc.title, doc.team, doc.tags, doc.content)]),
                )
        if stale:
            theirs = self.get(doc_id, include_deleted=True)
            raise Conflict(doc_id, base_version, theirs.version, theirs)
        return self.revision(doc_id, base_version + 1)

    def update(self, doc: Document, *, note: str = "edited") -> Document:
        """Save a changed copy of a stored document on top of the version it was read at."""
        return self.save(doc.stored_id, doc.version, doc.content, doc.meta, note=note)

    @staticmethod
    def _revision(doc_id: int, version: int, doc: Document, when: datetime, note: str) -> RevisionRow:
        return RevisionRow(
            document_id=doc_id,
            version=version,
            **meta_columns(doc),
            content=doc.content,
            saved_at=when,
            note=note[:300],
        )

    def duplicate(self, doc_id: int) -> Document:
        src = self.get(doc_id)
        meta = src.meta.replace(
            title=shorten(f"Copy of {src.title}", TITLE_CHARS), status=get_kind(src.kind).statuses[0]
        )
        return self.create(
            src.kind,
            src.content,
            meta,
            note=f"duplicated from document {doc_id} version {src.version}",
        )

    def delete(self, doc_id: int) -> None:
        """Move to the trash; restore_from_trash brings it back with all its history."""
        with Session(self.engine) as s, s.begin():
            n = (
                s.connection()
                .execute(
                    update(DOCUMENTS)
                    .where(DOCUMENTS.c.id == doc_id, DOCUMENTS.c.deleted_at.is_(None))
                    .values(deleted_at=utcnow())
                )
                .rowcount
            )
        if n != 1:
            raise NotFound(f"document {doc_id} not found")

    def restore_from_trash(self, doc_id: int) -> Document:
        with Session(self.engine) as s, s.begin():
            n = (
                s.connection()
                .execute(
                    update(DOCUMENTS)
                    .where(DOCUMENTS.c.id == doc_id, DOCUMENTS.c.deleted_at.is_not(None))
                    .values(deleted_at=None)
                )
                .rowcount
            )
        if n != 1:
            raise NotFound(f"document {doc_id} is not in the trash")
        return self.get(doc_id)

    # --- history -------------------------------------------------------------------

    def history(self, doc_id: int) -> builtins.list[RevisionInfo]:
        rev = REVISIONS.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(rev.version, rev.title, rev.status, rev.saved_at, rev.note)
                .where(rev.document_id == doc_id)
                .order_by(rev.version.desc())
            ).all()
        if not rows:
            raise NotFound(f"document {doc_id} not found")
        return [RevisionInfo(r.version, r.title, r.status, aware(r.saved_at), r.note) for r in rows]

    def revision(self, doc_id: int, version: int) -> Document:
        with Session(self.engine) as s:
            row = s.execute(
                select(RevisionRow).where(
                    col(RevisionRow.document_id) == doc_id, col(RevisionRow.version) == version
                )
            ).first()
            doc_row = s.get(DocumentRow, doc_id)
        if row is None or doc_row is None:
            raise NotFound(f"document {doc_id} has no version {version}")
        r = row[0]
        return Document(
            id=doc_id,
            kind=doc_row.kind,
            meta=meta_of(r),
            content=dict(r.content),
            version=r.version,
            created_at=aware(doc_row.created_at),
            updated_at=aware(r.saved_at),
        )

    def restore_revision(self, doc_id: int, version: int, base_version: int) -> Document:
        """Make an old version the newest again; the versions after it stay in history."""
        old = self.revision(doc_id, version)
        return self.save(doc_id, base_version, old.content, old.meta, note=f"restored from version {version}")

    # --- settings ------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        with Session(self.engine) as s:
            row = s.get(SettingRow, key)
        return row.value.get("v", default) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        problems = check_value(value, key)  # NaN, NUL: what one database would refuse
        if problems:
            raise InvalidDocument(problems)
        with Session(self.engine) as s, s.begin():
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value={"v": value}))
            else:
                row.value = {"v": value}  # a new dict: JSON columns do not see in-place edits

    def settings(self) -> dict[str, Any]:
        with Session(self.engine) as s:
            return {r[0].key: r[0].value.get("v") for r in s.execute(select(SettingRow)).all()}
