"""Build a weekly review's snapshot from the team's catalog and data.

A review holds the figures as they were for its week (so a past review stays the
record of what was discussed); 'refresh' rebuilds them from the data and keeps every
owner's commentary."""

from __future__ import annotations

from datetime import date

from sdmkit.metrics.catalog import catalog, series
from sdmkit.metrics.stats import monthly, months_back, same_week_last_year, summarise, week_before


def _r(x: float | None, n: int = 4) -> float | None:
    return None if x is None else round(x, n)


def deck_order(metrics: list) -> list:
    """Inputs first, each followed in catalog order; then the outputs they drive."""
    return [m for m in metrics if m.kind == "input"] + [m for m in metrics if m.kind != "input"]


def snapshot(m, data: dict[date, float], week: date) -> dict:
    s = summarise(data, week, target=m.target, direction=m.direction)
    weeks = [week_before(week, i) for i in range(5, -1, -1)]
    months = months_back(week)
    return {
        "name": m.name,
        "unit": m.unit,
        "owner": m.owner,
        "kind": m.kind,
        "drives": m.drives,
        "target": m.target,
        "direction": m.direction,
        "aggregation": m.aggregation,
        "value": _r(s.value),
        "wow": _r(s.wow),
        "wow_pct": _r(s.wow_pct),
        "yoy": _r(s.yoy),
        "yoy_pct": _r(s.yoy_pct),
        "avg4": _r(s.avg4),
        "avg13": _r(s.avg13),
        "vs_target": _r(s.vs_target),
        "met": s.met,
        "centre": _r(s.limits.centre) if s.limits else None,
        "lower": _r(s.limits.lower) if s.limits else None,
        "upper": _r(s.limits.upper) if s.limits else None,
        "signal": s.signal,
        "weekly": [
            {"period": w.isoformat(), "value": _r(data.get(w)), "prior": _r(data.get(same_week_last_year(w)))}
            for w in weeks
        ],
        "monthly": [
            {
                "period": f"{y}-{mo:02d}",
                "value": _r(monthly(data, y, mo, m.aggregation)),
                "prior": _r(monthly(data, y - 1, mo, m.aggregation)),
            }
            for y, mo in months
        ],
        "commentary": "",
        "status": "",
    }


def build(store, team: str, week: date, existing: dict | None = None) -> list[dict]:
    """The review's metric snapshots for `week`, in deck order, keeping existing commentary."""
    kept = {m["name"]: m for m in (existing or {}).get("metrics", [])}
    out = []
    for m in deck_order(catalog(store, team)):
        snap = snapshot(m, series(store, m.id), week)
        if m.name in kept:
            snap["commentary"] = kept[m.name].get("commentary", "")
            snap["status"] = kept[m.name].get("status", "")
        out.append(snap)
    return out
