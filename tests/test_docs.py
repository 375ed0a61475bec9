"""The README documents what exists: every CLI command and every setting."""

from __future__ import annotations

import re

import typer.main

from sdmkit.cli import app
from sdmkit.store import db
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_every_cli_command_is_in_the_readme():
    commands = [c.name for c in typer.main.get_command(app).commands.values()]
    missing = [c for c in commands if not re.search(rf"`sdmkit {c}\b", README)]
    assert not missing, f"README's CLI table lacks: {missing}"


def test_every_setting_is_in_the_readme():
    from sdmkit.registry import ENV_KINDS

    for name in (
        db.ENV_URL,
        db.ENV_DATA_DIR,
        ENV_KINDS,
        "SDMKIT_DEBUG",
        "SDMKIT_TEST_POSTGRES_URL",
        "SDMKIT_CHROMIUM",
    ):
        assert f"`{name}`" in README, name


def test_readme_commands_exist():
    for script in ("scripts/start", "scripts/test", ".ci/run"):
        assert script in README
        path = ROOT / script
        assert path.is_file() and path.stat().st_mode & 0o111, script


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def test_adding_a_kind_documents_every_hook_of_kind_field_column_and_section():
    import dataclasses

    from sdmkit.kind import Column, Field, Kind, Section

    text = _section("Adding a kind")
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in (Kind, Field, Column, Section)
        for f in dataclasses.fields(cls)
        if f"`{f.name}`" not in text
    ]
    assert not missing, f"README's 'Adding a kind' does not explain: {missing}"


def test_the_layout_names_every_part_of_the_package_and_only_what_exists():
    block = _section("Layout").split("```")[1]
    named = [line.split()[0] for line in block.strip().splitlines()]
    gone = [p for p in named if not (ROOT / p.rstrip("/")).exists()]
    assert not gone, f"README's layout names what does not exist: {gone}"
    packages = sorted(p.name + "/" for p in (ROOT / "sdmkit").iterdir() if (p / "__init__.py").exists())
    unnamed = [p for p in packages if f"sdmkit/{p}" not in named and p not in ("migrations/",)]
    assert not unnamed, f"README's layout leaves out: {unnamed}"
