"""Text search column and workspace settings.

Revision ID: 0002
Revises: 0001

Search reads one lower-cased column instead of parsing JSON for every row, which
keeps the Library fast at 10,000 documents. Existing documents are backfilled.
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
    # Imported when the step runs: Alembic imports every script just to find the head.
    from sdmkit.store.search import search_text

    conn = op.get_bind()
    doc = sa.table(
        "document",
        sa.column("id"),
        sa.column("title"),
        sa.column("team"),
        sa.column("tags", sa.JSON),
        sa.column("content", sa.JSON),
        sa.column("search_text"),
    )
    for row in conn.execute(sa.select(doc.c.id, doc.c.title, doc.c.team, doc.c.tags, doc.c.content)).all():
        conn.execute(
            doc.update()
            .where(doc.c.id == row.id)
            .values(search_text=search_text(row.title, row.team, row.tags or [], row.content or {}))
        )


def downgrade() -> None:
    op.drop_table("setting")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("search_text")
