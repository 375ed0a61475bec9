"""Full-text search: ranked, by prefix, every word, with snippets; the index follows
every create, save, delete, restore and backup restore, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from sdmkit.document import Document, DocumentMeta
from sdmkit.store.search import (
    HIT_END,
    HIT_START,
    INDEX_LIMIT,
    index_text,
    make_snippet,
    snippet_parts,
    terms,
)


def charter(store, title="", team="Payments", mission="We move money once.", status=""):
    return store.create(
        "charter", {"team_name": team, "mission": mission}, DocumentMeta(title=title, status=status)
    )


def hits(snippet: str) -> list[str]:
    return [text for text, is_hit in snippet_parts(snippet) if is_hit]


def found(store, query, **kw) -> list[int]:
    return [s.id for s in store.list(query=query, **kw).items]


def test_a_title_match_ranks_above_a_body_match(store):
    body = charter(store, "Checkout charter", mission="The ledger must balance.")
    title = charter(store, "Ledger charter", mission="We keep the books.")
    other = charter(store, "Search charter", mission="We index.")
    assert found(store, "ledger") == [title.id, body.id]
    assert other.id not in found(store, "ledger")


def test_every_word_must_match_by_prefix_in_any_case(store):
    a = charter(store, mission="Incidents are reviewed weekly by the ledger team.")
    b = charter(store, mission="Incidents are reviewed monthly.")
    assert sorted(found(store, "INCID")) == sorted([a.id, b.id])
    assert found(store, "incid ledg") == [a.id]
    assert found(store, "incident nothing-like-this") == []


def test_the_index_follows_saves_and_restored_versions(store):
    doc = charter(store, mission="Old words about ledgers.")
    saved = store.save(doc.id, 1, {**doc.content, "mission": "New words about payouts."}, doc.meta)
    assert found(store, "payouts") == [doc.id] and found(store, "ledgers") == []
    store.restore_revision(doc.id, 1, saved.version)
    assert found(store, "ledgers") == [doc.id] and found(store, "payouts") == []
    store.save(doc.id, 3, doc.content, doc.meta.replace(title="Renamed zebra"))
    assert found(store, "zebra") == [doc.id]


def test_the_trash_leaves_search_and_restore_brings_it_back(store):
    doc = charter(store, mission="Reconcile the ledger nightly.")
    keep = charter(store, team="Checkout", mission="Ledger for carts.")
    store.delete(doc.id)
    assert found(store, "ledger") == [keep.id]
    assert found(store, "ledger", deleted=True) == [doc.id]
    assert store.list(query="ledger").total == 1
    store.restore_from_trash(doc.id)
    assert sorted(found(store, "ledger")) == sorted([doc.id, keep.id])
    assert found(store, "ledger", deleted=True) == []


def test_batches_are_indexed_too(store):
    ids = store.create_many(
        [
            Document(None, "charter", content={"team_name": f"Team {i}", "mission": f"Mission {i} of many."})
            for i in range(3)
        ]
    )
    assert found(store, "many") == sorted(ids, reverse=True)  # equal rank: newest first


def test_search_combines_with_filters_and_pages(store):
    for i in range(6):
        charter(store, team="Payments" if i % 2 else "Checkout", mission=f"Ledger {i}.", status="draft")
    store.create(
        "coe",
        {"title": "Ledger outage", "summary": "The ledger stopped."},
        DocumentMeta(title="Ledger outage", team="Payments"),
    )
    assert store.list(query="ledger").total == 7
    assert store.list(query="ledger", kind="charter").total == 6
    assert store.list(query="ledger", kind="charter", team="Payments").total == 3
    first, second = store.list(query="ledger", limit=4), store.list(query="ledger", offset=4, limit=4)
    assert len(first.items) == 4 and len(second.items) == 3 and first.total == 7
    assert not {s.id for s in first.items} & {s.id for s in second.items}


def test_a_result_carries_a_snippet_with_its_hits(store):
    long = (
        "Filler words here. " * 30 + "The settlement ledger must balance every night. " + "More filler. " * 30
    )
    charter(store, mission=long)
    (item,) = store.list(query="ledger balance").items
    assert hits(item.snippet) == ["ledger", "balance"]
    assert item.snippet.startswith("… ") and item.snippet.endswith(" …")
    assert "settlement ledger must balance" in item.snippet.replace(HIT_START, "").replace(HIT_END, "")
    assert store.list().items[0].snippet == ""  # no search, no snippet


def test_a_snippet_is_taken_from_what_was_written_as_sentences_before_names_and_ids(store):
    coe = store.create(
        "coe",
        {
            "authors": ["Priya Raman"],
            "services": ["card-payments-api", "card-gateway"],
            "summary": "31% of card payments failed for 47 minutes after a certificate was removed.",
            "timeline": [{"at": "2026-01-01T10:00", "type": "start"}],
        },
        DocumentMeta(title="Certificate outage"),
    )
    (item,) = store.list(query="card payments").items
    assert item.id == coe.id
    text = item.snippet.replace(HIT_START, "").replace(HIT_END, "")
    assert text.startswith("31% of card payments failed") and hits(item.snippet)[:2] == ["card", "payments"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "ledger OR",
        "NEAR(a b)",
        "*",
        "a:b",
        "-ledger",
        "ledger'; DROP TABLE document; --",
        "col:ledger",
        "^x",
    ],
)
def test_query_syntax_is_never_read_from_the_user(store, query):
    doc = charter(store, mission="The ledger balances.")
    page = store.list(query=query)  # no error, whatever the characters
    assert page.total in (0, 1)
    assert found(store, "ledger") == [doc.id]


def test_a_query_of_only_punctuation_finds_nothing(store):
    charter(store)
    assert store.list(query="%%% ...").total == 0
    assert store.list(query="   ").total == 1  # blank is no search at all


def test_user_text_cannot_forge_a_hit(store):
    charter(store, mission=f"Ledger {HIT_START}fake{HIT_END} <b>bold</b> **strong**")
    (item,) = store.list(query="ledger").items
    assert hits(item.snippet) == ["Ledger"]
    assert "<b>bold</b> **strong**" in item.snippet  # kept as text; drawing it escapes it


def test_backup_restore_rebuilds_the_index(store, tmp_path):
    from sdmkit.backup import dump, restore

    doc = charter(store, mission="Reconcile the ledger nightly.")
    data = dump(store)
    charter(store, mission="Not in the backup: zebra.")
    restore(store, data, replace=True, safety_dir=tmp_path)
    assert found(store, "ledger") == [doc.id]
    assert found(store, "zebra") == []


def test_a_document_too_long_for_a_tsvector_is_saved_and_found_by_its_beginning(store):
    """PostgreSQL refuses a tsvector over 1 MB; distinct hyphenated words of 4-byte
    letters take about 10 bytes of vector per character. The index keeps the first
    INDEX_LIMIT characters, on both backends alike."""
    letters = [chr(0x20000 + i) for i in range(40_000)]  # CJK Extension B: 4 bytes each
    words = [f"{a}-{b}-{c}" for a, b, c in zip(letters, letters[1:], letters[2:], strict=False)]
    head = "Opening zebra words. " + " ".join(words)
    assert len(head) > INDEX_LIMIT
    text = head + " closing okapi words " + " ".join(f"w{i}" for i in range(150_000))
    doc = charter(store, mission=text)
    assert found(store, "zebra") == [doc.id]
    assert found(store, "okapi") == []  # past what the index keeps
    saved = store.save(doc.id, 1, {**doc.content, "mission": text + " again"}, doc.meta)
    assert saved.version == 2 and found(store, "zebra") == [doc.id]


def test_the_indexed_text_is_cut_between_words():
    body = index_text("", [], {"mission": "ab " * INDEX_LIMIT})
    assert len(body) <= INDEX_LIMIT and body.endswith("ab")


def test_a_backup_carries_no_index_and_restores_searchable_elsewhere(store, tmp_path, _sqlite_template):
    """The index is derived: a backup holds none of it (nor FTS5's shadow tables), and
    the workspace it is restored into (either backend) is searchable at once."""
    import shutil

    from sdmkit.backup import contents, read_backup, restore, write_backup
    from sdmkit.store import open_store

    shutil.copy(_sqlite_template, tmp_path / "source.db")
    source = open_store(f"sqlite:///{tmp_path / 'source.db'}")
    doc = charter(source, mission="Reconcile the ledger nightly.")
    path = tmp_path / "backup.json"
    write_backup(source, path)
    with source.engine.connect() as conn:
        held = contents(conn)
    source.engine.dispose()
    assert "document_search" not in path.read_text(encoding="utf-8")
    assert not [name for name in held if name.startswith("document_search")]
    restore(store, read_backup(path), safety_dir=tmp_path)
    assert found(store, "ledger") == [doc.id]
    later = charter(store, title="Ledger charter", mission="Balance it.")
    assert found(store, "ledger") == [later.id, doc.id]


def test_terms_are_words_once_each():
    assert terms("Ledger, ledger; PAY-outs 100%") == ["ledger", "pay", "outs", "100"]
    assert terms("*:^\"'") == []
    # a possessive's "s" is no word of its own: searched by prefix it would match
    # (and mark in the snippet) every word that starts with s
    assert terms("the ledger's owner") == ["the", "ledger", "owner"]
    assert hits(make_snippet("The ledger's spreadsheet", terms("ledger's"))) == ["ledger"]
    assert terms("O'Brien") == ["o", "brien"]  # a name keeps both its parts, as the index has them


def test_snippet_of_a_short_text_is_the_text():
    assert (
        make_snippet("On call  handoff\nnotes", ["handoff"]) == f"On call {HIT_START}handoff{HIT_END} notes"
    )
    assert make_snippet("", ["x"]) == ""
    assert hits(make_snippet("ledgers and ledger", ["ledger"])) == ["ledgers", "ledger"]


def test_a_mined_story_is_found_by_its_words_not_by_minings_bookkeeping(store):
    """A story keeps the field each sentence came from ('timeline[8].description'), its
    origin and a fingerprint: none of it is searched, nor shown in a snippet."""
    from sdmkit.examples import example_files
    from sdmkit.interchange import read_file
    from sdmkit.stories.mine import mine_all

    coe = read_file(next(p for p in example_files() if p.name == "card-payments-tls.yaml"))
    store.create(coe.kind, coe.content, coe.meta)
    assert mine_all(store).created
    stories = {d.id: d for d in store.iter_documents(kind="story")}
    star = {
        i: " ".join(d.content.get(p) or "" for p in ("question", "situation", "task", "action", "result"))
        for i, d in stories.items()
    }
    assert any("timeline[" in str(d.content.get("grounding")) for d in stories.values())
    for word in ("timeline", "whys", "sha256", "description", "origin"):
        said = {i for i, text in star.items() if word in text.lower()}
        assert set(found(store, word, kind="story")) == said, word
    one = next(iter(stories.values()))
    word = max(terms(one.content["action"]), key=len)
    result = store.list(query=word, kind="story").items
    assert one.id in [r.id for r in result]
    snippet = next(r.snippet for r in result if r.id == one.id)
    assert "sha256" not in snippet and "[" not in snippet and ":coe" not in snippet
    # what the user writes in a story's source note is theirs, and is searched
    one.content["sources"][0]["note"] = "Quoted in the quarterly ops review"
    store.update(one)
    assert found(store, "quarterly", kind="story") == [one.id]
