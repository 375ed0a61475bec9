"""sdmkit oncall: a rotation's schedule, calendar and hours."""

from __future__ import annotations

# Imports inside functions: each command loads only what it uses (start-up time).
from pathlib import Path
from typing import Annotated

import typer

from sdmkit.cli.common import (
    JsonFlag,
    SdmkitError,
)
from sdmkit.cli.common import (
    doc_id as _doc_id,
)
from sdmkit.cli.common import (
    echo_json as _echo_json,
)
from sdmkit.cli.common import (
    store as _store,
)

app = typer.Typer(help="On-call rotations: calendars, hours and the schedule.", no_args_is_help=True)


def _keep(out: Path, overwrite: bool) -> None:
    """Exports never replace a file silently."""
    if out.exists() and not overwrite:
        raise SdmkitError(f"{out}: already exists; kept it (--overwrite replaces it)")


def _rotation(doc_id: str):
    doc = _store().get(_doc_id(doc_id))
    if doc.kind != "oncall":
        raise SdmkitError(f"document {doc.id} is a {doc.kind_spec.noun}, not an on-call rotation")
    return doc, doc.model()


@app.command("ics")
def oncall_ics(
    doc_id: Annotated[str, typer.Argument(metavar="ID")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The .ics file to write.")],
    person: Annotated[str | None, typer.Option(help="Only this person's shifts.")] = None,
    weeks: Annotated[int, typer.Option(help="How far ahead, in weeks from the first handoff.")] = 26,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the file if it exists.")] = False,
):
    """Write the rotation's calendar (stable event ids: re-importing updates, never duplicates)."""
    from datetime import timedelta

    from sdmkit.kinds.oncall.exports import to_ics
    from sdmkit.kinds.oncall.schedule import first_handoff, generate

    _keep(out, overwrite)
    doc, rot = _rotation(doc_id)
    if person and person not in {m.name for m in rot.active_members()}:
        raise SdmkitError(f"--person: '{person}' is not a member of this rotation")
    sched = generate(rot, until=first_handoff(rot) + timedelta(weeks=weeks))
    out.write_bytes(
        to_ics(
            rot,
            sched,
            doc_id=doc.id,
            version=doc.version,
            stamp=doc.updated_at,
            person=person,
            title=doc.title,
        )
    )
    typer.echo(str(out))


@app.command("hours")
def oncall_hours(
    doc_id: Annotated[str, typer.Argument(metavar="ID")],
    date_from: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD (included).")],
    date_to: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD (included).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The .csv file to write.")],
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the file if it exists.")] = False,
):
    """Write hours per person for a date range as CSV."""
    from datetime import date, timedelta

    from sdmkit.kinds.oncall.exports import hours_csv
    from sdmkit.kinds.oncall.schedule import generate

    def parse(value: str, flag: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise SdmkitError(f"{flag}: '{value}' is not a date like 2026-11-30") from None

    _keep(out, overwrite)
    start, end = parse(date_from, "--from"), parse(date_to, "--to")
    if end < start:
        raise SdmkitError(f"--to: {end} is before --from {start}")
    doc, rot = _rotation(doc_id)
    out.write_text(hours_csv(rot, generate(rot, until=end + timedelta(days=8)), start, end), encoding="utf-8")
    typer.echo(str(out))


@app.command("schedule")
def oncall_schedule(
    doc_id: Annotated[str, typer.Argument(metavar="ID")],
    weeks: Annotated[int, typer.Option(help="How many weeks from the first handoff.")] = 4,
    as_json: JsonFlag = False,
):
    """Print the shifts: who, when (with UTC offset) and why."""
    from datetime import timedelta

    from sdmkit.kinds.oncall.schedule import first_handoff, generate
    from sdmkit.kinds.oncall.view import shift_rows

    doc, rot = _rotation(doc_id)
    sched = generate(rot, until=first_handoff(rot) + timedelta(weeks=weeks))
    rows = shift_rows(sched)
    if as_json:
        _echo_json({"rotation": doc.title, "warnings": sched.warnings, "shifts": rows})
        return
    for w in sched.warnings:
        typer.echo(f"warning: {w}")
    for r in rows:
        where = f" {r['region']}" if r["region"] else ""
        typer.echo(f"{r['start']} -> {r['end']}  {r['layer']:<9}{where} {r['person']:<20} {r['why']}")
