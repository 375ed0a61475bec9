"""Text search column and workspace settings.

Revision ID: 0002
Revises: 0001

Search reads one lower-cased column instead of parsing JSON for every row, which
keeps the Library fast at 10,000 documents. (The full-text index, i16, replaced that
search, and i12_story_search drops the column: it is no longer backfilled here.)
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    # The column's backfill is gone: nothing has read the column since the full-text
    # index (i16), and i12_story_search drops it, so filling it on the way there
    # was work thrown away.


def downgrade() -> None:
    op.drop_table("setting")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("search_text")
