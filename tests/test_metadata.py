"""A document's metadata is one value (DocumentMeta) that every path carries whole:
no path may drop a field, whatever fields it grows. Each test compares the whole
value, not a chosen few of its fields."""

from __future__ import annotations

import json

import pytest

from sdmkit.actions import set_status
from sdmkit.backup import dump, restore
from sdmkit.document import DocumentMeta
from sdmkit.export import render
from sdmkit.interchange import parse_text

# Every field set, none to its default.
FULL = DocumentMeta(
    title="Checkout latency COE",
    team="Payments Platform",
    status="in review",
    tags=("payments", "latency"),
    coach_off=("coe.five_whys_depth",),
    coach_allow=("Northwind", "PSP"),
)
COE = {
    "summary": "Checkout failed for 47 minutes.",
    "action_items": [{"what": "Add an alarm on p99", "owner": "Ana", "due": "2026-12-01"}],
}


def test_every_field_of_the_meta_value_is_set_here():
    """Guards the tests below: a new field must be given a non-default value in FULL."""
    defaults = DocumentMeta()
    assert all(getattr(FULL, n) != getattr(defaults, n) for n in DocumentMeta.names())


def _stored(store):
    from sdmkit.registry import get_kind

    assert FULL.status in get_kind("coe").statuses
    doc = store.create("coe", COE, FULL)
    assert doc.meta == FULL.replace(coach_off=sorted(FULL.coach_off))
    return doc


def test_marking_an_action_item_done_keeps_the_meta(store):
    doc = _stored(store)
    saved = set_status(store, doc.id, 1, "done")
    assert saved.version == 2 and saved.meta == doc.meta


def test_saving_content_keeps_the_meta_it_is_given(store):
    doc = _stored(store)
    saved = store.update(doc.with_content({**doc.content, "summary": "Checkout failed for 48 minutes."}))
    assert saved.meta == doc.meta and store.get(doc.id).meta == doc.meta


def test_restoring_an_old_version_brings_back_its_meta(store):
    doc = _stored(store)
    store.update(doc.with_meta(title="Renamed", coach_allow=[]))
    restored = store.restore_revision(doc.id, 1, 2)
    assert restored.meta == doc.meta


def test_duplicate_keeps_the_meta_but_the_title_and_status(store):
    doc = _stored(store)
    copy = store.duplicate(doc.id)
    assert copy.meta == doc.meta.replace(title=f"Copy of {doc.title}", status="draft")


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_export_then_import_keeps_the_meta(sqlite_store, fmt):
    doc = _stored(sqlite_store)
    again = parse_text(render(doc, fmt).decode(), f".{fmt}", f"x.{fmt}")
    assert again.meta == doc.meta


def test_cli_import_keeps_the_meta(workspace, tmp_path):
    from typer.testing import CliRunner

    from sdmkit.cli import app

    doc = _stored(workspace)
    path = tmp_path / "coe.json"
    path.write_bytes(render(doc, "json"))
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 0, result.output
    new_id = int(result.output.split("\t")[0])
    assert workspace.get(new_id).meta == doc.meta


def test_backup_and_restore_keep_the_meta(sqlite_store, tmp_path):
    from sdmkit.store import open_store

    doc = _stored(sqlite_store)
    data = json.loads(json.dumps(dump(sqlite_store), default=str))
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    restore(other, data)
    assert other.get(doc.id).meta == doc.meta
    assert other.revision(doc.id, 1).meta == doc.meta
    other.engine.dispose()


def test_examples_load_with_their_whole_meta(sqlite_store):
    from sdmkit.examples import example_files, load_examples
    from sdmkit.interchange import read_file

    created, _ = load_examples(sqlite_store)
    files = {read_file(p).title: read_file(p) for p in example_files()}
    assert created
    for doc in created:
        assert doc.meta == files[doc.title].meta
