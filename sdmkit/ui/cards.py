"""Cards: an ordered list of records (tenets, FAQ entries), each a small form with move
and delete buttons, and optionally a bank of starter entries to pull in.

How many cards there are is the draft's list; the card widgets only hold the texts."""

from __future__ import annotations

import streamlit as st

from sdmkit.kind import Field
from sdmkit.ui.widget_base import Context, FieldWidget, get_path, item_noun, register


def _card_key(key: str, i: int, col: str) -> str:
    return f"{key}|{i}|{col}"


def bank_key(key: str) -> str:
    return f"{key}|bank"


def edit_cards(items: list[dict], action: str, index: int, step: int, blank: dict) -> list[dict]:
    items = [dict(x) for x in items]
    if action == "add":
        items.append(dict(blank))
    elif action == "delete" and 0 <= index < len(items):
        items.pop(index)
    elif action == "move" and 0 <= index + step < len(items):
        items[index], items[index + step] = items[index + step], items[index]
    return items


class Cards(FieldWidget):
    name = "cards"

    def leaves(self, field, key, value):
        return {
            _card_key(key, i, c.key): (item.get(c.key) or "")
            for i, item in enumerate(value or [])
            for c in field.columns
        }

    def value_from(self, field, key, value, present):
        out = []
        for i, item in enumerate(value or []):
            item = dict(item)
            for c in field.columns:
                k = _card_key(key, i, c.key)
                if k in present:
                    item[c.key] = (present[k] or "").strip()
            out.append(item)
        return out

    def draw(self, field: Field, key: str, ctx: Context) -> None:
        items = get_path(ctx.content, field.key) or []
        n = len(items)
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
                    help=f"Swap this {noun} with the one above it",
                    on_click=ctx.on_change,
                    args=("move", field, i, -1),
                )
                b2.button(
                    "Move down",
                    key=f"{key}|{i}|down",
                    icon=":material/arrow_downward:",
                    type="tertiary",
                    disabled=i == n - 1,
                    help=f"Swap this {noun} with the one below it",
                    on_click=ctx.on_change,
                    args=("move", field, i, 1),
                )
                b3.button(
                    "Delete",
                    key=f"{key}|{i}|del",
                    icon=":material/delete:",
                    type="tertiary",
                    help=f"Delete this {noun}",
                    on_click=ctx.on_change,
                    args=("delete", field, i, 0),
                )
        st.button(
            f"Add {noun}",
            key=f"{key}|add",
            icon=":material/add:",
            help=f"An empty {noun} at the end, to fill in",
            on_click=ctx.on_change,
            args=("add", field, n, 0),
        )
        if field.bank:
            _draw_bank(field, key, items, ctx)

    def change(self, field, key, value, action, index, step, ctx):
        items = value or []
        if action == "bank":  # a starter question from the bank, as a new card
            question = st.session_state.get(bank_key(key))
            if not question:
                return None
            return [*items, {field.columns[0].key: question, **{c.key: "" for c in field.columns[1:]}}]
        return edit_cards(items, action, index, step, {c.key: "" for c in field.columns})


register(Cards())


def _draw_bank(field: Field, key: str, items: list[dict], ctx: Context) -> None:
    present = {(item.get(field.columns[0].key) or "").strip() for item in items}
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
        help="The chosen question as a new card at the end, its answer left for you",
        on_click=ctx.on_change,
        args=("bank", field, 0, 0),
        width="stretch",
    )
