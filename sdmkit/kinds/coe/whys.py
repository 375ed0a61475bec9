"""The five whys as a tree: each why answers 'why?' of its parent; the problem
statement is the root, and the leaves are the root causes."""

from __future__ import annotations

from sdmkit import outline
from sdmkit.kinds.coe.model import COE, WhyNode


def walk(coe: COE) -> list[tuple[WhyNode, int, str]]:
    return list(outline.walk(coe.whys))


def leaves(coe: COE) -> list[tuple[WhyNode, int, str]]:
    ids = outline.leaf_ids(coe.whys)
    return [(n, d, num) for n, d, num in walk(coe) if n.id in ids]


def numbering(coe: COE) -> dict[str, str]:
    return {n.id: num for n, _, num in walk(coe)}
