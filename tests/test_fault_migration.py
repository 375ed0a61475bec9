"""A first open of an old workspace that is killed mid-migration leaves it openable.

The workspace has 20,000 documents at the first schema, so the upgrade (which
indexes each for search) takes long enough to be killed in the middle."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest
from sqlalchemy import text

from sdmkit.store import db, migrate

pytestmark = pytest.mark.fault

DOCUMENTS = 20_000
OPEN = (
    "from sdmkit.store import open_store; print('migrating', flush=True); "
    "open_store({url!r}); print('opened', flush=True)"
)


def first_schema_workspace(path) -> str:
    url = f"sqlite:///{path}"
    engine = db.make_engine(url)
    migrate.upgrade(engine, "0001")
    now = datetime(2026, 1, 5, 9, 30)
    content = json.dumps({"team_name": "Ledger", "mission": "Balance every account nightly."})
    rows = [
        {"id": i, "title": f"Charter {i}", "content": content, "now": now} for i in range(1, DOCUMENTS + 1)
    ]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (id, kind, title, team, status, tags, content, coach_off, version, "
                "created_at, updated_at) "
                "VALUES (:id, 'charter', :title, 'Ledger', 'draft', '[]', :content, '[]', 1, :now, :now)"
            ),
            rows,
        )
        conn.execute(
            text(
                "INSERT INTO revision (document_id, version, title, team, status, tags, content, coach_off, "
                "saved_at, note) "
                "VALUES (:id, 1, :title, 'Ledger', 'draft', '[]', :content, '[]', :now, 'created')"
            ),
            rows,
        )
    engine.dispose()
    return url


def open_in_child(url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", OPEN.format(url=url)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def test_a_migration_killed_at_any_point_finishes_on_the_next_open(tmp_path):
    pristine = tmp_path / "pristine.db"
    first_schema_workspace(pristine)
    # How long the upgrade itself takes, from "migrating" (modules imported) to "opened".
    timed = tmp_path / "timed.db"
    shutil.copy(pristine, timed)
    child = open_in_child(f"sqlite:///{timed}")
    assert child.stdout.readline().strip() == "migrating"
    started = time.monotonic()
    assert child.stdout.readline().strip() == "opened", child.stderr.read()
    upgrade_takes = time.monotonic() - started
    child.communicate(timeout=120)

    rng = random.Random(11)
    work = tmp_path / "work.db"
    kills = 0
    for _attempt in range(3):
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"work.db{suffix}").unlink(missing_ok=True)
        shutil.copy(pristine, work)
        child = open_in_child(f"sqlite:///{work}")
        assert child.stdout.readline().strip() == "migrating"
        time.sleep(rng.uniform(0.05, 0.9) * upgrade_takes)  # a random point inside the upgrade
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.communicate()
        # The next open (here, in this process) finishes the upgrade, whatever the kill interrupted.
        engine = db.make_engine(f"sqlite:///{work}")
        migrate.upgrade(engine)
        assert migrate.current(engine) == migrate.head()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM document")).scalar() == DOCUMENTS
            indexed = conn.execute(text("SELECT count(*) FROM document_search")).scalar()
            assert indexed == DOCUMENTS  # the index was built to the end
        engine.dispose()
    assert kills >= 2, f"only {kills} of 3 children were killed mid-upgrade (it takes {upgrade_takes:.1f} s)"


@pytest.mark.postgres
def test_concurrent_first_opens_of_a_new_postgresql_database_all_succeed():
    from tests.conftest import PG_URL, create_pg_database, drop_pg_database, need, pg_admin_url

    need(bool(PG_URL), "PostgreSQL tests need SDMKIT_TEST_POSTGRES_URL")
    name = create_pg_database("sdmkit_first_open")
    try:
        url = pg_admin_url(name)
        children = [open_in_child(url) for _ in range(4)]
        results = [c.communicate(timeout=120) for c in children]
        failures = [
            err.strip().splitlines()[-1:]
            for c, (_, err) in zip(children, results, strict=True)
            if c.returncode
        ]
        assert not failures
        engine = db.make_engine(url)
        assert migrate.current(engine) == migrate.head()
        engine.dispose()
    finally:
        drop_pg_database(name)
