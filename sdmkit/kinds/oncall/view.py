"""Tables of a rotation for screens and exports: shifts with times and why, and
the per-person load."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sdmkit.kinds.oncall.coverage import statement
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.rules import schedule_for
from sdmkit.kinds.oncall.schedule import Schedule, Shift, first_handoff, needed_people

EXPORT_WEEKS = 8
NIGHTS = (
    "Night hours are 22:00 to 07:00 on each person's own clock: their time zone, else their region's, "
    "else the rotation's. Each adds 0.25 to the weighted burden."
)


def stamp(dt: datetime) -> str:
    """'Mon 02 Mar 10:00 (UTC+01:00)': the local time and its offset, so DST is visible."""
    off = dt.utcoffset()
    minutes = int(off.total_seconds() // 60) if off is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"{dt:%a %d %b %Y %H:%M} (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"


def shift_rows(schedule: Schedule, start: datetime | None = None, end: datetime | None = None) -> list[dict]:
    rows = []
    for s in schedule.shifts:
        if start and s.end.astimezone(UTC) <= start.astimezone(UTC):
            continue
        if end and s.start.astimezone(UTC) >= end.astimezone(UTC):
            continue
        rows.append(
            {
                "layer": s.layer,
                "region": s.region,
                "start": stamp(s.start),
                "end": stamp(s.end),
                "person": s.person or "nobody",
                "hours": round(s.weight.hours, 1) if s.weight else 0,
                "burden": round(s.weight.burden, 1) if s.weight else 0,
                "why": s.why,
                "override": s.override,
            }
        )
    return rows


def _day(dt: datetime) -> str:
    return f"{dt:%a} {dt.day} {dt:%b}"


def _span(shift: Shift) -> tuple[str, str]:
    """When a shift is held, as a policy prints it: 'Mon 2 Nov 10:00 to Mon 9 Nov 10:00',
    or for a shift held a few hours each day, the days and the daily hours."""
    ivs = shift.intervals
    first, last = ivs[0], ivs[-1]
    daily = len(ivs) > 1 and len({(iv.start.time(), iv.end.time()) for iv in ivs}) == 1
    if daily:
        days = f"{_day(first.start)} to {_day(last.start)}"
        return days, f"{first.start:%H:%M}–{first.end:%H:%M} each day"
    return f"{_day(first.start)} {first.start:%H:%M} to {_day(last.end)} {last.end:%H:%M}", ""


def policy_rows(schedule: Schedule) -> list[dict]:
    """One row per period and region with its primary and secondary side by side, and
    overrides said in words; the scheduler's reasoning stays in the app."""
    rows: dict[tuple, dict] = {}
    overrides: list[tuple[tuple, Shift]] = []
    for s in schedule.shifts:
        key = (s.period, s.region)
        if s.override:
            overrides.append((key, s))
            continue
        row = rows.get(key)
        if row is None:
            when, daily = _span(s)
            row = rows[key] = {
                "region": s.region,
                "when": when,
                "daily": daily,
                "primary": "",
                "secondary": "",
                "notes": [],
            }
        if s.layer in ("primary", "secondary"):
            row[s.layer] = s.person or "nobody"
    for key, s in overrides:
        when, daily = _span(s)
        note = f"{s.person or 'nobody'} covers {s.layer} {when}{', ' + daily if daily else ''}"
        if key in rows:
            rows[key]["notes"].append(note)
    return list(rows.values())


@dataclass
class _Load:
    """One person's load while the shifts are added up."""

    person: str
    shifts: int = 0
    hours: float = 0.0
    weekend_days: set[date] = field(default_factory=set)
    holiday_days: set[date] = field(default_factory=set)
    night_hours: float = 0.0
    burden: float = 0.0
    carried: float = 0.0

    def row(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "shifts": self.shifts,
            "hours": round(self.hours, 1),
            "weekend_days": len(self.weekend_days),
            "holiday_days": len(self.holiday_days),
            "night_hours": round(self.night_hours, 1),
            "burden": round(self.burden, 1),
            "carried": round(self.carried, 1),
        }


def load_rows(
    r: Rotation, shifts: list[Shift], start: datetime | None = None, end: datetime | None = None
) -> list[dict[str, Any]]:
    """Per person: shifts, hours, weekend and holiday days, weighted burden (carried load included)."""
    table = {m.name: _Load(m.name) for m in r.active_members()}
    if start is None:
        for c in r.carried:
            if c.person in table and c.burden:
                table[c.person].burden += c.burden
                table[c.person].carried += c.burden
    for s in shifts:
        if s.person not in table or not s.weight:
            continue
        if start and s.end.astimezone(UTC) <= start.astimezone(UTC):
            continue
        if end and s.start.astimezone(UTC) >= end.astimezone(UTC):
            continue
        load = table[s.person]
        load.shifts += 1
        load.hours += s.weight.hours
        load.night_hours += s.weight.night_hours
        load.weekend_days |= s.weight.weekend_days
        load.holiday_days |= s.weight.holiday_days
        load.burden += s.weight.burden
    return [load.row() for load in table.values()]


def view(r: Rotation) -> dict:

    if not r.active_members():
        return {
            "rows": [],
            "policy_rows": [],
            "loads": [],
            "warnings": [],
            "needed": needed_people(r),
            "from": None,
            "coverage": statement(r),
            "nights": NIGHTS,
        }
    s = schedule_for(r)
    first = first_handoff(r)
    shown = [x for x in s.shifts if x.start.date() < date.fromordinal(first.toordinal() + 7 * EXPORT_WEEKS)]
    return {
        "rows": shift_rows(Schedule(shown, s.loads)),
        "policy_rows": policy_rows(Schedule(shown, s.loads)),
        "loads": load_rows(r, s.shifts),
        "warnings": s.warnings,
        "needed": needed_people(r),
        "from": first,
        "coverage": statement(r, sum(1 for x in s.shifts if x.person is None)),
        "nights": NIGHTS,
    }
