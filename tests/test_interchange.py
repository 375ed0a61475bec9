"""The interchange format: every example survives export and import unchanged."""

from __future__ import annotations

import json

import pytest
import yaml

from sdmkit.errors import InvalidDocument, SdmkitError
from sdmkit.export import render
from sdmkit.interchange import parse_text, read_file, schema
from tests.conftest import example_paths


def _stored(store, doc):
    return store.create(doc.kind, doc.content, doc.meta)


def _same(a, b):
    """Every metadata field, whatever fields DocumentMeta grows, and the content."""
    assert (a.kind, a.meta, a.content) == (b.kind, b.meta, b.content)


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_every_example_round_trips(sqlite_store, path, fmt):
    original = _stored(sqlite_store, read_file(path))
    exported = render(original, fmt).decode("utf-8")
    again = _stored(sqlite_store, parse_text(exported, f".{fmt}", f"export.{fmt}"))
    _same(original, again)


def test_yaml_and_json_files_import(tmp_path):
    data = {"kind": "charter", "title": "T", "content": {"team_name": "Ledger", "mission": "m"}}
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(data))
    (tmp_path / "a.json").write_text(json.dumps(data))
    assert read_file(tmp_path / "a.yaml").content == read_file(tmp_path / "a.json").content


@pytest.mark.parametrize(
    "text, suffix, expected",
    [
        (
            "kind: charter\ncontent:\n  misson: typo\n",
            ".yaml",
            "content.misson: unknown field; check its spelling",
        ),
        ("kind: charter\ncontent:\n  team_type: squad\n", ".yaml", "content.team_type: must be one of"),
        (
            "kind: charter\ncontent:\n  tenets: [{name: [3], statement: x}]\n",
            ".yaml",
            "content.tenets[1].name",
        ),
        ("kind: charter\ncontent:\n  next_review: not-a-date\n", ".yaml", "content.next_review"),
        ("kind: memo\ntitle: x\n", ".yaml", "unknown kind 'memo'"),
        ("title: x\n", ".yaml", "kind: missing"),
        ("kind: charter\nowner: me\n", ".yaml", "owner: unknown field"),
        ("kind: [unclosed\n", ".yaml", "line 2: not valid YAML"),
        ('{"kind": ', ".json", "not valid JSON"),
        ("# no front matter\n", ".md", "no front matter"),
        ("- a\n- b\n", ".yaml", "expected a mapping"),
    ],
)
def test_bad_files_name_the_file_field_and_problem(text, suffix, expected):
    with pytest.raises(SdmkitError) as caught:
        parse_text(text, suffix, f"bad{suffix}")
    message = str(caught.value)
    assert message.startswith(f"bad{suffix}: ")
    assert expected in message
    assert "\n" not in message


def test_invalid_document_lists_every_problem():
    with pytest.raises(InvalidDocument) as caught:
        parse_text("kind: charter\ncontent: {team_type: squad, next_review: nope}\n", ".yaml", "x.yaml")
    assert {p.field for p in caught.value.problems} == {"content.team_type", "content.next_review"}


def test_schema_describes_the_file():
    s = schema("charter")
    assert s["properties"]["kind"] == {"const": "charter"}
    assert "tenets" in s["properties"]["content"]["properties"]
    assert s["properties"]["status"]["enum"][0] == "draft"
    with pytest.raises(SdmkitError, match="unknown kind"):
        schema("nope")
