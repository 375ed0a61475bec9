"""The COE's graphs: one line chart per data-point series, marked with what the
timeline says happened (deploy, alarm, rollback, mitigation, resolution) and with the
alarm thresholds the COE records for that series.

Every mark comes from the document: an event's time from its timeline row (converted
to the COE's zone, the zone the data points are in), its label from its type, or
"deploy"/"rollback" when its description says so, numbered like the timeline row."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sdmkit.charts import PALETTE
from sdmkit.kinds.coe.model import COE

MARK_COLOR = "#6b7280"
THRESHOLD_COLOR = "#b45309"
_DEPLOY = re.compile(r"\bdeploy(?:s|ed|ing)?\b|\brolls? out\b|\brelease[sd]?\b", re.I)
_ROLLBACK = re.compile(r"\broll(?:ed|s|ing)?[ -]?back\b|\breverte?d?\b", re.I)
_LABEL = {
    "start": "impact starts",
    "detection": "detected",
    "mitigation": "mitigated",
    "resolution": "resolved",
}


def _event_label(event_type: str, description: str) -> str | None:
    if _ROLLBACK.search(description):
        return "rollback"
    if event_type == "detection" and re.search(r"\balarm", description, re.I):
        return "alarm"
    if event_type in _LABEL:
        return _LABEL[event_type]
    if _DEPLOY.search(description):
        return "deploy"
    return None  # engagement and other notes stay in the timeline table


def event_marks(c: COE) -> list[dict]:
    """(when in the COE's zone, label) for each timeline event worth a mark on a graph."""

    zone = ZoneInfo(c.time_zone)
    marks = []
    for n, e in enumerate(c.timeline, 1):
        utc = c.event_utc(e)
        label = _event_label(e.type, e.description)
        if utc is None or label is None:
            continue
        local = utc.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
        marks.append({"at": local, "label": f"{n} {label}"})
    return marks


def _iso(at: datetime) -> str:
    # Wall-clock times drawn on a UTC scale, as sdmkit.charts.line_chart does.
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def incident_chart(
    title: str,
    points: list[tuple[datetime, float]],
    *,
    zone: str,
    marks: list[dict],
    thresholds: list[tuple[float, str]],
    width: int = 470,
    height: int = 170,
) -> dict:
    first, last = points[0][0], points[-1][0]
    span = max(last - first, timedelta(minutes=10))
    pad = span * 0.02
    shown = [m for m in marks if first - pad <= m["at"] <= last + pad]
    # Labels of marks close in time would print over each other: each gets the next row
    # down until it is clear of the one before.
    rows: list[datetime] = []
    for m in sorted(shown, key=lambda m: m["at"]):
        row = 0
        while row < len(rows) and m["at"] - rows[row] < span * 0.16:
            row += 1
        if row == len(rows):
            rows.append(m["at"])
        rows[row] = m["at"]
        m["row"] = row
        m["right"] = m["at"] > last - span * 0.2  # near the right edge: the label reads leftwards
    values = [{"at": _iso(at), "value": v} for at, v in points]
    x = {
        "field": "at",
        "type": "temporal",
        "scale": {"type": "utc", "domain": [_iso(first - pad), _iso(last + pad)]},
    }
    layers: list[dict] = [
        {
            "data": {"values": values},
            "mark": {"type": "line", "point": True, "color": PALETTE},
            "encoding": {
                "x": {
                    **x,
                    "title": f"Time ({zone})",
                    "axis": {
                        "format": "%H:%M" if span <= timedelta(hours=20) else "%d %b %H:%M",
                        "labelAngle": 0,
                        "labelOverlap": "greedy",
                        "labelSeparation": 8,
                        "labelFlush": True,
                        "tickCount": 6,
                        "grid": False,
                    },
                },
                "y": {"field": "value", "type": "quantitative", "title": None},
                "tooltip": [
                    {
                        "field": "at",
                        "type": "temporal",
                        "timeUnit": "utcyearmonthdatehoursminutes",
                        "title": "When",
                    },
                    {"field": "value", "type": "quantitative"},
                ],
            },
        }
    ]
    if shown:
        data = {
            "values": [
                {"at": _iso(m["at"]), "label": m["label"], "row": m["row"], "right": m["right"]}
                for m in shown
            ]
        }
        layers.append(
            {
                "data": data,
                "mark": {"type": "rule", "color": MARK_COLOR, "strokeDash": [3, 3], "strokeWidth": 1},
                "encoding": {"x": {**x, "title": None}},
            }
        )
        # Labels sit above the plot, one row per cluster of marks, so they cross no line.
        for right in (False, True):
            layers.append(
                {
                    "data": data,
                    "transform": [{"filter": "datum.right" if right else "!datum.right"}],
                    "mark": {
                        "type": "text",
                        "align": "right" if right else "left",
                        "baseline": "bottom",
                        "dx": -2 if right else 2,
                        "fontSize": 8.5,
                        "color": "#374151",
                    },
                    "encoding": {
                        "x": {**x, "title": None},
                        "y": {"value": {"expr": "-3 - datum.row * 11"}},
                        "text": {"field": "label"},
                    },
                }
            )
    for value, label in thresholds:
        layers.append(
            {
                "data": {"values": [{"value": value, "label": label or f"alarm at {value:g}"}]},
                "layer": [
                    {
                        "mark": {"type": "rule", "color": THRESHOLD_COLOR, "strokeDash": [5, 3]},
                        "encoding": {"y": {"field": "value", "type": "quantitative"}},
                    },
                    {
                        "mark": {
                            "type": "text",
                            "align": "right",
                            "baseline": "bottom",
                            "dy": -2,
                            "fontSize": 8.5,
                            "color": THRESHOLD_COLOR,
                        },
                        "encoding": {
                            "y": {"field": "value", "type": "quantitative"},
                            "x": {"value": width},
                            "text": {"field": "label"},
                        },
                    },
                ],
            }
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": title, "anchor": "start", "fontSize": 12, "offset": 4},
        "width": width,
        "height": height,
        "layer": layers,
        "config": {"font": "DejaVu Sans", "view": {"stroke": None}},
    }


def charts(c: COE) -> list[tuple[str, dict]]:
    series: dict[str, list[tuple]] = {}
    for p in c.data_points:
        if p.series and p.at is not None and p.value is not None:
            series.setdefault(p.series, []).append((p.at, p.value))
    marks = event_marks(c)
    out = []
    for name, points in series.items():
        thresholds = [
            (t.value, t.label) for t in c.alarm_thresholds if t.series == name and t.value is not None
        ]
        spec = incident_chart(
            name,
            sorted(points),
            zone=c.time_zone,
            marks=[dict(m) for m in marks],
            thresholds=thresholds,
        )
        out.append((name, spec))
    return out
