"""Who is on call at a moment, and who comes next, read from the calendar itself.

The answer is taken from the same slots the calendar export writes (one per interval
of a shift, after overrides split it), so the team page, the app and a subscribed
calendar never disagree: an override that starts on Thursday ends the regular
person's time on Thursday, and 'next' is whoever holds the pager from then on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sdmkit import clock
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.schedule import HORIZON_WEEKS, Schedule, first_handoff, generate


@dataclass(frozen=True)
class Slot:
    start: datetime  # UTC
    end: datetime
    person: str
    region: str
    override: bool
    why: str


@dataclass(frozen=True)
class OnCall:
    as_of: datetime  # UTC: the moment the answer is for
    person: str | None  # None: nobody is on call then
    region: str
    since: datetime | None
    until: datetime | None  # when the pager next changes hands
    override: bool
    next_person: str | None
    next_until: datetime | None
    next_override: bool
    # The hand-offs after that: (person, until, override), so a page can say that the
    # regular primary comes back after a stand-in, and who follows them.
    later: tuple[tuple[str, datetime, bool], ...] = ()


def slots(schedule: Schedule, layer: str = "primary") -> list[Slot]:
    """Every calendar event of a layer, in time order (the export writes exactly these)."""
    out = [
        Slot(iv.start.astimezone(UTC), iv.end.astimezone(UTC), s.person, s.region, s.override, s.why)
        for s in schedule.shifts
        if s.layer == layer and s.person
        for iv in s.intervals
        if iv.end > iv.start
    ]
    return sorted(out, key=lambda x: (x.start, x.region))


def schedule_at(r: Rotation, at: datetime) -> Schedule:
    """The schedule far enough ahead to answer for `at` and the hand-off after it. The
    generator assigns in time order, so a longer horizon never changes an earlier slot."""
    horizon = max(
        first_handoff(r) + timedelta(weeks=HORIZON_WEEKS), at.astimezone(UTC).date() + timedelta(days=35)
    )
    return generate(r, until=horizon)


def _run_end(found: list[Slot], i: int) -> datetime:
    """The end of slot i, extended over following slots of the same person that touch it."""
    end = found[i].end
    for s in found[i + 1 :]:
        if s.start > end:
            break
        if s.person == found[i].person and s.start <= end:
            end = max(end, s.end)
        elif s.start == end:
            break
    return end


def _later(found: list[Slot], after: datetime | None, n: int) -> tuple[tuple[str, datetime, bool], ...]:
    out: list[tuple[str, datetime, bool]] = []
    while after is not None and len(out) < n:
        i = next((i for i, s in enumerate(found) if s.start >= after), None)
        if i is None:
            break
        end = _run_end(found, i)
        out.append((found[i].person, end, found[i].override))
        after = end
    return tuple(out)


def on_call(schedule: Schedule, at: datetime, layer: str = "primary") -> OnCall:
    at = at.astimezone(UTC)
    found = slots(schedule, layer)
    idx = next((i for i, s in enumerate(found) if s.start <= at < s.end), None)
    if idx is None:
        nxt = next((i for i, s in enumerate(found) if s.start > at), None)
        return OnCall(
            at,
            None,
            "",
            None,
            found[nxt].start if nxt is not None else None,
            False,
            found[nxt].person if nxt is not None else None,
            _run_end(found, nxt) if nxt is not None else None,
            bool(nxt is not None and found[nxt].override),
            _later(found, _run_end(found, nxt) if nxt is not None else None, 2),
        )
    now = found[idx]
    since = now.start
    for s in reversed(found[:idx]):
        if s.person != now.person or s.end != since:
            break
        since = s.start
    until = _run_end(found, idx)
    nxt = next((i for i, s in enumerate(found) if s.start >= until), None)
    return OnCall(
        at,
        now.person,
        now.region,
        since,
        until,
        now.override,
        found[nxt].person if nxt is not None else None,
        _run_end(found, nxt) if nxt is not None else None,
        bool(nxt is not None and found[nxt].override),
        _later(found, _run_end(found, nxt) if nxt is not None else None, 2),
    )


def on_call_now(r: Rotation, at: datetime | None = None, layer: str = "primary") -> OnCall:
    at = at or clock.now(UTC)
    return on_call(schedule_at(r, at), at, layer)
