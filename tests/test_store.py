"""The store keeps every word: revisions, diff, restore, trash, and refused stale saves."""

from __future__ import annotations

import pytest

from sdmkit.document import Document, DocumentMeta
from sdmkit.errors import Conflict, InvalidDocument, NotFound
from sdmkit.interchange import revision_diff


def make(store, team="Payments", mission="We move money once.", **kw):
    return store.create("charter", {"team_name": team, "mission": mission}, DocumentMeta(**kw))


def test_create_fills_title_team_and_first_revision(store):
    doc = make(store)
    assert doc.id and doc.version == 1
    assert doc.title == "Payments team charter"
    assert doc.team == "Payments"
    assert doc.status == "draft"
    assert doc.created_at.tzinfo is not None
    assert [r.version for r in store.history(doc.id)] == [1]


def test_create_many_makes_the_same_documents_as_create(store):
    """Mining writes its drafts in one batch: each is a whole document, ids in order."""
    items = [
        Document(
            id=None,
            kind="charter",
            meta=DocumentMeta(tags=("mined",)),
            content={"team_name": f"Team {i}", "mission": f"Mission {i}."},
        )
        for i in range(5)
    ]
    ids = store.create_many(items, notes=[f"batch item {i}" for i in range(5)])
    assert len(ids) == 5 and ids == sorted(ids)
    for i, doc_id in enumerate(ids):
        doc = store.get(doc_id)
        assert (doc.title, doc.team, doc.version, doc.tags) == (
            f"Team {i} team charter",
            f"Team {i}",
            1,
            ["mined"],
        )
        assert store.revision(doc_id, 1).content["mission"] == f"Mission {i}."
        assert store.history(doc_id)[0].note == f"batch item {i}"
    assert [d.id for d in store.list(query="mission 3").items] == [ids[3]]
    assert store.create_many([]) == []
    with pytest.raises(InvalidDocument):
        store.create_many(
            [Document(id=None, kind="charter", content={"team_name": "X", "team_type": "squad"})]
        )


