"""The whys tree: each why is a text box, indented under the why it answers, with
buttons to ask why again (a child), add another cause (a sibling) or delete it.

The shape (ids and parents) is the draft's; the text boxes are keyed by node id, so
adding or removing a why never moves text from one box to another."""

from __future__ import annotations

import streamlit as st

from sdmkit import outline
from sdmkit.kind import Field
from sdmkit.ui.widget_base import FieldWidget, get_path, register

MAX_INDENT = 5


def _text_key(key: str, node_id: str) -> str:
    return f"{key}|{node_id}|text"


def edit(nodes: list[dict], action: str, node_id: str | None) -> list[dict]:
    if action == "child":
        return outline.add_child(nodes, node_id)
    if action == "sibling" and node_id:
        return outline.add_sibling(nodes, node_id)
    if action == "delete" and node_id:
        return outline.remove(nodes, node_id)
    return nodes


class Tree(FieldWidget):
    name = "tree"

    def leaves(self, field, key, value):
        return {_text_key(key, n["id"]): n.get("text") or "" for n in value or []}

    def value_from(self, field, key, value, present):
        out = []
        for n in value or []:
            k = _text_key(key, n["id"])
            out.append({**n, "text": (present[k] or "").strip()} if k in present else dict(n))
        return out

    def draw(self, field, key, ctx):
        _draw(field, key, get_path(ctx.content, field.key) or [], ctx.on_change)

    def change(self, field, key, value, action, index, step, ctx):
        return edit(value or [], action, index)


register(Tree())


def _draw(field: Field, key: str, nodes: list[dict], on_change) -> None:
    leaves = outline.leaf_ids(nodes)
    st.markdown(f"**{field.label}**", help=field.help)
    if not nodes:
        st.info("No whys yet. Start with why the problem above happened.", icon=":material/lightbulb:")
    for node, depth, number in outline.walk(nodes):
        indent = min(depth - 1, MAX_INDENT)
        _, body = st.columns([0.001 + indent * 0.6, 10])
        with body:
            leaf = node["id"] in leaves
            label = f"Why {number}" + (" · root cause" if leaf else "")
            st.text_area(
                label,
                key=_text_key(key, node["id"]),
                height=68,
                help="Answer 'why?' for the why above it. The last why of a branch is a root cause.",
            )
            b1, b2, b3, _ = st.columns([1.1, 1.6, 1, 1.2])
            b1.button(
                "Ask why",
                key=f"{key}|{node['id']}|child",
                icon=":material/subdirectory_arrow_right:",
                type="tertiary",
                help=f"Add a why under why {number}",
                on_click=on_change,
                args=("child", field, node["id"], 0),
            )
            b2.button(
                "Add another cause",
                key=f"{key}|{node['id']}|sibling",
                icon=":material/call_split:",
                type="tertiary",
                help=f"A second answer to the same question as why {number}",
                on_click=on_change,
                args=("sibling", field, node["id"], 0),
            )
            b3.button(
                "Delete",
                key=f"{key}|{node['id']}|delete",
                icon=":material/delete:",
                type="tertiary",
                help=f"Delete why {number} and the whys under it",
                on_click=on_change,
                args=("delete", field, node["id"], 0),
            )
    st.button(
        "Add a why" if not nodes else "Add another top-level why",
        key=f"{key}|root",
        icon=":material/add:",
        help="A why that answers the problem itself, not another why",
        on_click=on_change,
        args=("child", field, None, 0),
    )
