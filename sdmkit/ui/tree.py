"""The whys tree: each why is a text box, indented under the why it answers, with
buttons to ask why again (a child), add another cause (a sibling) or delete it.

The shape (ids and parents) lives in session state beside the texts, keyed by node
id, so adding or removing a why never moves text from one box to another."""

from __future__ import annotations

import streamlit as st

from sdmkit import outline
from sdmkit.kinds.base import Field

MAX_INDENT = 5


def _shape_key(key: str) -> str:
    return f"{key}|shape"


def _text_key(key: str, node_id: str) -> str:
    return f"{key}|{node_id}|text"


def seed(field: Field, key: str, value) -> None:
    if _shape_key(key) in st.session_state:
        return
    nodes = value or []
    st.session_state[_shape_key(key)] = [{"id": n["id"], "parent": n.get("parent")} for n in nodes]
    for n in nodes:
        st.session_state[_text_key(key, n["id"])] = n.get("text") or ""


def read(field: Field, key: str):
    if _shape_key(key) not in st.session_state:
        from sdmkit.ui.fields import MISSING as FIELD_MISSING

        return FIELD_MISSING
    return [
        {**n, "text": (st.session_state.get(_text_key(key, n["id"])) or "").strip()}
        for n in st.session_state[_shape_key(key)]
    ]


def edit(nodes: list[dict], action: str, node_id: str | None) -> list[dict]:
    if action == "child":
        return outline.add_child(nodes, node_id)
    if action == "sibling" and node_id:
        return outline.add_sibling(nodes, node_id)
    if action == "delete" and node_id:
        return outline.remove(nodes, node_id)
    return nodes


def draw(field: Field, key: str, on_change) -> None:
    nodes = st.session_state[_shape_key(key)]
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
        on_click=on_change,
        args=("child", field, None, 0),
    )
