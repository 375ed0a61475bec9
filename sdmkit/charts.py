"""Charts as Vega-Lite specs: the app draws them interactively, exports embed them
as SVG made by vl-convert (vector in the PDF, inert in HTML as a data: image)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import xml.etree.ElementTree as ET
from datetime import date, datetime
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from sdmkit.metrics.format import number
from sdmkit.metrics.stats import bounds

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


# A chart is made once: in memory for this process, and on disk in the data
# directory for the next one (a second export of an unchanged document, a CLI run
# after the app), so starting vl-convert's JavaScript engine and laying out each
# chart is paid once per chart, not once per export.
CACHE_FILES = 2000  # about 30 KB each; the oldest go first beyond this


def _cache_dir() -> Path:
    from sdmkit.store.db import data_dir  # the workspace's folder, not its database

    return data_dir() / "cache" / "charts"


@lru_cache(maxsize=256)
def _svg(spec_json: str) -> str:
    # On first use: vl-convert starts a JavaScript engine; only a chart needs it.
    import vl_convert as vlc

    key = hashlib.sha256(f"{_converter_version()}\n{spec_json}".encode()).hexdigest()
    path = _cache_dir() / f"{key}.svg"
    try:
        return lean(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        pass
    # No base URL allowed: a chart draws only the values sdmkit put in its spec, and
    # vl-convert would otherwise fetch any data URL a spec named (its default).
    made = vlc.vegalite_to_svg(json.loads(spec_json), allowed_base_urls=[])
    _keep(path, made)
    return lean(made)


_SVG = "{http://www.w3.org/2000/svg}"
# What Vega writes for screen readers and pointer events of the live chart: an <img>
# shows none of it, and WeasyPrint reads each attribute of each node.
_UNSHOWN = ("class", "role", "aria-roledescription", "aria-label", "aria-hidden", "pointer-events")


def lean(svg_text: str) -> str:
    """The same picture with less to read: Vega's empty background and hidden
    foreground paths, attribute-less and empty groups (their children move up) and
    the attributes of the list above left out. WeasyPrint parses and walks every node
    of every chart, in Python; a metric review's nine charts had 2,500 of them."""

    if "<style" in svg_text or "<script" in svg_text:
        return svg_text  # classes may be styled: kept as made
    try:
        root = ET.fromstring(svg_text)
    except ET.ParseError:
        return svg_text

    def drawn(node) -> bool:
        if node.get("display") == "none":
            return False
        role = node.get("class", "")
        unpainted = node.get("fill") is None and node.get("stroke") is None
        return not (
            node.tag == f"{_SVG}path" and unpainted and ("background" in role or "foreground" in role)
        )

    def prune(node) -> None:
        kept = []
        for child in list(node):
            if not drawn(child):
                continue
            for name in _UNSHOWN:
                child.attrib.pop(name, None)
            if child.get("transform") == "translate(0,0)":
                del child.attrib["transform"]
            prune(child)
            if child.tag == f"{_SVG}g" and not child.attrib and not (child.text or "").strip():
                kept.extend(child)  # a group that changes nothing: its children move up
            elif child.tag != f"{_SVG}g" or len(child):
                kept.append(child)
        for child in list(node):
            node.remove(child)
        node.extend(kept)

    prune(root)
    ET.register_namespace("", _SVG[1:-1])
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    return ET.tostring(root, encoding="unicode")


@cache
def _converter_version() -> str:
    """vl-convert's release: a new one may draw differently, so its charts are made anew."""

    return version("vl-convert-python")


def _keep(path: Path, svg_text: str) -> None:
    """Write the chart where the next export finds it; a cache that cannot be written
    (a read-only data directory, a full disk) only costs time, never the export."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(svg_text, encoding="utf-8")
        partial.replace(path)  # whole or not at all, even with two exports at once
        kept = sorted(path.parent.glob("*.svg"), key=lambda p: p.stat().st_mtime)
        for old in kept[: max(0, len(kept) - CACHE_FILES)]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def svg(spec: dict) -> str:
    return _svg(json.dumps(spec, sort_keys=True))


def svg_data_url(spec: dict) -> str:
    """An <img>-ready data: URL. As an image, an SVG can run no script and load nothing."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(spec).encode("utf-8")).decode("ascii")


SIGNAL = "#b91c1c"
TARGET = "#b45309"


