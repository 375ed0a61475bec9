"""Property: any interchange file, of any kind, either imports exactly (its JSON and
Markdown exports import back equal) or is refused with one line naming the file and
the field. Never a traceback; a folder import imports every good file.

Files are the examples of each kind with a few values replaced by hostile ones
(wrong types, NUL, surrogates, NaN, huge numbers, odd zones and times) or removed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sdmkit.errors import InvalidDocument, SdmkitError
from sdmkit.export.markdown_export import render_markdown
from sdmkit.interchange import import_file, parse_text, read_file, to_dict, to_json
from tests.conftest import example_paths

pytestmark = pytest.mark.fault

EXAMPLES: dict[str, dict] = {}
for _path in example_paths():
    _data = yaml.safe_load(_path.read_text())
    EXAMPLES.setdefault(_data["kind"], json.loads(json.dumps(_data, default=str)))

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "America",
    "Europe/Berlin",
    "UTC",
    "2026-11-02T10:00:00Z",
    "2026-11-02T10:00",
    "2026-11-02",
    "=HYPERLINK(1)",
    "x" * 301,
    "draft",
    "nan",
    "10:00",
]
LEAVES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(HOSTILE_TEXT),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=6), max_size=3),
    st.dictionaries(st.text(max_size=6), st.text(max_size=6), max_size=2),
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _apply(data, path, value, remove):
    if not path:
        return data
    target = data
    for part in path[:-1]:
        target = target[part]
    if remove and isinstance(target, dict):
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    return data


@st.composite
def documents(draw, kind=None):
    kind = kind or draw(st.sampled_from(sorted(EXAMPLES)))
    data = json.loads(json.dumps(EXAMPLES[kind]))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        paths = [p for p in _paths(data) if p and p[0] != "kind"]
        path = draw(st.sampled_from(paths))
        data = _apply(data, path, draw(LEAVES), draw(st.booleans()))
    return data


def _write(folder: Path, name: str, data) -> Path:
    path = folder / name
    # json.dumps writes NaN and escapes lone surrogates, as a hand-edited or foreign file may.
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _assert_one_line_naming(exc: SdmkitError, path: Path) -> None:
    message = str(exc)
    assert "\n" not in message, message[:300]
    assert message.startswith(f"{path}: "), message[:300]
    assert "unexpected error" not in message and "Traceback" not in message
    # import_file's last guard turns a stray exception into a line; it must never be needed.
    assert "could not be imported" not in message, message[:300]
    if isinstance(exc, InvalidDocument):
        assert all(p.field for p in exc.problems), f"a problem names no field: {message[:300]}"


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=documents())
def test_any_file_imports_exactly_or_is_refused_naming_file_and_field(sqlite_store, tmp_path, data):
    path = _write(tmp_path, "doc.json", data)
    try:
        doc = import_file(sqlite_store, path)
    except SdmkitError as exc:
        _assert_one_line_naming(exc, path)
        event("refused")
        return
    event("imported")
    stored = to_dict(doc)
    again = _write(tmp_path, "again.json", json.loads(to_json(doc)))
    assert to_dict(read_file(again)) == stored, "JSON export -> import changed the document"
    md = render_markdown(doc)
    assert to_dict(parse_text(md, ".md", "doc.md")) == stored, (
        "Markdown export -> import changed the document"
    )


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(documents(), min_size=2, max_size=6))
def test_a_folder_import_imports_every_good_file(workspace, tmp_path_factory, files):
    from typer.testing import CliRunner

    from sdmkit.cli import app

    folder = tmp_path_factory.mktemp("folder")
    good = 0
    for i, data in enumerate(files):
        path = _write(folder, f"doc-{i:02}.json", data)
        try:
            read_file(path)
            good += 1
        except SdmkitError:
            pass
    before = workspace.count()
    result = CliRunner().invoke(app, ["import", str(folder)], catch_exceptions=False)
    imported = [line for line in result.stdout.splitlines() if re.match(r"^\d+\t", line)]
    refused = result.stderr.strip().splitlines() if result.stderr.strip() else []
    assert len(imported) == good
    assert workspace.count() - before == good
    assert len(refused) == len(files) - good, "one line per bad file"
    assert result.exit_code == (1 if refused else 0)
