"""The review meeting's record: margin comments, each on the revision it was made
on, and the document's decision log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from sdmkit import clock
from sdmkit.errors import FieldProblem, InvalidDocument, NotFound
from sdmkit.store.documents import Store
from sdmkit.store.limits import check_row
from sdmkit.store.rows import aware, utcnow
from sdmkit.store.tables import COMMENTS, DECISIONS, CommentRow, DecisionRow

OUTCOMES = ("approved", "rejected", "needs more work", "decided")


@dataclass(frozen=True)
class Comment:
    id: int
    document_id: int
    version: int
    anchor: str
    author: str
    text: str
    created_at: datetime
    resolved: bool


@dataclass(frozen=True)
class Decision:
    id: int
    document_id: int
    version: int
    decision: str
    outcome: str
    decided_by: str
    decided_on: date


def add_comment(
    store: Store, doc_id: int, version: int, text: str, *, anchor: str = "", author: str = ""
) -> Comment:
    text = (text or "").strip()
    if not text:
        raise InvalidDocument([FieldProblem("comment", "write the comment before adding it")])
    problems = check_row(COMMENTS, {"text": text, "anchor": anchor[:200], "author": author.strip()[:200]})
    if problems:  # NUL and the like: what PostgreSQL would refuse, refused on SQLite too
        raise InvalidDocument(
            [FieldProblem("comment" if p.field == "text" else p.field, p.problem) for p in problems]
        )
    store.revision(doc_id, version)  # the revision must exist
    with Session(store.engine) as s, s.begin():
        row = CommentRow(
            document_id=doc_id,
            version=version,
            anchor=anchor[:200],
            author=author.strip()[:200],
            text=text,
            created_at=utcnow(),
            resolved=False,
        )
        s.add(row)
        s.flush()
        return _comment(row)


def comments(store: Store, doc_id: int, *, version: int | None = None) -> list[Comment]:
    with Session(store.engine) as s:
        q = select(CommentRow).where(col(CommentRow.document_id) == doc_id)
        if version is not None:
            q = q.where(col(CommentRow.version) == version)
        return [_comment(r) for r in s.scalars(q.order_by(col(CommentRow.id)))]


def set_resolved(store: Store, comment_id: int, resolved: bool = True) -> None:
    with Session(store.engine) as s, s.begin():
        n = (
            s.connection()
            .execute(update(COMMENTS).where(COMMENTS.c.id == comment_id).values(resolved=resolved))
            .rowcount
        )
    if n != 1:
        raise NotFound(f"comment {comment_id} not found")


def add_decision(
    store: Store,
    doc_id: int,
    version: int,
    decision: str,
    *,
    outcome: str = "decided",
    decided_by: str = "",
    decided_on: date | None = None,
) -> Decision:
    problems: list[FieldProblem] = []
    if not (decision or "").strip():
        problems.append(FieldProblem("decision", "say what was decided"))
    if outcome not in OUTCOMES:
        problems.append(FieldProblem("outcome", f"'{outcome}' is not one of: {', '.join(OUTCOMES)}"))
    problems += check_row(
        DECISIONS, {"decision": decision or "", "decided_by": (decided_by or "").strip()[:200]}
    )
    if problems:
        raise InvalidDocument(problems)
    store.revision(doc_id, version)
    with Session(store.engine) as s, s.begin():
        row = DecisionRow(
            document_id=doc_id,
            version=version,
            decision=decision.strip(),
            outcome=outcome,
            decided_by=decided_by.strip()[:200],
            decided_on=decided_on or clock.today(),
            created_at=utcnow(),
        )
        s.add(row)
        s.flush()
        assert row.id is not None  # the flush gave it one
        return Decision(
            row.id, row.document_id, row.version, row.decision, row.outcome, row.decided_by, row.decided_on
        )


def decisions(store: Store, doc_id: int) -> list[Decision]:
    with Session(store.engine) as s:
        rows = s.scalars(
            select(DecisionRow).where(col(DecisionRow.document_id) == doc_id).order_by(col(DecisionRow.id))
        )
        return [
            Decision(r.id or 0, r.document_id, r.version, r.decision, r.outcome, r.decided_by, r.decided_on)
            for r in rows
        ]


def _comment(r: CommentRow) -> Comment:
    return Comment(
        r.id or 0, r.document_id, r.version, r.anchor, r.author, r.text, aware(r.created_at), r.resolved
    )
