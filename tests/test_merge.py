"""Three-way merge of a stale save, as a careful colleague would do it."""

from __future__ import annotations

from sdmkit.merge import resolve, three_way

BASE = {
    "meta": {"title": "Ledger charter", "tags": ["ledger"]},
    "content": {
        "mission": "Balance every account nightly.",
        "tenets": [{"name": "Accuracy", "statement": "a over b"}, {"name": "Speed", "statement": "c over d"}],
    },
}


def _with(doc, **content):
    return {"meta": dict(doc["meta"]), "content": {**doc["content"], **content}}


def test_changes_to_different_fields_merge_without_a_question():
    theirs = _with(BASE, mission="Balance every account hourly.")
    tenets = [dict(t) for t in BASE["content"]["tenets"]]
    tenets[0]["statement"] = "accuracy over speed"
    mine = _with(BASE, tenets=tenets)
    merge = three_way(BASE, mine, theirs)
    assert merge.clashes == []
    assert merge.merged["content"]["mission"] == "Balance every account hourly."  # theirs, not reverted
    assert merge.merged["content"]["tenets"][0]["statement"] == "accuracy over speed"  # mine
    assert merge.theirs_taken == [("content", "mission")]
    assert merge.mine_kept == [("content", "tenets")]


def test_different_tenets_edited_on_each_side_merge_entry_by_entry():
    mine, theirs = _with(BASE), _with(BASE)
    mine["content"]["tenets"] = [{"name": "Accuracy!", "statement": "a over b"}, BASE["content"]["tenets"][1]]
    theirs["content"]["tenets"] = [BASE["content"]["tenets"][0], {"name": "Speed!", "statement": "c over d"}]
    merged = three_way(BASE, mine, theirs).merged
    assert [t["name"] for t in merged["content"]["tenets"]] == ["Accuracy!", "Speed!"]


def test_the_same_field_changed_both_ways_is_one_clash_and_defaults_to_mine():
    theirs = _with(BASE, mission="Theirs.")
    mine = _with(BASE, mission="Mine.")
    merge = three_way(BASE, mine, theirs)
    assert [(c.field, c.base, c.mine, c.theirs) for c in merge.clashes] == [
        ("content.mission", "Balance every account nightly.", "Mine.", "Theirs.")
    ]
    assert merge.merged["content"]["mission"] == "Mine."
    assert resolve(merge, {("content", "mission"): "Theirs."})["content"]["mission"] == "Theirs."


def test_the_same_change_on_both_sides_is_no_question():
    both = _with(BASE, mission="Same.")
    assert three_way(BASE, both, _with(BASE, mission="Same.")).clashes == []


def test_lists_whose_length_changed_on_both_sides_clash_whole():
    mine = _with(BASE, tenets=[*BASE["content"]["tenets"], {"name": "Mine", "statement": "x"}])
    theirs = _with(BASE, tenets=BASE["content"]["tenets"][:1])
    clashes = three_way(BASE, mine, theirs).clashes
    assert [c.field for c in clashes] == ["content.tenets"]


def test_metadata_merges_the_same_way():
    theirs = {"meta": {**BASE["meta"], "title": "Renamed"}, "content": BASE["content"]}
    mine = {"meta": {**BASE["meta"], "tags": ["ledger", "finance"]}, "content": BASE["content"]}
    merge = three_way(BASE, mine, theirs)
    assert merge.clashes == [] and merge.merged["meta"] == {"title": "Renamed", "tags": ["ledger", "finance"]}
