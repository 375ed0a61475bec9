"""Review comments, the decision log, and per-document coach allow-lists.

Revision ID: 0004
Revises: 0003

Comments belong to the revision they were made on, so a reviewer's note keeps its
context after the document moves on. The allow-list holds words the coach accepts
in one document (a product name in capitals, a term of art).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("coach_allow", sa.JSON, nullable=False, server_default="[]"))
    with op.batch_alter_table("revision") as batch:
        batch.add_column(sa.Column("coach_allow", sa.JSON, nullable=False, server_default="[]"))
    op.create_table(
        "comment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("document.id"), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("anchor", sa.String(200), nullable=False, server_default=""),
        sa.Column("author", sa.String(200), nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("document.id"), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(40), nullable=False, server_default="decided"),
        sa.Column("decided_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("decision")
    op.drop_table("comment")
    with op.batch_alter_table("revision") as batch:
        batch.drop_column("coach_allow")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("coach_allow")
