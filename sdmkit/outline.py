"""Trees kept as flat lists of nodes with ids and parent ids (how a COE stores its
whys). Works on dicts and on objects with `id` and `parent` attributes."""

from __future__ import annotations

from collections.abc import Iterator


def _get(node, name: str):
    return node.get(name) if isinstance(node, dict) else getattr(node, name)


def walk(nodes: list, parent: str | None = None, depth: int = 1, prefix: str = "") -> Iterator[tuple]:
    """Depth-first: (node, depth from the root, outline number like '1.2.1')."""
    kids = [n for n in nodes if _get(n, "parent") == parent]
    for i, node in enumerate(kids, 1):
        number = f"{prefix}{i}"
        yield node, depth, number
        yield from walk(nodes, _get(node, "id"), depth + 1, f"{number}.")


def leaf_ids(nodes: list) -> set[str]:
    parents = {_get(n, "parent") for n in nodes}
    return {_get(n, "id") for n in nodes if _get(n, "id") not in parents}


def new_id(nodes: list[dict], prefix: str = "w") -> str:
    taken = {n.get("id") for n in nodes}
    i = len(nodes) + 1
    while f"{prefix}{i}" in taken:
        i += 1
    return f"{prefix}{i}"


def descendants(nodes: list[dict], node_id: str) -> set[str]:
    found: set[str] = set()
    frontier = [node_id]
    while frontier:
        current = frontier.pop()
        for n in nodes:
            if n.get("parent") == current and n["id"] not in found:
                found.add(n["id"])
                frontier.append(n["id"])
    return found


def add_child(nodes: list[dict], parent: str | None) -> list[dict]:
    """A new empty node under `parent` (None: a new top-level node), after its siblings."""
    nodes = [dict(n) for n in nodes]
    node = {"id": new_id(nodes), "parent": parent, "text": ""}
    insert_at = len(nodes)
    if parent is not None:
        subtree = descendants(nodes, parent) | {parent}
        positions = [i for i, n in enumerate(nodes) if n["id"] in subtree]
        insert_at = max(positions) + 1 if positions else len(nodes)
    nodes.insert(insert_at, node)
    return nodes


def add_sibling(nodes: list[dict], node_id: str) -> list[dict]:
    parent = next((n.get("parent") for n in nodes if n["id"] == node_id), None)
    return add_child(nodes, parent)


def remove(nodes: list[dict], node_id: str) -> list[dict]:
    """Remove a node and everything below it."""
    gone = descendants(nodes, node_id) | {node_id}
    return [dict(n) for n in nodes if n["id"] not in gone]
