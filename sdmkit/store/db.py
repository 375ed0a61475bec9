"""Where the workspace lives and how to open it.

SQLite file in the user's data directory by default; SDMKIT_DATABASE_URL selects
another database (PostgreSQL for a team server). Migrations run on open, so a
database made by an older release opens in a newer one."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import platformdirs
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from sdmkit import jsonio
from sdmkit.errors import SdmkitError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")

ENV_URL = "SDMKIT_DATABASE_URL"
ENV_DATA_DIR = "SDMKIT_DATA_DIR"


def data_dir() -> Path:
    configured = os.environ.get(ENV_DATA_DIR)
    if configured:
        return Path(configured).expanduser()

    return Path(platformdirs.user_data_dir("sdmkit", appauthor=False))


def database_url() -> str:
    return os.environ.get(ENV_URL) or f"sqlite:///{data_dir() / 'sdmkit.db'}"


def describe(url: str) -> str:
    """The URL with any password hidden, for screens and logs."""
    return make_url(url).render_as_string(hide_password=True)


# How both databases' JSON columns are written and read (sdmkit/jsonio.py).
_JSON: dict[str, Any] = {"json_serializer": jsonio.dumps, "json_deserializer": jsonio.loads}


def make_engine(url: str) -> Engine:

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 15},
            **_JSON,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # WAL lets the app read while the CLI writes; foreign keys are off by default.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        # Plain postgresql:// would pick psycopg2, which sdmkit does not install.
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(url, pool_pre_ping=True, **_JSON)


def write_retrying(
    engine: Engine, work: Callable[[Session], T], *, attempts: int = 6, what: str = "the change"
) -> T:
    """Run `work(session)` in one write transaction, again when a concurrent writer
    got there first (a unique row both inserted, SQLite's busy snapshot), so people
    writing at once see their change land instead of a database error."""

    for attempt in range(attempts):
        try:
            with Session(engine) as s, s.begin():
                return work(s)
        except (IntegrityError, OperationalError) as exc:
            transient = isinstance(exc, IntegrityError) or "locked" in str(exc) or "deadlock" in str(exc)
            if not transient:
                raise
            if attempt == attempts - 1:
                raise SdmkitError(
                    f"{what} was not saved: others kept writing the same rows at the same time; try again"
                ) from None
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")
