"""The locks: requirements/test.txt is what the tests run on, exactly, and
requirements/app.txt (what ./scripts/start installs) is the same versions, so the
suite has tested every version a user of ./scripts/start gets. Both satisfy the
ranges in pyproject.toml, and pip finds nothing broken in the locked install."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement

from sdmkit.versions import MAIN_DEPENDENCIES
from tests.conftest import ROOT, load_script

APP_LOCK = ROOT / "requirements" / "app.txt"
TEST_LOCK = ROOT / "requirements" / "test.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


lockcheck = load_script(ROOT / "scripts" / "lockcheck.py")


def _hashes(path) -> dict[str, set[str]]:
    """{name: its sha256 hashes} from a pip-compiled file."""
    out: dict[str, set[str]] = {}
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", line):
            name = lockcheck.normalize(m.group(1))
            out[name] = set()
        if name:
            out[name].update(re.findall(r"--hash=sha256:([0-9a-f]{64})", line))
    return out


def test_the_tests_run_on_exactly_the_test_lock():
    found = lockcheck.differences(lockcheck.read_lock(TEST_LOCK), lockcheck.installed())
    assert not found, (
        f"{sys.prefix} is not requirements/test.txt (./scripts/setup test makes it so):\n" + "\n".join(found)
    )


def test_differences_name_missing_other_and_unlocked_packages():
    found = lockcheck.differences(
        {"streamlit": "1.67.0", "sqlmodel": "0.0.50"},
        {"streamlit": "1.68.0", "ipython": "9.0", "pip": "25.0", "sdmkit": "0.1.0"},
    )
    assert found == [
        "sqlmodel: locked 0.0.50, not installed",
        "streamlit: locked 1.67.0, installed 1.68.0",
        "ipython: installed 9.0, not in the lock",
    ]


def test_the_app_lock_is_the_test_locks_versions_and_files():
    app, test = lockcheck.read_lock(APP_LOCK), lockcheck.read_lock(TEST_LOCK)
    assert app and set(app) < set(test)
    assert {n: v for n, v in app.items() if test[n] != v} == {}
    app_hashes, test_hashes = _hashes(APP_LOCK), _hashes(TEST_LOCK)
    for name in app:
        assert app_hashes[name] and app_hashes[name] == test_hashes[name], name


def test_every_line_of_a_lock_is_pinned_with_hashes():
    for path in (APP_LOCK, TEST_LOCK):
        hashes = _hashes(path)
        assert set(hashes) == set(lockcheck.read_lock(path)), path
        assert all(hashes.values()), [n for n, h in hashes.items() if not h]
        # An index address, a find-links folder or a local file in a lock would tie it
        # to one machine; the locks name versions and hashes only.
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^-|://|file:", text, re.M), path


def _satisfied(requirements: list[str], lock: dict[str, str]) -> list[str]:
    wrong = []
    for text in requirements:
        req = Requirement(text)
        name = lockcheck.normalize(req.name)
        if name == "sdmkit" or (req.marker and not req.marker.evaluate()):
            continue
        pinned = lock.get(name)
        if pinned is None or not req.specifier.contains(pinned, prereleases=True):
            wrong.append(f"{text}: lock has {pinned}")
        for extra in req.extras:  # psycopg[binary] -> psycopg-binary
            if f"{name}-{extra}" not in lock:
                wrong.append(f"{text}: lock has no {name}-{extra}")
    return wrong


def test_the_locks_satisfy_pyprojects_ranges():
    # A dependency added to pyproject.toml without ./scripts/upgrade fails here.
    build = PYPROJECT["build-system"]["requires"]
    app = PYPROJECT["project"]["dependencies"]
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert _satisfied(build + app, lockcheck.read_lock(APP_LOCK)) == []
    assert _satisfied(build + app + extras["test"] + extras["postgres"], lockcheck.read_lock(TEST_LOCK)) == []


def test_the_lock_holds_the_code_health_tools_and_their_stubs():
    lock = lockcheck.read_lock(TEST_LOCK)
    assert {"ruff", "mypy", "types-pyyaml", "types-markdown"} <= set(lock)


def test_pip_finds_nothing_broken_in_the_locked_install():
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_versions_lists_every_dependency_in_pyproject():
    declared = [lockcheck.normalize(Requirement(t).name) for t in PYPROJECT["project"]["dependencies"]]
    assert sorted(MAIN_DEPENDENCIES) == sorted(declared)
