"""A metric's input/output column is `type`, not `kind`: in sdmkit `kind` means a
document kind and nothing else.

Revision ID: i15_metric_type
Revises: i16_search_index

Only the column's name changes; every value stays. Documents keep what they
stored: a metric review saved before this reads its metrics' old `kind` as `type`
(the model maps it), and so do older backups and exported files.
"""

from alembic import op

revision = "i15_metric_type"
down_revision = "i16_search_index"
branch_labels = None
depends_on = None


# RENAME COLUMN, in place on both backends (SQLite since 3.25), not alembic's batch
# mode: on SQLite that copies and drops the table, which the weekly values' foreign
# key to it refuses.
def upgrade() -> None:
    op.execute("ALTER TABLE metric RENAME COLUMN kind TO type")


def downgrade() -> None:
    op.execute("ALTER TABLE metric RENAME COLUMN type TO kind")
