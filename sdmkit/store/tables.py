"""The tables. Defined here once (never in page scripts, which Streamlit reruns).

The newest revision is the document: `document` holds the current state for fast
listing, `revision` every state ever saved, so history, diff and restore read it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import ConfigDict
from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Every CLI command opens the store, and building the pydantic side of every table
# class was a tenth of its start-up; rows are built by SQLAlchemy, so that work
# waits for the first time a table class is instantiated.
_LATE = ConfigDict(defer_build=True)


class DocumentRow(SQLModel, table=True):
    model_config = _LATE  # type: ignore[assignment]
    __tablename__ = "document"
    # Created by migration 0003; declared here so the metadata tells the truth.
    __table_args__ = (
        Index("ix_document_live_recent", "deleted_at", "updated_at", "id"),
        Index("ix_document_live_kind", "deleted_at", "kind", "updated_at", "id"),
        Index("ix_document_live_team", "deleted_at", "team", "updated_at", "id"),
        Index("ix_document_live_status", "deleted_at", "status", "updated_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True, max_length=40)
    title: str = Field(max_length=300)
    team: str = Field(default="", index=True, max_length=200)
    status: str = Field(default="draft", index=True, max_length=40)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    coach_off: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    coach_allow: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    version: int = Field(default=1)
    created_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime, nullable=False, index=True))
    deleted_at: datetime | None = Field(default=None, sa_column=Column(DateTime, nullable=True, index=True))


class RevisionRow(SQLModel, table=True):
    model_config = _LATE  # type: ignore[assignment]
    __tablename__ = "revision"
    __table_args__ = (UniqueConstraint("document_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    version: int
    title: str = Field(max_length=300)
    team: str = Field(default="", max_length=200)
    status: str = Field(default="draft", max_length=40)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    coach_off: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    coach_allow: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    saved_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    note: str = Field(default="", max_length=300)


class SettingRow(SQLModel, table=True):
    model_config = _LATE  # type: ignore[assignment]
    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=100)
    value: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class CommentRow(SQLModel, table=True):
    """A reviewer's margin comment, on the revision it was made on."""

    model_config = _LATE  # type: ignore[assignment]

    __tablename__ = "comment"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    version: int
    anchor: str = Field(default="", max_length=200)  # the section it is about
    author: str = Field(default="", max_length=200)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    resolved: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))


class DecisionRow(SQLModel, table=True):
    """One entry of a document's decision log."""

    model_config = _LATE  # type: ignore[assignment]

    __tablename__ = "decision"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    version: int
    decision: str = Field(sa_column=Column(Text, nullable=False))
    outcome: str = Field(default="decided", max_length=40)
    decided_by: str = Field(default="", max_length=200)
    decided_on: date = Field(sa_column=Column(Date, nullable=False))
    created_at: datetime = Field(sa_column=Column(DateTime, nullable=False))


class MetricRow(SQLModel, table=True):
    """One metric of a team's catalog."""

    model_config = _LATE  # type: ignore[assignment]

    __tablename__ = "metric"
    __table_args__ = (UniqueConstraint("team", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    team: str = Field(max_length=200)
    name: str = Field(max_length=200)
    unit: str = Field(default="", max_length=40)
    owner: str = Field(default="", max_length=200)
    type: str = Field(default="output", max_length=10)  # input (controllable) or output
    drives: str = Field(default="", max_length=200)  # for inputs: the output it moves
    target: float | None = None
    direction: str = Field(default="higher", max_length=10)  # which way is better
    aggregation: str = Field(default="sum", max_length=10)  # how weeks roll up to months
    position: int = 0


class MetricValueRow(SQLModel, table=True):
    model_config = _LATE  # type: ignore[assignment]
    __tablename__ = "metric_value"
    __table_args__ = (UniqueConstraint("metric_id", "week_end"),)

    id: int | None = Field(default=None, primary_key=True)
    metric_id: int = Field(foreign_key="metric.id")
    week_end: date = Field(sa_column=Column(Date, nullable=False))
    value: float


class DraftRow(SQLModel, table=True):
    """Unsaved changes, kept a moment after each edit so a reload or a closed tab loses
    nothing. Not a revision: saving or discarding the draft deletes it."""

    model_config = _LATE  # type: ignore[assignment]

    __tablename__ = "draft"

    token: str = Field(primary_key=True, max_length=40)  # one per editor tab
    kind: str = Field(max_length=40)
    document_id: int | None = Field(default=None, index=True)  # None: a new document
    base_version: int | None = None  # the saved version the changes were made on
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    saved_at: datetime = Field(sa_column=Column(DateTime, nullable=False))


def table_of(row: type[SQLModel]) -> Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]  # set by SQLModel for table=True


# The tables as SQLAlchemy Core sees them, for the queries that read plain rows (a
# Core statement compiles faster than an ORM one, and its columns are typed).
DOCUMENTS = table_of(DocumentRow)
REVISIONS = table_of(RevisionRow)
COMMENTS = table_of(CommentRow)
DECISIONS = table_of(DecisionRow)
DRAFTS = table_of(DraftRow)
