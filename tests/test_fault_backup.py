"""Backups taken while people write, and restores of damaged backups.

A backup is one snapshot, so every backup taken while four writers create and save
documents restores; a damaged or hand-edited backup is refused before anything is
replaced; a workspace that holds anything at all is never treated as empty."""

from __future__ import annotations

import copy
import json
import threading
import time
from datetime import date

import pytest

from sdmkit.backup import backup_problems, dump, restore, write_backup
from sdmkit.document import DocumentMeta
from sdmkit.errors import Conflict, SdmkitError
from sdmkit.metrics.catalog import Metric, save_catalog, upsert_values
from sdmkit.store.review import add_comment, add_decision

pytestmark = pytest.mark.fault

WRITERS = 4
SECONDS = 10


def _writer(store, stop: threading.Event, errors: list, n: int) -> None:
    try:
        i = 0
        while not stop.is_set():
            meta = DocumentMeta(title=f"Writer {n} charter {i}")
            doc = store.create("charter", {"team_name": f"Team {n}"}, meta)
            for v in range(1, 3):
                try:
                    store.save(doc.id, v, {"team_name": f"Team {n}", "mission": f"v{v}"}, doc.meta)
                except Conflict:
                    break
            if i % 5 == 4:
                store.delete(doc.id)
            i += 1
    except Exception as exc:  # pragma: no cover - reported by the test
        errors.append(exc)


