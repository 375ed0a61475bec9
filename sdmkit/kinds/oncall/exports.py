"""A rotation's exports: iCalendar for the team or one person, and hours per person
for a date range as CSV.

Event UIDs are made from the rotation's document id, the layer, the region and the
slot's start in UTC, so re-importing a regenerated calendar updates the events in
place; SEQUENCE is the document's version, so the newer one wins."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sdmkit.export.escape import csv_cell
from sdmkit.kinds.oncall.burden import SECONDARY, weigh
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.schedule import Schedule, Shift, own_zone
from sdmkit.kinds.oncall.view import stamp as local_stamp


def event_uid(doc_id: int, layer: str, region: str, start: datetime) -> str:
    return f"oncall-{doc_id}-{layer}-{region or 'site'}-{start.astimezone(UTC):%Y%m%dT%H%M%SZ}@sdmkit"


def to_ics(
    r: Rotation,
    schedule: Schedule,
    *,
    doc_id: int,
    version: int,
    stamp: datetime,
    person: str | None = None,
    title: str = "",
) -> bytes:
    # On first use: only the calendar export needs icalendar.
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//sdmkit//on-call rotation//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{title or r.name}{' for ' + person if person else ''}")
    for s in schedule.shifts:
        if not s.person or (person and s.person != person):
            continue
        description = shift_description(r, schedule, s)
        for iv in s.intervals:
            ev = Event()
            ev.add("uid", event_uid(doc_id, s.layer, s.region, iv.start))
            ev.add("sequence", version)
            ev.add("dtstamp", stamp.astimezone(UTC))
            # UTC times: every client places them right. A VTIMEZONE built from zoneinfo lists
            # transitions as RDATEs, which some parsers (vobject among them) misread across DST.
            ev.add("dtstart", iv.start.astimezone(UTC))
            ev.add("dtend", iv.end.astimezone(UTC))
            # Being on call is not being in a meeting: a week-long shift must not block the
            # person's calendar for every other invitation.
            ev.add("transp", "TRANSPARENT")
            where = f", {s.region}" if s.region else ""
            ev.add("summary", f"On call ({s.layer}{where}): {s.person}")
            ev.add("description", f"{local_stamp(iv.start)} to {local_stamp(iv.end)}.\n{description}")
            cal.add_component(ev)
    return cal.to_ical()


def _partner(schedule: Schedule, s: Shift) -> Shift | None:
    """The shift of the other layer that overlaps this one (primary <-> secondary)."""
    other = "secondary" if s.layer == "primary" else "primary"
    for x in schedule.shifts:
        if (
            x.layer == other
            and x.region == s.region
            and not x.override
            and x.start < s.end
            and s.start < x.end
        ):
            return x
    return None


def _next(schedule: Schedule, s: Shift) -> Shift | None:
    later = [
        x
        for x in schedule.shifts
        if x.layer == s.layer and x.region == s.region and not x.override and x.start >= s.end
    ]
    return min(later, key=lambda x: x.start, default=None)


def shift_description(r: Rotation, schedule: Schedule, s: Shift) -> str:
    """What the person on call wants in the calendar entry: who backs them up, who to
    escalate to and when, and to whom they hand off."""
    lines = []
    partner = _partner(schedule, s)
    if partner and partner.person:
        lines.append(f"{partner.layer.capitalize()}: {partner.person}.")
    if s.override:
        covered = next(
            (
                x.person
                for x in schedule.shifts
                if x.layer == s.layer
                and x.region == s.region
                and not x.override
                and x.start <= s.start < x.end
                and x.person
            ),
            None,
        )
        if covered:
            lines.append(f"Covering for {covered}.")
    if r.escalation:
        steps = []
        for i, e in enumerate(r.escalation, 1):
            after = f" after {e.after_minutes} min" if e.after_minutes else ""
            steps.append(f"{e.level if e.level is not None else i}. {e.who}{after}")
        lines.append("Escalation: " + "; ".join(steps) + ".")
    following = None if s.override else _next(schedule, s)
    if following and following.person:
        lines.append(
            f"Hand-off: to {following.person} at {local_stamp(following.start)}, with a written handoff note."
        )
    elif not s.override:
        lines.append("Hand-off: with a written handoff note to whoever is on call next.")
    return "\n".join(lines)


def hours_csv(r: Rotation, schedule: Schedule, start: date, end: date) -> str:
    """Hours per person between two dates (both included, in the rotation's zone)."""
    zone = ZoneInfo(r.time_zone)
    lo = datetime.combine(start, datetime.min.time(), tzinfo=zone).astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=zone).astimezone(UTC)
    members = {m.name: m for m in r.active_members()}
    rows = {
        name: {
            "shifts": 0,
            "hours": 0.0,
            "weekend_hours": 0.0,
            "holiday_hours": 0.0,
            "night_hours": 0.0,
            "burden": 0.0,
        }
        for name in members
    }
    for s in schedule.shifts:
        m = members.get(s.person or "")
        if m is None:
            continue
        touched = False
        for iv in s.intervals:
            a, b = max(iv.start.astimezone(UTC), lo), min(iv.end.astimezone(UTC), hi)
            if a >= b:
                continue
            touched = True
            site = next((g.zone for g in r.regions if g.name == s.region), r.time_zone)
            w = weigh(
                a,
                b,
                site_zone=site,
                person_zone=own_zone(r, m),
                country=r.holiday_country,
                subdivision=r.holiday_subdivision,
                factor=SECONDARY if s.layer == "secondary" else 1.0,
            )
            row = rows[m.name]
            row["hours"] += w.hours
            row["weekend_hours"] += w.weekend_hours
            row["holiday_hours"] += w.holiday_hours
            row["night_hours"] += w.night_hours
            row["burden"] += w.burden
        if touched:
            rows[m.name]["shifts"] += 1
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "person",
            "shifts",
            "hours",
            "weekend_hours",
            "holiday_hours",
            "night_hours",
            "weighted_burden",
            "from",
            "to",
        ]
    )
    for name, row in rows.items():
        writer.writerow(
            [
                csv_cell(name),  # a member's name is user text; numbers and dates below are ours
                row["shifts"],
                f"{row['hours']:.2f}",
                f"{row['weekend_hours']:.2f}",
                f"{row['holiday_hours']:.2f}",
                f"{row['night_hours']:.2f}",
                f"{row['burden']:.2f}",
                start.isoformat(),
                end.isoformat(),
            ]
        )
    return out.getvalue()
