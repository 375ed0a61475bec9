"""Three-way merge of a stale save: the version the writer started from (base), the
version saved meanwhile by someone else (theirs) and the writer's text (mine).

A careful colleague merges field by field: a field only one side changed takes that
side's value without asking; a field both sides changed the same way is no
question either; only a field both changed differently is a clash, to be asked
about. Records and lists of the same length are merged entry by entry, so two
people editing different tenets never clash; a list whose length changed on both
sides is one clash (it cannot be merged entry by entry without guessing)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Clash:
    """A place both sides changed differently: ('content', 'tenets', 0, 'statement')."""

    path: Path
    base: Any
    mine: Any
    theirs: Any

    @property
    def field(self) -> str:
        """The path as the store names fields: 'content.tenets[1].statement', 'title'."""
        return field_name(self.path)


@dataclass(frozen=True)
class Merge:
    merged: dict[str, Any]  # both sides' one-sided changes, and the writer's text at each clash
    clashes: list[Clash]
    theirs_taken: list[Path]  # where the merge took their change (the writer did not touch it)
    mine_kept: list[Path]  # where the merge kept the writer's change


def field_name(path: Path) -> str:
    parts = list(path[1:] if path and path[0] in ("meta", "content") else path)
    out = "content" if path and path[0] == "content" else ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p + 1}]"  # people count from 1
        else:
            out += f".{p}" if out else str(p)
    return out


def three_way(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> Merge:
    clashes: list[Clash] = []
    taken: list[Path] = []
    kept: list[Path] = []

    def merge(b: Any, m: Any, t: Any, path: Path) -> Any:
        if m == t:
            return copy.deepcopy(m)
        if m == b:
            taken.append(path)
            return copy.deepcopy(t)
        if t == b:
            kept.append(path)
            return copy.deepcopy(m)
        if isinstance(m, dict) and isinstance(t, dict) and isinstance(b, dict | type(None)):
            b = b or {}
            keys = list(dict.fromkeys([*b, *m, *t]))
            out: dict[Any, Any] = {}
            for k in keys:
                value = merge(b.get(k), m.get(k), t.get(k), (*path, k))
                if value is not None or k in m or k in t:
                    out[k] = value
            return out
        if isinstance(m, list) and isinstance(t, list) and isinstance(b, list) and len(m) == len(t) == len(b):
            return [merge(b[i], m[i], t[i], (*path, i)) for i in range(len(m))]
        clashes.append(Clash(path, b, m, t))
        return copy.deepcopy(m)

    merged = {part: merge(base.get(part), mine.get(part), theirs.get(part), (part,)) for part in mine}
    return Merge(merged, clashes, taken, kept)


def resolve(merge: Merge, choices: dict[Path, Any]) -> dict[str, Any]:
    """The merged value with each clash set to the value chosen for it (default: mine)."""
    out = copy.deepcopy(merge.merged)
    for clash in merge.clashes:
        if clash.path in choices:
            _set(out, clash.path, copy.deepcopy(choices[clash.path]))
    return out


def _set(data: Any, path: Path, value: Any) -> None:
    cur = data
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = value
