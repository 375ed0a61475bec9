"""A document's saved versions and the trash: nothing a user saved is lost, and these
commands bring it back."""

from __future__ import annotations

# Imports inside functions: every command loads only what it uses (start-up time,
# bench/run.py); the command line's own module registers these commands.
from typing import Annotated

import typer

from sdmkit.cli.common import JsonFlag
from sdmkit.cli.common import doc_id as _doc_id
from sdmkit.cli.common import echo_json as _echo_json
from sdmkit.cli.common import store as _store


def history(doc_id: Annotated[str, typer.Argument(metavar="ID")], as_json: JsonFlag = False):
    """Every saved version of a document."""
    revs = _store().history(_doc_id(doc_id))
    if as_json:
        _echo_json([r.__dict__ for r in revs])
        return
    for r in revs:
        typer.echo(f"v{r.version:<4} {r.saved_at:%Y-%m-%d %H:%M} UTC  {r.status:<10} {r.note}")


def diff(doc_id: Annotated[str, typer.Argument(metavar="ID")], old: int, new: int):
    """Differences between two versions of a document."""
    from sdmkit.interchange import revision_diff

    typer.echo(revision_diff(_store(), _doc_id(doc_id), old, new) or "no differences")


def revert(doc_id: Annotated[str, typer.Argument(metavar="ID")], version: int):
    """Make an old version the newest again (the versions after it stay in history)."""
    store = _store()
    doc = store.get(_doc_id(doc_id))
    new = store.restore_revision(doc.id, version, doc.version)
    typer.echo(f"document {new.id}: version {new.version} restored from version {version}")


def delete(doc_id: Annotated[str, typer.Argument(metavar="ID")]):
    """Move a document to the trash (undo with `sdmkit undelete`)."""
    _store().delete(_doc_id(doc_id))
    typer.echo(f"document {doc_id} moved to the trash; `sdmkit undelete {doc_id}` brings it back")


def undelete(doc_id: Annotated[str, typer.Argument(metavar="ID")]):
    """Bring a document back from the trash."""
    doc = _store().restore_from_trash(_doc_id(doc_id))
    typer.echo(f"document {doc.id} restored: {doc.title}")
