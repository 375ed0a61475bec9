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
    for name in (db.ENV_URL, db.ENV_DATA_DIR, "SDMKIT_DEBUG", "SDMKIT_TEST_POSTGRES_URL", "SDMKIT_CHROMIUM"):
        assert f"`{name}`" in README, name


def test_readme_commands_exist():
    for script in ("scripts/start", "scripts/test", ".ci/run"):
        assert script in README
        path = ROOT / script
        assert path.is_file() and path.stat().st_mode & 0o111, script
