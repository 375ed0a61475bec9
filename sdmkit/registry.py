"""The kind registry: one explicit list of the built-in kinds, in the order managers
meet the mechanisms (as datasette lists its default plugins), plus any kinds named
in SDMKIT_KINDS. A kind is a module that defines `KIND`; see the README's "Adding a
kind" for what it declares and what follows from it by convention.

The registry sits below the store, the exports and the interchange format, which
ask it for a kind's model and templates; the kinds sit above all of them (their
rules use the coach, their miners the story bank). So kinds are named here, not
imported: each module is loaded by its name on first use, the way datasette loads
its default plugins, and nothing below sdmkit/kinds imports a kind."""

from __future__ import annotations

import importlib
import os
from functools import cache
from typing import TYPE_CHECKING

from sdmkit.errors import UnknownKind

if TYPE_CHECKING:  # the store imports this module; what a kind declares loads with the first kind
    from sdmkit.kind import Kind

BUILTIN = (
    "sdmkit.kinds.charter",
    "sdmkit.kinds.coe",
    "sdmkit.kinds.prfaq",
    "sdmkit.kinds.oncall",
    "sdmkit.kinds.metric_review",
    "sdmkit.kinds.story",
)
# More kinds, from outside this package: importable module names, comma-separated.
ENV_KINDS = "SDMKIT_KINDS"


def kind_modules() -> list[str]:
    extra = [m.strip() for m in os.environ.get(ENV_KINDS, "").split(",") if m.strip()]
    return [*BUILTIN, *(m for m in extra if m not in BUILTIN)]


@cache
def registry() -> dict[str, Kind]:
    # With the first kind: `sdmkit list` reads no kind and need not build Kind's class (7 ms).
    from sdmkit.kind import Kind

    found: dict[str, Kind] = {}
    for name in kind_modules():
        kind = getattr(importlib.import_module(name), "KIND", None)
        if not isinstance(kind, Kind):
            raise TypeError(f"{name} is listed as a kind but defines no KIND = Kind(...)")
        if kind.id in found:
            raise ValueError(f"{name} defines kind '{kind.id}', which another module already defines")
        found[kind.id] = kind
    return found


def get_kind(kind_id: str) -> Kind:
    # With the first kind, as above.
    from sdmkit.kind import Kind

    # A built-in kind lives in the module named after it: importing that one alone
    # spares a one-document command (an export, a lint) the other kinds' models and
    # rules (about 0.08 s). With SDMKIT_KINDS set, the whole registry is read, so a
    # kind defined twice is still refused.
    module = f"sdmkit.kinds.{kind_id}"
    if module in BUILTIN and not os.environ.get(ENV_KINDS, "").strip():
        kind = getattr(importlib.import_module(module), "KIND", None)
        if isinstance(kind, Kind) and kind.id == kind_id:
            return kind
    kinds = registry()
    if kind_id not in kinds:
        known = ", ".join(kinds) or "none"
        raise UnknownKind(f"unknown kind '{kind_id}' (known kinds: {known})")
    return kinds[kind_id]


def all_kinds() -> list[Kind]:
    return list(registry().values())


__all__ = ["BUILTIN", "ENV_KINDS", "all_kinds", "get_kind", "kind_modules", "registry"]
