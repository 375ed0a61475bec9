"""Numbers as a review shows them."""

from __future__ import annotations


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "n/a"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip() if unit and unit not in ("count",) else text


def change(diff: float | None, pct: float | None, unit: str = "") -> str:
    if diff is None:
        return "n/a"
    sign = "+" if diff > 0 else ""
    text = f"{sign}{number(diff, '' if unit == '%' else unit)}{' pts' if unit == '%' else ''}"
    return f"{text} ({sign}{pct * 100:.1f}%)" if pct is not None and unit != "%" else text
