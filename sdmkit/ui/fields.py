"""The guided editor's fields: find a field's widget type in the registry and draw,
seed, collect or reshape it. The widget types themselves live in their own modules
(simple, cards, tree, deck, tables), each registering one object per type."""

from __future__ import annotations

import streamlit as st

from sdmkit.kind import Field
from sdmkit.ui import cards, deck, simple, tables, tree  # noqa: F401 - each registers its widget types
from sdmkit.ui.widget_base import MISSING, REGISTRY, Context, FieldWidget, get_path, set_path, widget_key


def widget_for(field: Field) -> FieldWidget:
    # A kind naming a widget type that does not exist is a programming error: KeyError says which.
    return REGISTRY[field.widget]


def seed(field: Field, draft_key: str, content: dict) -> None:
    widget_for(field).seed(field, widget_key(draft_key, field.key), get_path(content, field.key))


def collect(field: Field, draft_key: str, content: dict) -> None:
    """Copy what the user typed into this field's widgets into the draft's content."""
    value = widget_for(field).collect(field, widget_key(draft_key, field.key), get_path(content, field.key))
    if value is not MISSING:
        set_path(content, field.key, value)


def change(field: Field, draft_key: str, ctx: Context, action: str, index, step: int) -> bool:
    """Apply one of the field's buttons (add, move, delete, refresh...) to the draft;
    True when the draft changed shape and the field's widgets must be seeded anew."""
    key = widget_key(draft_key, field.key)
    value = widget_for(field).change(field, key, get_path(ctx.content, field.key), action, index, step, ctx)
    if value is None:
        return False
    set_path(ctx.content, field.key, value)
    return True


def draw(field: Field, draft_key: str, ctx: Context) -> None:
    """Draw one field with its prompt, example and the problems found in it."""
    widget_for(field).draw(field, widget_key(draft_key, field.key), ctx)
    if field.prompt or field.example:
        tip = field.prompt
        if field.example:
            tip += (" " if tip else "") + f"*Example:* {field.example}"
        st.caption(tip)
    for problem in ctx.problems:
        st.error(problem, icon=":material/error:")
