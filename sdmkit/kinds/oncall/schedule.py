"""The schedule generator.

Duties: a duty is one person's turn on one layer (primary or secondary) for one
period of the pattern (a day, a week, N days), in one region when the rotation
follows the sun. A single-site duty runs from handoff to handoff: both handoffs are
at the same local wall-clock time, so a weekly duty across a DST change lasts 167
or 169 real hours, and hours and burden count the real elapsed time. A regional
duty is that region's working window on each day of the period; with chained
hand-offs, it runs on each day from the region's start until the next region's
start, so the shifts of all regions together cover every hour exactly once whatever
clock changes each region has (see coverage.py for what a rotation without them
leaves uncovered or doubled).

Assignment is greedy and deterministic: duties in time order, each to the eligible
member with the lowest weighted load so far (carried load from before the schedule
included), ties to whoever was on call longest ago, then member order. A member who
joins after the start begins at the team's average load. Eligible
means a member for the whole duty, not on leave on any day it touches, in the
duty's region, and not the primary of the same period. Overrides replace whoever is
on a layer for their span after assignment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sdmkit.kinds.oncall.burden import SECONDARY, Weight, weigh
from sdmkit.kinds.oncall.coverage import coverage_warnings
from sdmkit.kinds.oncall.model import Member, Rotation
from sdmkit.kinds.oncall.shifts import (
    Interval,
    Shift,
    duties,
    first_handoff,
    period_days,
    region_interval,
)

HORIZON_WEEKS = 12

__all__ = [
    "HORIZON_WEEKS",
    "Interval",
    "Schedule",
    "Shift",
    "apply_overrides",
    "duties",
    "first_handoff",
    "generate",
    "needed_people",
    "own_zone",
    "period_days",
    "region_interval",
]


@dataclass
class Schedule:
    shifts: list[Shift]
    loads: dict[str, float]
    warnings: list[str] = field(default_factory=list)


def _on_leave(r: Rotation, person: str, days: set[date]) -> bool:
    return any(
        lv.person == person and lv.start and lv.end and any(lv.start <= d <= lv.end for d in days)
        for lv in r.leave
    )


def _why_not(r: Rotation, m: Member, shift: Shift, taken: set[str]) -> str | None:
    days = shift.dates()
    first, last = min(days), max(days)
    if m.joined and m.joined > first:
        return f"{m.name} joins on {m.joined.isoformat()}"
    if m.left and m.left < last:
        return f"{m.name} left on {m.left.isoformat()}"
    if shift.region and m.region and m.region != shift.region:
        return f"{m.name} covers {m.region}"
    if m.name in taken:
        return f"{m.name} is primary then"
    if _on_leave(r, m.name, days):
        return f"{m.name} is on leave"
    return None


def own_zone(r: Rotation, m: Member) -> str:
    """The clock a person's nights are counted on: their own zone, else their region's, else the rotation's."""
    region = next((g.zone for g in r.regions if g.name == m.region), "")
    return m.zone or region or r.time_zone


def _weigh(r: Rotation, shift: Shift, m: Member) -> Weight:
    site = next((g.zone for g in r.regions if g.name == shift.region), r.time_zone)
    parts = [
        weigh(
            iv.start,
            iv.end,
            site_zone=site,
            person_zone=own_zone(r, m),
            country=r.holiday_country,
            subdivision=r.holiday_subdivision,
            factor=SECONDARY if shift.layer == "secondary" else 1.0,
        )
        for iv in shift.intervals
    ]
    return Weight(
        sum(p.hours for p in parts),
        sum(p.weekend_hours for p in parts),
        sum(p.holiday_hours for p in parts),
        sum(p.night_hours for p in parts),
        sum(p.burden for p in parts),
        frozenset().union(*(p.weekend_days for p in parts)),
        frozenset().union(*(p.holiday_days for p in parts)),
    )


