"""Guided-editor widgets, one per Field.widget type.

Every widget keeps its value under its own session-state key, seeded from the
draft when the key is missing (first visit, or after Streamlit dropped it because
the user was on another page). `read` turns the widget state back into content, so
a button callback can collect the newest text before it saves.

Tables follow the st.data_editor rule: its input is a snapshot that never changes
while the editor is on screen; the value is the snapshot plus the edit delta."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sdmkit.kinds.base import Field
from sdmkit.ui import tables as T
from sdmkit.ui.tables import MISSING, apply_delta, clear_quick_add, quick_add_row  # noqa: F401 - the editor's API
from sdmkit.ui.values import is_blank, iso_date, time_iso, to_date, to_time


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


# --- simple widgets ----------------------------------------------------------------


def _seed_simple(field: Field, key: str, value) -> None:
    if key in st.session_state:
        return
    if field.widget == "list":
        st.session_state[key] = "\n".join(value or [])
    elif field.widget == "date":
        st.session_state[key] = to_date(value)
    elif field.widget == "time":
        st.session_state[key] = to_time(value)
    elif field.widget == "number":
        st.session_state[key] = None if is_blank(value) else int(value)
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
        return iso_date(value)
    if field.widget == "time":
        return time_iso(value)
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
        st.selectbox(
            field.label,
            options=options,
            **common,
            format_func=lambda x: "Choose…" if x is None else labels.get(x, choice_label(x)),
        )
    elif field.widget == "date":
        st.date_input(field.label, format="YYYY-MM-DD", **common)
    elif field.widget == "time":
        st.time_input(field.label, step=900, **common)
    elif field.widget == "number":
        st.number_input(field.label, min_value=0, step=1, **common)
    elif field.widget == "toggle":
        st.toggle(field.label, **common)


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
            st.text_input(
                f"{noun.capitalize()} {i + 1}: {first.label.lower()}",
                key=_card_key(key, i, first.key),
                help=first.help or field.help,
            )
            for c in rest:
                st.text_area(c.label, key=_card_key(key, i, c.key), help=c.help or field.help, height=80)
            b1, b2, b3, _ = st.columns([1.2, 1.4, 1.1, 1.3])
            b1.button(
                "Move up",
                key=f"{key}|{i}|up",
                icon=":material/arrow_upward:",
                type="tertiary",
                disabled=i == 0,
                on_click=on_change,
                args=("move", field, i, -1),
            )
            b2.button(
                "Move down",
                key=f"{key}|{i}|down",
                icon=":material/arrow_downward:",
                type="tertiary",
                disabled=i == n - 1,
                on_click=on_change,
                args=("move", field, i, 1),
            )
            b3.button(
                "Delete",
                key=f"{key}|{i}|del",
                icon=":material/delete:",
                type="tertiary",
                help=f"Delete this {noun}",
                on_click=on_change,
                args=("delete", field, i, 0),
            )
    st.button(
        f"Add {noun}", key=f"{key}|add", icon=":material/add:", on_click=on_change, args=("add", field, n, 0)
    )


def item_noun(field: Field) -> str:
    return field.item or field.label.rstrip("s").lower()


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
    from sdmkit.ui import deck, tree

    {"table": T.seed_table, "cards": _seed_cards, "tree": tree.seed, "deck": deck.seed}.get(
        field.widget, _seed_simple
    )(field, key, value)


def read(field: Field, key: str):
    from sdmkit.ui import deck, tree

    return {"table": T.read_table, "cards": _read_cards, "tree": tree.read, "deck": deck.read}.get(
        field.widget, _read_simple
    )(field, key)


def draw(
    field: Field, key: str, *, content: dict, on_structure_change=None, problems: list[str] = ()
) -> None:
    """Draw one field. `on_structure_change(action, field, index, step)` handles the buttons
    of cards and trees (add, move, delete), which change the shape of the draft."""
    from sdmkit.ui import tree

    if field.widget == "table":
        if field.quick_add:
            T.draw_quick_add(field, key, content, on_structure_change)
        T.draw_table(field, key, content)
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
    c2.button(
        "Start from it",
        key=f"{key}|from",
        icon=":material/south:",
        type="tertiary",
        disabled=not empty,
        on_click=on_change,
        args=("copy", field, 0, 0),
        help="Copies your answer into this empty field, to rewrite for the press release",
    )


def bank_key(key: str) -> str:
    return f"{key}|bank"


def _draw_bank(field: Field, key: str, on_change) -> None:
    present = {
        (st.session_state.get(_card_key(key, i, field.columns[0].key)) or "").strip()
        for i in range(st.session_state.get(_count_key(key), 0))
    }
    left = [q for q in field.bank if q not in present]
    if not left:
        return
    c1, c2 = st.columns([4, 1.3], vertical_alignment="bottom")
    c1.selectbox(
        "Starter questions",
        left,
        key=bank_key(key),
        help="Hard questions reviewers ask; pull one in and answer it honestly",
    )
    c2.button(
        "Add it",
        key=f"{key}|bankadd",
        icon=":material/add:",
        on_click=on_change,
        args=("bank", field, 0, 0),
        width="stretch",
    )


def choice_label(value) -> str:
    """'weekly' -> 'Weekly', but 'Europe/Berlin' stays as written (capitalize() lowers the rest)."""
    text = str(value)
    return text[:1].upper() + text[1:]
