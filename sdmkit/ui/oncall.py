"""The on-call schedule screen: who is on now and next, the next weeks as a calendar
and a table with the reason for each assignment, the load per person, calendar and
hours exports, and handoff notes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import streamlit as st

from sdmkit import clock
from sdmkit.export import slug
from sdmkit.kinds.oncall.coverage import statement
from sdmkit.kinds.oncall.exports import hours_csv, to_ics
from sdmkit.kinds.oncall.handoff import boundaries, handoff_note
from sdmkit.kinds.oncall.now import on_call, schedule_at
from sdmkit.kinds.oncall.rules import schedule_for
from sdmkit.kinds.oncall.schedule import generate
from sdmkit.kinds.oncall.view import NIGHTS, load_rows, shift_rows, stamp
from sdmkit.ui import cells
from sdmkit.ui.state import store
from sdmkit.ui.text import esc


def schedule_view(kind, draft: dict, rotation) -> None:
    if rotation is None or not rotation.active_members():
        st.info("Add members on the Members tab; the schedule appears here.", icon=":material/group_add:")
        return
    sched = schedule_for(rotation)

    st.caption(esc(statement(rotation, sum(1 for x in sched.shifts if x.person is None))))
    for w in sched.warnings:
        st.warning(esc(w), icon=":material/warning:")
    zone = ZoneInfo(rotation.time_zone)
    now = clock.now(UTC)
    # The same slots as the calendar export, overrides and leave included.
    who = on_call(schedule_at(rotation, now), now)
    c1, c2 = st.columns(2)
    c1.metric(
        "On call now",
        (esc(who.person) if who.person else "nobody") + (" (override)" if who.override else ""),  # Markdown
        help=f"Primary, until {stamp(who.until.astimezone(zone))}" if who.until and who.person else None,
    )
    c2.metric(
        "Next",
        (esc(who.next_person) if who.next_person else "nobody")
        + (" (override)" if who.next_override else ""),
        help=f"From {stamp(who.until.astimezone(zone))}" if who.until else None,
    )
    st.caption(f"As of {stamp(now.astimezone(zone))}.")

    weeks = st.slider("Weeks to show", 1, 26, 8, key="oncall|weeks", help="The calendar from this week on")
    first = max(now, sched.shifts[0].start.astimezone(UTC)) if sched.shifts else now
    start = datetime.combine(
        first.astimezone(zone).date() - timedelta(days=first.astimezone(zone).weekday()),
        datetime.min.time(),
        tzinfo=zone,
    )
    end = start + timedelta(weeks=weeks)
    if end.astimezone(UTC) > sched.shifts[-1].end.astimezone(UTC):
        sched = generate(rotation, until=end.date() + timedelta(days=7))
    st.markdown("**Calendar** (primary on call at noon, local time)")
    cells.table(_calendar(sched, start, weeks, zone, rotation), hide_index=True, width="stretch")
    with st.expander("Every shift, with why", expanded=False):
        cells.table(
            shift_rows(sched, start, end),
            hide_index=True,
            width="stretch",
            column_config={**_HEADERS, "why": st.column_config.TextColumn("Why", width="large")},
            column_order=[k for k in _SHIFT_COLUMNS if k != "region" or rotation.regions],
        )
    st.markdown("**Load per person** (the weeks shown)")
    cells.table(
        load_rows(rotation, sched.shifts, start, end),
        hide_index=True,
        width="stretch",
        column_config=_HEADERS,
        column_order=_LOAD_COLUMNS,
    )
    st.caption(
        "Burden is weighted hours: weekend hours 1.5, holiday hours 2, night hours +0.25, secondary half. "
        f"{NIGHTS} Assignments balance it, counting carried load."
    )
    _exports(draft, rotation, sched, start, end)
    _handoffs(draft, rotation, sched, now)


# Column headers in words, not the keys of the rows ("weekend_days").
_HEADERS = {
    "layer": "Layer",
    "region": "Region",
    "start": "From",
    "end": "Until",
    "person": "Person",
    "hours": "Hours",
    "burden": "Weighted burden",
    "why": "Why",
    "override": "Override",
    "shifts": "Shifts",
    "weekend_days": "Weekend days",
    "holiday_days": "Holiday days",
    "night_hours": "Night hours",
    "carried": "Carried in",
}
_SHIFT_COLUMNS = ("layer", "region", "start", "end", "person", "hours", "burden", "override", "why")
_LOAD_COLUMNS = ("person", "shifts", "hours", "weekend_days", "holiday_days", "night_hours", "burden")


def _calendar(sched, start: datetime, weeks: int, zone: ZoneInfo, rotation) -> list[dict]:
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    rows = []
    for w in range(weeks):
        monday = start + timedelta(weeks=w)
        row = {"Week of": monday.strftime("%d %b %Y")}
        for i, name in enumerate(days):
            noon = datetime.combine(
                (monday + timedelta(days=i)).date(), datetime.min.time().replace(hour=12), tzinfo=zone
            ).astimezone(UTC)
            who = [
                s.person or "nobody"
                for s in sched.shifts
                if s.layer == "primary"
                and any(iv.start.astimezone(UTC) <= noon < iv.end.astimezone(UTC) for iv in s.intervals)
            ]
            row[name] = ", ".join(who) if who else ("-" if rotation.regions else "nobody")
        rows.append(row)
    return rows


def _exports(draft: dict, rotation, sched, start: datetime, end: datetime) -> None:
    st.markdown("**Exports**")
    if draft["doc_id"] is None:
        st.caption("Save the rotation to export calendars: events get stable ids from the saved document.")
        return
    doc = store().get(draft["doc_id"])
    people = [None, *[m.name for m in rotation.active_members()]]
    c1, c2 = st.columns([2, 1.3], vertical_alignment="bottom")
    person = c1.selectbox(
        "Calendar for",
        people,
        format_func=lambda p: "the whole team" if p is None else p,
        key="oncall|ics|person",
        help="Subscribe or import; re-importing updates, never duplicates",
    )
    data = to_ics(
        rotation,
        sched,
        doc_id=doc.stored_id,
        version=doc.version,
        stamp=doc.updated_at or clock.now(),  # a stored document always has one
        person=person,
        title=doc.title,
    )
    name = slug(doc.title) + (f"-{slug(person)}" if person else "") + ".ics"
    c2.download_button(
        "Calendar (.ics)",
        data=data,
        file_name=name,
        mime="text/calendar",
        icon=":material/calendar_month:",
        width="stretch",
        help="The shifts of the person chosen, for Google Calendar, Outlook or Apple Calendar",
    )
    c1, c2, c3 = st.columns([1, 1, 1.3], vertical_alignment="bottom")
    frm = c1.date_input("Hours from", value=start.date(), key="oncall|csv|from", help="First day, included")
    to = c2.date_input(
        "to", value=(end - timedelta(days=1)).date(), key="oncall|csv|to", help="Last day, included"
    )
    if frm and to and to >= frm:
        c3.download_button(
            "Hours (.csv)",
            data=hours_csv(rotation, sched, frm, to).encode("utf-8"),
            file_name=f"{slug(doc.title)}-hours-{frm.isoformat()}-to-{to.isoformat()}.csv",
            mime="text/csv",
            icon=":material/table:",
            width="stretch",
            help="Each person's on-call hours between the two days, for a spreadsheet",
        )
    else:
        c3.caption("The last day comes after the first.")


def _handoffs(draft: dict, rotation, sched, now: datetime) -> None:
    st.markdown("**Handoff notes**")
    pairs = [p for p in boundaries(sched.shifts) if p[1].start.astimezone(UTC) >= now - timedelta(days=7)][
        :12
    ]
    if not pairs:
        st.caption("No handoffs in the generated schedule.")
        return
    labels = [
        f"{stamp(inc.start)}: {out.person if out and out.person else 'nobody'} → {inc.person or 'nobody'}"
        + (f" ({inc.region})" if inc.region else "")
        for out, inc in pairs
    ]
    i = st.selectbox(
        "Handoff",
        range(len(pairs)),
        format_func=lambda k: labels[k],
        key="oncall|handoff",
        help="Open action items, recent incidents and known risks for the next on-call",
    )
    team = draft["meta"].get("team") or ""
    note = handoff_note(store(), rotation, team, *pairs[i])
    # Shown as the document it is, through the exports' own Markdown pipeline (user text
    # escaped, output sanitized), not as raw Markdown in a clipped code block.
    from sdmkit.export.html_export import markdown_to_html

    with st.container(border=True):
        st.html(f'<div class="sdm-note">{markdown_to_html(note)[0]}</div>')
    st.download_button(
        "Handoff note (.md)",
        data=note.encode("utf-8"),
        mime="text/markdown",
        file_name=f"handoff-{slug(rotation.name)}-{pairs[i][1].start:%Y-%m-%d}.md",
        icon=":material/download:",
        help="The note above as a Markdown file, to paste into the team's channel or ticket",
    )