def test_backups_taken_while_four_writers_run_all_restore(store, tmp_path, request):
    from sdmkit.store import open_store

    target_url = f"sqlite:///{tmp_path / 'target.db'}"
    if store.engine.dialect.name == "postgresql":
        from tests.conftest import create_pg_database, drop_pg_database, pg_admin_url

        name = create_pg_database("sdmkit_restore")
        request.addfinalizer(lambda: drop_pg_database(name))
        target_url = pg_admin_url(name)
    stop, errors = threading.Event(), []
    threads = [threading.Thread(target=_writer, args=(store, stop, errors, n)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    backups = []
    deadline = time.monotonic() + SECONDS
    try:
        while time.monotonic() < deadline:
            path = tmp_path / f"backup-{len(backups)}.json"
            write_backup(store, path)
            backups.append(path)
            time.sleep(0.2)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors[:1]
    assert len(backups) >= 5
    assert len(json.loads(backups[-1].read_text())["revisions"]) > 20, "the writers were writing"
    target = open_store(target_url)
    try:
        for path in backups:
            data = json.loads(path.read_text())
            done = restore(target, data, replace=True, safety_dir=tmp_path / "safety")
            assert done.documents == len(data["documents"])
            after = dump(target)
            for section in ("documents", "revisions", "settings"):
                assert after[section] == data[section], f"{path.name}: {section} differ after restore"
    finally:
        target.engine.dispose()


# --- damaged backups --------------------------------------------------------------


@pytest.fixture
def good_backup(store) -> dict:
    charter = store.create(
        "charter", {"team_name": "Ledger", "mission": "Balance."}, DocumentMeta("Ledger charter")
    )
    store.save(charter.id, 1, {"team_name": "Ledger", "mission": "Balance nightly."}, charter.meta)
    add_comment(store, charter.id, 2, "Which accounts?", anchor="mission", author="Ana")
    add_decision(store, charter.id, 2, "Adopt the charter", outcome="approved", decided_on=date(2026, 11, 2))
    metrics = save_catalog(store, "Ledger", [Metric("Pages", unit="pages")])
    upsert_values(store, [(metrics[0].id, date(2026, 11, 1), 4.0)])
    store.set_setting("pdf_page_size", "Letter")
    store.drafts.put(
        "tab-1", "charter", charter.id, 2, charter.meta, {"team_name": "Ledger", "mission": "Bal"}
    )
    return dump(store)


def _damage(section, index, field, value):
    def change(data):
        if index is None:
            data[section][field] = value
        else:
            data[section][index][field] = value

    return change


def _drop_document(data):
    data["documents"] = data["documents"][1:]


DAMAGES = {
    "unknown kind": (
        _damage("documents", 0, "kind", "memo"),
        "documents[1] (id 1).kind: unknown kind 'memo'",
    ),
    "invalid content": (
        _damage("documents", 0, "content", {"team_name": "Ledger", "team_type": "squad"}),
        "content.team_type",
    ),
    "invalid revision content": (
        _damage("revisions", 0, "content", {"tenets": "one"}),
        "revisions[1] (id 1).content",
    ),
    "status of another kind": (_damage("documents", 0, "status", "resolved"), "documents[1] (id 1).status"),
    "setting not stored as a mapping": (
        _damage("settings", None, "pdf_page_size", "Letter"),
        "settings.pdf_page_size",
    ),
    "setting of the wrong shape": (
        _damage("settings", None, "redaction.terms", {"v": "Dublin"}),
        "settings.redaction.terms: expected a list of texts",
    ),
    "revision without its document": (_drop_document, "is not in the backup"),
    "NUL in a title": (
        _damage("documents", 0, "title", "Ledger\x00"),
        "documents[1] (id 1).title: contains a NUL",
    ),
    "team too long": (_damage("documents", 0, "team", "T" * 201), "documents[1] (id 1).team: at most 200"),
    "NaN value": (_damage("metric_values", 0, "value", float("nan")), "metric_values[1] (id 1).value"),
    "metric type": (_damage("metrics", 0, "type", "throughput"), "metrics[1] (id 1).type"),
    "time that is not a time": (_damage("documents", 0, "created_at", "yesterday"), "documents[1] (id 1)"),
    "missing time": (_damage("revisions", 0, "saved_at", None), "revisions[1] (id 1).saved_at: missing"),
    "section of the wrong type": (_damage("documents", None, None, None), "documents: expected a list"),
    "draft of an unknown kind": (_damage("drafts", 0, "kind", "memo"), "drafts[1].kind: unknown kind 'memo'"),
    "draft metadata of the wrong type": (_damage("drafts", 0, "meta", {"team": 5}), "drafts[1].meta.team"),
    "decision outcome": (_damage("decisions", 0, "outcome", "maybe"), "decisions[1] (id 1).outcome"),
}


def _section_wrong_type(data):
    data["documents"] = {"1": "x"}


DAMAGES["section of the wrong type"] = (_section_wrong_type, "documents: expected a list")


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_backup_is_refused_and_the_workspace_is_untouched(store, good_backup, damage, tmp_path):
    change, expected = DAMAGES[damage]
    data = copy.deepcopy(good_backup)
    change(data)
    assert backup_problems(good_backup) == []
    before = dump(store)
    with pytest.raises(SdmkitError) as refused:
        restore(store, data, replace=True, safety_dir=tmp_path / "safety")
    assert expected in str(refused.value)
    assert "the workspace is unchanged" in str(refused.value)
    assert dump(store) == before
    assert not (tmp_path / "safety").exists(), "refused before anything was written"


# --- what counts as empty ------------------------------------------------------------


def _only_metrics(store):
    metrics = save_catalog(store, "Ledger", [Metric("Pages")])
    upsert_values(store, [(metrics[0].id, date(2026, 11, 1), 4.0)])


def _only_trash(store):
    store.delete(store.create("charter", {"team_name": "Ledger"}, DocumentMeta("Gone")).id)


def _only_a_setting(store):
    store.set_setting("redaction.terms", ["Dublin"])


def _only_a_draft(store):
    from sdmkit.document import DocumentMeta

    store.drafts.put("tab-9", "charter", None, None, DocumentMeta(), {"team_name": "Unsaved"})


@pytest.mark.parametrize(
    "fill,what",
    [
        (_only_metrics, "1 metrics, 1 weekly values"),
        (_only_trash, "1 in the trash"),
        (_only_a_setting, "1 settings"),
        (_only_a_draft, "1 unsaved drafts"),
    ],
)
def test_a_workspace_holding_anything_is_not_empty(store, good_backup, fill, what, tmp_path):
    from sqlalchemy import text

    with store.engine.begin() as conn:  # start from an empty workspace, then put one thing in it
        for table in (
            "comment",
            "decision",
            "metric_value",
            "metric",
            "revision",
            "document",
            "setting",
            "draft",
        ):
            conn.execute(text(f"DELETE FROM {table}"))
    fill(store)
    before = dump(store)
    with pytest.raises(SdmkitError, match=what):
        restore(store, good_backup)
    assert dump(store) == before
    done = restore(store, good_backup, replace=True, safety_dir=tmp_path / "safety")
    assert done.safety_backup is not None
    saved = json.loads(done.safety_backup.read_text())
    for section in ("documents", "metrics", "metric_values", "settings", "drafts"):
        assert saved[section] == before[section]
    assert dump(store)["documents"] == good_backup["documents"]


def test_a_backup_made_before_search_text_was_dropped_restores_and_is_searchable(store, tmp_path):
    """Format 2 held each document's search_text column, gone since i12: such a backup
    restores whole, its documents found by search. A backup of format 3 says it is
    newer to an sdmkit that reads at most 2, which would have needed the column."""
    from sdmkit.backup import FORMAT_VERSION, read_backup

    doc = store.create(
        "charter", {"team_name": "Ledger", "mission": "Balance every account nightly."}, DocumentMeta()
    )
    path = tmp_path / "backup.json"
    write_backup(store, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert FORMAT_VERSION == data["format_version"] == 3
    assert "search_text" not in data["documents"][0]
    data["format_version"] = 2
    for d in data["documents"]:
        d["search_text"] = "ledger\nbalance every account nightly."
    old = tmp_path / "old-backup.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    assert not backup_problems(read_backup(old))
    store.delete(doc.id)
    restore(store, read_backup(old), replace=True, safety_dir=tmp_path)
    assert store.get(doc.id).content["mission"] == "Balance every account nightly."
    assert [d.id for d in store.list(query="nightly").items] == [doc.id]
