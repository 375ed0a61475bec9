"""What every CLI module shares: opening the store, JSON output, ids, errors."""

from __future__ import annotations

# Imports inside functions: the store is opened only by the commands that need it.
import json
from typing import Annotated

import typer

from sdmkit.errors import SdmkitError

# Commands whose work is all written and whose connections are closed: main() then
# ends the process without tearing down the modules it loaded (WeasyPrint, pango,
# SQLAlchemy, pydantic: about 0.05 s of an export, for nothing).
finished: list[str] = []

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def store():
    from sdmkit.store import open_store

    return open_store()


def echo_json(data) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def doc_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SdmkitError(f"'{value}' is not a document id (ids are numbers; see `sdmkit list`)") from None


__all__ = ["JsonFlag", "SdmkitError", "doc_id", "echo_json", "finished", "store"]
