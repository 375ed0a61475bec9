"""The numbers of a weekly review, from a series of weekly values.

Weeks end on Sunday. Definitions:
- week over week: this week minus the week before;
- year over year: this week minus the week with the same ISO week number a year
  earlier (ISO week 53 compares with week 52 when the year before has no week 53);
- 4- and 13-week averages: the mean of the weeks that have a value among the last 4
  or 13 (missing weeks are left out, not counted as zero);
- XmR process limits: centre line = mean of the 26 weeks before this one that have
  values, limits = centre +/- 2.66 x the mean moving range between consecutive
  available values; at least 6 values are needed. A week is a signal when it lies
  outside the limits, or when it is the eighth in a row on one side of the centre."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

BASELINE_WEEKS = 26
MIN_BASELINE = 6
XMR_SCALE = 2.66
RUN = 8


def is_week_end(d: date) -> bool:
    return d.weekday() == 6


def week_before(d: date, n: int = 1) -> date:
    return d - timedelta(days=7 * n)


def same_week_last_year(d: date) -> date:
    year, week, _ = d.isocalendar()
    try:
        return date.fromisocalendar(year - 1, week, 7)
    except ValueError:  # week 53 in a year whose predecessor has 52
        return date.fromisocalendar(year - 1, 52, 7)


def _change(now: float | None, then: float | None) -> tuple[float | None, float | None]:
    if now is None or then is None:
        return None, None
    diff = now - then
    return diff, (diff / then if then else None)


def average(series: dict[date, float], week: date, n: int) -> float | None:
    vals = [series[w] for w in (week_before(week, i) for i in range(n)) if w in series]
    return fmean(vals) if vals else None


@dataclass(frozen=True)
class Limits:
    centre: float
    lower: float
    upper: float
    mean_moving_range: float
    points: int


def xmr_limits(series: dict[date, float], week: date) -> Limits | None:
    baseline = [series[w] for w in sorted(series) if week_before(week, BASELINE_WEEKS) <= w < week]
    if len(baseline) < MIN_BASELINE:
        return None
    centre = fmean(baseline)
    ranges = [abs(b - a) for a, b in zip(baseline, baseline[1:], strict=False)]
    mr = fmean(ranges)
    return Limits(centre, centre - XMR_SCALE * mr, centre + XMR_SCALE * mr, mr, len(baseline))


def signal(series: dict[date, float], week: date, limits: Limits | None) -> str:
    """Why this week is exceptional, or '' when it is routine variation."""
    value = series.get(week)
    if value is None or limits is None:
        return ""
    if value > limits.upper:
        return f"above the upper limit ({limits.upper:.4g})"
    if value < limits.lower:
        return f"below the lower limit ({limits.lower:.4g})"
    recent = [series[w] for w in sorted(series) if w <= week][-RUN:]
    if len(recent) == RUN and (
        all(v > limits.centre for v in recent) or all(v < limits.centre for v in recent)
    ):
        side = "above" if recent[-1] > limits.centre else "below"
        return f"{RUN} weeks in a row {side} the centre line ({limits.centre:.4g})"
    return ""


def monthly(series: dict[date, float], year: int, month: int, aggregation: str) -> float | None:
    vals = [v for w, v in sorted(series.items()) if w.year == year and w.month == month]
    if not vals:
        return None
    if aggregation == "mean":
        return fmean(vals)
    if aggregation == "last":
        return vals[-1]
    return sum(vals)


def months_back(week: date, n: int = 12) -> list[tuple[int, int]]:
    y, m = week.year, week.month
    out = []
    for _ in range(n):
        out.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return list(reversed(out))


@dataclass(frozen=True)
class WeekSummary:
    value: float | None
    wow: float | None
    wow_pct: float | None
    yoy: float | None
    yoy_pct: float | None
    avg4: float | None
    avg13: float | None
    vs_target: float | None
    met: bool | None
    limits: Limits | None
    signal: str


def summarise(series: dict[date, float], week: date, *, target: float | None, direction: str) -> WeekSummary:
    value = series.get(week)
    wow, wow_pct = _change(value, series.get(week_before(week)))
    yoy, yoy_pct = _change(value, series.get(same_week_last_year(week)))
    vs = value - target if value is not None and target is not None else None
    met = None if vs is None else (vs >= 0 if direction == "higher" else vs <= 0)
    limits = xmr_limits(series, week)
    return WeekSummary(
        value,
        wow,
        wow_pct,
        yoy,
        yoy_pct,
        average(series, week, 4),
        average(series, week, 13),
        vs,
        met,
        limits,
        signal(series, week, limits),
    )
