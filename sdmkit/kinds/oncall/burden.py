"""How heavy an on-call interval is.

Burden is counted in weighted hours of real elapsed time: an ordinary hour counts
1, a weekend hour 1.5, a public-holiday hour 2 (the larger applies), and a night
hour (22:00 to 07:00 on the person's own clock) adds 0.25. A secondary carries
half the weight of a primary: they are paged only when the primary does not answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

WEEKEND = 1.5
HOLIDAY = 2.0
NIGHT_EXTRA = 0.25
SECONDARY = 0.5
NIGHT = (22, 7)  # from 22:00 to 07:00
STEP = timedelta(minutes=15)


@dataclass(frozen=True)
class Weight:
    hours: float
    weekend_hours: float
    holiday_hours: float
    night_hours: float
    burden: float
    weekend_days: frozenset[date]
    holiday_days: frozenset[date]


@lru_cache(maxsize=64)
def holiday_dates(country: str, subdivision: str, year: int) -> frozenset[date]:
    if not country:
        return frozenset()
    # On first use: the holiday calendars cost start-up; only a rotation with a country needs them.
    import holidays

    return frozenset(holidays.country_holidays(country, subdiv=subdivision or None, years=year).keys())


def weigh(
    start: datetime,
    end: datetime,
    *,
    site_zone: str,
    person_zone: str,
    country: str = "",
    subdivision: str = "",
    factor: float = 1.0,
) -> Weight:
    """Weigh [start, end): weekends and holidays by the site's calendar, nights by the person's clock.

    Each 15-minute step is classed by its first instant. A step's class changes only
    at the site's midnight or at the person's 22:00 or 07:00, so the steps between two
    such moments are counted together: a week is about 20 runs, not 672 steps."""
    site, own = ZoneInfo(site_zone), ZoneInfo(person_zone or site_zone)
    t = start.astimezone(UTC)
    stop = end.astimezone(UTC)
    hours = weekend = holiday = night = burden = 0.0
    weekend_days, holiday_days = set(), set()
    while t < stop:
        local = t.astimezone(site)
        mine = t.astimezone(own)
        is_holiday = local.date() in holiday_dates(country, subdivision, local.year)
        is_weekend = local.weekday() >= 5
        is_night = mine.hour >= NIGHT[0] or mine.hour < NIGHT[1]
        change = min(_next_midnight(local), _next_night_edge(mine))
        steps = max(1, -((t - min(change, stop)) // STEP))  # the steps that start before the change
        run_end = min(t + steps * STEP, stop)
        h = (run_end - t).total_seconds() / 3600
        rate = HOLIDAY if is_holiday else WEEKEND if is_weekend else 1.0
        hours += h
        if is_weekend:
            weekend += h
            weekend_days.add(local.date())
        if is_holiday:
            holiday += h
            holiday_days.add(local.date())
        if is_night:
            night += h
        burden += h * (rate + (NIGHT_EXTRA if is_night else 0.0))
        t = run_end
    return Weight(
        hours, weekend, holiday, night, burden * factor, frozenset(weekend_days), frozenset(holiday_days)
    )


def _next_midnight(local: datetime) -> datetime:
    """The next start of a day on this clock, as a UTC instant."""
    day = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=local.tzinfo)
    return day.astimezone(UTC)


def _next_night_edge(local: datetime) -> datetime:
    """The next 07:00 or 22:00 on this clock (where night starts or ends), as a UTC instant."""
    start, end = NIGHT
    if local.hour < end:
        edge = local.replace(hour=end, minute=0, second=0, microsecond=0)
    elif local.hour < start:
        edge = local.replace(hour=start, minute=0, second=0, microsecond=0)
    else:
        edge = datetime.combine(
            local.date() + timedelta(days=1), datetime.min.time(), tzinfo=local.tzinfo
        ).replace(hour=end)
    return edge.astimezone(UTC)
