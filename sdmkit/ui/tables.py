"""Table fields: st.data_editor over a fixed snapshot plus the user's edit delta
(never its own return value written back), an optional '#' column to reorder, and
a quick-add form of plain inputs for adding one row."""

from __future__ import annotations

import streamlit as st

from sdmkit.kinds.base import Column, Field
from sdmkit.ui.values import is_blank, iso_date, iso_minutes, time_iso, to_date, to_datetime, to_time

MISSING = object()


def _cell(col: Column, value):
    if col.kind == "date":
        return iso_date(value)
    if col.kind == "datetime":
        return iso_minutes(value)
    if col.kind == "time":
        return time_iso(value)
    if col.kind == "number":
        return None if is_blank(value) else float(value)
    if col.kind == "choice":
        return None if is_blank(value) else value
    if is_blank(value):
        return ""
    return str(value).strip()


# --- tables ------------------------------------------------------------------------


def _base_key(key: str) -> str:
    return f"{key}|base"


ORDER = "#"


def _typed(col: Column, value):
    if col.kind == "date":
        return to_date(value)
    if col.kind == "datetime":
        return to_datetime(value)
    if col.kind == "time":
        return to_time(value)
    return value


def seed_table(field: Field, key: str, value) -> None:
    if key not in st.session_state or _base_key(key) not in st.session_state:
        rows = []
        for i, row in enumerate(value or [], 1):
            cells = {c.key: _typed(c, row.get(c.key)) for c in field.columns}
            if field.ordered:
                cells[ORDER] = i
            rows.append(cells)
        st.session_state[_base_key(key)] = rows
        st.session_state.pop(key, None)


def apply_delta(
    base: list[dict], delta: dict | None, columns: tuple[Column, ...], ordered: bool = False
) -> list[dict]:
    """The rows a data_editor shows: its input plus the user's edits, adds and deletes."""
    rows = [dict(r) for r in base]
    delta = delta or {}
    for idx, changes in (delta.get("edited_rows") or {}).items():
        i = int(idx)
        if 0 <= i < len(rows):
            rows[i].update(changes)
    deleted = {int(i) for i in (delta.get("deleted_rows") or [])}
    rows = [r for i, r in enumerate(rows) if i not in deleted]
    rows += [dict(r) for r in (delta.get("added_rows") or [])]
    if ordered:
        # The '#' column reorders: rows sort by it; rows without one keep their place at the end.
        def position(item):
            i, r = item
            n = r.get(ORDER)
            return (0, float(n), i) if not is_blank(n) else (1, 0.0, i)

        rows = [r for _, r in sorted(enumerate(rows), key=position)]
    out = []
    for r in rows:
        clean = {c.key: _cell(c, r.get(c.key)) for c in columns}
        if any(v not in (None, "") for v in clean.values()):
            # An unset choice or date is left out, so the model's default applies.
            out.append({k: v for k, v in clean.items() if v is not None})
    return out


def read_table(field: Field, key: str):
    if _base_key(key) not in st.session_state:
        return MISSING
    return apply_delta(
        st.session_state[_base_key(key)], st.session_state.get(key), field.columns, field.ordered
    )


def _column_config(c: Column, content: dict, crowded: bool = False):
    help_text = c.help or None
    # In a table of many columns a wide text column pushes the rest out of sight (a COE's
    # action items showed only What and Owner): there text gets a medium width, the rest small.
    narrow = "small" if crowded else None
    if c.kind == "choice":
        if c.choices_from is not None:
            pairs = c.choices_from(content)
            labels = dict(pairs)
            return st.column_config.SelectboxColumn(
                c.label,
                help=help_text,
                options=[v for v, _ in pairs],
                format_func=lambda v: labels.get(v, v),
                width=narrow,
            )
        return st.column_config.SelectboxColumn(
            c.label, help=help_text, options=list(c.choices), width=narrow
        )
    if c.kind == "date":
        return st.column_config.DateColumn(c.label, help=help_text, format="YYYY-MM-DD", width=narrow)
    if c.kind == "datetime":
        return st.column_config.DatetimeColumn(c.label, help=help_text, format="YYYY-MM-DD HH:mm", step=60)
    if c.kind == "number":
        return st.column_config.NumberColumn(c.label, help=help_text)
    if c.kind == "time":
        return st.column_config.TimeColumn(c.label, help=help_text, format="HH:mm", step=900)
    return st.column_config.TextColumn(
        c.label,
        help=help_text,
        width=("medium" if crowded else "large") if c.kind == "long" else (narrow or "medium"),
    )


