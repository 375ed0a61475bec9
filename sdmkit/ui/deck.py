"""The weekly review's deck: a card per metric with its week in numbers, its 6-12
chart, and the owner's commentary. Snapshots come from the data ('Refresh from
data'); only the commentary and its status are typed here."""

from __future__ import annotations

import copy
import re
from datetime import date

import streamlit as st

from sdmkit.kind import Field
from sdmkit.metrics.format import change, number
from sdmkit.metrics.review import build
from sdmkit.metrics.stats import is_week_end
from sdmkit.ui import cells
from sdmkit.ui.state import store
from sdmkit.ui.text import esc
from sdmkit.ui.widget_base import FieldWidget, get_path, register

STATUSES = ("", "explained", "still investigating")


def _k(key: str, name: str, what: str) -> str:
    return f"{key}|{name}|{what}"


class Deck(FieldWidget):
    """The metrics are the draft's snapshots; only commentary and status are widgets."""

    name = "deck"

    def leaves(self, field, key, value):
        out = {}
        for m in value or []:
            out[_k(key, m["name"], "commentary")] = m.get("commentary") or ""
            out[_k(key, m["name"], "status")] = m.get("status") or ""
        return out

    def value_from(self, field, key, value, present):
        out = []
        for m in value or []:
            m = dict(m)
            commentary, status = _k(key, m["name"], "commentary"), _k(key, m["name"], "status")
            if commentary in present:
                m["commentary"] = (present[commentary] or "").strip()
            if status in present:
                m["status"] = present[status] or ""
            out.append(m)
        return out

    def draw(self, field, key, ctx):
        _draw(field, key, get_path(ctx.content, field.key) or [], ctx.on_change)

    def change(self, field, key, value, action, index, step, ctx):
        if action != "refresh":
            return None

        items, problems = refresh(store(), ctx.draft)
        if problems:
            ctx.draft["problems"] = problems
            return None
        ctx.draft.pop("problems", None)
        return items


register(Deck())


def refresh(store, draft: dict) -> tuple[list | None, list[tuple[str, str]]]:
    """The review's metric snapshots rebuilt from the team's data (commentary kept), or
    the fields to fix first: the team and a Sunday."""

    week = draft["content"].get("week_ending")
    team = draft["meta"].get("team") or ""
    problems = []
    if not team:
        problems.append(("team", "set the team whose metrics to review"))
    if not week:
        problems.append(("week_ending", "pick the Sunday the week ends on"))
    if problems:
        return None, problems
    week = date.fromisoformat(week)
    if not is_week_end(week):
        return None, [("week_ending", f"{week:%A %d %b} is not a Sunday")]
    return build(store, team, week, existing=draft["content"]), []


def _draw(field: Field, key: str, metrics: list[dict], on_change) -> None:
    # On first use: charts (Altair, vl-convert) cost start-up; only a metric deck draws them.
    from sdmkit.charts import six_twelve

    st.button(
        "Refresh from data",
        key=f"{key}|refresh",
        icon=":material/refresh:",
        on_click=on_change,
        args=("refresh", field, 0, 0),
        help="Rebuild the figures from the team's catalog and weekly data; commentary is kept",
    )
    if not metrics:
        st.info(
            "No metrics yet. Set the team and the week, then press 'Refresh from data'. The team's catalog "
            "and data live on the Metrics page.",
            icon=":material/monitoring:",
        )
        return
    cells.table(
        [
            {
                "Metric": m["name"],
                "Type": m["type"],
                "Last week": number(m["value"], m["unit"]),
                "WoW": change(m["wow"], m["wow_pct"], m["unit"]),
                "YoY": change(m["yoy"], m["yoy_pct"], m["unit"]),
                "Target": number(m["target"], m["unit"]),
                "Signal": _signal_in_a_cell(m["signal"]),
            }
            for m in metrics
        ],
        hide_index=True,
        width="stretch",
        # The signal is what the meeting reads first: next to the name, never off-screen.
        column_order=("Metric", "Signal", "Last week", "WoW", "YoY", "Target", "Type"),
        column_config={
            "Signal": st.column_config.TextColumn(
                help="Routine, or the rules of the natural process limits this week broke; "
                "the metric's card below says each in full"
            )
        },
    )
    for m in metrics:
        with st.container(border=True):
            head = f"**{esc(m['name'])}**"
            if m["type"] == "input":
                head += f" · input{' → ' + esc(m['drives']) if m['drives'] else ''}"
            head += f" · owner {esc(m['owner']) or 'not set'}"
            st.markdown(head)
            # Two rows of three: five figures in one row cut "+173 ms (+25.9%)" to "+17…".
            # A tile's value is Markdown too, and carries the unit the user typed.
            top, bottom = st.columns(3), st.columns(3)
            top[0].metric("Last week", esc(number(m["value"], m["unit"])))
            top[1].metric("Week over week", esc(change(m["wow"], m["wow_pct"], m["unit"])))
            top[2].metric("Year over year", esc(change(m["yoy"], m["yoy_pct"], m["unit"])))
            bottom[0].metric("4-week average", esc(number(m["avg4"], m["unit"])))
            bottom[1].metric("13-week average", esc(number(m["avg13"], m["unit"])))
            met = "" if m["met"] is None else (" ✓" if m["met"] else " ✗")
            bottom[2].metric("Target", esc(number(m["target"], m["unit"])) + met)
            _six_twelve(six_twelve(m))
            if m["signal"]:
                st.warning(
                    f"Exceptional: {esc(m['signal'])}. The owner explains, or marks it still investigating.",
                    icon=":material/priority_high:",
                )
                _commentary(key, m)
            else:
                # The chart's subtitle already says "Routine variation"; this says what follows.
                limits = (
                    f"the week is within its limits, {number(m['lower'])} to {number(m['upper'])}"
                    if m["lower"] is not None
                    else "not enough history for limits yet"
                )
                st.caption(f"No commentary needed: {limits}.")
                with st.expander("Add commentary anyway"):
                    _commentary(key, m)


