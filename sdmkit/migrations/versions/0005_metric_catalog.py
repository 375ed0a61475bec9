"""Team metric catalogs and their weekly values.

Revision ID: 0005
Revises: 0004

A value is stored once per metric and week and read by every review of that week;
importing the same week again updates it (the unique key makes that an upsert).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "metric",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False, server_default=""),
        sa.Column("owner", sa.String(200), nullable=False, server_default=""),
        sa.Column("kind", sa.String(10), nullable=False, server_default="output"),
        sa.Column("drives", sa.String(200), nullable=False, server_default=""),
        sa.Column("target", sa.Float, nullable=True),
        sa.Column("direction", sa.String(10), nullable=False, server_default="higher"),
        sa.Column("aggregation", sa.String(10), nullable=False, server_default="sum"),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("team", "name"),
    )
    op.create_table(
        "metric_value",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("metric_id", sa.Integer, sa.ForeignKey("metric.id"), nullable=False),
        sa.Column("week_end", sa.Date, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.UniqueConstraint("metric_id", "week_end"),
    )
    op.create_index("ix_metric_value_metric_week", "metric_value", ["metric_id", "week_end"])


def downgrade() -> None:
    op.drop_table("metric_value")
    op.drop_table("metric")
