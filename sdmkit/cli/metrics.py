"""sdmkit metrics: team metric catalogs and weekly data."""

from __future__ import annotations

# Imports inside functions: each command loads only what it uses (start-up time).
from pathlib import Path
from typing import Annotated

import typer

from sdmkit.cli.common import JsonFlag, SdmkitError
from sdmkit.cli.common import echo_json as _echo_json
from sdmkit.cli.common import store as _store

app = typer.Typer(help="Team metric catalogs and weekly data.", no_args_is_help=True)


@app.command("import")
def metrics_import(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="CSV with columns metric, week_end, value.")],
    team: Annotated[str, typer.Option(help="The team whose catalog the metrics belong to.")],
):
    """Import weekly values; one line per rejected row, exit 1 when any row was rejected."""
    from sdmkit.metrics.catalog import catalog
    from sdmkit.metrics.importer import import_csv

    if not file.is_file():
        raise SdmkitError(f"{file}: no such file")
    store = _store()
    if not catalog(store, team):
        raise SdmkitError(
            f"--team: '{team}' has no metric catalog (create one: sdmkit metrics catalog --team "
            f"'{team}' --starter)"
        )
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SdmkitError(f"{file}: not a UTF-8 text file") from None
    parsed, created, updated = import_csv(store, team, text)
    for p in parsed.problems:
        typer.echo(f"{file}: {p}", err=True)
    typer.echo(
        f"{len(parsed.good)} rows kept ({created} new, {updated} updated, "
        f"{len(parsed.good) - created - updated} unchanged); {len(parsed.problems)} rejected"
    )
    if parsed.problems:
        raise typer.Exit(1)


@app.command("catalog")
def metrics_catalog(
    team: Annotated[str, typer.Option(help="The team.")],
    starter: Annotated[
        bool, typer.Option("--starter", help="Add the starter set for engineering teams.")
    ] = False,
    as_json: JsonFlag = False,
):
    """Show a team's metric catalog (and optionally add the starter set)."""
    from sdmkit.metrics.catalog import STARTER, catalog, save_catalog

    store = _store()
    metrics = catalog(store, team)
    if starter:
        have = {m.name for m in metrics}
        metrics = save_catalog(store, team, [*metrics, *[m for m in STARTER if m.name not in have]])
    if as_json:
        _echo_json([m.as_dict() for m in metrics])
        return
    if not metrics:
        typer.echo(f"{team} has no metrics yet; add the starter set with --starter")
    for m in metrics:
        target = "" if m.target is None else f" target {m.target:g} ({m.direction} is better)"
        typer.echo(
            f"{m.type:<6} {m.name}{' [' + m.unit + ']' if m.unit else ''}{target}"
            + (f" -> {m.drives}" if m.drives else "")
        )
