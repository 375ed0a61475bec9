"""Handoff notes: at each shift boundary, what the next on-call should know. The
team's open COE action items, its recent incidents (COEs of the last 30 days) and
the rotation's known risks, with who hands over to whom."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sdmkit.actions import action_items
from sdmkit.export.escape import md_inline
from sdmkit.kinds.coe.model import COE
from sdmkit.kinds.coe.timeline import first_of
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.schedule import Shift
from sdmkit.kinds.oncall.view import stamp

RECENT_DAYS = 30


def boundaries(shifts: list[Shift], layer: str = "primary") -> list[tuple[Shift | None, Shift]]:
    """(outgoing, incoming) pairs at every change of person on a layer, per region.

    Read from the shifts' intervals, as the calendar shows them: an override in the
    middle of a week is two hand-offs (to the stand-in, and back), not one."""
    pieces = sorted(
        (
            Shift(s.layer, s.region, s.period, [iv], s.person, s.why, s.override)
            for s in shifts
            if s.layer == layer
            for iv in s.intervals
        ),
        key=lambda s: (s.region, s.start.astimezone(UTC)),
    )
    out: list[tuple[Shift | None, Shift]] = []
    last: dict[str, Shift] = {}
    for s in pieces:
        prev = last.get(s.region)
        if prev is None or prev.person != s.person:
            out.append((prev, s))
        last[s.region] = s
    return sorted(out, key=lambda pair: pair[1].start.astimezone(UTC))


def recent_incidents(store, team: str, at: datetime) -> list[tuple[int, str, datetime]]:
    found: list[tuple[int, str, datetime]] = []
    for doc in store.iter_documents(kind="coe"):
        if team and doc.team != team:
            continue
        started = first_of(COE.model_validate(doc.content), "start")
        if started is not None and at - timedelta(days=RECENT_DAYS) <= started <= at:
            found.append((doc.id, doc.title, started))
    return sorted(found, key=lambda x: x[2], reverse=True)


def handoff_note(store, rotation: Rotation, team: str, outgoing: Shift | None, incoming: Shift) -> str:
    at = incoming.start.astimezone(UTC)
    who = (
        f"{md_inline(outgoing.person) if outgoing and outgoing.person else 'nobody'} → "
        f"{md_inline(incoming.person or 'nobody')}"
    )
    region = f" ({md_inline(incoming.region)})" if incoming.region else ""
    lines = [
        f"# Handoff: {md_inline(rotation.name)}{region}",
        "",
        f"**{stamp(incoming.start)}** · {incoming.layer} · {who}",
        "",
    ]
    items = action_items(store, team=team or None, today=at.date())
    lines += ["## Open action items", ""]
    lines += [
        f"- {'**OVERDUE** ' if i.overdue(at.date()) else ''}{md_inline(i.what)} "
        f"({md_inline(i.owner or 'no owner')}, due {i.due.isoformat() if i.due else 'no date'}; "
        f"{md_inline(i.doc_title)})"
        for i in items
    ] or ["- None."]
    incidents = recent_incidents(store, team, at)
    lines += ["", f"## Incidents in the last {RECENT_DAYS} days", ""]
    lines += [
        f"- {md_inline(title)} (started {started:%Y-%m-%d %H:%M} UTC, COE {doc_id})"
        for doc_id, title, started in incidents
    ] or ["- None."]
    lines += ["", "## Known risks", ""]
    lines += [f"- {md_inline(r)}" for r in rotation.known_risks] or ["- None recorded."]
    lines += [
        "",
        "## Notes from the outgoing on-call",
        "",
        "_Add what only you know: noisy alarms, customers to watch, work in flight._",
        "",
    ]
    return "\n".join(lines)
