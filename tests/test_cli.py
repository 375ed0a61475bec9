"""The CLI as a user runs it: one-line errors, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import suppress

from typer.testing import CliRunner

from sdmkit.cli import app
from sdmkit.document import DocumentMeta
from tests.conftest import ROOT, example_paths

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def sdmkit(*args, env=None, cwd=None):
    """The installed entry point, as a user types it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sdmkit.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=120,
    )


def test_init_examples_is_idempotent(workspace):
    n = len(example_paths())
    first = run("init", "--examples")
    assert first.exit_code == 0 and f"{n} loaded" in first.output
    second = run("init", "--examples")
    assert f"0 loaded, {n} already present" in second.output
    assert workspace.count() == n


def test_list_and_show(workspace):
    run("init", "--examples")
    out = run("list", "--json", "--kind", "charter")
    docs = json.loads(out.output)
    assert {d["title"] for d in docs} == {
        "Payments Platform team charter",
        "Checkout Experience team charter",
    }
    doc_id = str(docs[0]["id"])
    shown = json.loads(run("show", doc_id, "--json").output)
    assert shown["kind"] == "charter" and shown["version"] == 1
    assert "## Tenets (unless you know better ones)" in run("show", doc_id).output
    assert run("list", "--kind", "charter").output.count("charter") >= 2


def test_list_search_ranks_and_shows_a_snippet_as_text(workspace):
    body = workspace.create(
        "charter",
        {"team_name": "Checkout", "mission": "Balance the ledger\x07 now.\x1b[2J"},
        DocumentMeta("Checkout charter"),
    )
    title = workspace.create(
        "charter", {"team_name": "Books", "mission": "We keep books."}, DocumentMeta("Ledger charter")
    )
    out = run("list", "--search", "ledger").output
    lines = out.splitlines()
    assert [int(line.split()[0]) for line in lines if line.strip()[:1].isdigit()] == [title.id, body.id]
    assert "\x1b" not in out and "\x07" not in out and "Balance the [ledger]  now. [2J" in out
    docs = json.loads(run("list", "--search", "ledger", "--json").output)
    assert [d["id"] for d in docs] == [title.id, body.id]
    assert docs[1]["matched"] == ["ledger"] and "ledger" in docs[1]["snippet"]
    assert "snippet" not in json.loads(run("list", "--json").output)[0]


def test_a_search_that_finds_nothing_says_so_and_only_an_empty_workspace_is_told_to_load_examples(workspace):
    assert "try `sdmkit init --examples`" in run("list").output
    assert "try `sdmkit init --examples`" in run("list", "--search", "ledger").output  # nothing to find yet
    workspace.create(
        "charter", {"team_name": "Books", "mission": "We keep books."}, DocumentMeta("Books charter")
    )
    out = run("list", "--search", "zzqxnope", "--kind", "charter").output
    assert out.strip() == "no documents match kind 'charter', search 'zzqxnope'"
    assert "no documents in the trash" in run("list", "--trash").output


def test_an_imported_document_is_found_by_search_at_once(workspace):
    path = ROOT / "examples" / "charter" / "payments-platform.yaml"
    new_id = int(run("import", str(path)).output.split("\t")[0])
    docs = json.loads(run("list", "--search", "idempotency keys", "--json").output)
    assert [d["id"] for d in docs] == [new_id]
    assert docs[0]["matched"] == ["idempotency", "keys"]


def test_import_prints_new_ids_and_reports_bad_files(workspace, tmp_path):
    good = ROOT / "examples" / "charter" / "payments-platform.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: charter\ncontent:\n  team_type: squad\n")
    result = sdmkit("import", str(good), str(bad))
    assert result.returncode == 1
    new_id = result.stdout.split("\t")[0]
    assert new_id.isdigit()
    assert workspace.get(int(new_id)).title == "Payments Platform team charter"
    assert result.stderr.strip().splitlines() == [
        f"sdmkit: {bad}: content.team_type: must be one of 'stream-aligned', 'platform', 'enabling' or "
        "'complicated-subsystem'"
    ]
    assert "Traceback" not in result.stderr


