"""A mined story is searched by its words, not by mining's bookkeeping; and the
document table's search_text column, which nothing reads, is gone.

Revision ID: i12_story_search
Revises: i15_metric_type

The search index held everything in a story's content, so a story was found by the
field paths its sentences came from ('timeline[8].description'), its origin and its
fingerprint, and its snippet showed them ('sha256:b612... lessons[1]'): searching
'timeline' listed every mined COE story. The story kind now names that bookkeeping
(Kind.unsearched) and the store leaves it out; this indexes the stories already
written again. Nothing a user wrote changes.

search_text (0002) held each document's whole text lower-cased, for a LIKE search
that the full-text index (i16) replaced; every save still wrote it, doubling the
row. Dropped in place (ALTER TABLE ... DROP COLUMN, SQLite since 3.35), not by
alembic's batch mode, which on SQLite copies the table and drops it, and the
revisions' foreign key to it refuses that.
"""

from alembic import op
from sqlalchemy import JSON, Integer, column, select, table
from sqlalchemy import Text as TextType
from sqlalchemy.schema import Column

revision = "i12_story_search"
down_revision = "i15_metric_type"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    # Imported when the step runs: Alembic imports every script just to find the head.
    from sdmkit.store import fulltext

    conn = op.get_bind()
    doc = table(
        "document",
        column("id", Integer),
        column("kind"),
        column("title"),
        column("team"),
        column("tags", JSON),
        column("content", JSON),
    )
    last = 0
    while True:  # the stories only, a batch at a time: the other kinds' rows are as they were
        found = conn.execute(
            select(doc.c.id, doc.c.kind, doc.c.title, doc.c.team, doc.c.tags, doc.c.content)
            .where(doc.c.kind == "story", doc.c.id > last)
            .order_by(doc.c.id)
            .limit(_BATCH)
        ).all()
        if not found:
            break
        fulltext.write(
            conn,
            fulltext.rows_for((r.id, r.kind, r.title, r.team, r.tags or [], r.content or {}) for r in found),
        )
        last = found[-1].id
    op.execute("ALTER TABLE document DROP COLUMN search_text")


def downgrade() -> None:
    # Back empty: before this step nothing read it either.
    op.add_column("document", Column("search_text", TextType, nullable=False, server_default=""))
