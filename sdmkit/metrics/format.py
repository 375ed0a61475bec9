"""Numbers as a review shows them. A figure is rounded before its sign is chosen, so
a change that rounds to nothing reads '0', never '-0'."""

from __future__ import annotations


def _digits(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "n/a"
    text = _digits(value)
    if text.lstrip("-").replace("0", "").replace(".", "").replace(",", "") == "":
        text = "0"  # -0.001 shows as 0
    return f"{text} {unit}".strip() if unit and unit not in ("count",) else text


def change(diff: float | None, pct: float | None, unit: str = "") -> str:
    if diff is None:
        return "n/a"
    body = number(abs(diff), "" if unit == "%" else unit)
    sign = "" if body.split(" ")[0] == "0" else ("+" if diff > 0 else "-")
    text = f"{sign}{body}{' pts' if unit == '%' else ''}"
    if pct is None or unit == "%":
        return text
    pct_text = f"{abs(pct) * 100:.1f}"
    pct_sign = "" if pct_text == "0.0" else ("+" if pct > 0 else "-")
    return f"{text} ({pct_sign}{pct_text}%)"
