"""Time metrics from the timeline.

Definitions (shown in the editor and the exports):
- time to detect: impact start -> first detection
- time to engage: first detection -> first engagement (a person working on it)
- time to mitigate: impact start -> first mitigation
- time to resolve: impact start -> resolution
- impact duration: impact start -> the event marked as ending customer impact
  (the first one, when several are), else resolution. A mitigation does not end it
  by itself: a rollback that brings errors from 31% down to 2% still hurts customers.

Every time is converted to UTC before subtracting, so the result is elapsed time:
an incident from 01:30 to 03:30 local on the night clocks go forward lasted one hour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sdmkit.kinds.coe.model import COE, duration_text

DEFINITIONS = {
    "Time to detect": "impact start to first detection",
    "Time to engage": "first detection to first engagement",
    "Time to mitigate": "impact start to first mitigation",
    "Time to resolve": "impact start to resolution",
    "Impact duration": "impact start to the event marked 'ends impact' (else resolution)",
}


@dataclass(frozen=True)
class TimeMetrics:
    start: datetime | None
    detect: timedelta | None
    engage: timedelta | None
    mitigate: timedelta | None
    resolve: timedelta | None
    impact: timedelta | None

    def as_text(self) -> dict[str, str]:
        return {
            "Time to detect": duration_text(self.detect),
            "Time to engage": duration_text(self.engage),
            "Time to mitigate": duration_text(self.mitigate),
            "Time to resolve": duration_text(self.resolve),
            "Impact duration": duration_text(self.impact),
        }


def first_of(coe: COE, kind: str) -> datetime | None:
    times = [t for e in coe.timeline if e.type == kind and (t := coe.event_utc(e)) is not None]
    return min(times) if times else None


def impact_end(coe: COE) -> datetime | None:
    """The earliest event marked as ending customer impact (in UTC), or None."""
    times = [t for e in coe.timeline if e.ends_impact and (t := coe.event_utc(e)) is not None]
    return min(times) if times else None


def _between(a: datetime | None, b: datetime | None) -> timedelta | None:
    return b - a if a is not None and b is not None else None


def metrics(coe: COE) -> TimeMetrics:
    start = first_of(coe, "start")
    detected = first_of(coe, "detection")
    engaged = first_of(coe, "engagement")
    mitigated = first_of(coe, "mitigation")
    resolved = first_of(coe, "resolution")
    ended = impact_end(coe)
    return TimeMetrics(
        start=start,
        detect=_between(start, detected),
        engage=_between(detected, engaged),
        mitigate=_between(start, mitigated),
        resolve=_between(start, resolved),
        impact=_between(start, ended or resolved),
    )


def out_of_order(coe: COE) -> list[int]:
    """Indexes of events that come earlier in time than the event before them."""
    bad, last = [], None
    for i, event in enumerate(coe.timeline):
        when = coe.event_utc(event) if event.at else None
        if when is None:
            continue
        if last is not None and when < last:
            bad.append(i)
        last = when if last is None or when > last else last
    return bad
