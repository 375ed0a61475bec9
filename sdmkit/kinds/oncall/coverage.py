"""Does a follow-the-sun rotation cover every hour exactly once, in real time?

Each region keeps its own clock, and regions change their clocks on different dates
(Europe on the last Sundays of March and October, the US on the second Sunday of
March and the first of November, Australia in April and October, India never). So
windows that meet exactly in January can leave an hour uncovered, and another
doubled, for the weeks between two regions' changes. This module sweeps the duties
the schedule is made of over a year from the first hand-off, which holds every clock
change of every region once, and reports each gap and overlap with its dates and a
fix. Chained hand-offs (schedule.region_interval) have none by construction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.shifts import duties, first_handoff

COVERAGE_DAYS = 371  # a year and a week from the first hand-off


@dataclass(frozen=True)
class Span:
    kind: str  # "gap": nobody on call; "overlap": two regions at once
    start: datetime  # UTC
    end: datetime
    before: str  # gap: the region whose shift just ended; overlap: the region already on call
    after: str  # gap: the region that starts next; overlap: the region that started too early


def spans(intervals: list[tuple[datetime, datetime, str]]) -> list[Span]:
    """Gaps and overlaps among (start, end, region) intervals, between the first start and the last end."""
    events = []
    for s, e, region in intervals:
        s, e = s.astimezone(UTC), e.astimezone(UTC)
        if e > s:
            events += [(s, 1, region), (e, -1, region)]
    events.sort(key=lambda x: (x[0], x[1]))  # an end before a start at the same instant: no overlap
    out: list[Span] = []
    active: list[str] = []
    last_ended = ""
    for i, (t, step, region) in enumerate(events):
        if step == 1:
            active.append(region)
        else:
            active.remove(region)
            last_ended = region
        if i + 1 == len(events):
            break
        nxt = events[i + 1][0]
        if nxt <= t:
            continue
        if not active:
            upcoming = next(reg for _, st, reg in events[i + 1 :] if st == 1)
            out.append(Span("gap", t, nxt, last_ended, upcoming))
        elif len(active) > 1:
            out.append(Span("overlap", t, nxt, active[0], active[-1]))
    merged: list[Span] = []
    for sp in out:
        prev = merged[-1] if merged else None
        same = prev is not None and (prev.kind, prev.end, prev.before, prev.after) == (
            sp.kind,
            sp.start,
            sp.before,
            sp.after,
        )
        if prev is not None and same:
            merged[-1] = Span(sp.kind, prev.start, sp.end, sp.before, sp.after)
        else:
            merged.append(sp)
    return merged


def rotation_spans(r: Rotation, days: int = COVERAGE_DAYS, start: date | None = None) -> list[Span]:
    """The primary layer's gaps and overlaps over `days` from the first hand-off (or `start`)."""
    if not r.regions:
        return []
    first = start or first_handoff(r)
    shaped = r.model_copy(update={"start_date": first, "secondary": False})
    ivs = [
        (iv.start, iv.end, s.region)
        for s in duties(shaped, first + timedelta(days=days))
        for iv in s.intervals
    ]
    return spans(ivs)


def runs(found: list[Span]) -> list[list[Span]]:
    """Spans that repeat at the same UTC time, length and regions on consecutive days, together."""
    out: list[list[Span]] = []
    for sp in found:
        for run in out:
            last = run[-1]
            if (
                (last.kind, last.before, last.after) == (sp.kind, sp.before, sp.after)
                and last.start.timetz() == sp.start.timetz()
                and last.end - last.start == sp.end - sp.start
                and sp.start - last.start == timedelta(days=1)
            ):
                run.append(sp)
                break
        else:
            out.append([sp])
    return sorted(out, key=lambda run: run[0].start)


def _zone(r: Rotation, region: str) -> ZoneInfo:
    return ZoneInfo(next((g.zone for g in r.regions if g.name == region), "UTC"))


def describe(r: Rotation, run: list[Span], days: int = COVERAGE_DAYS) -> str:
    first, last = run[0], run[-1]
    hours = f"{first.start:%H:%M} to {first.end:%H:%M} UTC"
    if len(run) >= days - 7:
        when = "every day"
    elif len(run) == 1:
        when = f"on {first.start:%a %d %b %Y}"
    else:
        when = f"on {len(run)} days, {first.start:%a %d %b %Y} to {last.start:%a %d %b %Y}"
    chain = "chain the hand-offs (Follow the sun: 'Chain hand-offs') so each region ends when the next begins"
    if first.kind == "gap":
        local = first.start.astimezone(_zone(r, first.after))
        return (
            f"Coverage gap: nobody is on call {hours} {when}, after {first.before} and before "
            f"{first.after}. Fix: {chain}, or start {first.after} at {local:%H:%M} its time on those days."
        )
    local = first.start.astimezone(_zone(r, first.before))
    return (
        f"Coverage overlap: {first.before} and {first.after} are both on call {hours} {when}. Fix: {chain}, "
        f"or end {first.before} at {local:%H:%M} its time on those days."
    )


def coverage_warnings(r: Rotation) -> list[str]:
    return [describe(r, run) for run in runs(rotation_spans(r))]


def statement(r: Rotation, unstaffed: int = 0) -> str:
    """One sentence on coverage for the rotation's page and PDF; `unstaffed`: shifts the
    schedule could give nobody (leave, joins), which no arrangement of hours fixes."""
    text = _hours(r)
    if unstaffed:
        text += (
            f" But {unstaffed} shift{'s have' if unstaffed != 1 else ' has'} nobody available to take "
            f"{'them' if unstaffed != 1 else 'it'}: see the warnings."
        )
    return text


def _hours(r: Rotation) -> str:
    layers = "one primary and one secondary" if r.secondary else "one person"
    if not r.regions:
        return (
            f"Every hour has {layers} on call: each shift ends at the next hand-off, in {r.time_zone} time."
        )
    first = first_handoff(r)
    last = first + timedelta(days=COVERAGE_DAYS - 1)
    found = runs(rotation_spans(r))
    period = f"from {first:%d %b %Y} to {last:%d %b %Y}, across every region's clock changes"
    if not found:
        how = "hand-offs are chained" if r.chained else "the regions' windows meet"
        return f"Every hour has exactly {layers} on call {period}: {how}."
    gaps = sum(1 for run in found if run[0].kind == "gap")
    return (
        f"Not every hour is covered exactly once {period}: {gaps} gap{'s' if gaps != 1 else ''} and "
        f"{len(found) - gaps} overlap{'s' if len(found) - gaps != 1 else ''}, listed below."
    )