def _label_week(period: str) -> str:

    try:
        return f"{date.fromisoformat(period):%d %b}"
    except (TypeError, ValueError):  # a hand-edited snapshot: shown as it is, made inert
        return label(period)


def _axis_label(label: str) -> str:
    return label.replace(" ", "\n", 1)  # two lines under each point: day and month, month and weeks


def _label_month(p: dict) -> str:

    try:
        text = f"{date.fromisoformat(str(p['period']) + '-01'):%b}"
    except (TypeError, ValueError):  # a hand-edited snapshot: shown as it is, made inert
        text = label(p["period"])
    return f"{text} ({p['weeks']} wk)" if p.get("partial") else text


def _figure(x: float, unit: str) -> str:

    return number(x, unit)


def _subtitle(m: dict) -> list[str]:
    """What the chart cannot say by itself: the signal and why, a partial month, the missing weeks."""
    lines = []
    if m.get("signal"):
        lines.append(f"Signal this week: {m['signal']}")
    elif m.get("lower") is not None:
        lines.append("Routine variation: inside the natural process limits, no rule fires")
    months = m.get("monthly") or []
    if months and months[-1].get("partial"):
        last = months[-1]
        lines.append(
            f"{_label_month({**last, 'partial': False})} so far: {last['weeks']} week"
            f"{'s' if last['weeks'] != 1 else ''}, against the same first weeks a year earlier"
            + ("; drawn apart from the whole months" if m.get("aggregation") == "sum" else "")
        )
    if m.get("missing"):
        named = [_label_week(w) for w in m["missing"][-6:]]
        more = len(m["missing"]) - len(named)
        lines.append(
            "No value for the weeks ending "
            + ", ".join(named)
            + (f" and {more} earlier week{'s' if more != 1 else ''}" if more else "")
        )
    return lines


