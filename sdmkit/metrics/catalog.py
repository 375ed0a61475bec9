"""A team's metric catalog and its weekly values, in the store."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from sdmkit.errors import FieldProblem, InvalidDocument
from sdmkit.metrics.stats import is_week_end
from sdmkit.store.db import write_retrying
from sdmkit.store.limits import check_row
from sdmkit.store.tables import MetricRow, MetricValueRow

TYPES = ("input", "output")  # an input the team controls; an output it moves
DIRECTIONS = ("higher", "lower")
AGGREGATIONS = ("sum", "mean", "last")


@dataclass
class Metric:
    name: str
    unit: str = ""
    owner: str = ""
    type: str = "output"
    drives: str = ""
    target: float | None = None
    direction: str = "higher"
    aggregation: str = "sum"
    id: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


# A starter set for engineering teams: inputs the team controls first, then what they drive.
STARTER = (
    Metric("Deployments", "count", type="input", drives="Change failure rate", target=25, direction="higher"),
    Metric("Pages per week", "count", type="input", drives="Availability", target=5, direction="lower"),
    Metric(
        "COE action-item age (p50)",
        "days",
        type="input",
        drives="High-severity incidents",
        target=14,
        direction="lower",
        aggregation="mean",
    ),
    Metric("Change failure rate", "%", target=5, direction="lower", aggregation="mean"),
    Metric("High-severity incidents", "count", target=0, direction="lower"),
    Metric("p99 latency", "ms", target=800, direction="lower", aggregation="mean"),
    Metric("Availability", "%", target=99.95, direction="higher", aggregation="mean"),
    Metric("Tickets per week", "count", target=40, direction="lower"),
)


def catalog(store, team: str) -> list[Metric]:
    with Session(store.engine) as s:
        rows = s.scalars(
            select(MetricRow)
            .where(col(MetricRow.team) == team)
            .order_by(col(MetricRow.position), col(MetricRow.id))
        )
        return [
            Metric(r.name, r.unit, r.owner, r.type, r.drives, r.target, r.direction, r.aggregation, r.id)
            for r in rows
        ]


def teams_with_metrics(store) -> list[str]:
    with Session(store.engine) as s:
        return sorted(set(s.scalars(select(col(MetricRow.team)))))


def validate(metrics: list[Metric]) -> None:
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    for i, m in enumerate(metrics, 1):
        if not m.name.strip():
            problems.append(FieldProblem(f"metrics[{i}].name", "a metric needs a name"))
        elif m.name in seen:
            problems.append(FieldProblem(f"metrics[{i}].name", f"'{m.name}' is in the catalog twice"))
        seen.add(m.name)
        # Lengths, NUL, a finite target: what either database can store.
        fields = ("name", "unit", "owner", "type", "drives", "target", "direction", "aggregation")
        table = MetricRow.__table__  # type: ignore[attr-defined]
        problems += check_row(table, {f: getattr(m, f) for f in fields}, f"metrics[{i}]")
        for attr, allowed in (("type", TYPES), ("direction", DIRECTIONS), ("aggregation", AGGREGATIONS)):
            if getattr(m, attr) not in allowed:
                problems.append(
                    FieldProblem(
                        f"metrics[{i}].{attr}", f"'{getattr(m, attr)}' is not one of: {', '.join(allowed)}"
                    )
                )
    if problems:
        raise InvalidDocument(problems)


def save_catalog(store, team: str, metrics: list[Metric]) -> list[Metric]:
    """Create or update metrics by name, in this order. Metrics left out stay, with their data."""
    if not team.strip():
        raise InvalidDocument([FieldProblem("team", "choose the team the metrics belong to")])
    validate(metrics)

    def write(s):
        existing = {r.name: r for r in s.scalars(select(MetricRow).where(col(MetricRow.team) == team))}
        for i, m in enumerate(metrics):
            row = existing.get(m.name) or MetricRow(team=team, name=m.name)
            row.unit, row.owner, row.type, row.drives = m.unit, m.owner, m.type, m.drives
            row.target, row.direction, row.aggregation, row.position = m.target, m.direction, m.aggregation, i
            s.add(row)

    write_retrying(store.engine, write, what=f"{team}'s metric catalog")
    return catalog(store, team)


def series(store, metric_id: int | None) -> dict[date, float]:
    if metric_id is None:  # a metric not saved yet has no values
        return {}
    with Session(store.engine) as s:
        rows = s.execute(
            select(col(MetricValueRow.week_end), col(MetricValueRow.value))
            .where(col(MetricValueRow.metric_id) == metric_id)
            .order_by(col(MetricValueRow.week_end))
        )
        return {w: v for w, v in rows}


def upsert_values(store, values: list[tuple[int, date, float]]) -> tuple[int, int]:
    """(metric id, week end, value) rows; returns (created, updated)."""

    def write(s) -> tuple[int, int]:
        # Counted per attempt: a retry after a concurrent import finds its rows present.
        created = updated = 0
        for metric_id, week, value in values:
            row = s.scalars(
                select(MetricValueRow).where(
                    col(MetricValueRow.metric_id) == metric_id, col(MetricValueRow.week_end) == week
                )
            ).first()
            if row is None:
                s.add(MetricValueRow(metric_id=metric_id, week_end=week, value=value))
                s.flush()  # one row at a time, so a duplicate fails here and the import retries
                created += 1
            elif row.value != value:
                row.value = value
                updated += 1
        return created, updated

    return write_retrying(store.engine, write, what="the weekly values")


def enter_week(store, team: str, week: date | None, values: Mapping[str, object]) -> tuple[int, int]:
    """Values typed for one week, by metric name; blank entries are left alone. Returns
    (created, updated); bad input raises with the field named as the form shows it."""

    problems: list[FieldProblem] = []
    if week is None:
        problems.append(FieldProblem("Week ending", "pick the Sunday the week ends on"))
    elif not is_week_end(week):
        problems.append(FieldProblem("Week ending", f"{week:%A %d %b %Y} is not a Sunday"))
    ids = {m.name: m.id for m in catalog(store, team) if m.id is not None}
    numbers: list[tuple[int, float]] = []
    for name, raw in values.items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if name not in ids:
            problems.append(FieldProblem(name, f"'{name}' is not in {team}'s catalog"))
            continue
        try:
            number = float(str(raw).replace(",", ""))
        except ValueError:
            problems.append(FieldProblem(name, f"'{raw}' is not a number"))
            continue
        if not math.isfinite(number):
            problems.append(FieldProblem(name, f"'{raw}' is not a number"))
            continue
        numbers.append((ids[name], number))
    if problems or week is None:
        raise InvalidDocument(problems)
    return upsert_values(store, [(metric_id, week, number) for metric_id, number in numbers])
