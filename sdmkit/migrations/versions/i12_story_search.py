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
from sqlalchemy import Text
from sqlalchemy.schema import Column

revision = "i12_story_search"
down_revision = "i15_metric_type"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Imported when the step runs: Alembic imports every script just to find the head.
    from sdmkit.store.fulltext import rebuild

    rebuild(op.get_bind(), kind="story")  # the stories only: the other kinds' rows are as they were
    op.execute("ALTER TABLE document DROP COLUMN search_text")


def downgrade() -> None:
    # Back empty: before this step nothing read it either.
    op.add_column("document", Column("search_text", Text, nullable=False, server_default=""))
