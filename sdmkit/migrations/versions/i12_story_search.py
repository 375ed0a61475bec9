"""A mined story is searched by its words, not by mining's bookkeeping.

Revision ID: i12_story_search
Revises: i15_metric_type

The search index held everything in a story's content, so a story was found by the
field paths its sentences came from ('timeline[8].description'), its origin and its
fingerprint, and its snippet showed them ('sha256:b612... lessons[1]'): searching
'timeline' listed every mined COE story. The story kind now names that bookkeeping
(Kind.unsearched) and the store leaves it out; this indexes the stories already
written again, and their search_text column with them. Nothing a user wrote changes.
"""

from alembic import op
from sqlalchemy import JSON, Integer, column, select, table, update

revision = "i12_story_search"
down_revision = "i15_metric_type"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Imported when the step runs: Alembic imports every script just to find the head.
    from sdmkit.store.fulltext import rebuild
    from sdmkit.store.search import document_texts, search_text

    conn = op.get_bind()
    doc = table(
        "document",
        column("id", Integer),
        column("kind"),
        column("title"),
        column("team"),
        column("tags", JSON),
        column("content", JSON),
        column("search_text"),
    )
    stories = conn.execute(
        select(doc.c.id, doc.c.title, doc.c.team, doc.c.tags, doc.c.content).where(doc.c.kind == "story")
    ).all()
    for r in stories:
        texts = document_texts("story", r.content)
        conn.execute(
            update(doc)
            .where(doc.c.id == r.id)
            .values(search_text=search_text(r.title, r.team, r.tags or [], r.content or {}, texts))
        )
    rebuild(conn)


def downgrade() -> None:
    pass  # the index without the bookkeeping finds all that a user wrote: nothing to undo