def test_batches_and_single_saves_from_two_writers_at_once_each_keep_their_own_ids(sqlite_store, tmp_path):
    """On SQLite a batch takes its ids after its first row's (see _insert_ids): a second
    writer saving one document at a time meanwhile must neither collide with the batch
    nor take one of its ids."""
    import threading

    from sdmkit.store import open_store

    other = open_store(str(sqlite_store.engine.url))
    batches: list[list[int]] = []
    singles: list[int] = []

    def batch_writer():
        for b in range(4):
            items = [
                Document(None, "charter", content={"team_name": f"Batch {b}-{i}", "mission": "Mine."})
                for i in range(150)
            ]
            batches.append(sqlite_store.create_many(items))

    def single_writer():
        for i in range(40):
            singles.append(make(other, team=f"Single {i}").id)

    threads = [threading.Thread(target=batch_writer), threading.Thread(target=single_writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.engine.dispose()
    every = [i for ids in batches for i in ids] + singles
    assert len(every) == len(set(every)) == 4 * 150 + 40
    for b, ids in enumerate(batches):
        assert [sqlite_store.get(i).team for i in ids] == [f"Batch {b}-{i}" for i in range(150)]
    assert [sqlite_store.get(i).team for i in singles] == [f"Single {i}" for i in range(40)]


def test_every_save_is_a_new_revision_and_history_keeps_them_all(store):
    doc = make(store)
    v2 = store.save(doc.id, 1, {**doc.content, "mission": "Second."}, doc.meta)
    v3 = store.save(
        doc.id, 2, {**doc.content, "mission": "Third."}, DocumentMeta(title="Renamed", status="approved")
    )
    assert (v2.version, v3.version) == (2, 3)
    assert store.get(doc.id).content["mission"] == "Third."
    assert [r.version for r in store.history(doc.id)] == [3, 2, 1]
    assert store.revision(doc.id, 1).content["mission"] == "We move money once."
    assert store.revision(doc.id, 2).content["mission"] == "Second."


def test_diff_between_any_two_revisions(store):
    doc = make(store)
    store.save(doc.id, 1, {**doc.content, "mission": "Second."}, doc.meta)
    store.save(doc.id, 2, {**doc.content, "mission": "Third."}, doc.meta)
    diff = revision_diff(store, doc.id, 1, 3)
    assert "-  mission: We move money once." in diff
    assert "+  mission: Third." in diff
    assert revision_diff(store, doc.id, 2, 2) == ""


def test_restore_an_old_revision_keeps_the_newer_ones(store):
    doc = make(store)
    store.save(doc.id, 1, {**doc.content, "mission": "Second."}, doc.meta)
    restored = store.restore_revision(doc.id, 1, base_version=2)
    assert restored.version == 3
    assert restored.content["mission"] == "We move money once."
    assert store.revision(doc.id, 2).content["mission"] == "Second."
    assert store.history(doc.id)[0].note == "restored from version 1"


def test_stale_save_is_refused_and_nothing_is_overwritten(store):
    doc = make(store)
    alice = {**doc.content, "mission": "Alice's mission."}
    bob = {**doc.content, "mission": "Bob's mission."}
    store.save(doc.id, 1, alice, doc.meta)
    with pytest.raises(Conflict) as caught:
        store.save(doc.id, 1, bob, doc.meta)
    assert caught.value.current_version == 2
    assert caught.value.theirs.content["mission"] == "Alice's mission."
    assert store.get(doc.id).content["mission"] == "Alice's mission."
    assert len(store.history(doc.id)) == 2
    # Bob's text is still his to save, on top of Alice's version this time.
    saved = store.save(doc.id, 2, bob, doc.meta)
    assert saved.content["mission"] == "Bob's mission."
    assert store.revision(doc.id, 2).content["mission"] == "Alice's mission."


def test_delete_goes_to_trash_and_restore_brings_back_history(store):
    doc = make(store)
    store.save(doc.id, 1, doc.content, doc.meta)
    store.delete(doc.id)
    with pytest.raises(NotFound, match="in the trash"):
        store.get(doc.id)
    assert store.list().total == 0
    assert [s.id for s in store.list(deleted=True).items] == [doc.id]
    back = store.restore_from_trash(doc.id)
    assert back.version == 2 and len(store.history(doc.id)) == 2
    assert store.list().total == 1


def test_saving_into_the_trash_is_refused(store):
    doc = make(store)
    store.delete(doc.id)
    with pytest.raises(NotFound, match="trash"):
        store.save(doc.id, 1, doc.content, doc.meta)


def test_invalid_content_names_the_field(store):
    with pytest.raises(InvalidDocument) as caught:
        store.create("charter", {"team_name": "X", "team_type": "squad"})
    assert caught.value.problems[0].field == "content.team_type"
    with pytest.raises(InvalidDocument) as caught:
        store.create("charter", {"mission": "no team, no title"})
    assert caught.value.problems[0].field == "content.team_name"  # the title is made from it
    with pytest.raises(InvalidDocument, match="status"):
        make(store, status="published-ish")


def test_a_title_made_from_the_document_is_shortened_and_a_typed_one_is_refused(store):
    """A title the writer typed is theirs: one too long is refused, naming the limit. A
    title made from the document (a long headline, no title given) is cut to fit."""
    headline = "Sellers close their books in minutes " * 12  # 444 characters
    doc = store.create("prfaq", {"headline": headline})
    assert len(doc.title) <= 300 and doc.title.endswith("…")
    assert doc.title.startswith("Sellers close their books in minutes Sellers")
    assert doc.content["headline"] == headline.strip()  # the headline itself is whole
    with pytest.raises(InvalidDocument, match="at most 300 characters \\(this one has 301\\)"):
        make(store, title="T" * 301)


def test_list_filters_search_and_pagination(store):
    for i in range(7):
        make(
            store,
            team="Payments" if i % 2 else "Checkout",
            mission=f"Mission number {i} with ledger" if i < 3 else f"m{i}",
        )
    assert store.list().total == 7
    assert store.list(team="Payments").total == 3
    assert store.list(query="ledger").total == 3
    assert store.list(query="LEDGER number").total == 3
    assert store.list(query="ledger checkout").total == 2
    assert store.list(query="100%").total == 0  # LIKE wildcards are literal
    first, second = store.list(limit=5), store.list(offset=5, limit=5)
    assert len(first.items) == 5 and len(second.items) == 2
    assert not {s.id for s in first.items} & {s.id for s in second.items}
    assert store.teams() == ["Checkout", "Payments"]


def test_a_count_can_stop_early_and_teams_skip_the_trash(store):
    docs = [make(store, team=team, title=f"Doc {i}") for i, team in enumerate(("B", "A", "B", "C", "", "A"))]
    assert (store.list().total, store.list().exact) == (6, True)
    page = store.list(count_up_to=4, limit=2)
    assert (page.total, page.exact, len(page.items)) == (4, False, 2)
    assert store.list(count_up_to=6).exact and store.list(team="A", count_up_to=2).exact
    assert store.teams() == ["A", "B", "C"]
    store.delete(docs[3].id)
    assert store.teams() == ["A", "B"]


def test_duplicate_is_a_new_draft(store):
    doc = make(store, status="approved")
    copy = store.duplicate(doc.id)
    assert copy.id != doc.id and copy.title == f"Copy of {doc.title}" and copy.status == "draft"
    assert copy.content == doc.content


def test_settings_round_trip(store):
    assert store.setting("pdf_page_size", "A4") == "A4"
    store.set_setting("pdf_page_size", "Letter")
    store.set_setting("pdf_page_size", "Letter")
    assert store.setting("pdf_page_size") == "Letter"
    assert store.settings() == {"pdf_page_size": "Letter"}


def test_unknown_document(store):
    with pytest.raises(NotFound):
        store.get(424242)
    with pytest.raises(NotFound):
        store.history(424242)


def test_fingerprint_moves_on_every_change_and_only_then(store):
    """Home's attention list and the export cache are keyed by it: a stale key would
    show yesterday's list after a save."""
    seen = [store.fingerprint()]

    def changed():
        now = store.fingerprint()
        assert now != seen[-1]
        seen.append(now)

    doc = make(store)
    changed()
    assert store.fingerprint() == seen[-1]  # reading does not move it
    store.save(doc.id, 1, {**doc.content, "mission": "Second."}, doc.meta)
    changed()
    store.delete(doc.id)
    changed()
    store.restore_from_trash(doc.id)
    changed()  # (back to the state before the delete, and the same answers are right for it)
    store.restore_revision(doc.id, 1, base_version=2)
    changed()
