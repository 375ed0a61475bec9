"""Compare what is installed in the running Python with a lock file.

    python scripts/lockcheck.py requirements/test.txt     differences, exit 1 if any
    python scripts/lockcheck.py --extra LOCK...           installed names no lock has

Used by ./scripts/setup (to remove what the lock does not name) and by
tests/test_lock.py (to check that .venv is exactly the lock)."""

from __future__ import annotations

import re
import sys
from importlib.metadata import distributions
from pathlib import Path

# Installed but never in a lock: sdmkit itself (from the checkout) and the installer.
NOT_LOCKED = {"sdmkit", "pip"}

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def normalize(name: str) -> str:
    """The one spelling of a package name (PEP 503): Jinja2, jinja2 and jinja_2 alike."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: str | Path) -> dict[str, str]:
    """{name: version} for every `name==version` line of a pip-compiled file."""
    pins = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m:
            pins[normalize(m.group(1))] = m.group(2)
    return pins


def installed() -> dict[str, str]:
    return {normalize(d.metadata["Name"]): d.version for d in distributions() if d.metadata["Name"]}


def differences(lock: dict[str, str], have: dict[str, str]) -> list[str]:
    """One line per package that is missing, at another version, or not in the lock."""
    out = []
    for name, version in sorted(lock.items()):
        if name not in have:
            out.append(f"{name}: locked {version}, not installed")
        elif have[name] != version:
            out.append(f"{name}: locked {version}, installed {have[name]}")
    for name in sorted(set(have) - set(lock) - NOT_LOCKED):
        out.append(f"{name}: installed {have[name]}, not in the lock")
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["--extra"]:
        locked = {name for path in argv[1:] for name in read_lock(path)}
        print(" ".join(sorted(set(installed()) - locked - NOT_LOCKED)))
        return 0
    found = differences(read_lock(argv[0]), installed())
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
