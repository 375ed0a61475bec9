"""The kind registry. Each module in this package that defines `KIND` is a kind;
adding one means adding a module here, its two templates, its page and its example."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from sdmkit.errors import UnknownKind
from sdmkit.kinds.base import Column, Field, Kind, Section

# The order managers meet the mechanisms in; kinds not listed here come after.
_ORDER = ["charter", "coe", "prfaq", "oncall", "metric_review", "story"]


@cache
def registry() -> dict[str, Kind]:
    found: dict[str, Kind] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name in ("base", "action_items"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            found[kind.id] = kind
    rank = {k: i for i, k in enumerate(_ORDER)}
    return dict(sorted(found.items(), key=lambda kv: (rank.get(kv[0], 99), kv[0])))


def get_kind(kind_id: str) -> Kind:
    kinds = registry()
    if kind_id not in kinds:
        known = ", ".join(kinds) or "none"
        raise UnknownKind(f"unknown kind '{kind_id}' (known kinds: {known})")
    return kinds[kind_id]


def all_kinds() -> list[Kind]:
    return list(registry().values())


__all__ = ["Column", "Field", "Kind", "Section", "all_kinds", "get_kind", "registry"]
