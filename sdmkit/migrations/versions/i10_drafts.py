"""Unsaved drafts: what an editor tab holds, kept a moment after each change.

Revision ID: i10_drafts
Revises: 0005

A reload, a closed tab or a restarted server then loses nothing the writer typed;
the editor offers the draft back when the document is opened again.
"""

import sqlalchemy as sa
from alembic import op

revision = "i10_drafts"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("token", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("document_id", sa.Integer, nullable=True),
        sa.Column("base_version", sa.Integer, nullable=True),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_draft_document_id", "draft", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_draft_document_id", "draft")
    op.drop_table("draft")
