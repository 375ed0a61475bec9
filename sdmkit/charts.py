"""Charts as Vega-Lite specs: the app draws them interactively, exports embed them
as SVG made by vl-convert (vector in the PDF, inert in HTML as a data: image)."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from functools import lru_cache

PALETTE = "#1e3a5f"


def label(text) -> str:
    """User text as a chart label: one line, plain, bounded. Vega-Lite builds its
    tooltips and descriptions as expressions from titles, and a newline in one (a
    unit typed with Enter) made the whole chart, and the PDF with it, fail."""
    if text is None:
        return ""
    clean = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return clean if len(clean) <= 120 else clean[:117] + "..."


def line_chart(
    title: str,
    points: list[tuple[datetime, float]],
    *,
    x_title: str = "Time",
    width: int = 460,
    height: int = 170,
) -> dict:
    # Wall-clock times are passed as if UTC and drawn on a UTC scale, so the axis shows the
    # times as entered, the same in the browser and in vl-convert.
    values = [{"at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "value": v} for at, v in points]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": label(title), "anchor": "start", "fontSize": 12},
        "width": width,
        "height": height,
        "data": {"values": values},
        "mark": {"type": "line", "point": True, "color": PALETTE},
        "encoding": {
            "x": {
                "field": "at",
                "type": "temporal",
                "title": label(x_title),
                "scale": {"type": "utc"},
                "axis": {"format": "%H:%M", "labelAngle": 0},
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
        "config": {"font": "DejaVu Sans", "view": {"stroke": None}},
    }


@lru_cache(maxsize=256)
def _svg(spec_json: str) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(json.loads(spec_json))


def svg(spec: dict) -> str:
    return _svg(json.dumps(spec, sort_keys=True))


def svg_data_url(spec: dict) -> str:
    """An <img>-ready data: URL. As an image, an SVG can run no script and load nothing."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(spec).encode("utf-8")).decode("ascii")


def six_twelve(
    title: str,
    unit: str,
    weekly: list[dict],
    monthly: list[dict],
    target: float | None,
    aggregation: str = "mean",
) -> dict:
    """The 6-12 chart: the trailing 6 weeks beside the trailing 12 months, this year
    as a solid line, last year dashed, the target as a rule (a weekly target means
    nothing against a monthly sum, so summed metrics show it on the weeks only)."""

    def panel(points: list[dict], label_fmt: str, x_title: str, width: int, target: float | None) -> dict:
        values = []
        for p in points:
            for series, key in (("This year", "value"), ("Last year", "prior")):
                if p.get(key) is not None:
                    values.append({"period": label(p["period"]), "series": series, "value": p[key]})
        layers = [
            {
                "data": {"values": values},
                "mark": {"type": "line", "point": True},
                "encoding": {
                    "x": {
                        "field": "period",
                        "type": "ordinal",
                        "title": x_title,
                        "sort": None,
                        "axis": {"labelExpr": label_fmt, "labelAngle": 0},
                    },
                    "y": {
                        "field": "value",
                        "type": "quantitative",
                        "title": label(unit) or None,
                        "scale": {"zero": False},
                    },
                    "color": {
                        "field": "series",
                        "type": "nominal",
                        "scale": {"domain": ["This year", "Last year"], "range": [PALETTE, "#9ca3af"]},
                        "legend": {"orient": "bottom", "title": None},
                    },
                    "strokeDash": {
                        "field": "series",
                        "type": "nominal",
                        "scale": {"domain": ["This year", "Last year"], "range": [[1, 0], [4, 3]]},
                        "legend": None,
                    },
                },
            }
        ]
        if target is not None:
            layers.append(
                {
                    "data": {"values": [{"target": target}]},
                    "mark": {"type": "rule", "color": "#b45309", "strokeDash": [2, 2]},
                    "encoding": {"y": {"field": "target", "type": "quantitative"}},
                }
            )
        return {"width": width, "height": 120, "layer": layers}

    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": label(title), "anchor": "start", "fontSize": 12},
        "hconcat": [
            panel(weekly, "slice(datum.label, 5)", "Last 6 weeks", 190, target),
            panel(
                monthly,
                "timeFormat(toDate(datum.label + '-15'), '%b')",
                "Last 12 months",
                330,
                None if aggregation == "sum" else target,
            ),
        ],
        "resolve": {"scale": {"y": "independent"}},
        "config": {"font": "DejaVu Sans", "view": {"stroke": None}},
    }
