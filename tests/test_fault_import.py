"""Hostile files against `sdmkit import DIR`: each bad file gets one line naming the
file, the field and the problem; every good file is still imported; nothing a
database would refuse (NUL, NaN, huge numbers) reaches the store."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from sdmkit.cli import app
from tests.conftest import ROOT

pytestmark = pytest.mark.fault


def example(kind: str, name: str) -> dict:
    return yaml.safe_load((ROOT / "examples" / kind / f"{name}.yaml").read_text())


def with_change(data: dict, change) -> dict:
    out = copy.deepcopy(data)
    change(out)
    return out


def as_json(data) -> str:
    return json.dumps(data, default=str)


CHARTER = example("charter", "payments-platform")
ONCALL = example("oncall", "payments-weekly")
COE = example("coe", "card-payments-tls")
ONE_MB = "x" * 1_000_000


def _set(path: str, value):
    def change(d):
        *parents, last = path.split(".")
        for p in parents:
            d = d[int(p)] if p.isdigit() else d[p]
        d[int(last) if last.isdigit() else last] = value

    return change


def _add_point(point):
    return lambda d: d["content"].setdefault("data_points", []).append(point)


# (file name, text, the field the message must name, words the message must contain)
HOSTILE = [
    ("team-number.json", as_json(with_change(CHARTER, _set("team", 5))), "team", "expected text"),
    ("team-list.json", as_json(with_change(CHARTER, _set("team", ["a"]))), "team", "expected text"),
    ("team-long.json", as_json(with_change(CHARTER, _set("team", "T" * 201))), "team", "at most 200"),
    (
        "title-nan.yaml",
        yaml.safe_dump(CHARTER, sort_keys=False).replace(
            "title: Payments Platform team charter", "title: .nan"
        ),
        "title",
        "expected text",
    ),
    ("title-nan.json", as_json(CHARTER).replace('"Payments Platform team charter"', "NaN"), "title", "text"),
    (
        "coach-nested.json",
        as_json(with_change(CHARTER, _set("coach_off", [["x"]]))),
        "coach_off",
        "expected a list of words",
    ),
    (
        "zone-folder.json",
        as_json(with_change(ONCALL, _set("content.time_zone", "America"))),
        "content.time_zone",
        "unknown time zone 'America'",
    ),
    (
        "zone-long.json",
        as_json(with_change(ONCALL, _set("content.time_zone", "Europe/" + "x" * 5000))),
        "content.time_zone",
        "5007 characters",
    ),
    (
        "override-offset.json",
        as_json(with_change(ONCALL, _set("content.overrides.0.start", "2026-11-26T18:00+01:00"))),
        "content.overrides[1].start",
        "without a UTC offset",
    ),
    (
        "coe-point-z.json",
        as_json(with_change(COE, _add_point({"series": "errors", "at": "2026-10-14T10:00:00Z", "value": 3}))),
        "content.data_points",
        "without a UTC offset",
    ),
    (
        "coe-point-nan.json",
        as_json(
            with_change(COE, _add_point({"series": "e", "at": "2026-10-14T10:00", "value": "NaN"}))
        ).replace('"NaN"', "NaN"),
        "content.data_points",
        "not a finite number",
    ),
    (
        "integer-5000-digits.json",
        as_json(CHARTER)[:-1] + ', "x": ' + "9" * 5000 + "}",
        "",
        "thousands of digits",
    ),
    (
        "integer-1000-digits.json",
        as_json(CHARTER).replace('"mission": "', '"mission": ' + "9" * 1000 + ', "vision": "'),
        "content.mission",
        "too large",
    ),
    (
        "nested-1000.json",
        '{"kind": "charter", "content": {"mission": ' + "[" * 1000 + "]" * 1000 + "}}",
        "",
        "deep",
    ),
    (
        "nested-100.json",
        '{"kind": "charter", "content": {"mission": ' + "[" * 100 + "]" * 100 + "}}",
        "content",
        "deep",
    ),
    (
        "surrogate.json",
        as_json(CHARTER).replace('"mission": "', '"mission": "\\ud800'),
        "content.mission",
        "surrogate",
    ),
    ("nul.json", as_json(CHARTER).replace('"mission": "', '"mission": "\\u0000'), "content.mission", "NUL"),
    (
        "alias-bomb.yaml",
        f"kind: charter\ncontent:\n  team_name: &a '{ONE_MB}'\n  tenets:\n"
        + "    - {statement: *a}\n" * 2000,
        "",
        "aliases",
    ),
    ("not-a-mapping.yaml", "- just\n- a list\n", "", "expected a mapping"),
    ("unknown-kind.yaml", "kind: memo\ntitle: x\n", "", "memo"),
]


@pytest.fixture
def hostile_dir(tmp_path):
    folder = tmp_path / "import"
    folder.mkdir()
    for name, text, _, _ in HOSTILE:
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    # Good files between the bad ones (names sort among them).
    for i, data in enumerate((CHARTER, ONCALL, COE)):
        (folder / f"m-good-{i}.json").write_text(as_json(data))
        (folder / f"z-good-{i}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return folder


def test_a_folder_with_hostile_files_imports_every_good_one(workspace, hostile_dir):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["import", str(hostile_dir)], catch_exceptions=False)
    assert result.exit_code == 1
    imported = [line for line in result.stdout.splitlines() if re.match(r"^\d+\t", line)]
    assert len(imported) == 6
    assert workspace.count() == 6
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(HOSTILE), "one line per bad file"
    by_file = {}
    for line in lines:
        match = re.match(rf"^sdmkit: {re.escape(str(hostile_dir))}/([^:]+): (.*)$", line)
        assert match, f"names no file: {line[:200]}"
        by_file[match[1]] = match[2]
    for name, _, field, words in HOSTILE:
        message = by_file[name]
        assert message.startswith(field), f"{name}: does not name {field!r}: {message[:200]}"
        assert words in message, f"{name}: {message[:200]}"
        assert "unexpected error" not in message and "Traceback" not in message
        assert len(message) < 400, f"{name}: the line quotes too much of the file"


def test_an_oversized_file_is_refused_before_it_is_read(workspace, tmp_path):
    from sdmkit.errors import SdmkitError
    from sdmkit.interchange import MAX_FILE_BYTES, read_file

    big = tmp_path / "big.yaml"
    big.write_text("kind: charter\ncontent:\n  mission: '" + "x" * MAX_FILE_BYTES + "'\n")
    with pytest.raises(SdmkitError, match="larger than 5 MB"):
        read_file(big)


def test_a_number_the_model_makes_too_large_is_refused_by_read_and_import_alike(workspace, tmp_path):
    """9007199254740994.0 passes as a finite float but the model stores it as a whole
    number past 2**53, which no database keeps exactly: reading the file refuses it,
    with the field named, just as importing it does (found by the property test)."""
    from sdmkit.errors import InvalidDocument
    from sdmkit.interchange import read_file

    data = yaml.safe_load((ROOT / "examples/metric_review/payments-week-2026-11-15.yaml").read_text())
    data["content"]["metrics"][0]["monthly"] = [
        {"period": "2026-10", "value": 1.0, "weeks": 9007199254740994.0}
    ]
    path = tmp_path / "review.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InvalidDocument, match=r"content\.metrics\[1\]\.monthly\[1\]\.weeks|weeks"):
        read_file(path)
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 1 and "weeks" in result.stderr and workspace.count() == 0
