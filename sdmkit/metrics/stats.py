"""The numbers of a weekly review, from a series of weekly values.

Weeks end on Sunday. A review reads only the weeks up to and including its own:
every function here takes the review's week and ignores later values, so a past
review shows what was knowable that week. Definitions:
- week over week: this week minus the week before;
- year over year: this week minus the week with the same ISO week number a year
  earlier (ISO week 53 compares with week 52 when the year before has no week 53);
- 4- and 13-week averages: the mean of the weeks that have a value among the last 4
  or 13 (missing weeks are left out, not counted as zero);
- a month is the weeks whose Sunday falls in it. The review's own month is partial:
  it holds the month's weeks up to the review's week, and is compared with the same
  number of first weeks of that month a year earlier. A summed month with a missing
  week has no value (three weeks summed are not a month) and names the week;
- XmR process limits: centre line = mean of the 26 weeks before this one that have
  values, natural process limits = centre +/- 2.66 x the mean moving range between
  consecutive available values (at least 6 values), clamped to what the unit allows
  (a count or a duration is never below 0, a percentage never above 100); the upper
  range limit is 3.268 x the mean moving range.
- Signals (Wheeler's detection rules), each judged on the values up to the week:
  rule 1: the week is outside the natural process limits;
  rule 2: three of the last four values, this week among them, are on the same side
  and nearer that limit than the centre line (not on a side whose limit was clamped
  to the unit's bound: a count of 0 is not "near a limit");
  rule 3: this week is the eighth value in a row on one side of the centre line;
  moving range: this week's change from the value before is above the upper range
  limit (a sudden jump, even when both values are inside the limits)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

BASELINE_WEEKS = 26
MIN_BASELINE = 6
XMR_SCALE = 2.66
MR_SCALE = 3.268
RUN = 8
# Units whose values cannot go below zero, and the percentages that cannot pass 100.
NON_NEGATIVE = {"count", "ms", "s", "min", "minutes", "hours", "h", "days", "%"}
PERCENT = {"%"}


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


def up_to(series: dict[date, float], week: date) -> dict[date, float]:
    """The values a review of `week` may read: none after it."""
    return {w: v for w, v in series.items() if w <= week}


def _change(now: float | None, then: float | None) -> tuple[float | None, float | None]:
    if now is None or then is None:
        return None, None
    diff = now - then
    return diff, (diff / then if then else None)


def average(series: dict[date, float], week: date, n: int) -> float | None:
    vals = [series[w] for w in (week_before(week, i) for i in range(n)) if w in series]
    return fmean(vals) if vals else None


def bounds(unit: str) -> tuple[float | None, float | None]:
    """The lowest and highest value the unit allows (None: no bound)."""
    u = (unit or "").strip().lower()
    return (0.0 if u in NON_NEGATIVE else None, 100.0 if u in PERCENT else None)


@dataclass(frozen=True)
class Limits:
    centre: float
    lower: float
    upper: float
    mean_moving_range: float
    points: int
    # A limit moved to the unit's bound (a count's 0, a percentage's 100) is a wall, not
    # a limit: nothing is "nearer" it in the sense of rule 2.
    floored: bool = False
    capped: bool = False

    @property
    def range_limit(self) -> float:
        return MR_SCALE * self.mean_moving_range


def xmr_limits(series: dict[date, float], week: date, unit: str = "") -> Limits | None:
    baseline = [series[w] for w in sorted(series) if week_before(week, BASELINE_WEEKS) <= w < week]
    if len(baseline) < MIN_BASELINE:
        return None
    centre = fmean(baseline)
    ranges = [abs(b - a) for a, b in zip(baseline, baseline[1:], strict=False)]
    mr = fmean(ranges)
    lo, hi = bounds(unit)
    lower, upper = centre - XMR_SCALE * mr, centre + XMR_SCALE * mr
    floored = lo is not None and lower < lo
    capped = hi is not None and upper > hi
    return Limits(
        centre,
        lo if floored and lo is not None else lower,
        hi if capped and hi is not None else upper,
        mr,
        len(baseline),
        floored,
        capped,
    )


def _g(x: float) -> str:
    return f"{x:.4g}"


def signal(series: dict[date, float], week: date, limits: Limits | None) -> str:
    """Why this week is exceptional (each rule that fires, '; '-joined), or '' when it is routine."""
    value = series.get(week)
    if value is None or limits is None:
        return ""
    found = []
    if value > limits.upper:
        found.append(f"rule 1: above the upper limit ({_g(limits.upper)})")
    elif value < limits.lower:
        found.append(f"rule 1: below the lower limit ({_g(limits.lower)})")
    recent = [series[w] for w in sorted(series) if w <= week]
    hi_mid = (limits.centre + limits.upper) / 2
    lo_mid = (limits.centre + limits.lower) / 2
    last4 = recent[-4:]
    if len(last4) == 4 and not found:
        if not limits.capped and value > hi_mid and sum(v > hi_mid for v in last4) >= 3:
            found.append(
                f"rule 2: 3 of the last 4 weeks nearer the upper limit than the centre (above {_g(hi_mid)})"
            )
        elif not limits.floored and value < lo_mid and sum(v < lo_mid for v in last4) >= 3:
            found.append(
                f"rule 2: 3 of the last 4 weeks nearer the lower limit than the centre (below {_g(lo_mid)})"
            )
    run = recent[-RUN:]
    if len(run) == RUN and (all(v > limits.centre for v in run) or all(v < limits.centre for v in run)):
        side = "above" if run[-1] > limits.centre else "below"
        found.append(f"rule 3: {RUN} weeks in a row {side} the centre line ({_g(limits.centre)})")
    if len(recent) >= 2 and limits.mean_moving_range > 0:
        jump = abs(recent[-1] - recent[-2])
        if jump > limits.range_limit:
            found.append(
                f"moving range: a change of {_g(jump)} from the week before, above the range limit "
                f"({_g(limits.range_limit)})"
            )
    return "; ".join(found)


def month_weeks(year: int, month: int, upto: date | None = None) -> list[date]:
    """The Sundays of a month (the weeks that belong to it), none after `upto`."""
    d = date(year, month, 1)
    d += timedelta(days=(6 - d.weekday()) % 7)
    out = []
    while d.month == month and (upto is None or d <= upto):
        out.append(d)
        d += timedelta(days=7)
    return out


def _aggregate(vals: list[float], aggregation: str) -> float | None:
    if not vals:
        return None
    if aggregation == "mean":
        return fmean(vals)
    if aggregation == "last":
        return vals[-1]
    return sum(vals)


@dataclass(frozen=True)
class Month:
    value: float | None
    weeks: list[date]  # the weeks it is made of
    missing: list[date]  # of those, the weeks without a value since the series began

    @property
    def complete(self) -> bool:
        return not self.missing


def month(series: dict[date, float], weeks: list[date], aggregation: str) -> Month:
    absent = [w for w in weeks if w not in series]
    vals = [series[w] for w in weeks if w in series]
    # A sum over fewer weeks than the month has is not the month: leave it empty, name the gap.
    value = None if absent and aggregation == "sum" else _aggregate(vals, aggregation)
    # Weeks before the first value are before the metric was measured, not missing.
    first = min(series) if series else None
    return Month(value, weeks, [w for w in absent if first is not None and w >= first])


def monthly(
    series: dict[date, float], year: int, month_no: int, aggregation: str, upto: date | None = None
) -> float | None:
    return month(series, month_weeks(year, month_no, upto), aggregation).value


def month_pair(series: dict[date, float], year: int, month_no: int, aggregation: str, week: date):
    """(this year's month, last year's) as the review of `week` compares them: a partial
    month against the same number of first weeks of that month a year earlier."""
    now_weeks = month_weeks(year, month_no, week)
    full = month_weeks(year, month_no)
    prior_weeks = month_weeks(year - 1, month_no)
    if len(now_weeks) < len(full):
        prior_weeks = prior_weeks[: len(now_weeks)]
    return month(series, now_weeks, aggregation), month(series, prior_weeks, aggregation)


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


def summarise(
    series: dict[date, float], week: date, *, target: float | None, direction: str, unit: str = ""
) -> WeekSummary:
    series = up_to(series, week)
    value = series.get(week)
    wow, wow_pct = _change(value, series.get(week_before(week)))
    yoy, yoy_pct = _change(value, series.get(same_week_last_year(week)))
    vs = value - target if value is not None and target is not None else None
    met = None if vs is None else (vs >= 0 if direction == "higher" else vs <= 0)
    limits = xmr_limits(series, week, unit)
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
