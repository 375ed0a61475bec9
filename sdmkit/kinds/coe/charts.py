"""The COE's graphs: one line chart per data-point series."""

from __future__ import annotations

from sdmkit.charts import line_chart
from sdmkit.kinds.coe.model import COE


def charts(c: COE) -> list[tuple[str, dict]]:
    series: dict[str, list[tuple]] = {}
    for p in c.data_points:
        if p.series and p.at is not None and p.value is not None:
            series.setdefault(p.series, []).append((p.at, p.value))
    return [
        (name, line_chart(name, sorted(points), x_title=f"Time ({c.time_zone})"))
        for name, points in series.items()
    ]