def six_twelve(m: dict) -> dict:
    """The 6-12 chart of one metric snapshot: the trailing 6 weeks beside the trailing
    12 months, this year solid, last year dashed. The weeks carry the XmR centre line
    and natural process limits with signal weeks marked in red; the target is a rule
    and an entry of the legend (a weekly target means nothing against a monthly sum, so
    summed metrics show it on the weeks only). Counts get whole-number ticks, and the
    axis covers every value, limit and target it draws."""

    unit = label(m.get("unit"))  # user text: one plain line, or Vega-Lite's expressions break
    target = m.get("target")
    target_name = f"Target ({_figure(target, unit)})" if target is not None else ""
    centre_name, limits_name = "Centre line", "Natural process limits"
    names = ["This year", "Last year", target_name, centre_name, limits_name, "Signal", "No value"]
    colours = [PALETTE, "#9ca3af", TARGET, "#4b5563", "#4b5563", SIGNAL, "#d1d5db"]
    dashes = [[1, 0], [4, 3], [2, 2], [1, 0], [6, 3], [1, 0], [1, 0]]
    used: set[str] = set()  # the legend lists only what is drawn
    legend = {"orient": "bottom", "title": None, "columns": 4, "symbolType": "stroke", "symbolStrokeWidth": 2}
    colour: dict = {"field": "series", "type": "nominal", "scale": {}, "legend": legend}
    dash: dict = {"field": "series", "type": "nominal", "scale": {}, "legend": legend}
    lo_bound, hi_bound = bounds(unit)

    def y_axis(values: list[float]) -> dict:
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.08 or abs(hi) * 0.05 or 1
        lo, hi = lo - pad, hi + pad
        if lo_bound is not None:
            lo = max(lo, lo_bound)
        if hi_bound is not None:
            hi = min(hi, hi_bound)
        axis: dict = {"title": unit or None}
        if unit == "count":
            axis |= {"tickMinStep": 1, "format": "d"}
        return {
            "field": "value",
            "type": "quantitative",
            "scale": {"domain": [lo, hi], "zero": False, "nice": False},
            "axis": axis,
        }

    def panel(points: list[dict], labels: list[str], x_title: str, width: int, weekly: bool) -> dict:
        values = []
        labels = [_axis_label(tick) for tick in labels]
        # A month so far of a summed metric (3 weeks of tickets) is smaller than a whole
        # month by its nature: drawn as a point of its own, not joined to the whole
        # months, so the line does not show a drop that did not happen.
        apart = not weekly and m.get("aggregation") == "sum"
        for p, tick in zip(points, labels, strict=True):
            part = int(bool(apart and p.get("partial")))
            for series, key in (("This year", "value"), ("Last year", "prior")):
                # A missing value stays in the data as null, so the line breaks there instead of
                # drawing a straight line across the gap.
                values.append({"x": tick, "series": series, "value": p.get(key), "part": part})
        x = {
            "field": "x",
            "type": "ordinal",
            "title": x_title,
            "sort": labels,
            "axis": {"labelAngle": 0, "labelExpr": "split(datum.label, '\\n')"},
        }
        rules: list[dict] = []
        if target is not None and (weekly or m.get("aggregation") != "sum"):
            rules.append({"series": target_name, "value": target, "what": f"target {_figure(target, unit)}"})
        if weekly and m.get("lower") is not None:
            rules += [
                {"series": centre_name, "value": m["centre"], "what": f"centre {_figure(m['centre'], unit)}"},
                {
                    "series": limits_name,
                    "value": m["lower"],
                    "what": f"lower limit {_figure(m['lower'], unit)}",
                },
                {
                    "series": limits_name,
                    "value": m["upper"],
                    "what": f"upper limit {_figure(m['upper'], unit)}",
                },
            ]
        drawn = [float(v["value"]) for v in values + rules if v["value"] is not None]
        used.update(v["series"] for v in values + rules if v["value"] is not None)
        y = y_axis(drawn or [0.0])
        layers = [
            {
                "data": {"values": values},
                "mark": {"type": "line", "point": True, "invalid": "break-paths-filter-domains"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "strokeDash": dash,
                    "detail": {"field": "part", "type": "nominal"},
                    "tooltip": [{"field": "x", "title": "When"}, {"field": "value", "type": "quantitative"}],
                },
            }
        ]
        if rules:
            layers.append(
                {
                    "data": {"values": rules},
                    "mark": {"type": "rule", "strokeWidth": 1},
                    "encoding": {
                        "y": {"field": "value", "type": "quantitative"},
                        "color": colour,
                        "strokeDash": dash,
                        "tooltip": [{"field": "what", "title": "Line"}],
                    },
                }
            )
        flagged = [
            {"x": label, "series": "Signal", "value": p["value"], "why": p.get("signal", "")}
            for p, label in zip(points, labels, strict=True)
            if weekly and p.get("signal") and p.get("value") is not None
        ]
        if flagged:
            used.add("Signal")
            layers.append(
                {
                    "data": {"values": flagged},
                    "mark": {
                        "type": "point",
                        "shape": "circle",
                        "size": 140,
                        "filled": False,
                        "strokeWidth": 2,
                    },
                    "encoding": {
                        "x": x,
                        "y": {"field": "value", "type": "quantitative"},
                        "color": colour,
                        "tooltip": [{"field": "why", "title": "Signal"}],
                    },
                }
            )
        gaps = [
            {"x": label, "series": "No value"}
            for p, label in zip(points, labels, strict=True)
            if p.get("value") is None or p.get("missing")
        ]
        if gaps:
            used.add("No value")
            layers.append(
                {
                    "data": {"values": gaps},
                    "mark": {"type": "rule", "strokeWidth": 6, "opacity": 0.5},
                    "encoding": {
                        "x": x,
                        "color": colour,
                        "tooltip": [{"field": "x", "title": "No value for"}],
                    },
                }
            )
        return {"width": width, "height": 130, "layer": layers}

    weekly, monthly = m.get("weekly") or [], m.get("monthly") or []
    title = label(f"{m['name']}{' (' + unit + ')' if unit else ''}")
    panels = [
        panel(weekly, [_label_week(p["period"]) for p in weekly], "Last 6 weeks", 200, True),
        panel(monthly, [_label_month(p) for p in monthly], "Last 12 months", 330, False),
    ]
    keep = [i for i, n in enumerate(names) if n and n in used]
    colour["scale"] = {"domain": [names[i] for i in keep], "range": [colours[i] for i in keep]}
    dash["scale"] = {"domain": [names[i] for i in keep], "range": [dashes[i] for i in keep]}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {
            "text": title,
            "subtitle": _subtitle(m),
            "anchor": "start",
            "fontSize": 12,
            "subtitleFontSize": 10,
        },
        "hconcat": panels,
        "resolve": {"scale": {"y": "independent"}},
        "config": {"font": "DejaVu Sans", "view": {"stroke": None}},
    }
