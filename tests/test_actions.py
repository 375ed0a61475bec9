"""Action items across documents: listing, filters, and marking done as a revision."""

from __future__ import annotations

from datetime import date

import pytest

from sdmkit.actions import action_items, set_status
from sdmkit.document import DocumentMeta
from sdmkit.errors import Conflict, SdmkitError
from sdmkit.outline import add_child, add_sibling, leaf_ids, remove, walk

TODAY = date(2026, 11, 23)


def make_coe(store, team, items):
    return store.create("coe", {"action_items": items}, DocumentMeta(title=f"{team} incident", team=team))


@pytest.fixture
def two_coes(store):
    a = make_coe(
        store,
        "Payments",
        [
            {"what": "Add cert check", "owner": "Tomasz Nowak", "due": "2026-11-01", "status": "open"},
            {"what": "Canary config", "owner": "Jonas Weber", "due": "2027-01-29", "status": "open"},
            {"what": "Runbook step", "owner": "Priya Raman", "due": "2026-10-31", "status": "done"},
        ],
    )
    b = make_coe(
        store,
        "Checkout",
        [
            {"what": "Disk growth alarm", "owner": "Sofia Rossi", "due": "2026-12-04", "status": "open"},
            {"what": "No date yet", "owner": "", "status": "open"},
        ],
    )
    store.create("charter", {"team_name": "Payments"})  # kinds without action items are ignored
    return a, b


def test_open_items_across_documents_most_urgent_first(store, two_coes):
    items = action_items(store, today=TODAY)
    assert [i.what for i in items] == ["Add cert check", "Disk growth alarm", "Canary config", "No date yet"]
    first = items[0]
    assert (first.doc_id, first.index, first.owner, first.status) == (
        two_coes[0].id,
        1,
        "Tomasz Nowak",
        "open",
    )
    assert first.overdue(TODAY) and not items[1].overdue(TODAY)


def test_filters(store, two_coes):
    assert [i.what for i in action_items(store, owner="sofia", today=TODAY)] == ["Disk growth alarm"]
    assert {i.team for i in action_items(store, team="Payments", today=TODAY)} == {"Payments"}
    assert [i.what for i in action_items(store, overdue=True, today=TODAY)] == ["Add cert check"]
    assert len(action_items(store, include_closed=True, today=TODAY)) == 5


def test_mark_done_saves_a_new_revision(store, two_coes):
    a, _ = two_coes
    saved = set_status(store, a.id, 1, "done")
    assert saved.version == 2
    assert saved.content["action_items"][0]["status"] == "done"
    assert store.history(a.id)[0].note == "action item 1 marked done"
    assert "Add cert check" not in [i.what for i in action_items(store, today=TODAY)]


def test_mark_done_on_a_stale_version_is_refused(store, two_coes):
    a, _ = two_coes
    store.save(a.id, 1, a.content, DocumentMeta(title=a.title, team=a.team))
    with pytest.raises(Conflict):
        set_status(store, a.id, 1, "done", base_version=1)
    assert store.get(a.id).content["action_items"][0]["status"] == "open"


def test_mark_done_errors_are_clear(store, two_coes):
    a, _ = two_coes
    with pytest.raises(SdmkitError, match="there is no action item 9"):
        set_status(store, a.id, 9, "done")
    charter = store.list(kind="charter").items[0]
    with pytest.raises(SdmkitError, match="has no action items"):
        set_status(store, charter.id, 1, "done")


def test_outline_operations_keep_branches_together():
    nodes = add_child([], None)  # w1
    nodes = add_child(nodes, "w1")  # w2 under w1
    nodes = add_sibling(nodes, "w2")  # w3 under w1
    nodes = add_child(nodes, "w2")  # w4 under w2, placed after w2's subtree
    assert [(n["id"], num) for n, _, num in walk(nodes)] == [
        ("w1", "1"),
        ("w2", "1.1"),
        ("w4", "1.1.1"),
        ("w3", "1.2"),
    ]
    assert leaf_ids(nodes) == {"w3", "w4"}
    assert [n["id"] for n in remove(nodes, "w2")] == ["w1", "w3"]
