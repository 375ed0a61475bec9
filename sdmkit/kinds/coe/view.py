"""What the COE templates need beyond the content: times in both zones, the numbered
whys outline, the chart data as tables."""

from __future__ import annotations

from sdmkit.kinds.coe import timeline, whys
from sdmkit.kinds.coe.model import COE, SEVERITY


def _fmt(dt) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


def view(c: COE) -> dict:
    events = []
    for i, e in enumerate(c.timeline, 1):
        utc = c.event_utc(e) if e.at else None
        events.append(
            {
                "n": i,
                "local": _fmt(e.at) if e.at else "",
                "zone": e.zone or c.time_zone,
                "utc": _fmt(utc) if utc else "",
                "type": e.type + (", ends impact" if e.ends_impact else ""),
                "description": e.description,
            }
        )
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
        "whys": outline,
        "why_number": whys.numbering(c),
        "series": {k: sorted(v) for k, v in series.items()},
    }
