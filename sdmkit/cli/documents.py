"""The document commands: import, list, show, check, and the action items across them."""

from __future__ import annotations

# Imports inside functions: every command loads only what it uses (start-up time,
# bench/run.py); the command line's own module registers these commands.
import sys
from pathlib import Path
from typing import Annotated

import typer

from sdmkit import clock
from sdmkit.cli.common import JsonFlag
from sdmkit.cli.common import doc_id as _doc_id
from sdmkit.cli.common import echo_json as _echo_json
from sdmkit.cli.common import store as _store
from sdmkit.errors import SdmkitError


def import_(
    paths: Annotated[list[Path], typer.Argument(help="YAML, JSON or exported Markdown files, or folders.")],
):
    """Import files as new documents; prints the new ids.

    A bad file gets one line (file, field, problem) and the rest are still imported;
    the exit status is 1 when any file was refused."""
    from sdmkit.interchange import import_file

    store = _store()
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(
                x
                for x in p.rglob("*")
                if x.is_file() and x.suffix.lower() in (".yaml", ".yml", ".json", ".md")
            )
        else:
            files.append(p)
    failed = 0
    for path in files:
        try:
            new = import_file(store, path)
        except SdmkitError as exc:
            failed += 1
            typer.echo(f"sdmkit: {exc}", err=True)
            continue
        typer.echo(f"{new.id}\t{new.kind}\t{new.title}")
    if failed:
        raise typer.Exit(1)


def list_(
    kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
    team: Annotated[str | None, typer.Option(help="Only this team.")] = None,
    status: Annotated[str | None, typer.Option(help="Only this status.")] = None,
    search: Annotated[
        str | None,
        typer.Option(
            help="Words that must all appear (or begin a word); best matches first, with a snippet."
        ),
    ] = None,
    trash: Annotated[bool, typer.Option("--trash", help="List the trash instead.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 1000,
    as_json: JsonFlag = False,
):
    """List documents, newest first; with --search, best match first."""
    from sdmkit.cli.snippets import snippet_hits, snippet_line, snippet_text, terminal_safe

    if kind:
        from sdmkit.registry import get_kind

        get_kind(kind)
    store = _store()
    page = store.list(kind=kind, team=team, status=status, query=search, deleted=trash, limit=limit)
    if as_json:
        _echo_json(
            [
                {
                    "id": s.id,
                    "kind": s.kind,
                    "title": s.title,
                    "team": s.team,
                    "status": s.status,
                    "tags": s.tags,
                    "version": s.version,
                    "updated_at": s.updated_at.isoformat(),
                    **(
                        {"snippet": snippet_text(s.snippet), "matched": snippet_hits(s.snippet)}
                        if search
                        else {}
                    ),
                }
                for s in page.items
            ]
        )
        return
    if not page.items:
        asked = [
            f"{name} {value!r}"
            for name, value in (("kind", kind), ("team", team), ("status", status), ("search", search))
            if value
        ]
        if trash:
            typer.echo("no documents in the trash" + (f" match {', '.join(asked)}" if asked else ""))
        elif asked and store.list(limit=1).items:
            # the workspace has documents: what was asked for matched none of them
            typer.echo(f"no documents match {', '.join(asked)}")
        else:
            typer.echo("no documents; try `sdmkit init --examples`")
        return
    for s in page.items:
        typer.echo(
            f"{s.id:>5}  {s.kind:<13} {s.status:<10} {s.updated_at:%Y-%m-%d}  {terminal_safe(s.title)}"
            + (f"  [{terminal_safe(s.team)}]" if s.team else "")
        )
        if s.snippet:
            typer.echo(f"{'':7}{snippet_line(s.snippet, color=sys.stdout.isatty())}")
    if page.total > len(page.items):
        typer.echo(f"... {page.total - len(page.items)} more (use --limit)")


def show(doc_id: Annotated[str, typer.Argument(metavar="ID")], as_json: JsonFlag = False):
    """Show one document: its Markdown, or its interchange JSON."""
    doc = _store().get(_doc_id(doc_id))
    if as_json:
        from sdmkit.interchange import to_dict

        _echo_json(
            {
                "id": doc.id,
                "version": doc.version,
                "created_at": doc.created_at,
                "updated_at": doc.updated_at,
                **to_dict(doc),
            }
        )
    else:
        from sdmkit.export.markdown_export import render_markdown

        typer.echo(render_markdown(doc).split("---\n\n", 1)[-1])


def schema(
    kind: Annotated[
        str, typer.Argument(help="a kind's id, such as charter or coe (an unknown one lists them)")
    ],
):
    """Print the JSON Schema of a kind's interchange format."""
    from sdmkit.interchange import schema as make_schema

    _echo_json(make_schema(kind))


def lint(target: Annotated[str, typer.Argument(metavar="ID|PATH")], as_json: JsonFlag = False):
    """The coach's findings (and the kind's rubric score); exit status 1 when any is an error."""
    from sdmkit.coach import lint_document, score

    path = Path(target)
    lookup = None  # a file is checked on its own; a stored document also against its sources
    if target.isdigit() and not path.exists():
        store = _store()
        doc, lookup = store.get(int(target)), store.get
    else:
        from sdmkit.interchange import read_file

        doc = read_file(path)
    findings = lint_document(doc, lookup)
    card = score(doc.kind_spec, findings, doc.coach_off)
    if as_json:
        _echo_json(
            {
                "document": target,
                "kind": doc.kind,
                "score": card.as_dict() if card else None,
                "findings": [f.as_dict() for f in findings],
            }
        )
    else:
        if card:
            typer.echo(f"rubric: {card.passed} of {card.total} checks pass ({card.percent})")
            for check, advice in card.failed:
                typer.echo(f"  failed: {check}: {advice}")
        if not findings:
            typer.echo("no findings: the coach has nothing to add")
        for f in findings:
            typer.echo(f"{f.severity:<7} {f.location}: {f.message} [{f.rule}]")
            if f.suggestion:
                typer.echo(f"        -> {f.suggestion}")
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


def actions(
    owner: Annotated[str | None, typer.Option(help="Only items whose owner contains this.")] = None,
    team: Annotated[str | None, typer.Option(help="Only this team's documents.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only open items past their due date.")] = False,
    done: Annotated[str | None, typer.Option(metavar="ID:N", help="Mark item N of document ID done.")] = None,
    as_json: JsonFlag = False,
):
    """Open action items across documents, most urgent first."""
    from sdmkit.actions import action_items, set_status

    store = _store()
    if done:
        doc_id, _, index = done.partition(":")
        if not index.isdigit():
            raise SdmkitError(f"--done: '{done}' is not ID:N (for example 12:3)")
        saved = set_status(store, _doc_id(doc_id), int(index), "done")
        typer.echo(f"document {saved.id}: action item {index} marked done (version {saved.version})")
        return
    items = action_items(store, owner=owner, team=team, overdue=overdue)
    if as_json:
        _echo_json([i.as_dict() for i in items])
        return
    if not items:
        typer.echo("no open action items" + (" match" if owner or team or overdue else ""))
        return
    today = clock.today()
    for i in items:
        due = i.due.isoformat() if i.due else "no date"
        flag = " OVERDUE" if i.overdue(today) else ""
        typer.echo(
            f"{i.doc_id:>5}:{i.index:<3} {due:<10}{flag:<8} {i.status:<5} {i.owner or '(no owner)':<20} "
            f"{i.what}  [{i.doc_title}]"
        )
