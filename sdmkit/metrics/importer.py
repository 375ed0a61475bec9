"""CSV import of weekly values: every valid row is kept, every bad row reported by
row number, column and problem. Columns: metric, week_end, value."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date

from sdmkit.metrics.catalog import catalog, upsert_values
from sdmkit.metrics.stats import is_week_end

COLUMNS = ("metric", "week_end", "value")


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet counts: the header is row 1
    column: str
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.problem}"


@dataclass
class Parsed:
    good: list[tuple[int, str, date, float]]  # (row, metric, week end, value)
    problems: list[RowProblem]


def parse(store, team: str, text: str) -> Parsed:
    names = {m.name: m.id for m in catalog(store, team)}
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return Parsed(
            [],
            [RowProblem(1, ", ".join(missing), f"missing column; the header must have {', '.join(COLUMNS)}")],
        )
    good: list[tuple[int, str, date, float]] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, date], int] = {}
    for i, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        name, week_text, value_text = row.get("metric", ""), row.get("week_end", ""), row.get("value", "")
        if not any((name, week_text, value_text)):
            continue
        bad = False
        if name not in names:
            problems.append(RowProblem(i, "metric", f"'{name}' is not in {team}'s catalog"))
            bad = True
        week: date | None = None
        try:
            week = date.fromisoformat(week_text)
            if not is_week_end(week):
                problems.append(
                    RowProblem(i, "week_end", f"{week_text} is a {week:%A}, not a week end (Sunday)")
                )
                bad = True
        except ValueError:
            problems.append(RowProblem(i, "week_end", f"'{week_text}' is not a date like 2026-11-22"))
            bad = True
        try:
            value = float(value_text.replace(",", ""))
            if not math.isfinite(value):  # "nan", "inf": float() reads them, no database keeps them all
                raise ValueError(value_text)
        except ValueError:
            problems.append(RowProblem(i, "value", f"'{value_text[:40]}' is not a number"))
            bad = True
        if not bad and week is not None:
            key = (name, week)
            if key in seen:
                problems.append(RowProblem(i, "week_end", f"{name} for {week} is already in row {seen[key]}"))
                continue
            seen[key] = i
            good.append((i, name, week, value))
    return Parsed(good, problems)


def import_csv(store, team: str, text: str) -> tuple[Parsed, int, int]:
    """Keep every valid row (a re-import updates, never duplicates); report the rest."""
    parsed = parse(store, team, text)
    ids = {m.name: m.id for m in catalog(store, team) if m.id is not None}
    created, updated = upsert_values(store, [(ids[n], w, v) for _, n, w, v in parsed.good])
    return parsed, created, updated
