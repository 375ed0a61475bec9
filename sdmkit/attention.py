"""What needs a manager's attention across the workspace: coach errors and each
kind's own signals (a stale charter, later an overdue action item)."""

from __future__ import annotations

from dataclasses import dataclass

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
        errors = [f for f in lint_document(doc, store.get) if f.severity == "error"]
        if errors:
            reasons.append(f"{len(errors)} coach error{'s' if len(errors) > 1 else ''}: {errors[0].message}")
        if reasons:
            out.append(Attention(doc.id, doc.kind, doc.title, reasons))
    return out
