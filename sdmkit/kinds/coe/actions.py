"""A COE's action items as the cross-document list sees them."""

from __future__ import annotations

import copy

from sdmkit.kinds.coe.model import ACTION_STATUSES, COE


def action_items(c: COE) -> list[dict]:
    return [{"index": i, "what": a.what, "owner": a.owner, "due": a.due, "status": a.status,
             "priority": a.priority, "type": a.type, "ticket": a.ticket}
            for i, a in enumerate(c.action_items, 1)]


def set_action_status(content: dict, index: int, status: str) -> dict:
    """A copy of the content with action item `index` (from 1) set to `status`."""
    if status not in ACTION_STATUSES:
        raise ValueError(f"status '{status}' is not one of {', '.join(ACTION_STATUSES)}")
    items = content.get("action_items") or []
    if not 1 <= index <= len(items):
        raise ValueError(f"there is no action item {index}")
    new = copy.deepcopy(content)
    new["action_items"][index - 1]["status"] = status
    return new
