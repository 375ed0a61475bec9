"""`sdmkit --version` and the Settings page say what ran: sdmkit's version, Python's
and each main dependency's, as installed."""

from __future__ import annotations

import platform
import subprocess
import sys
from importlib.metadata import version

import sdmkit
from sdmkit.versions import MAIN_DEPENDENCIES, report, versions
from tests.test_app import app


def _rows(text: str) -> dict[str, str]:
    return dict(line.split(None, 1) for line in text.splitlines())


def test_version_option_prints_sdmkit_python_and_each_main_dependency():
    result = subprocess.run(
        [sys.executable, "-m", "sdmkit.cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert list(rows)[:2] == ["sdmkit", "Python"]
    assert rows["sdmkit"] == sdmkit.__version__ == version("sdmkit")
    assert rows["Python"].startswith(platform.python_version() + " ")
    for name in MAIN_DEPENDENCIES:
        assert rows[name] == version(name), name
    assert rows["psycopg"] == version("psycopg")  # a test extra, so installed here


def test_a_missing_dependency_says_so_instead_of_failing(monkeypatch):
    import sdmkit.versions as v

    monkeypatch.setattr(v, "MAIN_DEPENDENCIES", ("streamlit", "no-such-package-sdmkit"))
    monkeypatch.setattr(v, "OPTIONAL", ("another-missing-one",))
    assert versions()[2:] == [
        ("streamlit", version("streamlit")),
        ("no-such-package-sdmkit", "not installed"),
    ]


def test_settings_shows_the_same_versions(workspace):
    at = app("pages/settings.py")
    assert not at.exception, at.exception
    assert report() in [c.value for c in at.code]
    assert any(s.value == "Versions" for s in at.subheader)
