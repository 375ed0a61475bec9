"""The review meeting's record: margin comments, each on the revision it was made
on, and the document's decision log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from sdmkit import clock
from sdmkit.document import Document
from sdmkit.errors import Conflict, FieldProblem, InvalidDocument, NotFound
from sdmkit.registry import get_kind
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


@dataclass(frozen=True)
class StatusDue:
    """What the decision log says the document's status should be, when its status
    still says otherwise: `status` to set, or only `stale` (the decision was on an
    older version, so the document as it is now was never decided on)."""

    status: str
    decision: Decision
    current_version: int

    @property
    def stale(self) -> bool:
        return self.decision.version != self.current_version


def status_due(store: Store, doc_id: int) -> StatusDue | None:
    """The status the latest decision calls for, when the document's own status lags
    behind it: an 'approved' decision on a document still in draft or in review. None
    when the status already agrees (or has moved on, to launched or closed), when the
    kind has no 'approved' status, or when there is no decision."""
    log = decisions(store, doc_id)
    if not log or log[-1].outcome != "approved":
        return None
    doc = store.get(doc_id)
    statuses = get_kind(doc.kind).statuses
    if "approved" not in statuses:
        return None
    current = doc.status if doc.status in statuses else statuses[0]
    if statuses.index(current) >= statuses.index("approved"):
        return None
    return StatusDue("approved", log[-1], doc.version)


def set_status_from_decision(store: Store, doc_id: int, base_version: int) -> Document:
    """Save a new version whose status is the one the latest decision calls for, the
    content unchanged; raises Conflict if the document moved on from `base_version`,
    and InvalidDocument if no decision calls for a change, or the one that does was
    taken on an older version (what was approved is not what the document says now)."""
    due = status_due(store, doc_id)
    if due is None:
        raise InvalidDocument([FieldProblem("status", "no decision calls for a change of status")])
    if due.current_version != base_version:
        raise Conflict(doc_id, base_version, due.current_version, store.get(doc_id))
    if due.stale:
        raise InvalidDocument(
            [
                FieldProblem(
                    "status",
                    f"the approval was of version {due.decision.version}; the document has changed "
                    f"since (version {due.current_version}): review it again before marking it approved",
                )
            ]
        )
    doc = store.get(doc_id)
    meta = doc.meta.replace(status=due.status)
    note = f"status set to {due.status}: decision of {due.decision.decided_on.isoformat()}"
    return store.save(doc_id, base_version, doc.content, meta, note=note)