def test_import_reports_bad_values_in_plain_words(workspace, tmp_path):
    """pydantic's wording ("Input should be a valid integer, unable to parse string as an
    integer") never reaches the user: each problem says what is wrong and what to write."""
    files = {
        "letters.yaml": "kind: oncall\ncontent:\n  name: Rota\n  every_n_days: abc\n",
        "zero.yaml": "kind: oncall\ncontent:\n  name: Rota\n  every_n_days: 0\n",
        "fraction.yaml": "kind: oncall\ncontent:\n  name: Rota\n  every_n_days: 7.5\n",
        "date.yaml": "kind: charter\ncontent:\n  team_name: Ledger\n  next_review: 14/03/2026\n",
        "typo.yaml": "kind: charter\ncontent:\n  team_name: Ledger\n  misson: typo\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = runner.invoke(app, ["import", *(str(tmp_path / n) for n in files)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"sdmkit: {tmp_path / 'letters.yaml'}: content.every_n_days: 'abc' is not a whole number; "
        "enter one such as 7",
        f"sdmkit: {tmp_path / 'zero.yaml'}: content.every_n_days: must be at least 1",
        f"sdmkit: {tmp_path / 'fraction.yaml'}: content.every_n_days: 7.5 is not a whole number; "
        "enter one such as 7",
        f"sdmkit: {tmp_path / 'date.yaml'}: content.next_review: '14/03/2026' is not a date; "
        "write it like 2026-10-14",
        f"sdmkit: {tmp_path / 'typo.yaml'}: content.misson: unknown field; check its spelling",
    ]
    assert "Input should" not in result.output and workspace.count() == 0


def test_errors_are_one_line_without_traceback(workspace):
    for args, expected in [
        (["show", "999"], "sdmkit: document 999 not found"),
        (["show", "abc"], "is not a document id"),
        (["schema", "memo"], "unknown kind 'memo'"),
        (["export", "--format", "docx", "1"], "--format: 'docx' is not one of md, html, pdf, json"),
        (["lint", "missing.yaml"], "missing.yaml: no such file"),
        (["restore", "missing.json"], "missing.json: no such file"),
    ]:
        result = sdmkit(*args)
        assert result.returncode != 0, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (args, result.stderr)


