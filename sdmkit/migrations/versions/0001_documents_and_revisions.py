"""Documents and their revisions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("team", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(40), nullable=False, server_default="draft"),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("coach_off", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_document_kind", "document", ["kind"])
    op.create_index("ix_document_team", "document", ["team"])
    op.create_index("ix_document_status", "document", ["status"])
    op.create_index("ix_document_updated_at", "document", ["updated_at"])
    op.create_index("ix_document_deleted_at", "document", ["deleted_at"])
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("document.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("team", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(40), nullable=False, server_default="draft"),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("coach_off", sa.JSON, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("note", sa.String(300), nullable=False, server_default=""),
        sa.UniqueConstraint("document_id", "version"),
    )
    op.create_index("ix_revision_document_id", "revision", ["document_id"])


def downgrade() -> None:
    op.drop_table("revision")
    op.drop_table("document")
