"""Unsaved drafts in the workspace: put, read back, list newest first, drop."""

from __future__ import annotations

from sdmkit.document import DocumentMeta
from sdmkit.store.drafts import new_token


def test_a_draft_is_kept_updated_listed_and_dropped(store):
    doc = store.create("charter", {"team_name": "Ledger", "mission": "Saved."})
    mine, new = new_token(), new_token()
    store.drafts.put(mine, "charter", doc.id, 1, doc.meta, {**doc.content, "mission": "Typed."})
    store.drafts.put(new, "prfaq", None, None, DocumentMeta(title="Launch"), {"headline": "Half typed"})
    store.drafts.put(mine, "charter", doc.id, 1, doc.meta, {**doc.content, "mission": "Typed more."})

    kept = store.drafts.get(mine)
    assert kept is not None and kept.content["mission"] == "Typed more." and kept.meta == doc.meta
    assert [d.token for d in store.drafts.for_document(doc.id)] == [mine]
    assert [d.token for d in store.drafts.all()] == [mine, new]  # newest first
    assert [d.token for d in store.drafts.all(kind="prfaq")] == [new]

    store.drafts.drop(mine)
    assert store.drafts.get(mine) is None and store.drafts.for_document(doc.id) == []
    assert store.get(doc.id).content["mission"] == "Saved."  # a draft never touches the document


def test_a_draft_with_an_emptied_number_cell_is_kept(store):
    """A table's emptied number cell arrives as NaN, which PostgreSQL's JSON refuses:
    the draft is kept all the same, that cell empty and every typed word as typed."""
    content = {"mission": "Keep\x00 what was typed", "metrics": [{"name": "p99", "target": float("nan")}]}
    store.drafts.put("nan-cell", "charter", None, None, DocumentMeta(title="Half typed"), content)
    kept = store.drafts.get("nan-cell")
    assert kept is not None
    assert kept.content == {
        "mission": "Keep\x00 what was typed",
        "metrics": [{"name": "p99", "target": None}],
    }


def test_a_claimed_draft_keeps_its_text_and_time_under_a_new_token(store):
    """An editor picking up a draft left behind claims it: another tab still on the old
    token then writes a draft of its own instead of overwriting this one."""
    store.drafts.put("left", "coe", None, None, DocumentMeta(title="Checkout failed"), {"summary": "Typed."})
    before = store.drafts.get("left")
    claimed = store.drafts.claim("left")
    assert claimed is not None and claimed.token != "left"
    assert (claimed.meta, claimed.content, claimed.saved_at) == (before.meta, before.content, before.saved_at)
    assert store.drafts.get("left") is None and [d.token for d in store.drafts.all()] == [claimed.token]
    assert store.drafts.claim("left") is None  # a second tab finds it taken


def test_a_claimed_draft_given_back_takes_its_old_token_unless_that_was_written_again(store):
    meta = DocumentMeta(title="Checkout failed")
    store.drafts.put("left", "coe", None, None, meta, {"summary": "Typed."})
    claimed = store.drafts.claim("left")
    store.drafts.release(claimed.token, "left")
    assert [(d.token, d.content) for d in store.drafts.all()] == [("left", {"summary": "Typed."})]
    # The tab on "left" wrote again after the claim: the claimed copy is the older one.
    claimed = store.drafts.claim("left")
    store.drafts.put("left", "coe", None, None, meta, {"summary": "Typed more."})
    store.drafts.release(claimed.token, "left")
    assert [(d.token, d.content) for d in store.drafts.all()] == [("left", {"summary": "Typed more."})]
