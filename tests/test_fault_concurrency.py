"""Concurrent writers get their change or a clean conflict, never a database error."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from sdmkit.document import DocumentMeta
from sdmkit.errors import Conflict
from sdmkit.metrics.catalog import Metric, save_catalog, series
from sdmkit.metrics.importer import import_csv

pytestmark = pytest.mark.fault


def _run_together(n: int, work) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(n)

    def run(i):
        try:
            start.wait()
            work(i)
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_two_metric_imports_of_the_same_weeks_both_land(store):
    save_catalog(store, "Ledger", [Metric("Pages"), Metric("Deploys")])
    weeks = [date(2026, 1, 4) + timedelta(weeks=w) for w in range(30)]
    for round_ in range(4):
        csvs = [
            "metric,week_end,value\n"
            + "".join(f"{m},{w},{round_ * 10 + i}\n" for w in weeks for m in ("Pages", "Deploys"))
            for i in range(2)
        ]
        results: list = [None, None]

        def work(i, csvs=csvs, results=results):
            results[i] = import_csv(store, "Ledger", csvs[i])

        assert _run_together(2, work) == []
        for parsed, _, _ in results:
            assert not parsed.problems
        pages = next(m for m in save_catalog(store, "Ledger", []) if m.name == "Pages")
        values = series(store, pages.id)
        assert len(values) == len(weeks)
        assert set(values.values()) <= {round_ * 10, round_ * 10 + 1}


def test_concurrent_first_catalogs_of_one_team_do_not_collide(store):
    def work(i):
        save_catalog(store, "Ledger", [Metric("Pages"), Metric(f"Own {i}")])

    assert _run_together(4, work) == []
    names = {m.name for m in save_catalog(store, "Ledger", [])}
    assert names == {"Pages", "Own 0", "Own 1", "Own 2", "Own 3"}


def test_save_returns_the_version_it_wrote(store):
    doc = store.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger charter"))
    written: list[tuple[int, str]] = []
    lock = threading.Lock()

    def work(i):
        for n in range(15):
            while True:
                current = store.get(doc.id)
                mark = f"writer {i} save {n}"
                try:
                    saved = store.save(
                        doc.id, current.version, {"team_name": "Ledger", "mission": mark}, current.meta
                    )
                except Conflict:
                    continue
                assert saved.content["mission"] == mark
                with lock:
                    written.append((saved.version, mark))
                break

    assert _run_together(4, work) == []
    versions = [v for v, _ in written]
    assert len(set(versions)) == len(versions) == 60
    for version, mark in written:
        assert store.revision(doc.id, version).content["mission"] == mark
