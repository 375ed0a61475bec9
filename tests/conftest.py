"""Shared fixtures. Each test gets a fresh workspace; the store tests run on SQLite
and on PostgreSQL. PostgreSQL comes from SDMKIT_TEST_POSTGRES_URL (a database the
tests may create databases beside). Outside CI a missing server skips those tests
with the reason; in CI (CI=true) it fails them, so they can never silently vanish."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_URL = os.environ.get("SDMKIT_TEST_POSTGRES_URL", "")
ROOT = Path(__file__).resolve().parent.parent
# The day examples/ was last brought up to date: a test of what the examples say "now"
# (nothing overdue, the coach quiet) freezes sdmkit.clock here, not at the day it runs.
EXAMPLES_WRITTEN = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def need(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI: a required test environment must not vanish there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so a fixture's teardown can tell that the
    test failed (the browser tests save the pages then)."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """No test reads or writes the real user's workspace."""
    monkeypatch.setenv("SDMKIT_DATA_DIR", str(tmp_path / "data"))
    # In-process CLI runs lay out PDFs in the test's process (never fork pytest); the
    # CLI tests that run sdmkit as a user does set their own number of PDF workers.
    monkeypatch.setenv("SDMKIT_PDF_WORKERS", "0")
    monkeypatch.delenv("SDMKIT_DATABASE_URL", raising=False)


# --- SQLite: migrate once, copy the file per test -----------------------------------


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    from sdmkit.store import open_store

    path = tmp_path_factory.mktemp("template") / "template.db"
    store = open_store(f"sqlite:///{path}")
    store.engine.dispose()
    return path


def _sqlite_store(template: Path, tmp_path: Path):
    from sdmkit.store import open_store

    path = tmp_path / "sdmkit.db"
    shutil.copy(template, path)
    return open_store(f"sqlite:///{path}")


# --- PostgreSQL: one migrated database per session, emptied before each test --------


def pg_admin_url(dbname: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=dbname).render_as_string(hide_password=False)


def create_pg_database(prefix: str) -> str:
    from sqlalchemy import create_engine, text

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_admin_url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name


def drop_pg_database(name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_admin_url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def _pg_database():
    need(bool(PG_URL), "PostgreSQL tests need SDMKIT_TEST_POSTGRES_URL (see README, 'Running the tests')")
    try:
        name = create_pg_database("sdmkit_test")
    except Exception as exc:
        need(False, f"PostgreSQL at SDMKIT_TEST_POSTGRES_URL is not reachable: {exc}")
    yield pg_admin_url(name)
    drop_pg_database(name)


def _pg_store(url: str):
    from sqlalchemy import text

    from sdmkit.store import open_store

    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE comment, decision, revision, document, setting, metric_value, metric, draft "
                "RESTART IDENTITY CASCADE"
            )
        )
    return store


# The marker on the PostgreSQL variant is what lets `pytest -m postgres` select it
# (and `-m "not postgres"` leave it out).
@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


@pytest.fixture
def store(backend, request, tmp_path):
    """A fresh, migrated workspace on the backend under test."""
    if backend == "sqlite":
        s = _sqlite_store(request.getfixturevalue("_sqlite_template"), tmp_path)
    else:
        s = _pg_store(request.getfixturevalue("_pg_database"))
    yield s
    s.engine.dispose()


@pytest.fixture
def sqlite_store(_sqlite_template, tmp_path):
    s = _sqlite_store(_sqlite_template, tmp_path)
    yield s
    s.engine.dispose()


@pytest.fixture
def workspace(tmp_path, monkeypatch, _sqlite_template):
    """A SQLite workspace that the CLI and the app see through SDMKIT_DATABASE_URL."""
    path = tmp_path / "workspace.db"
    shutil.copy(_sqlite_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("SDMKIT_DATABASE_URL", url)
    from sdmkit.store import open_store

    s = open_store(url)
    yield s
    s.engine.dispose()


def example_paths() -> list[Path]:
    """The example documents (examples/metrics holds catalogs and data, not documents)."""
    return sorted(
        p for p in (ROOT / "examples").rglob("*.yaml") if "metrics" not in p.relative_to(ROOT).parts
    )


@pytest.fixture
def charter_content() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "examples" / "charter" / "payments-platform.yaml").read_text())["content"]


def mined_outage(store, title: str = "Search outage"):
    """A one-line COE of a 40-minute search outage, mined: (the COE, its one story).

    The smallest document that mines to a story with "Your part" questions, which
    the story tests edit, re-mine and export.
    """
    from sdmkit.document import DocumentMeta
    from sdmkit.stories.mine import mine_all

    coe = store.create(
        "coe",
        {
            "summary": "Search was down for 40 minutes.",
            "timeline": [{"at": "2026-01-01T10:00", "type": "start"}],
        },
        DocumentMeta(title=title),
    )
    mine_all(store)
    (story,) = store.iter_documents(kind="story")
    return coe, story


# --- the browser tests' Chromium -------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, one per test module (tests/test_browser*.py)."""
    from tests.browser import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    need(path is not None, "browser tests need Chromium (apt-get install chromium) or SDMKIT_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "browser tests need playwright (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


# Where a failed browser test leaves a screenshot and the HTML of every page it had open.
FAILURES = Path(
    os.environ.get("SDMKIT_TEST_ARTIFACTS") or Path(tempfile.gettempdir()) / "sdmkit-browser-failures"
)


@pytest.fixture(autouse=True)
def _pages_kept_on_failure(request):
    """For a test that drives Chromium: on a failure, save what the browser showed,
    then close every page the test opened."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    yield
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder = FAILURES / request.node.name
        folder.mkdir(parents=True, exist_ok=True)
        for i, context in enumerate(browser.contexts):
            for j, page in enumerate(context.pages):
                page.screenshot(path=folder / f"page-{i}-{j}.png", full_page=True)
                (folder / f"page-{i}-{j}.html").write_text(page.content(), encoding="utf-8")
        print(f"the browser's pages at the failure: {folder}", file=sys.stderr)
    for context in browser.contexts:
        context.close()


def load_script(path: Path):
    """A script of the repository (scripts/, bench/) as a module, for tests of its functions."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