def draw_table(field: Field, key: str, content: dict) -> None:
    import pandas as pd

    crowded = len(field.columns) > 4
    config = {c.key: _column_config(c, content, crowded) for c in field.columns}
    names = [c.key for c in field.columns]
    if field.ordered:
        config[ORDER] = st.column_config.NumberColumn(
            "#",
            help="Change a number to move the row; rows are put in order when you save",
            step=1,
            width="small",
        )
        names = [ORDER, *names]
    frame = pd.DataFrame(st.session_state[_base_key(key)], columns=names)
    for c in field.columns:
        if c.kind == "date":
            frame[c.key] = pd.to_datetime(frame[c.key]).dt.date if len(frame) else frame[c.key]
        elif c.kind == "datetime":
            frame[c.key] = pd.to_datetime(frame[c.key])
        elif c.kind == "number":
            frame[c.key] = pd.to_numeric(frame[c.key])
        elif c.kind == "time":
            frame[c.key] = frame[c.key].astype("object")
        elif c.kind != "choice":
            frame[c.key] = frame[c.key].astype("object").where(frame[c.key].notna(), "")
    st.markdown(f"**{field.label}**", help=field.help)
    st.data_editor(frame, key=key, column_config=config, num_rows="dynamic", hide_index=True, width="stretch")


# --- quick add: one row through plain inputs ---------------------------------------


def _add_key(key: str, col: str) -> str:
    return f"{key}|add|{col}"


def quick_add_row(field: Field, key: str, content: dict) -> tuple[dict | None, str]:
    """The row typed into the quick-add form, or (None, problem) naming the bad input."""
    row: dict = {}
    for c in field.columns:
        value = st.session_state.get(_add_key(key, c.key))
        if c.kind == "datetime":
            text = (value or "").strip()
            if text:
                parsed = to_datetime(text)
                if parsed is None:
                    return None, f"{c.label}: '{text}' is not a date and time like 2026-10-14 14:10"
                row[c.key] = parsed.isoformat(timespec="minutes")
        elif c.kind == "date":
            if value:
                row[c.key] = value.isoformat()
        elif c.kind == "number":
            if value is not None:
                row[c.key] = float(value)
        elif c.kind == "choice":
            if value is not None:
                row[c.key] = value
        elif value and str(value).strip():
            row[c.key] = str(value).strip()
    missing = [c.label for c in field.columns if c.required and c.key not in row]
    if missing:
        return None, f"{', '.join(missing)}: required to add a row"
    return row, ""


def clear_quick_add(field: Field, key: str) -> None:
    for c in field.columns:
        st.session_state.pop(_add_key(key, c.key), None)
    st.session_state.pop(f"{key}|add|shadow", None)


def draw_quick_add(field: Field, key: str, content: dict, on_change) -> None:
    from sdmkit.ui.fields import item_noun

    noun = item_noun(field)
    with st.expander(f"Add {'an' if noun[0] in 'aeiou' else 'a'} {noun}", icon=":material/add:"):
        cols = st.columns(2)
        # Half-typed rows outlive the widgets (which Streamlit drops on other pages), like drafts.
        shadow = st.session_state.setdefault(f"{key}|add|shadow", {})
        for i, c in enumerate(field.columns):
            where = cols[i % 2]
            k = _add_key(key, c.key)
            if k not in st.session_state and shadow.get(c.key) is not None:
                st.session_state[k] = shadow[c.key]
            if c.kind == "datetime":
                where.text_input(
                    c.label, key=k, placeholder="2026-10-14 14:10", help=c.help or "Date and time"
                )
            elif c.kind == "date":
                where.date_input(c.label, value=None, key=k, format="YYYY-MM-DD", help=c.help or None)
            elif c.kind == "number":
                where.number_input(c.label, value=None, key=k, help=c.help or None)
            elif c.kind == "choice":
                pairs = c.choices_from(content) if c.choices_from else [(v, str(v)) for v in c.choices]
                labels = dict(pairs)
                where.selectbox(
                    c.label,
                    [None, *[v for v, _ in pairs]],
                    key=k,
                    help=c.help or None,
                    format_func=lambda v, labels=labels: "(not set)" if v is None else labels.get(v, v),
                )
            else:
                where.text_input(c.label, key=k, help=c.help or None)
        shadow.update({c.key: st.session_state.get(_add_key(key, c.key)) for c in field.columns})
        problem = st.session_state.get(f"{key}|add|problem")
        if problem:
            st.error(problem, icon=":material/error:")
        st.button(
            f"Add {noun}",
            key=f"{key}|add|go",
            icon=":material/add:",
            type="primary",
            on_click=on_change,
            args=("append", field, 0, 0),
        )
