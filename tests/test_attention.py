"""Home's "needs attention" agrees with the Action items page on what is overdue."""

from datetime import UTC, datetime

from sdmkit import clock
from sdmkit.actions import action_items
from sdmkit.attention import needs_attention
from sdmkit.examples import load_examples


def _overdue_by_document(store) -> dict[int, int]:
    counts: dict[int, int] = {}
    for a in action_items(store, overdue=True):
        counts[a.doc_id] = counts.get(a.doc_id, 0) + 1
    return counts


def test_every_kinds_overdue_action_items_need_attention(workspace):
    load_examples(workspace)
    # A day when the examples' metric review has an item past due (and a COE has none
    # yet): Home once said "nothing overdue" then, because only COEs counted theirs.
    with clock.frozen(datetime(2026, 12, 1, 9, 0, tzinfo=UTC)):
        late = _overdue_by_document(workspace)
        kinds = {workspace.get(i).kind for i in late}
        assert "metric_review" in kinds
        flagged = {
            a.doc_id: a.reasons for a in needs_attention(workspace) if any("overdue" in r for r in a.reasons)
        }
    assert set(flagged) == set(late)
    for doc_id, n in late.items():
        assert f"{n} overdue action item{'s' if n > 1 else ''}" in flagged[doc_id]


def test_nothing_overdue_before_anything_is_due(workspace):
    load_examples(workspace)
    with clock.frozen(datetime(2026, 1, 1, 9, 0, tzinfo=UTC)):
        assert _overdue_by_document(workspace) == {}
        assert not any("overdue" in r for a in needs_attention(workspace) for r in a.reasons)
