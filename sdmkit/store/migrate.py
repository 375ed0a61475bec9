"""Alembic, driven from code: `upgrade(engine)` brings any sdmkit database to head.

All or nothing: the whole upgrade, schema changes and the `alembic_version` row
together, runs in one transaction, so a kill at any point leaves the database as it
was before and the next open runs the upgrade again. SQLite can roll back DDL, but
Python's sqlite3 commits each CREATE/ALTER on its own unless a transaction was begun
explicitly; `BEGIN IMMEDIATE` does that and also takes the write lock, so two first
opens of one file take turns. On PostgreSQL an advisory lock makes concurrent first
opens wait for each other instead of racing to create the same tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:  # alembic is imported only when the schema is behind (start-up time)
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Any fixed number: it names sdmkit's migration lock among the server's advisory locks.
PG_LOCK_KEY = 0x5D4D_4B17


def _config(connection: Connection | None) -> Config:
    # Alembic is imported only when the schema is behind (start-up time).
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    # As above: only when the schema is behind.
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config(None)).get_current_head()
    assert head is not None, "sdmkit ships at least one migration"
    return head


def _revision_of(conn: Connection) -> str | None:
    # As above: only when the schema is behind.
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_of(conn)


def _begin_locked(conn: Connection) -> None:
    """Begin the one transaction the upgrade runs in, holding the migration lock."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        # Released with the transaction, so a killed process never leaves it held.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})


def up_to_date(engine: Engine) -> bool:
    """True when the database is at the newest revision, learnt with one query and
    without importing Alembic (a quarter of a second of every CLI start): the head
    is read from the version files' `revision` and `down_revision` lines. Anything
    unclear (no version table, two heads, an unreadable file) says False, and
    Alembic, imported then, decides."""
    newest = _head_from_files()
    if newest is None:
        return False

    try:
        with engine.connect() as conn:
            found = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError:  # a new database has no version table yet
        return False
    return found == [newest]


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=(.*)$", re.M)


def _head_from_files() -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        parents.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def upgrade(engine: Engine, target: str = "head") -> None:
    if target == "head" and up_to_date(engine):
        return  # the common case on start: nothing to do, and no transaction taken
    from alembic import command

    with engine.connect() as conn:
        _begin_locked(conn)
        # Another process may have finished the upgrade while this one waited.
        if target == "head" and _revision_of(conn) == head():
            conn.rollback()
            return
        command.upgrade(_config(conn), target)
        conn.commit()
