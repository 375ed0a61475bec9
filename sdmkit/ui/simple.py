"""One-box widgets: a line, a text, a list of lines, a choice, a date, a time, a number,
a toggle. Each converts between what the draft stores and what its widget holds."""

from __future__ import annotations

import re

import streamlit as st

from sdmkit.kind import Field
from sdmkit.store.normalise import TEAM_CHARS, TITLE_CHARS
from sdmkit.ui.text import esc
from sdmkit.ui.values import is_blank, iso_date, time_iso, to_date, to_time
from sdmkit.ui.widget_base import Context, FieldWidget, get_path, register

_WHOLE = re.compile(r"[+-]?\d+")
# A kind's own Title or Team box stops where the store would refuse, while typing.
_META_CHARS = {"meta.title": TITLE_CHARS, "meta.team": TEAM_CHARS}


class Line(FieldWidget):
    name = "line"

    def leaves(self, field, key, value):
        return {key: value or ""}

    def value_from(self, field, key, value, present):
        return present[key] or ""

    def draw(self, field, key, ctx):
        limit = _META_CHARS.get(field.key)
        st.text_input(
            field.label,
            key=key,
            help=field.help + (f" Up to {limit} characters." if limit else ""),
            placeholder=field.placeholder or field.example,
            max_chars=limit,
        )
        if field.feeds_from:
            _draw_source(field, key, ctx)

    def change(self, field, key, value, action, index, step, ctx):
        if action == "copy":  # start a press-release part from its working-backwards answer
            return get_path(ctx.content, field.feeds_from) or ""
        return None


class Text(Line):
    name = "text"

    def draw(self, field, key, ctx):
        st.text_area(
            field.label,
            key=key,
            help=field.help,
            placeholder=field.placeholder or field.example,
            height=110,
        )
        if field.feeds_from:
            _draw_source(field, key, ctx)


class Lines(FieldWidget):
    """A list of short entries, one per line of a text box."""

    name = "list"

    def leaves(self, field, key, value):
        return {key: "\n".join(value or [])}

    def value_from(self, field, key, value, present):
        return [line.strip() for line in (present[key] or "").splitlines() if line.strip()]

    def draw(self, field, key, ctx):
        st.text_area(field.label, key=key, help=field.help, placeholder=field.example, height=120)


class Choice(FieldWidget):
    name = "choice"

    def leaves(self, field, key, value):
        return {key: value if value in field.choices else None}

    def draw(self, field, key, ctx):
        # A label with its meaning ('Sev 2: major. A core function is failing ...')
        # shows its name in the box and its meaning under it: in full, the box cut it
        # off mid-sentence ('... page 24') with no sign that more followed.
        names, meanings = {}, {}
        for choice, text in field.choice_labels:
            name, _, meaning = text.partition(". ")
            names[choice], meanings[choice] = name, meaning
        options = list(field.choices) if field.key.startswith("meta.") else [None, *field.choices]
        chosen = st.selectbox(
            field.label,
            options=options,
            key=key,
            # every choice's meaning in the help, to choose by
            help=field.help + "".join(f"\n\n{esc(text)}" for _, text in field.choice_labels),
            format_func=lambda x: "Choose…" if x is None else names.get(x, choice_label(x)),
        )
        if meanings.get(chosen):
            st.caption(esc(meanings[chosen]))


class Date(FieldWidget):
    name = "date"

    def leaves(self, field, key, value):
        return {key: to_date(value)}

    def value_from(self, field, key, value, present):
        return iso_date(present[key])

    def draw(self, field, key, ctx):
        st.date_input(field.label, key=key, help=field.help, format="YYYY-MM-DD")


class Time(FieldWidget):
    name = "time"

    def leaves(self, field, key, value):
        return {key: to_time(value)}

    def value_from(self, field, key, value, present):
        return time_iso(present[key])

    def draw(self, field, key, ctx):
        st.time_input(field.label, key=key, help=field.help, step=900)


class Number(FieldWidget):
    """A whole number, typed as text. The box keeps what was typed even when it is not a
    number, and so does the draft: the editor names the problem beside the field and
    Save refuses it, while the saved version keeps its value. (A number box loses it:
    Streamlit's turns text it cannot read into its minimum, 0.)"""

    name = "number"

    def leaves(self, field, key, value):
        return {key: "" if is_blank(value) else str(value)}

    def value_from(self, field, key, value, present):
        text = str(present[key] or "").strip()
        if not text:
            return None
        return int(text) if _WHOLE.fullmatch(text) else text

    def draw(self, field, key, ctx):
        st.text_input(field.label, key=key, help=field.help, placeholder=field.placeholder or field.example)


class Toggle(FieldWidget):
    name = "toggle"

    def leaves(self, field, key, value):
        return {key: bool(value)}

    def draw(self, field, key, ctx):
        st.toggle(field.label, key=key, help=field.help)


for _widget in (Line(), Text(), Lines(), Choice(), Date(), Time(), Number(), Toggle()):
    register(_widget)


def _draw_source(field: Field, key: str, ctx: Context) -> None:
    """Show the working-backwards answer this field is written from, and offer to start from it."""
    answer = get_path(ctx.content, field.feeds_from) or ""
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
        on_click=ctx.on_change,
        args=("copy", field, 0, 0),
        help="Copies your answer into this empty field, to rewrite for the press release",
    )


def choice_label(value) -> str:
    """'weekly' -> 'Weekly', but 'Europe/Berlin' stays as written (capitalize() lowers the rest)."""
    text = str(value)
    return text[:1].upper() + text[1:]
