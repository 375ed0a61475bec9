"""The layers of DESIGN.md, checked on the source: no import cycles (function-local
imports count, since they only hide a cycle), Streamlit only in the UI layer, and no
layer that imports one above it. A new module that breaks a rule fails here, with
the import that does it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sdmkit"

# A layer never imports the layers named for it (the UI and CLI sit on top of all).
# The kinds sit above the core (their rules use the coach, their miners the story
# bank): the core asks sdmkit.registry, which names the kinds and loads them by name.
TOP = ("sdmkit.ui", "sdmkit.cli")
CORE_ABOVE_KIND = ("sdmkit.store", "sdmkit.export", "sdmkit.interchange", "sdmkit.stories", "sdmkit.document")
FORBIDDEN = {
    "sdmkit.kind": ("sdmkit.kinds", "sdmkit.registry", "sdmkit.coach.engine", *CORE_ABOVE_KIND, *TOP),
    "sdmkit.registry": ("sdmkit.kinds", *CORE_ABOVE_KIND, *TOP),
    "sdmkit.document": ("sdmkit.kinds", "sdmkit.store", "sdmkit.interchange", *TOP),
    "sdmkit.store": (
        "sdmkit.kinds",
        "sdmkit.interchange",
        "sdmkit.export",
        "sdmkit.stories",
        "sdmkit.portfolio",
        *TOP,
    ),
    "sdmkit.interchange": ("sdmkit.kinds", *TOP),
    "sdmkit.export": ("sdmkit.kinds", *TOP),
    "sdmkit.coach": ("sdmkit.kinds", "sdmkit.store", "sdmkit.export", *TOP),
    "sdmkit.stories": ("sdmkit.kinds", *TOP),
    "sdmkit.kinds": TOP,
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """(sdmkit module imported, line) for every import in the file, at any depth."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base, *(f"{base}.{a.name}" for a in node.names)]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            # A submodule imports its own packages anyway: not an edge worth a rule.
            if target and target != name and not name.startswith(target + "."):
                found.append((target, node.lineno))
    return found


def _graph() -> dict[str, dict[str, int]]:
    modules = _modules()
    return {name: dict(_imports(name, path, modules)) for name, path in modules.items()}


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    graph = _graph()
    cycles = _cycles(graph)
    described = [
        " <-> ".join(group)
        + ": "
        + ", ".join(f"{a} imports {b} (line {graph[a][b]})" for a in group for b in group if b in graph[a])
        for group in cycles
    ]
    assert not described, "import cycles:\n" + "\n".join(described)


