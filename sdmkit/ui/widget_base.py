"""What every guided-editor widget type is, and the registry that finds one by name.

The draft (sdmkit.ui.drafts) is the document being edited; widgets are views of it.
Streamlit forgets a widget's key whenever a run does not draw that widget (another
page, a hidden branch), while plain keys survive. So a widget type never keeps the
shape of its value (how many cards, which whys) in session state: the shape is read
from the draft on every run, and only the leaf keys that are present are read back. A
missing key means "not drawn last run", never "the user emptied it".

Every leaf key is then written again on every run, before its widget is drawn: from
the draft when it is missing, else with what it holds (which the draft now holds
too). Streamlit sends a keyed widget's value to the browser only in a run that wrote
the key (`set_value`); in the runs after, the browser is trusted to hold it. But the
browser loads each widget type's code when first needed and draws the widget from the
newest message it has by then: after a click that reran before the boxes were drawn
(a section tab, at once), that message had no value, the boxes showed their defaults
('' in a box, "Choose…" in a choice) and the next rerun sent those back as the user's
edit. Written on every run, every message the browser gets carries each field's value.

One object per widget type (text, cards, tree, deck, table...) knows how to seed,
collect, draw and reshape its value; adding a type is one class and one `register`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from sdmkit.kind import Field


class _Missing:
    """No widget state to read: the widget was not drawn in the last run."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


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
    prefix = widget_key(draft_key, field_key) + "|" if field_key else f"w|{draft_key}|"
    exact = widget_key(draft_key, field_key) if field_key else None
    for key in [k for k in st.session_state if isinstance(k, str) and (k.startswith(prefix) or k == exact)]:
        if "|add|" not in key:
            del st.session_state[key]


def item_noun(field: Field) -> str:
    """What one card or row is called in buttons: 'tenet', 'event'."""
    return field.noun


@dataclass
class Context:
    """What a widget may need while drawing or reshaping: the draft it belongs to and the
    editor's callback for buttons that change the draft's shape."""

    draft: dict
    on_change: Callable[..., None] | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def content(self) -> dict:
        return self.draft["content"]


class FieldWidget:
    """A widget type. Subclasses give `leaves` (the session keys this value is drawn
    with, and what each holds) and `value_from` (the value, given the draft's value and
    the leaves that are present); `draw` draws it; `change` answers its buttons."""

    name = ""

    def leaves(self, field: Field, key: str, value) -> dict[str, Any]:
        return {key: value}

    def seed(self, field: Field, key: str, value) -> None:
        """Write every leaf key, so this run tells the browser its value (see above)."""
        for k, v in self.leaves(field, key, value).items():
            st.session_state[k] = st.session_state.get(k, v)

    def collect(self, field: Field, key: str, value):
        """The draft's value updated with what the user typed, or MISSING if nothing of
        this widget is on screen to read."""
        present = {k: st.session_state[k] for k in self.leaves(field, key, value) if k in st.session_state}
        if not present:
            return MISSING
        return self.value_from(field, key, value, present)

    def value_from(self, field: Field, key: str, value, present: dict[str, Any]):
        return present[key]

    def draw(self, field: Field, key: str, ctx: Context) -> None:
        raise NotImplementedError

    def change(self, field: Field, key: str, value, action: str, index, step: int, ctx: Context):
        """The new value after one of this widget's buttons, or None for no change."""
        return None


REGISTRY: dict[str, FieldWidget] = {}


def register(widget: FieldWidget) -> FieldWidget:
    REGISTRY[widget.name] = widget
    return widget
