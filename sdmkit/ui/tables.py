"""Table fields: st.data_editor over a fixed snapshot plus the user's edit delta
(never its own return value written back), an optional '#' column to reorder, and
a quick-add form of plain inputs for adding one row.

Each column kind (text, long text, choice, date, date and time, time, number) is one
object that converts a cell between what the document stores and what the table
shows, configures the table column and draws its quick-add input."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sdmkit.kind import Column, Field
from sdmkit.ui import cells
from sdmkit.ui.values import is_blank, iso_date, iso_minutes, time_iso, to_date, to_datetime, to_time
from sdmkit.ui.widget_base import MISSING, Context, FieldWidget, item_noun, register

ORDER = "#"


class ColumnType:
    """A text column; the other kinds override what differs."""

    def stored(self, value):
        """A cell as the document stores it (None: leave it out, the model's default applies)."""
        return "" if is_blank(value) else str(value).strip()

    def shown(self, value):
        """A stored cell as the table shows it."""
        return value

    def frame(self, series):
        """The pandas column for the table: blank text cells show empty, not 'None'."""
        return series.astype("object").where(series.notna(), "")

    def config(self, c: Column, content: dict, crowded: bool = False):
        """The table column. `crowded`: the table has many columns, where a wide text
        column pushes the rest out of sight (a COE's action items showed only What and
        Owner); there text gets a medium width and the rest a small one."""
        return st.column_config.TextColumn(
            c.label, help=c.help or None, width="small" if crowded else "medium"
        )

    def quick_input(self, where, c: Column, k: str, content: dict) -> None:
        where.text_input(c.label, key=k, help=c.help or None)

    def quick_value(self, c: Column, value) -> tuple[Any, str]:
        """The quick-add form's value as stored (None: not given), or a problem."""
        text = str(value or "").strip()
        return (text or None), ""


class LongText(ColumnType):
    def config(self, c, content, crowded=False):
        return st.column_config.TextColumn(
            c.label, help=c.help or None, width="medium" if crowded else "large"
        )


def _choices(c: Column, content: dict) -> list[tuple[Any, str]]:
    return c.choices_from(content) if c.choices_from else [(v, str(v)) for v in c.choices]


class ChoiceColumn(ColumnType):
    def stored(self, value):
        return None if is_blank(value) else value

    def frame(self, series):
        return series

    def config(self, c, content, crowded=False):
        pairs = _choices(c, content)
        labels = dict(pairs)
        return st.column_config.SelectboxColumn(
            c.label,
            help=c.help or None,
            options=[v for v, _ in pairs],
            format_func=lambda v: labels.get(v, v),
            width="small" if crowded else None,
        )

    def quick_input(self, where, c, k, content):
        labels = dict(_choices(c, content))
        where.selectbox(
            c.label,
            [None, *labels],
            key=k,
            help=c.help or None,
            format_func=lambda v: "(not set)" if v is None else labels.get(v, v),
        )

    def quick_value(self, c, value):
        return value, ""


class DateColumn(ColumnType):
    def stored(self, value):
        return iso_date(value)

    def shown(self, value):
        return to_date(value)

    def frame(self, series):
        # On first use: pandas costs start-up; only a table editor needs it.
        import pandas as pd

        return pd.to_datetime(series).dt.date if len(series) else series

    def config(self, c, content, crowded=False):
        return st.column_config.DateColumn(
            c.label, help=c.help or None, format="YYYY-MM-DD", width="small" if crowded else None
        )

    def quick_input(self, where, c, k, content):
        where.date_input(c.label, value=None, key=k, format="YYYY-MM-DD", help=c.help or None)

    def quick_value(self, c, value):
        return (value.isoformat() if value else None), ""


class DateTimeColumn(ColumnType):
    def stored(self, value):
        return iso_minutes(value)

    def shown(self, value):
        return to_datetime(value)

    def frame(self, series):
        # On first use, as above.
        import pandas as pd

        return pd.to_datetime(series)

    def config(self, c, content, crowded=False):
        return st.column_config.DatetimeColumn(
            c.label, help=c.help or None, format="YYYY-MM-DD HH:mm", step=60
        )

    def quick_input(self, where, c, k, content):
        where.text_input(c.label, key=k, placeholder="2026-10-14 14:10", help=c.help or "Date and time")

    def quick_value(self, c, value):
        text = (value or "").strip()
        if not text:
            return None, ""
        parsed = to_datetime(text)
        if parsed is None:
            return None, f"{c.label}: '{text}' is not a date and time like 2026-10-14 14:10"
        return parsed.isoformat(timespec="minutes"), ""


class TimeColumn(ColumnType):
    def stored(self, value):
        return time_iso(value)

    def shown(self, value):
        return to_time(value)

    def frame(self, series):
        return series.astype("object")

    def config(self, c, content, crowded=False):
        return st.column_config.TimeColumn(c.label, help=c.help or None, format="HH:mm", step=900)

    def quick_input(self, where, c, k, content):
        where.time_input(c.label, value=None, key=k, step=900, help=c.help or None)

    def quick_value(self, c, value):
        return time_iso(value), ""


class NumberColumn(ColumnType):
    def stored(self, value):
        return None if is_blank(value) else float(value)

    def frame(self, series):
        # On first use, as above.
        import pandas as pd

        return pd.to_numeric(series)

    def config(self, c, content, crowded=False):
        return st.column_config.NumberColumn(c.label, help=c.help or None)

    def quick_input(self, where, c, k, content):
        where.number_input(c.label, value=None, key=k, help=c.help or None)

    def quick_value(self, c, value):
        return (None if value is None else float(value)), ""


COLUMN_TYPES: dict[str, ColumnType] = {
    "text": ColumnType(),
    "long": LongText(),
    "choice": ChoiceColumn(),
    "date": DateColumn(),
    "datetime": DateTimeColumn(),
    "time": TimeColumn(),
    "number": NumberColumn(),
}


def column_type(c: Column) -> ColumnType:
    return COLUMN_TYPES[c.type]


# --- the table ---------------------------------------------------------------------


def _base_key(key: str) -> str:
    return f"{key}|base"


def _base_rows(field: Field, value) -> list[dict]:
    rows = []
    for i, row in enumerate(value or [], 1):
        cells = {c.key: column_type(c).shown(row.get(c.key)) for c in field.columns}
        if field.ordered:
            cells[ORDER] = i
        rows.append(cells)
    return rows


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
        clean = {c.key: column_type(c).stored(r.get(c.key)) for c in columns}
        if any(v not in (None, "") for v in clean.values()):
            # An unset choice or date is left out, so the model's default applies.
            out.append({k: v for k, v in clean.items() if v is not None})
    return out


class Table(FieldWidget):
    """The table's snapshot (a plain key, which survives) is rebuilt from the draft
    whenever the data_editor's own key is gone, so it never shows a stale snapshot."""

    name = "table"

    def seed(self, field, key, value):
        if key not in st.session_state or _base_key(key) not in st.session_state:
            st.session_state[_base_key(key)] = _base_rows(field, value)
            st.session_state.pop(key, None)

    def collect(self, field, key, value):
        if key not in st.session_state or _base_key(key) not in st.session_state:
            return MISSING
        return apply_delta(
            st.session_state[_base_key(key)], st.session_state.get(key), field.columns, field.ordered
        )

    def draw(self, field, key, ctx):
        if field.quick_add:
            _draw_quick_add(field, key, ctx)
        _draw_table(field, key, ctx.content)

    def change(self, field, key, value, action, index, step, ctx):
        if action != "append":  # the quick-add form
            return None
        row, problem = quick_add_row(field, key)
        st.session_state[f"{key}|add|problem"] = problem
        if row is None:
            return None  # the typed values stay in the form, with the problem beside them
        clear_quick_add(field, key)
        return [*(value or []), row]


register(Table())


def _draw_table(field: Field, key: str, content: dict) -> None:
    # On first use, as above.
    import pandas as pd

    crowded = len(field.columns) > 4
    config = {c.key: column_type(c).config(c, content, crowded) for c in field.columns}
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
        frame[c.key] = column_type(c).frame(frame[c.key])
    st.markdown(f"**{field.label}**", help=field.help)
    cells.editor(
        frame,
        key=key,
        column_config=config,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
    )


# --- quick add: one row through plain inputs ---------------------------------------


def _add_key(key: str, col: str) -> str:
    return f"{key}|add|{col}"


def quick_add_row(field: Field, key: str) -> tuple[dict | None, str]:
    """The row typed into the quick-add form, or (None, problem) naming the bad input."""
    row: dict = {}
    for c in field.columns:
        value, problem = column_type(c).quick_value(c, st.session_state.get(_add_key(key, c.key)))
        if problem:
            return None, problem
        if value is not None:
            row[c.key] = value
    missing = [c.label for c in field.columns if c.required and c.key not in row]
    if missing:
        return None, f"{', '.join(missing)}: required to add a row"
    return row, ""


def clear_quick_add(field: Field, key: str) -> None:
    for c in field.columns:
        st.session_state.pop(_add_key(key, c.key), None)
    st.session_state.pop(f"{key}|add|shadow", None)


def _draw_quick_add(field: Field, key: str, ctx: Context) -> None:
    noun = item_noun(field)
    with st.expander(f"Add {'an' if noun[0] in 'aeiou' else 'a'} {noun}", icon=":material/add:"):
        cols = st.columns(2)
        # Half-typed rows outlive the widgets (which Streamlit drops on other pages), like
        # drafts, and each box's key is written on every run, as the fields' are, so every
        # message the browser gets carries what it holds (sdmkit.ui.widget_base).
        shadow = st.session_state.setdefault(f"{key}|add|shadow", {})
        for i, c in enumerate(field.columns):
            k = _add_key(key, c.key)
            if k in st.session_state:
                st.session_state[k] = st.session_state[k]
            elif shadow.get(c.key) is not None:
                st.session_state[k] = shadow[c.key]
            column_type(c).quick_input(cols[i % 2], c, k, ctx.content)
        shadow.update({c.key: st.session_state.get(_add_key(key, c.key)) for c in field.columns})
        problem = st.session_state.get(f"{key}|add|problem")
        if problem:
            st.error(problem, icon=":material/error:")
        st.button(
            f"Add {noun}",
            key=f"{key}|add|go",
            icon=":material/add:",
            type="primary",
            help=f"Add this {noun} as a new row at the end of the table",
            on_click=ctx.on_change,
            args=("append", field, 0, 0),
        )
