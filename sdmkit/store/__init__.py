"""The document store: open it with `open_store()`."""

from __future__ import annotations

from sdmkit.document import Document, DocumentMeta
from sdmkit.store import db
from sdmkit.store import migrate as migrations
from sdmkit.store.documents import Store
from sdmkit.store.rows import ListPage, RevisionInfo, Summary


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:

    engine = db.make_engine(url or db.database_url())
    if migrate:
        migrations.upgrade(engine)
    return Store(engine)


__all__ = ["Document", "DocumentMeta", "ListPage", "RevisionInfo", "Store", "Summary", "open_store"]
