"""The sdmkit command line: everything that is not clicking.

Errors are one line on stderr naming the file, field and problem, with a non-zero
exit; set SDMKIT_DEBUG=1 to see a traceback. Heavy libraries (WeasyPrint,
SQLAlchemy, Streamlit) are imported inside the commands so `sdmkit --help` is quick."""

from __future__ import annotations

# Imports inside functions: every command loads only what it uses, so `sdmkit list`
# does not pay for exports, the coach or backups (start-up time, bench/run.py).
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from sdmkit import clock
from sdmkit.cli.common import JsonFlag, finished
from sdmkit.cli.common import doc_id as _doc_id
from sdmkit.cli.common import echo_json as _echo_json
from sdmkit.cli.common import store as _store
from sdmkit.cli.export import export
from sdmkit.cli.metrics import app as metrics_app
from sdmkit.cli.oncall import app as oncall_app
from sdmkit.cli.stories import app as stories_app
from sdmkit.errors import SdmkitError

app = typer.Typer(
    name="sdmkit",
    help="The workbench for a software development manager's written mechanisms.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from sdmkit.versions import report

        typer.echo(report())
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show sdmkit's version and its main dependencies' versions, and exit.",
        ),
    ] = False,
):
    """The workbench for a software development manager's written mechanisms."""


app.command()(export)
app.add_typer(oncall_app, name="oncall")
app.add_typer(metrics_app, name="metrics")
app.add_typer(stories_app, name="stories")


# --- workspace ---------------------------------------------------------------------


@app.command()
def init(examples: Annotated[bool, typer.Option("--examples", help="Load the bundled examples.")] = False):
    """Create or migrate the database; --examples loads examples/."""
    from sdmkit.store import db

    store = _store()
    typer.echo(f"workspace ready: {db.describe(db.database_url())} ({store.count()} documents)")
    if examples:
        from sdmkit.examples import load_examples

        created, skipped = load_examples(store)
        typer.echo(f"examples: {len(created)} loaded, {len(skipped)} already present")


@app.command("app")
def run_app(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    address: Annotated[
        str, typer.Option(help="Address to listen on; localhost keeps it private.")
    ] = "localhost",
    examples: Annotated[bool, typer.Option("--examples", help="Load the bundled examples first.")] = False,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open a browser tab.")] = True,
    watch: Annotated[
        bool, typer.Option("--watch", help="For sdmkit's developers: reload when its source changes.")
    ] = False,
):
    """Start the Streamlit app."""
    from sdmkit import resources

    store = _store()  # migrate before the app starts, so a failure is one clear line here
    if examples:
        from sdmkit.examples import load_examples

        created, _ = load_examples(store)
        if created:
            typer.echo(f"loaded {len(created)} example documents")
    cmd = [
        sys.executable,
        "-m",
        "sdmkit.ui.launch",
        str(resources.entry_script()),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "false" if open_browser else "true",
        # Streamlit asks for an e-mail on its first run in a home directory without
        # ~/.streamlit/credentials.toml, and exits when stdin is closed: never ask.
        "--server.showEmailPrompt",
        "false",
        "--browser.gatherUsageStats",
        "false",
        "--theme.base",
        "light",
        "--theme.primaryColor",
        "#1e3a5f",
        "--client.toolbarMode",
        "minimal",
        # A manager's app does not watch its own source: reloading modules under a
        # running session redefines the store's tables and shows an error.
        "--server.fileWatcherType",
        "auto" if watch else "none",
        "--server.runOnSave",
        "false",
    ]
    typer.echo(f"sdmkit is starting at http://{address}:{port}  (Ctrl+C to stop)")
    raise typer.Exit(_run_server(cmd, cwd=str(resources.app_root())))


