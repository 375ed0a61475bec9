"""Exports never clobber a file, and what a spreadsheet opens never runs."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from typer.testing import CliRunner

from sdmkit.cli import app
from sdmkit.document import DocumentMeta
from sdmkit.errors import SdmkitError
from sdmkit.export import unique_names
from sdmkit.export.escape import csv_cell
from sdmkit.kinds.oncall.exports import hours_csv
from tests.test_oncall import quarter, rotation

pytestmark = pytest.mark.fault


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_titles_that_slug_alike_get_one_file_each(workspace, tmp_path):
    a = workspace.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger 3"))
    b = workspace.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger"))
    c = workspace.create("charter", {"team_name": "Ledger"}, DocumentMeta("ledger"))
    names = unique_names([a, b, c], "md")
    assert len({n.lower() for n in names}) == 3, names
    result = run("export", str(a.id), str(b.id), str(c.id), "--out", str(tmp_path))
    assert result.exit_code == 0
    written = result.stdout.split()
    assert len(set(written)) == 3 and len(list(tmp_path.glob("*.md"))) == 3


def test_existing_files_are_kept_unless_overwrite(workspace, tmp_path):
    doc = workspace.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger charter"))
    first = run("export", str(doc.id), "--out", str(tmp_path))
    path = tmp_path / first.stdout.strip().rsplit("/", 1)[-1]
    path.write_text("my own notes")
    again = run("export", str(doc.id), "--out", str(tmp_path))
    assert again.exit_code == 1
    assert again.stderr.strip() == f"sdmkit: {path}: already exists; kept it (--overwrite replaces it)"
    assert path.read_text() == "my own notes"
    forced = run("export", str(doc.id), "--out", str(tmp_path), "--overwrite")
    assert forced.exit_code == 0 and path.read_text() != "my own notes"


def test_oncall_exports_keep_an_existing_file(workspace, tmp_path):
    from tests.conftest import ROOT

    run("import", str(ROOT / "examples" / "oncall" / "payments-weekly.yaml"))
    doc_id = str(workspace.list(kind="oncall").items[0].id)
    out = tmp_path / "hours.csv"
    out.write_text("keep me")
    hours = ["oncall", "hours", doc_id, "--from", "2026-11-02", "--to", "2026-11-30", "--out", str(out)]
    with pytest.raises(SdmkitError, match="already exists; kept it"):
        run(*hours)
    assert out.read_text() == "keep me"
    ics = tmp_path / "team.ics"
    ics.write_text("keep me")
    with pytest.raises(SdmkitError, match="already exists; kept it"):
        run("oncall", "ics", doc_id, "--out", str(ics))
    assert ics.read_text() == "keep me"
    assert run("oncall", "ics", doc_id, "--out", str(ics), "--overwrite").exit_code == 0
    assert ics.read_text().startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "＝1"])
def test_hours_csv_never_starts_a_cell_with_a_formula(name):
    r = rotation(members=[{"name": name}, {"name": "Ben"}], handoff_time="00:00")
    rows = list(csv.reader(io.StringIO(hours_csv(r, quarter(r), date(2026, 1, 5), date(2026, 1, 7)))))
    assert rows[1][0] == "'" + name
    assert rows[2][0] == "Ben"


def test_csv_cell_leaves_plain_text_alone():
    assert csv_cell("Ana O'Neil") == "Ana O'Neil"
    assert csv_cell("") == ""
