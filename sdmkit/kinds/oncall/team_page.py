"""What a charter's team page borrows from the rest of the workspace: the team's
on-call rotation (who is on call now and next, as of when, how to escalate), its
support protocol, and where the charter's member list and the rotation's differ."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sdmkit import clock
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.now import on_call_now
from sdmkit.kinds.oncall.view import stamp


def _who(person: str | None, override: bool) -> str:
    return f"{person} (override)" if person and override else person or "nobody"


def member_differences(charter_members: list[str], rotation_members: list[str]) -> dict[str, list[str]]:
    """Names in one list and not the other (in each list's order)."""
    listed, scheduled = set(charter_members), set(rotation_members)
    return {
        "not_in_charter": [n for n in rotation_members if n not in listed],
        "not_in_rotation": [n for n in charter_members if n not in scheduled],
    }


def charter_extras(store, doc, *, at: datetime | None = None) -> dict:
    at = (at or clock.now(UTC)).astimezone(UTC)
    team = doc.team
    if not team:
        return {}
    rotations = [d for d in store.iter_documents(kind="oncall") if d.team == team and d.status != "retired"]
    if not rotations:
        return {}
    charter_members = [m.get("name") for m in (doc.content or {}).get("members") or [] if m.get("name")]
    out = []
    for d in rotations:
        r = Rotation.model_validate(d.content)
        if not r.active_members():
            continue
        zone = ZoneInfo(r.time_zone)
        now = on_call_now(r, at)

        def local(t: datetime, zone: ZoneInfo = zone) -> str:
            return stamp(t.astimezone(zone))

        out.append(
            {
                "name": r.name or d.title,
                "as_of": local(at),
                "now": _who(now.person, now.override),
                "until": local(now.until) if now.until else "",
                "next": _who(now.next_person, now.next_override),
                "next_until": local(now.next_until) if now.next_until else "",
                "then": [f"{_who(p, o)} until {local(u)}" for p, u, o in now.later],
                "differences": member_differences(charter_members, [m.name for m in r.active_members()]),
                "escalation": [(e.level, e.who, e.after_minutes) for e in r.escalation],
                "support": [(s.severity, s.response_time) for s in r.support],
            }
        )
    return {"oncall": out} if out else {}
