"""Full-text search: an FTS5 table on SQLite, a tsvector with a GIN index on PostgreSQL.

Revision ID: i16_search_index
Revises: i10_drafts

Search was a LIKE scan of every document's lower-cased text (50-120 ms at 10,000
documents) that ranked nothing. `document_search` has the same columns on both
backends (rowid = the document's id, title, body), so the store writes it with the
same statements (sdmkit.store.fulltext); PostgreSQL derives the weighted tsvector
from them in a generated column. Existing documents are indexed here.
"""

from alembic import op

revision = "i16_search_index"  # not i16_full_text_search: an unlanded branch used that id on another parent
down_revision = "i10_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Diacritics kept, as PostgreSQL's 'simple' keeps them: the same words match on both.
        op.execute(
            "CREATE VIRTUAL TABLE document_search USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 0')"
        )
    else:
        # 'simple': no stemming and no stop words, the same words FTS5 finds.
        op.execute(
            "CREATE TABLE document_search ("
            " rowid integer PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
            " title text NOT NULL,"
            " body text NOT NULL,"
            " vector tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('simple'::regconfig, title), 'A')"
            "  || to_tsvector('simple'::regconfig, body)) STORED)"
        )
        # A vector is a few kB: kept in the row (compressed) rather than in TOAST, a
        # ranked search reads one page per match instead of four (half the time at
        # 100,000 documents). The body stays in TOAST: only snippets read it.
        op.execute("ALTER TABLE document_search ALTER COLUMN vector SET STORAGE MAIN")
        op.execute("CREATE INDEX ix_document_search_vector ON document_search USING gin (vector)")
    # Imported when the step runs: Alembic imports every script just to find the head.
    from sdmkit.store.fulltext import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE document_search")
