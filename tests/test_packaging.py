"""A non-editable install works from any directory: the wheel carries the app's
pages, templates and examples, and the CLI finds them without the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT, example_paths


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return next(out.glob("sdmkit-*.whl"))


def test_wheel_ships_pages_templates_and_examples(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "sdmkit/_app/streamlit_app.py",
        "sdmkit/_app/pages/home.py",
        "sdmkit/_app/pages/charter.py",
        "sdmkit/_app/templates/charter.md.j2",
        "sdmkit/_app/templates/base.html.j2",
        "sdmkit/_app/examples/charter/payments-platform.yaml",
        "sdmkit/assets/document.css",
        "sdmkit/migrations/env.py",
        "sdmkit/migrations/versions/0001_documents_and_revisions.py",
    }
    assert expected <= names, expected - names


def test_installed_wheel_works_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "SDMKIT_DATA_DIR": str(tmp_path / "data")}
    env.pop("SDMKIT_DATABASE_URL", None)

    def sdmkit(*args):
        return subprocess.run(
            [sys.executable, "-m", "sdmkit.cli", *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import sdmkit.resources as r; print(r.app_root())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(target)) and where.endswith("_app")
    assert f"{len(example_paths())} loaded" in sdmkit("init", "--examples").stdout
    result = sdmkit("export", "--all", "--format", "pdf", "--out", "exports")
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "exports" / "payments-platform-team-charter.pdf").read_bytes().startswith(b"%PDF")
