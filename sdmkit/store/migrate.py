"""Alembic, driven from code: `upgrade(engine)` brings any sdmkit database to head."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(None)).get_current_head()


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def up_to_date(engine: Engine) -> bool:
    """True when the database is at the newest revision, learnt with one query and
    without importing Alembic (a quarter of a second of every CLI start): the head
    is read from the version files' `revision` and `down_revision` lines. Anything
    unclear (no version table, two heads, an unreadable file) says False, and
    Alembic, imported then, decides."""
    newest = _head_from_files()
    if newest is None:
        return False
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

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

    with engine.begin() as conn:
        command.upgrade(_config(conn), target)
