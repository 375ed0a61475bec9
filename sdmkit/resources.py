"""Where the app's files live, in a checkout and in an installed wheel.

In a checkout (and an editable install) pages/, templates/ and examples/ sit beside
the sdmkit package; a wheel carries them inside it under sdmkit/_app. Every other
module asks here instead of guessing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def app_root() -> Path:
    bundled = _PACKAGE / "_app"
    if (bundled / "streamlit_app.py").is_file():
        return bundled
    return _PACKAGE.parent


def entry_script() -> Path:
    return app_root() / "streamlit_app.py"


def templates_dir() -> Path:
    return app_root() / "templates"


def examples_dir() -> Path:
    return app_root() / "examples"


def assets_dir() -> Path:
    """Files the exporter may read: the print stylesheet and nothing else."""
    return _PACKAGE / "assets"
