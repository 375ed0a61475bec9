"""The store's JSON text: what any earlier sdmkit wrote still reads, and what is
written reads back as it was, on both databases."""

from __future__ import annotations

import json
import math

from sqlalchemy import text

from sdmkit import jsonio
from sdmkit.document import DocumentMeta


def test_text_the_standard_library_wrote_reads_the_same():
    value = {"team_name": "Caf\u00e9 \U0001f680", "carried": [{"burden": 1.5, "n": 3}], "ok": True, "x": None}
    for written in (json.dumps(value), json.dumps(value, ensure_ascii=False), json.dumps(value, indent=1)):
        assert jsonio.loads(written) == value
    # json.dumps writes NaN, which is no JSON: a workspace that holds one still opens
    assert math.isnan(jsonio.loads('{"score": NaN}')["score"])


def test_what_orjson_refuses_is_written_as_before():
    assert json.loads(jsonio.dumps({1: "a", "b": [2**70]})) == {"1": "a", "b": [2**70]}
    assert jsonio.dumps("caf\u00e9") == '"caf\u00e9"'  # kept as text, not \\u escapes


def test_a_document_and_a_setting_read_back_as_saved(store):
    content = {
        "team_name": "Caf\u00e9 \U0001f680 \u201cLedger\u201d",
        "mission": 'quotes " and \\ and\nnew lines',
    }
    doc = store.create("charter", content, DocumentMeta("Ledger charter", tags=("caf\u00e9",)))
    assert store.get(doc.id).content["team_name"] == content["team_name"]
    assert store.get(doc.id).content["mission"] == content["mission"]
    assert store.revision(doc.id, 1).content["mission"] == content["mission"]
    store.set_setting("stories.mined", {"12": 3, "7": 1})
    assert store.setting("stories.mined") == {"12": 3, "7": 1}


def test_a_row_an_older_sdmkit_wrote_reads_back(store):
    """Rows written with json.dumps (spaces after separators, non-ASCII escaped) read
    as they did: the change of encoder changes nothing already stored."""
    doc = store.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger charter"))
    old = json.dumps({"team_name": "Caf\u00e9", "mission": "Pay \u20ac1"})
    with store.engine.begin() as conn:
        cast = "CAST(:c AS JSON)" if conn.dialect.name == "postgresql" else ":c"
        conn.execute(text(f"UPDATE document SET content = {cast} WHERE id = :i"), {"c": old, "i": doc.id})
    assert store.get(doc.id).content == {"team_name": "Caf\u00e9", "mission": "Pay \u20ac1"}