def test_export_every_format(workspace, tmp_path):
    run("init", "--examples")
    out = tmp_path / "out"
    for fmt in ("md", "html", "pdf", "json"):
        result = run("export", "--all", "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "payments-platform-team-charter.pdf" in names
    assert "checkout-experience-team-charter.md" in names
    assert "card-payments-failed-for-47-minutes-on-14-october.pdf" in names
    assert len(names) == 4 * len(example_paths())
    assert (out / "payments-platform-team-charter.pdf").read_bytes().startswith(b"%PDF")


def test_schema_prints_json_schema(workspace):
    data = json.loads(run("schema", "charter").output)
    assert data["properties"]["kind"]["const"] == "charter"


def test_lint_exit_status(workspace, tmp_path):
    ok = ROOT / "examples" / "charter" / "payments-platform.yaml"
    assert run("lint", str(ok)).exit_code == 0
    bad = tmp_path / "thin.yaml"
    bad.write_text("kind: charter\ntitle: Thin\ncontent:\n  team_name: Thin\n")
    result = run("lint", str(bad), "--json")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert {
        "rule": "charter.required",
        "severity": "error",
        "location": "mission",
        "message": "There is no mission",
        "suggestion": "One sentence: who you serve and what you do for them.",
    } in findings
    doc_id = run("import", str(bad)).output.split("\t")[0]
    assert run("lint", doc_id).exit_code == 1


def test_history_diff_revert_delete_undelete(workspace):
    run("init", "--examples")
    doc = workspace.list(kind="charter").items[0]
    full = workspace.get(doc.id)
    workspace.save(doc.id, 1, {**full.content, "mission": "Changed mission."}, full.meta)
    assert "v2" in run("history", str(doc.id)).output
    assert "+  mission: Changed mission." in run("diff", str(doc.id), "1", "2").output
    assert "version 3 restored from version 1" in run("revert", str(doc.id), "1").output
    assert workspace.get(doc.id).content["mission"] == full.content["mission"]
    run("delete", str(doc.id))
    assert str(doc.id) in run("list", "--trash").output
    run("undelete", str(doc.id))
    assert workspace.get(doc.id).version == 3


def test_backup_and_restore_are_lossless(workspace, tmp_path, monkeypatch):
    run("init", "--examples")
    a, b = workspace.list(kind="charter").items
    full = workspace.get(a.id)
    workspace.save(a.id, 1, {**full.content, "mission": "v2"}, full.meta)
    workspace.delete(b.id)
    workspace.set_setting("pdf_page_size", "Letter")
    backup = tmp_path / "backup.json"
    assert run("backup", str(backup)).exit_code == 0

    target = tmp_path / "restored.db"
    monkeypatch.setenv("SDMKIT_DATABASE_URL", f"sqlite:///{target}")
    assert run("restore", str(backup)).exit_code == 0
    from sdmkit.backup import dump
    from sdmkit.store import open_store

    restored = open_store(f"sqlite:///{target}")
    assert dump(restored) == dump(workspace)
    assert restored.get(a.id).content["mission"] == "v2"
    assert restored.list(deleted=True).items[0].id == b.id
    assert restored.setting("pdf_page_size") == "Letter"
    # A restored workspace keeps working: new documents get fresh ids.
    assert restored.create("charter", {"team_name": "New"}).id > max(a.id, b.id)
    # Restoring over a non-empty workspace needs --replace, and keeps a safety copy.
    result = sdmkit("restore", str(backup), env={"SDMKIT_DATABASE_URL": f"sqlite:///{target}"})
    assert result.returncode == 1 and "--replace" in result.stderr
    result = sdmkit("restore", str(backup), "--replace", env={"SDMKIT_DATABASE_URL": f"sqlite:///{target}"})
    assert result.returncode == 0 and "current workspace saved to" in result.stdout
    restored.engine.dispose()


def test_help_is_quick_to_import():
    """`sdmkit --help` must not pull in WeasyPrint, SQLAlchemy or Streamlit."""
    code = (
        "import sys, sdmkit.cli; heavy = [m for m in ('weasyprint', 'sqlalchemy', 'streamlit') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_app_passes_port_and_address_and_does_not_watch_its_source(workspace, monkeypatch):
    """`sdmkit app` starts Streamlit with the user's port and address; the product
    does not reload itself when files change (only `--watch` does, for developers)."""
    from sdmkit.cli import workspace

    calls = []
    monkeypatch.setattr(workspace, "_run_server", lambda cmd, cwd: calls.append(cmd) or 0)
    result = run("app", "--port", "9123", "--address", "0.0.0.0", "--no-open")
    assert result.exit_code == 0 and "http://0.0.0.0:9123" in result.output
    cmd = calls[0]

    def option(name):
        return cmd[cmd.index(name) + 1]

    assert option("--server.port") == "9123" and option("--server.address") == "0.0.0.0"
    assert option("--server.headless") == "true" and option("--server.fileWatcherType") == "none"
    run("app", "--watch", "--no-open")
    assert calls[1][calls[1].index("--server.fileWatcherType") + 1] == "auto"


def test_stopping_sdmkit_app_stops_its_server(tmp_path):
    """A SIGTERM to `sdmkit app` (a service manager stopping it) must not leave the
    Streamlit server running on its own."""
    import signal
    import time

    from tests.browser import free_port

    port = free_port()
    env = {**os.environ, "SDMKIT_DATA_DIR": str(tmp_path / "data")}
    env.pop("SDMKIT_DATABASE_URL", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "sdmkit.cli", "app", "--port", str(port), "--no-open"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert app.poll() is None and time.monotonic() < deadline, "sdmkit app did not start"
            time.sleep(0.3)
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert not _listening(port), "the Streamlit server outlived sdmkit app"
    finally:
        with suppress(ProcessLookupError):  # what is left of the group, the server too
            os.killpg(app.pid, signal.SIGKILL)


def test_app_starts_without_a_prompt_on_a_fresh_home(tmp_path):
    """A new user's first `sdmkit app` (what ./scripts/start runs), with a home directory
    Streamlit has never seen and no terminal to answer on, serves the app; and it still
    asks the system to open a browser (BROWSER stands in for one here)."""
    import signal
    import time

    from tests.browser import free_port, serves

    port = free_port()
    home = tmp_path / "home"
    home.mkdir()
    opened = tmp_path / "opened"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    env = {**os.environ, "HOME": str(home), "BROWSER": str(browser), "SDMKIT_DATA_DIR": str(tmp_path / "d")}
    env.pop("SDMKIT_DATABASE_URL", None)
    env.pop("XDG_CONFIG_HOME", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "sdmkit.cli", "app", "--port", str(port)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        if not serves(f"http://127.0.0.1:{port}", app):
            out = app.stdout.read().decode() if app.poll() is not None else ""
            raise AssertionError(f"sdmkit app did not serve on a fresh HOME:\n{out[-2000:]}")
        deadline = time.monotonic() + 20
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert opened.exists() and str(port) in opened.read_text(), "no browser was opened"
    finally:
        with suppress(ProcessLookupError):
            os.killpg(app.pid, signal.SIGKILL)
        app.wait()


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_an_export_process_ends_early_with_its_output_and_status(workspace, tmp_path):
    """After an export, main() ends the process without tearing its modules down:
    what it printed still arrives, and a kept file still means exit status 1."""
    run("init", "--examples")
    doc_id = str(workspace.list(kind="coe", limit=1).items[0].id)
    first = sdmkit("export", doc_id, "--format", "md", "-o", str(tmp_path / "out"))
    assert first.returncode == 0 and first.stdout.strip().endswith(".md"), first.stderr
    again = sdmkit("export", doc_id, "--format", "md", "-o", str(tmp_path / "out"))
    assert again.returncode == 1 and "already exists; kept it" in again.stderr


def test_a_pdf_export_by_worker_processes_writes_what_one_process_writes(workspace, tmp_path):
    """The press lays out pages in forked workers; the files, their bytes and the lines
    printed are those of an export laid out in the command's own process."""
    run("init", "--examples")
    ids = [str(workspace.list(kind=k, limit=1).items[0].id) for k in ("coe", "metric_review", "charter")]
    runs = {}
    # Both exports at one moment: the charter says who is on call "as of" the minute
    # it is made, and two exports a minute boundary apart differ there, not in layout.
    at_one_moment = (
        "import sys; from datetime import datetime, UTC; from sdmkit import clock; "
        "clock._frozen = datetime(2026, 11, 20, 9, 30, tzinfo=UTC); "
        "from sdmkit.cli import main; sys.argv[0] = 'sdmkit'; main()"
    )
    for workers in ("2", "0"):
        out = tmp_path / f"workers-{workers}"
        done = subprocess.run(
            [sys.executable, "-c", at_one_moment, "export", *ids, "--format", "pdf", "-o", str(out)],
            capture_output=True,
            text=True,
            env={**os.environ, "SDMKIT_PDF_WORKERS": workers},
            timeout=120,
        )
        assert done.returncode == 0 and not done.stderr, done.stderr
        runs[workers] = (
            done.stdout.replace(str(out), "OUT"),
            {p.name: p.read_bytes() for p in out.iterdir()},
        )
    assert runs["2"] == runs["0"]
    assert len(runs["2"][1]) == 3 and runs["2"][0].count("OUT/") == 3


def test_a_pdf_worker_that_dies_is_a_one_line_error(tmp_path):
    script = (
        "import os, sys\n"
        "from sdmkit.errors import SdmkitError\n"
        "from sdmkit.export.press import Press\n"
        "with Press(1) as press:\n"
        "    job = press._pool.submit(os._exit, 9)  # a worker killed mid-document\n"
        "    try:\n"
        "        press.result(job)\n"
        "    except SdmkitError as e:\n"
        "        print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert "a PDF worker process ended before its document was laid out" in done.stdout


def test_the_export_package_loads_no_store_before_its_pdf_workers_start():
    """The CLI starts its PDF workers before it imports the store, so that they import
    WeasyPrint while it does; importing the export package must not pull the store in."""
    script = (
        "import sys, sdmkit.export, sdmkit.export.press\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'weasyprint') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0 and done.stdout.strip() == "[]", (done.stdout, done.stderr)
