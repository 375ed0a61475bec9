"""A database made at the first migration opens in this release, its data intact."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import inspect, text

from sdmkit.store import db, migrate
from tests.conftest import PG_URL, create_pg_database, drop_pg_database, need, pg_admin_url


@pytest.fixture
def empty_url(backend, tmp_path):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    need(bool(PG_URL), "PostgreSQL tests need SDMKIT_TEST_POSTGRES_URL")
    name = create_pg_database("sdmkit_migrate")
    yield pg_admin_url(name)
    drop_pg_database(name)


def test_upgrade_from_first_migration_keeps_documents(empty_url):
    engine = db.make_engine(empty_url)
    migrate.upgrade(engine, "0001")
    assert migrate.current(engine) == "0001"
    now = datetime(2026, 1, 5, 9, 30)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (id, kind, title, team, status, tags, content, coach_off, version, "
                "created_at, updated_at) "
                "VALUES (1, 'charter', 'Old charter', 'Ledger', 'draft', '[]', :content, '[]', 1, :now, :now)"
            ),
            {"content": '{"team_name": "Ledger", "mission": "Balance every account nightly."}', "now": now},
        )
        conn.execute(
            text(
                "INSERT INTO revision (document_id, version, title, team, status, tags, content, coach_off, "
                "saved_at, note) "
                "VALUES (1, 1, 'Old charter', 'Ledger', 'draft', '[]', :content, '[]', :now, 'created')"
            ),
            {"content": '{"team_name": "Ledger", "mission": "Balance every account nightly."}', "now": now},
        )
    engine.dispose()

    from sdmkit.store import open_store

    store = open_store(empty_url)  # opening migrates to head
    assert migrate.current(store.engine) == migrate.head()
    doc = store.get(1)
    assert doc.content["mission"] == "Balance every account nightly."
    assert store.list(query="nightly").total == 1  # search text was backfilled
    saved = store.save(1, 1, doc.content, doc.meta)
    assert saved.version == 2
    store.set_setting("pdf_page_size", "Letter")
    store.engine.dispose()


def test_open_is_idempotent(sqlite_store):
    before = migrate.current(sqlite_store.engine)
    migrate.upgrade(sqlite_store.engine)
    assert migrate.current(sqlite_store.engine) == before == migrate.head()


def test_the_head_read_from_the_files_is_alembics():
    assert migrate._head_from_files() == migrate.head()


def test_opening_an_up_to_date_workspace_is_one_query_without_alembic(tmp_path, _sqlite_template):
    """The CLI opens the store on every command: at head, that costs one version
    query and no Alembic import (a quarter of a second of every start)."""
    import shutil
    import subprocess
    import sys

    path = tmp_path / "ws.db"
    shutil.copy(_sqlite_template, path)
    code = (
        "import sys\n"
        "from sqlalchemy import event\n"
        "from sqlalchemy.engine import Engine\n"
        "seen = []\n"
        "event.listen(Engine, 'before_cursor_execute', lambda c, cur, stmt, *a: seen.append(stmt))\n"
        "from sdmkit.store import open_store\n"
        f"open_store({f'sqlite:///{path}'!r})\n"
        "print(seen, [m for m in sys.modules if m.split('.')[0] == 'alembic'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['SELECT version_num FROM alembic_version'] []"


def test_a_workspace_behind_is_still_migrated(tmp_path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0004")
    assert not migrate.up_to_date(engine)
    migrate.upgrade(engine)
    assert migrate.up_to_date(engine) and migrate.current(engine) == migrate.head()
    engine.dispose()


def test_a_metric_catalog_made_before_the_rename_keeps_every_metrics_type(empty_url):
    """i15 renames metric.kind (input/output) to metric.type; a catalog made before
    it opens with each metric's type as it was, and its weekly values still theirs."""
    engine = db.make_engine(empty_url)
    migrate.upgrade(engine, "i16_search_index")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO metric (id, team, name, unit, owner, kind, drives, direction, aggregation, position) "
                "VALUES (1, 'Ledger', 'Deployments', 'count', '', 'input', 'Availability', 'higher', 'sum', 0),"
                " (2, 'Ledger', 'Availability', '%', '', 'output', '', 'higher', 'mean', 1)"
            )
        )
        conn.execute(
            text("INSERT INTO metric_value (metric_id, week_end, value) VALUES (1, '2026-11-15', 31)")
        )
    engine.dispose()

    from sdmkit.metrics.catalog import catalog, series
    from sdmkit.store import open_store

    store = open_store(empty_url)
    assert [(m.name, m.type) for m in catalog(store, "Ledger")] == [
        ("Deployments", "input"),
        ("Availability", "output"),
    ]
    assert list(series(store, 1).values()) == [31]
    store.engine.dispose()

    from alembic import command

    engine = db.make_engine(empty_url)
    with engine.begin() as conn:  # and back down, the values intact
        command.downgrade(migrate._config(conn), "i16_search_index")
        assert conn.execute(text("SELECT kind FROM metric ORDER BY id")).scalars().all() == [
            "input",
            "output",
        ]
    engine.dispose()


