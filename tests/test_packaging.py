"""A non-editable install works from any directory: the wheel carries the app's
pages, templates and examples, and `pip install .` into a clean virtual environment
(pyproject.toml's ranges, not the lock) gives a working CLI without the checkout."""

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


def test_pip_install_into_a_clean_venv_outside_the_checkout_works(tmp_path):
    """What a user without the checkout's scripts does: `pip install .` (not editable,
    dependencies resolved from pyproject.toml's ranges by the package index, not the
    lock) into a new virtual environment, then sdmkit from another directory."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "SDMKIT_DATABASE_URL")
    }
    env |= {"SDMKIT_DATA_DIR": str(tmp_path / "data"), "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}

    def run(*args, timeout=180):
        return subprocess.run(args, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=timeout)

    pip = [str(bin_dir / "python"), "-m", "pip", "--disable-pip-version-check"]
    installed = run(*pip, "install", "-q", str(ROOT), timeout=1500)
    assert installed.returncode == 0, installed.stderr[-3000:]
    checked = run(*pip, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    where = run(str(bin_dir / "python"), "-c", "import sdmkit.resources as r; print(r.app_root())")
    assert where.stdout.strip().startswith(str(venv)) and where.stdout.strip().endswith("_app"), where
    version = run(str(bin_dir / "sdmkit"), "--version")
    assert version.returncode == 0 and version.stdout.startswith("sdmkit "), version.stderr

    init = run(str(bin_dir / "sdmkit"), "init", "--examples")
    assert f"{len(example_paths())} loaded" in init.stdout, init.stderr
    exported = run(
        str(bin_dir / "sdmkit"), "export", "--all", "--format", "pdf", "--out", "exports", timeout=600
    )
    assert exported.returncode == 0, exported.stderr
    pdfs = sorted((elsewhere / "exports").glob("*.pdf"))
    assert len(pdfs) >= len(example_paths()), [p.name for p in pdfs]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert (elsewhere / "exports" / "payments-platform-team-charter.pdf").exists()
