"""Full-text search: SQLite FTS5 or a PostgreSQL tsvector with a GIN index.

Both backends keep one `document_search` table with the same shape — rowid (the
document's id), title, body — so writing it is the same SQL on both: every create
and save rewrites the document's row in the transaction that writes the document
(documents.py), and `rebuild` refills it from the documents (the i16 migration,
a backup restore). The trash stays indexed; a search is limited to the live
documents or to the trash by a set of ids read from the document table's
indexes, so delete and restore need no index write at all. Only the match and
the rank differ: MATCH with bm25() on SQLite, @@ with ts_rank() on PostgreSQL;
the title counts more than the body on both. Snippets are cut in Python
(search.make_snippet), the same on both.

Words match by prefix ("incid" finds "incidents"), every word of the search must
be found, and nothing of the user's query reaches SQL except as a bound value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Integer, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from sdmkit.store.search import document_texts, index_text, make_snippet, strip_markers

SEARCH = table("document_search", column("rowid", Integer), column("title"), column("body"))
TITLE_WEIGHT = 5.0  # bm25 column weight on SQLite; PostgreSQL gives the title weight 'A'
SNIPPET_LENGTH = 160  # characters, about a line and a half of the Library


def rows_for(
    docs: Iterable[tuple[int, str, str, str, Sequence[str], dict[str, Any]]],
) -> list[dict[str, Any]]:
    """(id, kind, title, team, tags, content) -> the rows of the index, without what
    the kind keeps out of search (search.document_texts)."""
    return [
        {
            "rowid": i,
            "title": strip_markers(title),
            "body": index_text(team, tags, content, document_texts(kind, content)),
        }
        for i, kind, title, team, tags, content in docs
    ]


def write(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Replace the index rows of these documents (same statements on both backends)."""
    if not rows:
        return
    conn.execute(
        text("DELETE FROM document_search WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True)),
        {"ids": [r["rowid"] for r in rows]},
    )
    conn.execute(
        text("INSERT INTO document_search (rowid, title, body) VALUES (:rowid, :title, :body)"), rows
    )


def rebuild(conn: Connection, batch: int = 500, *, kind: str = "") -> int:
    """Index every document again from its stored content (of one kind only, when
    `kind` names it: the other index rows stay as they are); returns how many."""
    doc = table(
        "document",
        column("id", Integer),
        column("kind"),
        column("title"),
        column("team"),
        column("tags", JSON),
        column("content", JSON),
    )
    if kind:
        conn.execute(
            text("DELETE FROM document_search WHERE rowid IN (SELECT id FROM document WHERE kind = :kind)"),
            {"kind": kind},
        )
    else:
        conn.execute(text("DELETE FROM document_search"))
    last, done = 0, 0
    while True:
        q = select(doc.c.id, doc.c.kind, doc.c.title, doc.c.team, doc.c.tags, doc.c.content).where(
            doc.c.id > last
        )
        if kind:
            q = q.where(doc.c.kind == kind)
        found = conn.execute(q.order_by(doc.c.id).limit(batch)).all()
        if not found:
            return done
        rows = rows_for((r.id, r.kind, r.title, r.team, r.tags or [], r.content or {}) for r in found)
        conn.execute(
            text("INSERT INTO document_search (rowid, title, body) VALUES (:rowid, :title, :body)"), rows
        )
        done += len(rows)
        last = found[-1].id


# --- the query, per backend ------------------------------------------------------------


def _fts5(words: list[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)


def _tsquery(words: list[str]) -> ColumnElement[Any]:
    return func.to_tsquery(literal_column("'simple'::regconfig"), " & ".join(f"{w}:*" for w in words))


def match(dialect: str, words: list[str]) -> ColumnElement[bool]:
    """The WHERE condition: every word, by prefix. Words are letters and digits only
    (search.terms), and go in as a bound value."""
    if dialect == "sqlite":
        return literal_column("document_search").op("MATCH", is_comparison=True)(_fts5(words))
    return literal_column("document_search.vector").op("@@")(_tsquery(words))


def best_first(dialect: str, words: list[str]) -> ColumnElement[Any]:
    """The ORDER BY that puts the best match first."""
    if dialect == "sqlite":
        # bm25() is lower for a better match.
        return func.bm25(
            literal_column("document_search"), literal_column(str(TITLE_WEIGHT)), literal_column("1.0")
        )
    return func.ts_rank(literal_column("document_search.vector"), _tsquery(words)).desc()


def search(
    conn: Connection,
    words: list[str],
    *,
    within: Select[Any] | None = None,
    outside: Select[Any] | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[int, list[int]]:
    """(how many match, the ids of one page, best first) among the documents whose
    ids `within` selects, or all but those `outside` selects."""
    dialect = conn.dialect.name
    # On SQLite a bare rowid IN (...) lets the planner walk the id list and probe the
    # index once per id (seconds at 100,000); "+rowid" keeps MATCH in charge.
    rowid: Any = literal_column("+document_search.rowid") if dialect == "sqlite" else SEARCH.c.rowid
    conds = [match(dialect, words)]
    if within is not None:
        conds.append(rowid.in_(within))
    if outside is not None:
        conds.append(rowid.not_in(outside))
    if dialect == "postgresql":
        # The heap of document_search holds little (body in TOAST), so the planner
        # prices a sequential scan below the GIN index and then unpacks every vector
        # of the workspace: 1.2 s instead of 30 ms at 100,000 documents.
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    # Two statements, not a count(*) OVER () beside the page: a window keeps every
    # matching row, vector and all (90 ms for 8,334 matches on PostgreSQL; on SQLite
    # bm25() refuses a window), while a count alone reads only the index.
    total = conn.execute(select(func.count()).select_from(SEARCH).where(*conds)).scalar_one()
    ranked = select(SEARCH.c.rowid).where(*conds).order_by(best_first(dialect, words), SEARCH.c.rowid.desc())
    ids = [int(i) for i in conn.execute(ranked.offset(offset).limit(limit)).scalars()]
    return int(total), ids


def snippets(conn: Connection, words: list[str], ids: list[int]) -> dict[int, str]:
    """The best passage of each document's body, hits between HIT_START and HIT_END.
    Asked for one page of results only."""
    if not ids or not words:
        return {}
    found = conn.execute(
        text("SELECT rowid, body FROM document_search WHERE rowid IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": ids},
    )
    return {int(r[0]): make_snippet(r[1], words, SNIPPET_LENGTH) for r in found}