def _run_server(cmd: list[str], cwd: str) -> int:
    """Run Streamlit as a child and take it down with us. Ctrl+C reaches both (one
    process group); a SIGTERM or SIGHUP sent to `sdmkit app` alone (a service
    manager, a closed terminal) is passed on, so no server is left running orphaned."""
    import signal
    import subprocess

    child = subprocess.Popen(cmd, cwd=cwd)

    def pass_on(signum, _frame):
        child.send_signal(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), pass_on)
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:
            continue  # the child got Ctrl+C too; wait for it to finish stopping


# --- documents ---------------------------------------------------------------------


@app.command("import")
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


@app.command("list")
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


@app.command()
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


@app.command()
def schema(
    kind: Annotated[
        str, typer.Argument(help="a kind's id, such as charter or coe (an unknown one lists them)")
    ],
):
    """Print the JSON Schema of a kind's interchange format."""
    from sdmkit.interchange import schema as make_schema

    _echo_json(make_schema(kind))


@app.command()
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


@app.command()
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


@app.command()
def history(doc_id: Annotated[str, typer.Argument(metavar="ID")], as_json: JsonFlag = False):
    """Every saved version of a document."""
    revs = _store().history(_doc_id(doc_id))
    if as_json:
        _echo_json([r.__dict__ for r in revs])
        return
    for r in revs:
        typer.echo(f"v{r.version:<4} {r.saved_at:%Y-%m-%d %H:%M} UTC  {r.status:<10} {r.note}")


@app.command()
def diff(doc_id: Annotated[str, typer.Argument(metavar="ID")], old: int, new: int):
    """Differences between two versions of a document."""
    from sdmkit.interchange import revision_diff

    typer.echo(revision_diff(_store(), _doc_id(doc_id), old, new) or "no differences")


@app.command()
def revert(doc_id: Annotated[str, typer.Argument(metavar="ID")], version: int):
    """Make an old version the newest again (the versions after it stay in history)."""
    store = _store()
    doc = store.get(_doc_id(doc_id))
    new = store.restore_revision(doc.id, version, doc.version)
    typer.echo(f"document {new.id}: version {new.version} restored from version {version}")


@app.command()
def delete(doc_id: Annotated[str, typer.Argument(metavar="ID")]):
    """Move a document to the trash (undo with `sdmkit undelete`)."""
    _store().delete(_doc_id(doc_id))
    typer.echo(f"document {doc_id} moved to the trash; `sdmkit undelete {doc_id}` brings it back")


@app.command()
def undelete(doc_id: Annotated[str, typer.Argument(metavar="ID")]):
    """Bring a document back from the trash."""
    doc = _store().restore_from_trash(_doc_id(doc_id))
    typer.echo(f"document {doc.id} restored: {doc.title}")


@app.command()
def backup(file: Annotated[Path, typer.Argument(metavar="FILE")]):
    """Write the whole workspace (documents, trash, history, settings) to one file."""
    from sdmkit.backup import write_backup

    data = write_backup(_store(), file)
    typer.echo(f"{file}: {len(data['documents'])} documents, {len(data['revisions'])} revisions")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(metavar="FILE")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace a non-empty workspace (its backup is written first).")
    ] = False,
):
    """Restore a workspace from a backup file (checked whole before anything is replaced)."""
    from sdmkit.backup import read_backup
    from sdmkit.backup import restore as do_restore

    data = read_backup(file)
    try:
        done = do_restore(_store(), data, replace=replace)
    except SdmkitError as exc:
        raise SdmkitError(f"{file}: {exc}") from None
    if done.safety_backup:
        typer.echo(f"current workspace saved to {done.safety_backup}")
    typer.echo(f"restored {done.documents} documents from {file}")


def main() -> None:
    try:
        app()
    except SystemExit as done:
        if finished and isinstance(done.code, int | None):
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code or 0)
        raise
    except SdmkitError as exc:
        typer.echo(f"sdmkit: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # never a traceback for a user, unless they ask
        if os.environ.get("SDMKIT_DEBUG"):
            raise
        typer.echo(
            f"sdmkit: unexpected error: {type(exc).__name__}: {exc} (SDMKIT_DEBUG=1 shows details)", err=True
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
