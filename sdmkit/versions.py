"""What ran: sdmkit's version, Python's and those of the libraries sdmkit is built on,
for `sdmkit --version` and the Settings page, so a bug report can say it.

Read from the installed packages' metadata, which is cheap: nothing here imports
Streamlit, SQLAlchemy or WeasyPrint."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from sdmkit import __version__

# Every dependency in pyproject.toml's [project] dependencies, most telling first
# (tests/test_lock.py keeps this list and pyproject.toml the same), then psycopg,
# which only a PostgreSQL install has.
MAIN_DEPENDENCIES = (
    "streamlit",
    "sqlmodel",
    "sqlalchemy",
    "alembic",
    "pydantic",
    "weasyprint",
    "jinja2",
    "markdown",
    "nh3",
    "typer",
    "pyyaml",
    "platformdirs",
    "holidays",
    "icalendar",
    "altair",
    "vl-convert-python",
    "orjson",
    "bm25s",
)
OPTIONAL = ("psycopg",)


def _installed(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def versions() -> list[tuple[str, str]]:
    """(name, version) pairs: sdmkit, Python, then each main dependency ("not
    installed" when it is missing) and each optional one that is installed."""
    rows = [
        ("sdmkit", __version__),
        ("Python", f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
    ]
    rows += [(name, _installed(name) or "not installed") for name in MAIN_DEPENDENCIES]
    rows += [(name, v) for name in OPTIONAL if (v := _installed(name))]
    return rows


def report() -> str:
    """The versions as aligned text lines, ready to paste into a bug report."""
    rows = versions()
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {v}" for name, v in rows)