def test_stories_indexed_before_i12_are_no_longer_found_by_their_bookkeeping(empty_url):
    """Before i12 the index held a story's field paths and fingerprint; upgrading
    indexes the stories already written again, without them, and drops search_text."""
    engine = db.make_engine(empty_url)
    migrate.upgrade(engine, "i15_metric_type")
    content = {
        "question": "Tell me about a time you fixed a recurring outage.",
        "action": "I rotated the certificate and added an expiry alarm.",
        "grounding": {"action": ["timeline[8].description"]},
        "origin": "4:coe",
        "generated": "sha256:b6126654a0805f8c",
        "sources": [{"document_id": 4, "section": "timeline", "note": ""}],
    }
    old_body = "\n".join(
        [
            "Tell me about a time",
            content["action"],
            "timeline[8].description",
            "4:coe",
            "sha256:b6126654a0805f8c",
            "timeline",
        ]
    )
    now = datetime(2026, 11, 5, 9, 30)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (id, kind, title, team, status, tags, content, coach_off, version, "
                "created_at, updated_at, search_text) VALUES (1, 'story', 'Recurring outage', '', 'draft', "
                "'[]', :content, '[]', 1, :now, :now, :body)"
            ),
            {"content": json.dumps(content), "now": now, "body": old_body.lower()},
        )
        conn.execute(
            text("INSERT INTO document_search (rowid, title, body) VALUES (1, 'Recurring outage', :body)"),
            {"body": old_body},
        )
        # A charter whose index row the step must leave as it is (it re-indexes stories
        # only): a word its row holds and its content does not shows whether it did.
        conn.execute(
            text(
                "INSERT INTO document (id, kind, title, team, status, tags, content, coach_off, version, "
                "created_at, updated_at, search_text) VALUES (2, 'charter', 'Ledger charter', 'Ledger', "
                "'draft', '[]', :content, '[]', 1, :now, :now, '')"
            ),
            {"content": json.dumps({"team_name": "Ledger", "mission": "Balance nightly."}), "now": now},
        )
        conn.execute(
            text(
                "INSERT INTO document_search (rowid, title, body) VALUES (2, 'Ledger charter', 'untouchedrow')"
            )
        )
    engine.dispose()

    from sdmkit.store import open_store

    store = open_store(empty_url)  # opening migrates to head
    assert store.list(query="timeline").total == 0
    assert store.list(query="sha256").total == 0
    assert [d.id for d in store.list(query="expiry alarm").items] == [1]
    assert [d.id for d in store.list(query="untouchedrow").items] == [2]
    # and the column of the LIKE search before the index, which nothing read, is gone
    assert "search_text" not in {c["name"] for c in inspect(store.engine).get_columns("document")}
    assert store.get(1).content == content
    store.engine.dispose()
