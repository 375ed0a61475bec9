"""The weekly review's deck: a card per metric with its week in numbers, its 6-12
chart, and the owner's commentary. Snapshots come from the data ('Refresh from
data'); only the commentary and its status are typed here."""

from __future__ import annotations

import streamlit as st

from sdmkit.kinds.base import Field
from sdmkit.metrics.format import change, number
from sdmkit.ui.text import esc

STATUSES = ("", "explained", "still investigating")


def _shape(key: str) -> str:
    return f"{key}|deck"


def _k(key: str, name: str, what: str) -> str:
    return f"{key}|{name}|{what}"


def seed(field: Field, key: str, value) -> None:
    if _shape(key) in st.session_state:
        return
    metrics = [dict(m) for m in (value or [])]
    st.session_state[_shape(key)] = metrics
    for m in metrics:
        st.session_state[_k(key, m["name"], "commentary")] = m.get("commentary") or ""
        st.session_state[_k(key, m["name"], "status")] = m.get("status") or ""


def read(field: Field, key: str):
    from sdmkit.ui.fields import MISSING

    if _shape(key) not in st.session_state:
        return MISSING
    return [
        {
            **m,
            "commentary": (st.session_state.get(_k(key, m["name"], "commentary")) or "").strip(),
            "status": st.session_state.get(_k(key, m["name"], "status")) or "",
        }
        for m in st.session_state[_shape(key)]
    ]


def refresh(store, draft: dict) -> tuple[list | None, list[tuple[str, str]]]:
    """The review's metric snapshots rebuilt from the team's data (commentary kept), or
    the fields to fix first: the team and a Sunday."""
    from datetime import date

    from sdmkit.metrics.review import build
    from sdmkit.metrics.stats import is_week_end

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


def draw(field: Field, key: str, on_change) -> None:
    from sdmkit.charts import six_twelve

    metrics = st.session_state[_shape(key)]
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
    st.dataframe(
        [
            {
                "Metric": m["name"],
                "Type": m["kind"],
                "Last week": number(m["value"], m["unit"]),
                "WoW": change(m["wow"], m["wow_pct"], m["unit"]),
                "YoY": change(m["yoy"], m["yoy_pct"], m["unit"]),
                "Target": number(m["target"], m["unit"]),
                "Signal": m["signal"] or "routine",
            }
            for m in metrics
        ],
        hide_index=True,
        width="stretch",
        # The signal is what the meeting reads first: next to the name, never off-screen.
        column_order=("Metric", "Signal", "Last week", "WoW", "YoY", "Target", "Type"),
    )
    for m in metrics:
        with st.container(border=True):
            head = f"**{esc(m['name'])}**"
            if m["kind"] == "input":
                head += f" · input{' → ' + esc(m['drives']) if m['drives'] else ''}"
            head += f" · owner {esc(m['owner']) or 'not set'}"
            st.markdown(head)
            # Two rows of three: five figures in one row cut "+173 ms (+25.9%)" to "+17…".
            top, bottom = st.columns(3), st.columns(3)
            top[0].metric("Last week", number(m["value"], m["unit"]))
            top[1].metric("Week over week", change(m["wow"], m["wow_pct"], m["unit"]))
            top[2].metric("Year over year", change(m["yoy"], m["yoy_pct"], m["unit"]))
            bottom[0].metric("4-week average", number(m["avg4"], m["unit"]))
            bottom[1].metric("13-week average", number(m["avg13"], m["unit"]))
            met = "" if m["met"] is None else (" ✓" if m["met"] else " ✗")
            bottom[2].metric("Target", number(m["target"], m["unit"]) + met)
            _six_twelve(
                six_twelve(m["name"], m["unit"], m["weekly"], m["monthly"], m["target"], m["aggregation"])
            )
            if m["signal"]:
                st.warning(
                    f"Exceptional: {esc(m['signal'])}. The owner explains, or marks it still investigating.",
                    icon=":material/priority_high:",
                )
                _commentary(key, m)
            else:
                limits = (
                    f"within {number(m['lower'])} to {number(m['upper'])}"
                    if m["lower"] is not None
                    else "not enough history for limits yet"
                )
                st.caption(f"Routine variation ({limits}): no commentary needed.")
                with st.expander("Add commentary anyway"):
                    _commentary(key, m)


def _six_twelve(spec: dict) -> None:
    """The 6-12 chart as two charts side by side, each as wide as its column: the
    exports' fixed-width pair spills out of a card on a laptop screen. The legend is a
    caption, so both plots keep their height."""
    import copy

    weeks, months = copy.deepcopy(spec["hconcat"])
    for panel in (weeks, months):
        for layer in panel.get("layer", []):
            if "color" in layer.get("encoding", {}):
                layer["encoding"]["color"]["legend"] = None
    cols = st.columns([1, 1.7])
    for col, panel in zip(cols, (weeks, months), strict=True):
        chart = {k: v for k, v in spec.items() if k not in ("hconcat", "resolve", "title")}
        chart.update({k: v for k, v in panel.items() if k not in ("width", "height")})
        col.vega_lite_chart(chart, width="stretch", height=170)
    st.caption("Solid line: this year · dashed grey: last year · dotted orange: the target.")


def _commentary(key: str, m: dict) -> None:
    c1, c2 = st.columns([3, 1.2])
    c1.text_area(
        f"Commentary on {m['name']}",
        key=_k(key, m["name"], "commentary"),
        height=80,
        help="What happened and why, in numbers; or what you are checking",
    )
    c2.selectbox(
        f"Status of {m['name']}",
        STATUSES,
        key=_k(key, m["name"], "status"),
        format_func=lambda s: s or "not answered",
        help="Explained, or still investigating",
    )