def _signal_in_a_cell(signal: str) -> str:
    """'rule 1: above the upper limit (772.6)' as the table's cell: '⚠ rule 1'. The full
    text is too long for a column beside the week's figures (widening it pushes them
    off the table); the metric's card spells it out."""
    if not signal:
        return "routine"
    rules = re.findall(r"\brule (\d+):", signal)
    if not rules:
        return f"⚠ {signal}"
    return "⚠ rule " + rules[0] if len(rules) == 1 else "⚠ rules " + ", ".join(dict.fromkeys(rules))


# How each line of the 6-12 chart is drawn (sdmkit.charts.six_twelve), in words: the
# app's caption stands in for the legend.
_STYLE = {
    "This year": "solid line",
    "Last year": "dashed grey",
    "Centre line": "solid dark grey",
    "Natural process limits": "dashed dark grey",
    "Signal": "red circle",
    "No value": "grey band",
}


def _six_twelve(spec: dict) -> None:
    """The 6-12 chart as two charts side by side, each as wide as its column: the
    exports' fixed-width pair spills out of a card on a laptop screen. The legend and
    the subtitle become captions, so both plots keep their height."""

    weeks, months = copy.deepcopy(spec["hconcat"])
    drawn: list[str] = []
    for panel in (weeks, months):
        for layer in panel.get("layer", []):
            for channel in ("color", "strokeDash"):
                encoding = layer.get("encoding", {}).get(channel)
                if encoding:
                    drawn = drawn or list(encoding.get("scale", {}).get("domain", []))
                    encoding["legend"] = None
    cols = st.columns([1, 1.7])
    for col, panel in zip(cols, (weeks, months), strict=True):
        chart = {k: v for k, v in spec.items() if k not in ("hconcat", "resolve", "title")}
        chart.update({k: v for k, v in panel.items() if k not in ("width", "height")})
        col.vega_lite_chart(chart, width="stretch", height=170)
    # "Target (250 ms)" is the one name that varies; its line is dotted orange.
    styles = [(_STYLE.get(name) or "dotted orange", name) for name in drawn if name]
    key = " · ".join(f"{style}: {name[:1].lower()}{name[1:]}" for style, name in styles)
    if key:
        st.caption(esc(key[:1].upper() + key[1:]))
    notes = spec.get("title", {}).get("subtitle") or []
    for note in [notes] if isinstance(notes, str) else notes:
        st.caption(esc(note))


def _commentary(key: str, m: dict) -> None:
    c1, c2 = st.columns([3, 1.2])
    c1.text_area(
        f"Commentary on {esc(m['name'])}",
        key=_k(key, m["name"], "commentary"),
        height=80,
        help="What happened and why, in numbers; or what you are checking",
    )
    c2.selectbox(
        f"Status of {esc(m['name'])}",
        STATUSES,
        key=_k(key, m["name"], "status"),
        format_func=lambda s: s or "not answered",
        help="Explained, or still investigating",
    )
