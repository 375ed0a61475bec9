"""Build a weekly review's snapshot from the team's catalog and data.

A review holds the figures as they were for its week (so a past review stays the
record of what was discussed); 'refresh' rebuilds them from the data and keeps every
owner's commentary."""

from __future__ import annotations

from datetime import date

from sdmkit.metrics.catalog import catalog, series
from sdmkit.metrics.stats import (
    month_pair,
    month_weeks,
    months_back,
    same_week_last_year,
    summarise,
    up_to,
    week_before,
)


def _r(x: float | None, n: int = 4) -> float | None:
    return None if x is None else round(x, n)


def _outside(value: float | None, limits) -> str:
    if value is None or limits is None:
        return ""
    if value > limits.upper:
        return f"rule 1: above the upper limit ({limits.upper:.4g})"
    if value < limits.lower:
        return f"rule 1: below the lower limit ({limits.lower:.4g})"
    return ""


def deck_order(metrics: list) -> list:
    """Inputs first, each followed in catalog order; then the outputs they drive."""
    return [m for m in metrics if m.type == "input"] + [m for m in metrics if m.type != "input"]


def snapshot(m, data: dict[date, float], week: date) -> dict:
    data = up_to(data, week)  # a review never reads a week after its own
    s = summarise(data, week, target=m.target, direction=m.direction, unit=m.unit)
    weeks = [week_before(week, i) for i in range(5, -1, -1)]
    months: list[dict] = []
    first = min(data) if data else week
    gaps: set[str] = {w.isoformat() for w in weeks if w not in data and w >= first}
    for y, mo in months_back(week):
        now, prior = month_pair(data, y, mo, m.aggregation, week)
        months.append(
            {
                "period": f"{y}-{mo:02d}",
                "value": _r(now.value),
                "prior": _r(prior.value),
                "weeks": len(now.weeks),
                # The review's own month so far, against the same first weeks a year earlier.
                "partial": len(now.weeks) < len(month_weeks(y, mo)),
                "missing": [w.isoformat() for w in now.missing],
            }
        )
        gaps |= {w.isoformat() for w in now.missing}
    missing = sorted(gaps)
    return {
        "name": m.name,
        "unit": m.unit,
        "owner": m.owner,
        "type": m.type,
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
            {
                "period": w.isoformat(),
                "value": _r(data.get(w)),
                "prior": _r(data.get(same_week_last_year(w))),
                # The chart marks this week when it is a signal, and an earlier week when it is
                # outside the limits drawn (the rules that read a run apply to this week only).
                "signal": s.signal if w == week else _outside(data.get(w), s.limits),
            }
            for w in weeks
        ],
        "monthly": months,
        "missing": missing,
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
