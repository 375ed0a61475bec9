"""What the COE templates need beyond the content: times in both zones, the numbered
whys outline, the chart data as tables."""

from __future__ import annotations

from sdmkit.kinds.coe import timeline, whys
from sdmkit.kinds.coe.model import COE, SEVERITY


def _fmt(dt) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


def _place(zone: str) -> str:
    """America/New_York -> New York: the zone as a reader names it."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _timeline(c: COE) -> tuple[list[dict], str]:
    """The rows as printed, and the line above them. A zone is named once, above the
    table, and again only on a row whose clock hung elsewhere; the date is printed once
    when every event fell on the same day, so a row fits on one line."""
    rows = []
    for i, e in enumerate(c.timeline, 1):
        zone = e.zone or c.time_zone
        rows.append((i, e, zone, c.event_utc(e) if e.at else None))
    days = {e.at.date() for _, e, _, _ in rows if e.at} | {u.date() for *_, u in rows if u}
    one_day = len(days) <= 1
    # No-break spaces: a timestamp wrapped over two lines doubles every row's height.
    short = "%H:%M" if one_day else "%d\u00a0%b\u00a0%H:%M"
    events = []
    for i, e, zone, utc in rows:
        events.append(
            {
                "n": i,
                "local": _fmt(e.at) if e.at else "",
                "zone": zone,
                "utc": _fmt(utc) if utc else "",
                "when": e.at.strftime(short) if e.at else "",
                "elsewhere": _place(zone).replace(" ", "\u00a0") if zone != c.time_zone else "",
                "utc_short": utc.strftime(short) if utc else "",
                # No-break spaces: "resolution, ends impact" wrapped doubles the row's height.
                "type": e.type + (",\u00a0ends\u00a0impact" if e.ends_impact else ""),
                "description": e.description,
            }
        )
    on = f" on {next(iter(days)):%d %B %Y}".replace(" 0", " ") if one_day and days else ""
    note = f"Times{on} on the clock in {_place(c.time_zone)} ({c.time_zone}) unless a row names another place"
    note += "; the UTC column puts them all on one clock." if c.time_zone != "UTC" else "."
    return events, note


def view(c: COE) -> dict:
    events, timeline_note = _timeline(c)
    leaf_ids = {n.id for n, _, _ in whys.leaves(c)}
    outline = [
        {"depth": d, "number": num, "text": n.text, "root_cause": n.id in leaf_ids}
        for n, d, num in whys.walk(c)
    ]
    series: dict[str, list] = {}
    for p in c.data_points:
        if p.series and p.at is not None and p.value is not None:
            series.setdefault(p.series, []).append((_fmt(p.at), p.value))
    m = timeline.metrics(c)
    return {
        "severity_text": SEVERITY.get(c.severity, "") if c.severity else "",
        "metrics": m.as_text(),
        "definitions": timeline.DEFINITIONS,
        "impact_start": _fmt(m.start) + " UTC" if m.start else "",
        "events": events,
        "timeline_note": timeline_note,
        "questions": [
            (title, getattr(c.incident_questions, name))
            for name, title in (
                ("detection", "How was it detected?"),
                ("diagnosis", "How was it diagnosed?"),
                ("mitigation", "How was it mitigated?"),
                ("halving", "How would we halve each time?"),
            )
            if getattr(c.incident_questions, name)
        ],
        "whys": outline,
        "why_number": whys.numbering(c),
        "series": {k: sorted(v) for k, v in series.items()},
    }
