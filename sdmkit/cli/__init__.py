"""The sdmkit command line: everything that is not clicking.

Errors are one line on stderr naming the file, field and problem, with a non-zero
exit; set SDMKIT_DEBUG=1 to see a traceback. Heavy libraries (WeasyPrint,
SQLAlchemy, Streamlit) are imported inside the commands so `sdmkit --help` is quick."""

from __future__ import annotations

# Imports inside functions: every command loads only what it uses, so `sdmkit list`
# does not pay for exports, the coach or backups (start-up time, bench/run.py).
import os
import sys
from typing import Annotated

import typer

from sdmkit.cli import documents, revisions, workspace
from sdmkit.cli.common import finished
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

# In the order `sdmkit --help` lists them.
app.command()(workspace.init)
app.command("app")(workspace.run_app)
app.command("import")(documents.import_)
app.command("list")(documents.list_)
for _command in (
    documents.show,
    documents.schema,
    documents.lint,
    documents.actions,
    revisions.history,
    revisions.diff,
    revisions.revert,
    revisions.delete,
    revisions.undelete,
    workspace.backup,
    workspace.restore,
):
    app.command()(_command)


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
