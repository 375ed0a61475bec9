"""kill -9 during a restore or an import leaves no half workspace and no half document."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from sdmkit.backup import dump, write_backup
from sdmkit.document import Document, DocumentMeta

pytestmark = pytest.mark.fault


def _child(args: list[str], url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sdmkit.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SDMKIT_DATABASE_URL": url},
    )


def _kill_at_random(child: subprocess.Popen, rng: random.Random, longest: float) -> None:
    time.sleep(rng.uniform(0.3, longest))
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.communicate()


def test_a_restore_killed_midway_leaves_the_old_workspace_or_the_new_one(sqlite_store, tmp_path):
    from sdmkit.store import open_store

    items = [
        Document(None, "charter", DocumentMeta(f"Backup charter {i}"), {"team_name": "Ledger"})
        for i in range(3000)
    ]
    sqlite_store.create_many(items)
    backup = tmp_path / "backup.json"
    wanted = write_backup(sqlite_store, backup)["documents"]
    sqlite_store.engine.dispose()

    old = tmp_path / "old.db"
    shutil.copy(tmp_path / "sdmkit.db", old)
    current = open_store(f"sqlite:///{old}")
    current.create_many([Document(None, "coe", DocumentMeta("The workspace's own COE"), {})])
    before = dump(current)["documents"]
    current.engine.dispose()

    rng = random.Random(11)
    work = tmp_path / "work.db"
    for _ in range(3):
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"work.db{suffix}").unlink(missing_ok=True)
        shutil.copy(old, work)
        child = _child(["restore", str(backup), "--replace"], f"sqlite:///{work}")
        _kill_at_random(child, rng, 4.0)
        after = open_store(f"sqlite:///{work}")
        documents = dump(after)["documents"]
        after.engine.dispose()
        assert documents in (before, wanted), f"half a restore: {len(documents)} documents"


def test_an_import_killed_midway_leaves_only_whole_documents(workspace, tmp_path):
    import json

    from tests.conftest import ROOT

    folder = tmp_path / "many"
    folder.mkdir()
    example = (ROOT / "examples" / "coe" / "card-payments-tls.yaml").read_text()
    for i in range(150):
        (folder / f"coe-{i:03}.yaml").write_text(example)
    url = os.environ["SDMKIT_DATABASE_URL"]
    child = _child(["import", str(folder)], url)
    _kill_at_random(child, random.Random(7), 3.0)
    from sqlalchemy import text

    with workspace.engine.connect() as conn:
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM document d WHERE NOT EXISTS "
                "(SELECT 1 FROM revision r WHERE r.document_id = d.id AND r.version = d.version)"
            )
        ).scalar()
    assert orphans == 0
    for summary in workspace.list(limit=200).items:
        doc = workspace.get(summary.id)
        assert json.dumps(doc.content)  # every stored document reads back whole
        doc.model()
