"""Action items as every kind that has them stores them: a list under
`action_items`, each with what, owner, due, status and ticket (more fields are
kept as they are). One reader and one status setter serve the COE and the metric
review, and the cross-document list (sdmkit.actions) reads through them."""

from __future__ import annotations

import copy
from typing import Literal, get_args

Status = Literal["open", "done", "won't do"]
STATUSES: tuple[str, ...] = get_args(Status)


def read(model) -> list[dict]:
    return [
        {
            "index": i,
            "what": a.what,
            "owner": a.owner,
            "due": a.due,
            "status": a.status,
            "priority": getattr(a, "priority", ""),
            "type": getattr(a, "type", ""),
            "ticket": a.ticket,
        }
        for i, a in enumerate(model.action_items, 1)
    ]


def set_status(content: dict, index: int, status: str) -> dict:
    """A copy of the content with action item `index` (from 1) set to `status`."""
    if status not in STATUSES:
        raise ValueError(f"status '{status}' is not one of {', '.join(STATUSES)}")
    items = content.get("action_items") or []
    if not 1 <= index <= len(items):
        raise ValueError(f"there is no action item {index}")
    new = copy.deepcopy(content)
    new["action_items"][index - 1]["status"] = status
    return new