def generate(r: Rotation, until: date | None = None) -> Schedule:
    until = until or first_handoff(r) + timedelta(weeks=HORIZON_WEEKS)
    members = r.active_members()
    order = {m.name: i for i, m in enumerate(members)}
    load = {m.name: 0.0 for m in members}
    for c in r.carried:
        if c.person in load and c.burden:
            load[c.person] += c.burden
    last_on: dict[str, datetime] = {}
    shifts = duties(r, until)
    primaries: dict[tuple[str, int], str] = {}
    anchor = first_handoff(r)
    joined_late = {m.name for m in members if m.joined and m.joined > anchor}
    for shift in shifts:
        # Someone who joins after the start begins at the team's average load, so they
        # take their share from then on instead of a run of catch-up shifts.
        for m in members:
            if m.name in joined_late and m.joined is not None and m.joined <= shift.start.date():
                others = [load[x.name] for x in members if x.name not in joined_late]
                load[m.name] = max(load[m.name], sum(others) / len(others) if others else 0.0)
                joined_late.discard(m.name)
        taken = {primaries.get((shift.region, shift.period), "")} if shift.layer == "secondary" else set()
        ranked = sorted(
            members,
            key=lambda m: (
                round(load[m.name], 6),
                last_on.get(m.name, datetime.min.replace(tzinfo=UTC)),
                order[m.name],
            ),
        )
        skipped, chosen = [], None
        for m in ranked:
            reason = _why_not(r, m, shift, taken)
            if reason is None:
                chosen = m
                break
            skipped.append(reason)
        if chosen is None:
            shift.why = "no one available: " + (
                "; ".join(skipped) if skipped else "the rotation has no members"
            )
            continue
        shift.person = chosen.name
        shift.weight = _weigh(r, shift, chosen)
        why = f"lowest weighted load so far ({load[chosen.name]:.0f} h)"
        if skipped:
            why += "; " + "; ".join(skipped[:3])
        nxt = next(
            (m for m in ranked[ranked.index(chosen) + 1 :] if _why_not(r, m, shift, taken) is None), None
        )
        if nxt:
            why += f"; next in line: {nxt.name} ({load[nxt.name]:.0f} h)"
        shift.why = why
        load[chosen.name] += shift.weight.burden
        last_on[chosen.name] = shift.end.astimezone(UTC)
        if shift.layer == "primary":
            primaries[(shift.region, shift.period)] = chosen.name
    shifts = apply_overrides(r, shifts)
    return Schedule(shifts, final_loads(r, shifts), warnings(r, shifts))


def apply_overrides(r: Rotation, shifts: list[Shift]) -> list[Shift]:
    """Split duties at each override's edges and give the overlapped part to its person."""
    members = {m.name: m for m in r.active_members()}
    out = list(shifts)
    for o in r.overrides:
        if not (o.start and o.end and o.person):
            continue
        zone = ZoneInfo(r.time_zone)
        o_start = o.start.replace(tzinfo=zone).astimezone(UTC)
        o_end = o.end.replace(tzinfo=zone).astimezone(UTC)
        result = []
        for shift in out:
            if shift.layer != o.layer:
                result.append(shift)
                continue
            inside, outside = [], []
            for iv in shift.intervals:
                s, e = iv.start.astimezone(UTC), iv.end.astimezone(UTC)
                if e <= o_start or s >= o_end:
                    outside.append(iv)
                    continue
                tz = iv.start.tzinfo
                if s < o_start:
                    outside.append(Interval(iv.start, o_start.astimezone(tz)))
                inside.append(Interval(max(s, o_start).astimezone(tz), min(e, o_end).astimezone(tz)))
                if e > o_end:
                    outside.append(Interval(o_end.astimezone(tz), iv.end))
            if not inside:
                result.append(shift)
                continue
            if outside:
                rest = Shift(
                    shift.layer,
                    shift.region,
                    shift.period,
                    sorted(outside, key=lambda i: i.start),
                    shift.person,
                    shift.why,
                    shift.override,
                )
                result.append(rest)
            swapped = Shift(
                shift.layer,
                shift.region,
                shift.period,
                inside,
                o.person,
                f"override{': ' + o.reason if o.reason else ''} (instead of {shift.person or 'nobody'})",
                override=True,
            )
            result.append(swapped)
        out = sorted(result, key=lambda s: (s.start.astimezone(UTC), s.layer, s.region))
    for shift in out:
        m = members.get(shift.person or "")
        shift.weight = _weigh(r, shift, m) if m else None
    return out


def final_loads(r: Rotation, shifts: list[Shift]) -> dict[str, float]:
    load = {m.name: 0.0 for m in r.active_members()}
    for c in r.carried:
        if c.person in load and c.burden:
            load[c.person] += c.burden
    for s in shifts:
        if s.person in load and s.weight:
            load[s.person] += s.weight.burden
    return load


def needed_people(r: Rotation) -> int:
    """Google SRE: at most 25% of time on call. One site needs 4 people per layer (8
    for primary plus secondary); a follow-the-sun team needs 3 per layer per region."""
    layers = 2 if r.secondary else 1
    return 3 * layers * len(r.regions) if r.regions else 4 * layers


def warnings(r: Rotation, shifts: list[Shift]) -> list[str]:
    out = []
    members = r.active_members()
    if r.regions:
        for region in r.regions:
            n = sum(1 for m in members if not m.region or m.region == region.name)
            if n < 3 * (2 if r.secondary else 1):
                out.append(
                    f"{region.name} has {n} people; a sustainable follow-the-sun rotation wants at least "
                    f"{3 * (2 if r.secondary else 1)} per region (at most 25% of time on call)."
                )
        out += coverage_warnings(r)
    elif len(members) < needed_people(r):
        layers = "primary plus secondary" if r.secondary else "a primary"
        out.append(
            f"The team has {len(members)} people; a single-site rotation with {layers} wants at least "
            f"{needed_people(r)} so nobody is on call more than 25% of the time (Google SRE guidance)."
        )
    gaps = [s for s in shifts if s.person is None]
    if gaps:
        first = gaps[0]
        out.append(
            f"{len(gaps)} shift{'s' if len(gaps) > 1 else ''} without anyone on call, first "
            f"{first.start:%a %d %b %H:%M} ({first.layer}): {first.why}"
        )
    return out
