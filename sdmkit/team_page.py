"""What a charter's team page borrows from the rest of the workspace: the team's
on-call rotation (who is on call now and next, how to escalate) and its support
protocol."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.schedule import generate, now_and_next
from sdmkit.kinds.oncall.view import stamp


def charter_extras(store, doc, *, at: datetime | None = None) -> dict:
    at = at or datetime.now(UTC)
    team = doc.team
    if not team:
        return {}
    rotations = [d for d in store.iter_documents(kind="oncall") if d.team == team and d.status != "retired"]
    if not rotations:
        return {}
    out = []
    for d in rotations:
        r = Rotation.model_validate(d.content)
        if not r.active_members():
            continue
        sched = generate(r, until=date.fromordinal(at.date().toordinal() + 21))
        now, nxt = now_and_next(sched, at)
        out.append(
            {
                "name": r.name or d.title,
                "now": now.person if now and now.person else "nobody",
                "until": stamp(now.end) if now else "",
                "next": nxt.person if nxt and nxt.person else "nobody",
                "escalation": [(e.level, e.who, e.after_minutes) for e in r.escalation],
                "support": [(s.severity, s.response_time) for s in r.support],
            }
        )
    return {"oncall": out} if out else {}
