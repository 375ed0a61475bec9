"""The workspace commands: create it, start the app on it, back it up and restore it."""

from __future__ import annotations

# Imports inside functions: every command loads only what it uses (start-up time,
# bench/run.py); the command line's own module registers these commands.
import sys
from pathlib import Path
from typing import Annotated

import typer

from sdmkit.cli.common import store as _store
from sdmkit.errors import SdmkitError


def init(examples: Annotated[bool, typer.Option("--examples", help="Load the bundled examples.")] = False):
    """Create or migrate the database; --examples loads examples/."""
    from sdmkit.store import db

    store = _store()
    typer.echo(f"workspace ready: {db.describe(db.database_url())} ({store.count()} documents)")
    if examples:
        from sdmkit.examples import load_examples

        created, skipped = load_examples(store)
        typer.echo(f"examples: {len(created)} loaded, {len(skipped)} already present")


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


def backup(file: Annotated[Path, typer.Argument(metavar="FILE")]):
    """Write the whole workspace (documents, trash, history, settings) to one file."""
    from sdmkit.backup import write_backup

    data = write_backup(_store(), file)
    typer.echo(f"{file}: {len(data['documents'])} documents, {len(data['revisions'])} revisions")


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
