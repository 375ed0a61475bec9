"""Duties before anyone is assigned: the shifts a rotation's pattern makes, from its
first hand-off, one per layer and period (and per region when it follows the sun).
Both the schedule generator and the coverage check start from these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sdmkit import clock
from sdmkit.kinds.oncall.burden import Weight
from sdmkit.kinds.oncall.model import WEEKDAYS, Rotation


@dataclass
class Interval:
    start: datetime  # aware, in the zone the duty is kept in
    end: datetime

    @property
    def hours(self) -> float:
        return (self.end.astimezone(UTC) - self.start.astimezone(UTC)).total_seconds() / 3600


@dataclass
class Shift:
    layer: str
    region: str
    period: int  # the pattern period it belongs to, from 0
    intervals: list[Interval]
    person: str | None = None
    why: str = ""
    override: bool = False
    weight: Weight | None = None

    @property
    def start(self) -> datetime:
        return self.intervals[0].start

    @property
    def end(self) -> datetime:
        return self.intervals[-1].end

    def dates(self) -> set[date]:
        out = set()
        for iv in self.intervals:
            d, last = iv.start.date(), (iv.end - timedelta(minutes=1)).date()
            while d <= last:
                out.add(d)
                d += timedelta(days=1)
        return out


def period_days(r: Rotation) -> int:
    return {"daily": 1, "weekly": 7}.get(r.pattern, r.every_n_days)


def first_handoff(r: Rotation) -> date:
    start = r.start_date or clock.today()
    if r.pattern != "weekly":
        return start
    target = WEEKDAYS.index(r.handoff_weekday)
    return start + timedelta(days=(target - start.weekday()) % 7)


def _local(d: date, t: time, zone: str) -> datetime:
    return datetime.combine(d, t, tzinfo=ZoneInfo(zone))


def duties(r: Rotation, until: date) -> list[Shift]:
    """Every duty from the first handoff until `until`, in time order, unassigned."""
    anchor, days = first_handoff(r), period_days(r)
    layers = ["primary", "secondary"] if r.secondary else ["primary"]
    out: list[Shift] = []
    k = 0
    while anchor + timedelta(days=k * days) < until:
        p_start = anchor + timedelta(days=k * days)
        p_end = p_start + timedelta(days=days)
        if r.regions:
            # Chained: a period holds the chain's intervals that start between the first
            # region's start on its first day and on the next period's, so consecutive
            # periods meet exactly (a region whose local day starts earlier in UTC would
            # otherwise leave the day before the first hand-off half covered).
            first = r.regions[0]
            lo = _local(p_start, first.start, first.zone).astimezone(UTC)
            hi = _local(p_end, first.start, first.zone).astimezone(UTC)
            for j, region in enumerate(r.regions):
                ivs = []
                for i in range(-2, days + 3) if r.chained else range(days):
                    iv = region_interval(r, j, p_start + timedelta(days=i))
                    if iv is not None and (not r.chained or lo <= iv.start.astimezone(UTC) < hi):
                        ivs.append(iv)
                if ivs:
                    out += [Shift(layer, region.name, k, list(ivs)) for layer in layers]
        else:
            s, e = _local(p_start, r.handoff_time, r.time_zone), _local(p_end, r.handoff_time, r.time_zone)
            out += [Shift(layer, "", k, [Interval(s, e)]) for layer in layers]
        k += 1
    return out


def region_interval(r: Rotation, j: int, d: date) -> Interval | None:
    """Region j's time on call for the day d (its local date): its window, or with chained
    hand-offs, from its start to the next start of any region (None when another region
    starts at the same instant: the region listed later takes it)."""
    g = r.regions[j]
    s = _local(d, g.start, g.zone)
    if not r.chained:
        return Interval(s, _local(d + timedelta(days=1) if g.end <= g.start else d, g.end, g.zone))
    mine = (s.astimezone(UTC), j)
    starts = sorted(
        (_local(d + timedelta(days=k), h.start, h.zone).astimezone(UTC), i)
        for k in (-1, 0, 1, 2)
        for i, h in enumerate(r.regions)
    )
    nxt = starts[starts.index(mine) + 1][0]
    if nxt <= mine[0]:
        return None
    return Interval(s, nxt.astimezone(ZoneInfo(g.zone)))
