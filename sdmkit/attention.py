"""What needs a manager's attention across the workspace: coach errors, overdue
action items of every kind that has them (a COE's, a metric review's), and each
kind's own signals (a stale charter)."""

from __future__ import annotations

from dataclasses import dataclass

from sdmkit import clock
from sdmkit.actions import is_overdue
from sdmkit.coach import lint_document


@dataclass(frozen=True)
class Attention:
    doc_id: int
    kind: str
    title: str
    reasons: list[str]


def needs_attention(store, *, scan: int = 200) -> list[Attention]:
    """Scans the most recently updated documents (a bounded amount of work per call)."""
    out = []
    for summary in store.list(limit=scan).items:
        doc = store.get(summary.id)
        kind = doc.kind_spec
        model = kind.validate(doc.content)
        reasons = list(kind.attention(model))
        # Read through the one reader every kind with action items has, so the count is
        # the Action items page's: Home once said "nothing overdue" while a metric
        # review's item was, because only the COE counted its own.
        if kind.action_items is not None:
            today = clock.today()
            late = [a for a in kind.action_items(model) if is_overdue(a, today)]
            if late:
                reasons.insert(0, f"{len(late)} overdue action item{'s' if len(late) > 1 else ''}")
        errors = [f for f in lint_document(doc, store.get) if f.severity == "error"]
        if errors:
            reasons.append(f"{len(errors)} coach error{'s' if len(errors) > 1 else ''}: {errors[0].message}")
        if reasons:
            out.append(Attention(doc.id, doc.kind, doc.title, reasons))
    return out