def test_streamlit_only_in_the_ui_layer():
    offenders = []
    for name, path in _modules().items():
        if name == "sdmkit.ui" or name.startswith("sdmkit.ui."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            mods = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{name} line {node.lineno}" for m in mods if m.split(".")[0] == "streamlit"]
    assert not offenders, "streamlit imported outside sdmkit/ui/: " + ", ".join(offenders)


def test_no_layer_imports_one_above_it():
    wrong = []
    for name, imported in _graph().items():
        for layer, above in FORBIDDEN.items():
            if name == layer or name.startswith(layer + "."):
                wrong += [
                    f"{name} imports {target} (line {line})"
                    for target, line in imported.items()
                    if any(target == a or target.startswith(a + ".") for a in above)
                ]
    assert not wrong, "upward imports:\n" + "\n".join(wrong)


def test_only_the_ui_and_the_cli_import_a_kind():
    """Everything else reaches a kind through sdmkit.registry (get_kind, all_kinds),
    so a kind added from outside sdmkit works wherever a built-in one does."""
    allowed = ("sdmkit.kinds", *TOP)
    wrong = [
        f"{name} imports {target} (line {line})"
        for name, imported in _graph().items()
        if not any(name == a or name.startswith(a + ".") for a in allowed)
        for target, line in imported.items()
        if target == "sdmkit.kinds" or target.startswith("sdmkit.kinds.")
    ]
    assert not wrong, "ask sdmkit.registry instead:\n" + "\n".join(wrong)


def _local_imports(path: Path) -> list[int]:
    """Lines of the imports inside a function (or method) of one file."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines += [n.lineno for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
    return sorted(set(lines))


def test_an_import_inside_a_function_says_why():
    """With no cycles left to hide, an import inside a function is there for start-up
    time (a heavy library only one command needs) or an optional dependency, and a
    comment says so: on its line, in the two lines above it, or for the import block
    it opens; or, once for a whole module whose functions each load only what they
    need (the CLI's commands), a comment line starting 'Imports inside functions:'."""
    silent = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8").splitlines()
        if any(line.lstrip().startswith("# Imports inside functions:") for line in text):
            continue
        explained = False
        previous = -2
        for line in _local_imports(path):
            # One comment covers a run of imports in a row (blank lines between allowed).
            block = line - previous <= 2 and explained
            explained = block or any("#" in text[i] for i in range(max(0, line - 3), line))
            previous = line
            if not explained:
                silent.append(f"{path.relative_to(ROOT)} line {line}: {text[line - 1].strip()}")
    assert not silent, "say why this import waits for its function:\n" + "\n".join(silent)


def test_the_rules_see_a_cycle_and_an_upward_import():
    """The checks themselves: a made-up graph with a cycle is caught."""
    assert _cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c"]]
    graph = _graph()
    assert "sdmkit.store.normalise" in graph["sdmkit.interchange"], "the graph reads real imports"


def test_one_clock():
    """Every 'now' and 'today' goes through sdmkit.clock, so a test can freeze time."""
    import re

    direct = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.utcnow|datetime\.today)\(")
    calls = [
        f"{path.relative_to(ROOT)} line {n}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert not calls, "ask sdmkit.clock instead: " + ", ".join(calls)


def test_every_table_is_drawn_by_sdmkit_ui_cells():
    """st.dataframe and st.data_editor write "None" in an empty cell; sdmkit.ui.cells
    draws every table with a blank or a dash instead."""
    import re

    direct = re.compile(r"\.(?:dataframe|data_editor)\(")
    calls = [
        f"{path.relative_to(ROOT)} line {n}"
        for path in [*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py")]
        if path.name != "cells.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert not calls, "draw it with sdmkit.ui.cells.table or .editor: " + ", ".join(calls)


def test_a_frozen_clock_stops_every_reading_and_starts_again():
    from datetime import UTC, date, datetime, timedelta, timezone

    from sdmkit import clock

    at = datetime(2030, 6, 30, 23, 30, tzinfo=UTC)
    with clock.frozen(at):
        assert clock.now(UTC) == at
        assert clock.now(timezone(timedelta(hours=2))).date() == date(2030, 7, 1)
        assert clock.utc_naive() == at.replace(tzinfo=None)
        assert clock.today() == at.astimezone().date()
    assert abs(clock.now(UTC) - datetime.now(UTC)) < timedelta(seconds=5)


def _literal_values(annotation) -> tuple | None:
    import types
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [_literal_values(a) for a in typing.get_args(annotation) if a is not type(None)]
        return found[0] if len(found) == 1 else None
    return None


def _entry_model(annotation):
    import typing

    args = [a for a in typing.get_args(annotation) if isinstance(a, type)]
    return args[0] if args else None


def test_every_choice_the_editor_offers_is_the_models_enumeration():
    """Enumerations are declared once, as the model's Literal type: an editor choice
    list that drifts from it (a value the model refuses, one it never offers) fails."""
    from sdmkit.registry import all_kinds

    drift = []
    checked = 0
    for kind in all_kinds():
        fields = kind.model.model_fields
        for f in kind.fields():
            info = fields.get(f.key)
            if info is None:
                continue
            allowed = _literal_values(info.annotation)
            if f.widget == "choice" and allowed is not None and f.choices:
                checked += 1
                if tuple(f.choices) != allowed:
                    drift.append(f"{kind.id}.{f.key}: {f.choices} != {allowed}")
            entry = _entry_model(info.annotation)
            for c in f.columns:
                if c.type != "choice" or entry is None or c.key not in getattr(entry, "model_fields", {}):
                    continue
                allowed = _literal_values(entry.model_fields[c.key].annotation)
                if allowed is not None and c.choices:
                    checked += 1
                    if tuple(c.choices) != allowed:
                        drift.append(f"{kind.id}.{f.key}.{c.key}: {c.choices} != {allowed}")
    assert checked >= 10, "the check found the enumerations"
    assert not drift, "editor choices that are not the model's:\n" + "\n".join(drift)
