"""Guided-editor widgets, one per Field.widget type.

Every widget keeps its value under its own session-state key, seeded from the
draft when the key is missing (first visit, or after Streamlit dropped it because
the user was on another page). `read` turns the widget state back into content, so
a button callback can collect the newest text before it saves.

Tables follow the st.data_editor rule: its input is a snapshot that never changes
while the editor is on screen; the value is the snapshot plus the edit delta."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import streamlit as st

from sdmkit.kinds.base import Column, Field

MISSING = object()


def get_path(data: dict, path: str, default=None):
    cur: Any = data
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return default
        cur = cur[part]
    return cur


def set_path(data: dict, path: str, value) -> None:
    parts = path.split(".")
    cur = data
    for part in parts[:-1]:
        cur = cur.setdefault(part, {})
    cur[parts[-1]] = value


def widget_key(draft_key: str, field_key: str) -> str:
    return f"w|{draft_key}|{field_key}"


def forget_widgets(draft_key: str, field_key: str | None = None) -> None:
    """Drop widget state so the next run seeds it from the draft again (a half-typed
    quick-add row is not widget state the draft knows of, so it is kept)."""
    prefix = widget_key(draft_key, field_key) if field_key else f"w|{draft_key}|"
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        if "|add|" not in key:
            del st.session_state[key]


def _iso(value) -> str | None:
    if value is None or value == "" or (isinstance(value, float) and value != value):  # NaN
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text[:10] if text else None


def _to_date(value) -> date | None:
    iso = _iso(value)
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _iso_minutes(value) -> str | None:
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None).isoformat(timespec="minutes")
    text = str(value).strip().replace(" ", "T")
    return text[:16] if text else None


def _to_datetime(value) -> datetime | None:
    iso = _iso_minutes(value)
    try:
        return datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _to_time(value):
    from datetime import time

    if isinstance(value, time):
        return value
    text = _time_iso(value)
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


def _time_iso(value) -> str | None:
    from datetime import time

    if _is_blank(value):
        return None
    if isinstance(value, time | datetime):
        return value.strftime("%H:%M")
    text = str(value).strip()
    return text[:5] if text else None


def _is_blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


def _cell(col: Column, value):
    if col.kind == "date":
        return _iso(value)
    if col.kind == "datetime":
        return _iso_minutes(value)
    if col.kind == "time":
        return _time_iso(value)
    if col.kind == "number":
        return None if _is_blank(value) else float(value)
    if col.kind == "choice":
        return None if _is_blank(value) else value
    if _is_blank(value):
        return ""
    return str(value).strip()


# --- simple widgets ----------------------------------------------------------------

def _seed_simple(field: Field, key: str, value) -> None:
    if key in st.session_state:
        return
    if field.widget == "list":
        st.session_state[key] = "\n".join(value or [])
    elif field.widget == "date":
        st.session_state[key] = _to_date(value)
    elif field.widget == "time":
        st.session_state[key] = _to_time(value)
    elif field.widget == "number":
        st.session_state[key] = None if _is_blank(value) else int(value)
    elif field.widget == "toggle":
        st.session_state[key] = bool(value)
    elif field.widget == "choice":
        st.session_state[key] = value if value in field.choices else None
    else:
        st.session_state[key] = value or ""


def _read_simple(field: Field, key: str):
    if key not in st.session_state:
        return MISSING
    value = st.session_state[key]
    if field.widget == "list":
        return [line.strip() for line in (value or "").splitlines() if line.strip()]
    if field.widget == "date":
        return _iso(value)
    if field.widget == "time":
        return _time_iso(value)
    if field.widget in ("choice", "number", "toggle"):
        return value
    return value or ""


def _draw_simple(field: Field, key: str) -> None:
    common = dict(key=key, help=field.help)
    if field.widget == "line":
        st.text_input(field.label, placeholder=field.placeholder or field.example, **common)
    elif field.widget == "text":
        st.text_area(field.label, placeholder=field.placeholder or field.example, height=110, **common)
    elif field.widget == "list":
        st.text_area(field.label, placeholder=field.example, height=120, **common)
    elif field.widget == "choice":
        labels = dict(field.choice_labels)
        options = list(field.choices) if field.key.startswith("meta.") else [None, *field.choices]
        st.selectbox(field.label, options=options, **common,
                     format_func=lambda x: "Choose…" if x is None else labels.get(x, str(x).capitalize()))
    elif field.widget == "date":
        st.date_input(field.label, format="YYYY-MM-DD", **common)
    elif field.widget == "time":
        st.time_input(field.label, step=900, **common)
    elif field.widget == "number":
        st.number_input(field.label, min_value=1, step=1, **common)
    elif field.widget == "toggle":
        st.toggle(field.label, **common)


# --- tables ------------------------------------------------------------------------

def _base_key(key: str) -> str:
    return f"{key}|base"


ORDER = "#"


def _typed(col: Column, value):
    if col.kind == "date":
        return _to_date(value)
    if col.kind == "datetime":
        return _to_datetime(value)
    if col.kind == "time":
        return _to_time(value)
    return value


def _seed_table(field: Field, key: str, value) -> None:
    if key not in st.session_state or _base_key(key) not in st.session_state:
        rows = []
        for i, row in enumerate(value or [], 1):
            cells = {c.key: _typed(c, row.get(c.key)) for c in field.columns}
            if field.ordered:
                cells[ORDER] = i
            rows.append(cells)
        st.session_state[_base_key(key)] = rows
        st.session_state.pop(key, None)


def apply_delta(base: list[dict], delta: dict | None, columns: tuple[Column, ...], ordered: bool = False) -> list[dict]:
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
            return (0, float(n), i) if not _is_blank(n) else (1, 0.0, i)

        rows = [r for _, r in sorted(enumerate(rows), key=position)]
    out = []
    for r in rows:
        clean = {c.key: _cell(c, r.get(c.key)) for c in columns}
        if any(v not in (None, "") for v in clean.values()):
            # An unset choice or date is left out, so the model's default applies.
            out.append({k: v for k, v in clean.items() if v is not None})
    return out


def _read_table(field: Field, key: str):
    if _base_key(key) not in st.session_state:
        return MISSING
    return apply_delta(st.session_state[_base_key(key)], st.session_state.get(key), field.columns, field.ordered)


def _column_config(c: Column, content: dict):
    help_text = c.help or None
    if c.kind == "choice":
        if c.choices_from is not None:
            pairs = c.choices_from(content)
            labels = dict(pairs)
            return st.column_config.SelectboxColumn(c.label, help=help_text, options=[v for v, _ in pairs],
                                                    format_func=lambda v: labels.get(v, v))
        return st.column_config.SelectboxColumn(c.label, help=help_text, options=list(c.choices))
    if c.kind == "date":
        return st.column_config.DateColumn(c.label, help=help_text, format="YYYY-MM-DD")
    if c.kind == "datetime":
        return st.column_config.DatetimeColumn(c.label, help=help_text, format="YYYY-MM-DD HH:mm", step=60)
    if c.kind == "number":
        return st.column_config.NumberColumn(c.label, help=help_text)
    if c.kind == "time":
        return st.column_config.TimeColumn(c.label, help=help_text, format="HH:mm", step=900)
    return st.column_config.TextColumn(c.label, help=help_text, width="large" if c.kind == "long" else "medium")


def _draw_table(field: Field, key: str, content: dict) -> None:
    import pandas as pd

    config = {c.key: _column_config(c, content) for c in field.columns}
    names = [c.key for c in field.columns]
    if field.ordered:
        config[ORDER] = st.column_config.NumberColumn(
            "#", help="Change a number to move the row; rows are put in order when you save", step=1, width="small")
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
                parsed = _to_datetime(text)
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


def item_noun(field: Field) -> str:
    return field.item or field.label.rstrip("s").lower()


def _draw_quick_add(field: Field, key: str, content: dict, on_change) -> None:
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
                where.text_input(c.label, key=k, placeholder="2026-10-14 14:10", help=c.help or "Date and time")
            elif c.kind == "date":
                where.date_input(c.label, value=None, key=k, format="YYYY-MM-DD", help=c.help or None)
            elif c.kind == "number":
                where.number_input(c.label, value=None, key=k, help=c.help or None)
            elif c.kind == "choice":
                pairs = c.choices_from(content) if c.choices_from else [(v, str(v)) for v in c.choices]
                labels = dict(pairs)
                where.selectbox(c.label, [None, *[v for v, _ in pairs]], key=k, help=c.help or None,
                                format_func=lambda v, labels=labels: "(not set)" if v is None else labels.get(v, v))
            else:
                where.text_input(c.label, key=k, help=c.help or None)
        shadow.update({c.key: st.session_state.get(_add_key(key, c.key)) for c in field.columns})
        problem = st.session_state.get(f"{key}|add|problem")
        if problem:
            st.error(problem, icon=":material/error:")
        st.button(f"Add {noun}", key=f"{key}|add|go", icon=":material/add:", type="primary",
                  on_click=on_change, args=("append", field, 0, 0))


# --- cards: an ordered list of records with move and delete ------------------------

def _card_key(key: str, i: int, col: str) -> str:
    return f"{key}|{i}|{col}"


def _count_key(key: str) -> str:
    return f"{key}|n"


def _seed_cards(field: Field, key: str, value) -> None:
    if _count_key(key) in st.session_state:
        return
    items = value or []
    st.session_state[_count_key(key)] = len(items)
    for i, item in enumerate(items):
        for c in field.columns:
            st.session_state[_card_key(key, i, c.key)] = item.get(c.key) or ""


def _read_cards(field: Field, key: str):
    if _count_key(key) not in st.session_state:
        return MISSING
    out = []
    for i in range(st.session_state[_count_key(key)]):
        item = {c.key: (st.session_state.get(_card_key(key, i, c.key)) or "").strip() for c in field.columns}
        out.append(item)
    return out


def _draw_cards(field: Field, key: str, on_change) -> None:
    n = st.session_state[_count_key(key)]
    noun = item_noun(field)
    st.markdown(f"**{field.label}**", help=field.help)
    if n == 0:
        st.info(f"No {field.label.lower()} yet. Add the first one below.", icon=":material/lightbulb:")
    for i in range(n):
        with st.container(border=True):
            first, *rest = field.columns
            st.text_input(f"{noun.capitalize()} {i + 1}: {first.label.lower()}",
                          key=_card_key(key, i, first.key), help=first.help or field.help)
            for c in rest:
                st.text_area(c.label, key=_card_key(key, i, c.key), help=c.help or field.help, height=80)
            b1, b2, b3, _ = st.columns([1.2, 1.4, 1.1, 1.3])
            b1.button("Move up", key=f"{key}|{i}|up", icon=":material/arrow_upward:", type="tertiary",
                      disabled=i == 0, on_click=on_change, args=("move", field, i, -1))
            b2.button("Move down", key=f"{key}|{i}|down", icon=":material/arrow_downward:", type="tertiary",
                      disabled=i == n - 1, on_click=on_change, args=("move", field, i, 1))
            b3.button("Delete", key=f"{key}|{i}|del", icon=":material/delete:", type="tertiary",
                      help=f"Delete this {noun}", on_click=on_change, args=("delete", field, i, 0))
    st.button(f"Add {noun}", key=f"{key}|add", icon=":material/add:", on_click=on_change,
              args=("add", field, n, 0))


def edit_cards(items: list[dict], action: str, index: int, step: int, blank: dict) -> list[dict]:
    items = [dict(x) for x in items]
    if action == "add":
        items.append(dict(blank))
    elif action == "delete" and 0 <= index < len(items):
        items.pop(index)
    elif action == "move" and 0 <= index + step < len(items):
        items[index], items[index + step] = items[index + step], items[index]
    return items


# --- dispatch ----------------------------------------------------------------------

def seed(field: Field, key: str, value) -> None:
    from sdmkit.ui import tree

    from sdmkit.ui import deck

    {"table": _seed_table, "cards": _seed_cards, "tree": tree.seed, "deck": deck.seed}.get(
        field.widget, _seed_simple)(field, key, value)


def read(field: Field, key: str):
    from sdmkit.ui import tree

    from sdmkit.ui import deck

    return {"table": _read_table, "cards": _read_cards, "tree": tree.read, "deck": deck.read}.get(
        field.widget, _read_simple)(field, key)


def draw(field: Field, key: str, *, content: dict, on_structure_change=None, problems: list[str] = ()) -> None:
    """Draw one field. `on_structure_change(action, field, index, step)` handles the buttons
    of cards and trees (add, move, delete), which change the shape of the draft."""
    from sdmkit.ui import tree

    if field.widget == "table":
        if field.quick_add:
            _draw_quick_add(field, key, content, on_structure_change)
        _draw_table(field, key, content)
    elif field.widget == "cards":
        _draw_cards(field, key, on_structure_change)
    elif field.widget == "tree":
        tree.draw(field, key, on_structure_change)
    elif field.widget == "deck":
        from sdmkit.ui import deck

        deck.draw(field, key, on_structure_change)
    else:
        _draw_simple(field, key)
    if field.feeds_from:
        _draw_source(field, key, content, on_structure_change)
    if field.bank:
        _draw_bank(field, key, on_structure_change)
    if field.prompt or field.example:
        tip = field.prompt
        if field.example:
            tip += (" " if tip else "") + f"*Example:* {field.example}"
        st.caption(tip)
    for problem in problems:
        st.error(problem, icon=":material/error:")


def _draw_source(field: Field, key: str, content: dict, on_change) -> None:
    """Show the working-backwards answer this field is written from, and offer to start from it."""
    from sdmkit.ui.text import esc

    answer = get_path(content, field.feeds_from) or ""
    if not answer:
        st.caption(f"Answer the working-backwards question '{field.feeds_from}' first; it feeds this part.")
        return
    c1, c2 = st.columns([4, 1.3], vertical_alignment="center")
    c1.caption(f"From your answer: {esc(answer[:220])}{'…' if len(answer) > 220 else ''}")
    empty = not (st.session_state.get(key) or "").strip()
    c2.button("Start from it", key=f"{key}|from", icon=":material/south:", type="tertiary", disabled=not empty,
              on_click=on_change, args=("copy", field, 0, 0),
              help="Copies your answer into this empty field, to rewrite for the press release")


def bank_key(key: str) -> str:
    return f"{key}|bank"


def _draw_bank(field: Field, key: str, on_change) -> None:
    present = {(st.session_state.get(_card_key(key, i, field.columns[0].key)) or "").strip()
               for i in range(st.session_state.get(_count_key(key), 0))}
    left = [q for q in field.bank if q not in present]
    if not left:
        return
    c1, c2 = st.columns([4, 1.3], vertical_alignment="bottom")
    c1.selectbox("Starter questions", left, key=bank_key(key),
                 help="Hard questions reviewers ask; pull one in and answer it honestly")
    c2.button("Add it", key=f"{key}|bankadd", icon=":material/add:", on_click=on_change, args=("bank", field, 0, 0),
              width="stretch")
