"""One validation for both databases: what PostgreSQL refuses, SQLite refuses too,
at the store, with the field named; so a SQLite workspace always restores into
PostgreSQL."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.metrics.catalog import Metric, save_catalog
from sdmkit.store.limits import _walk, check_value
from sdmkit.store.review import add_comment, add_decision

pytestmark = pytest.mark.fault


@pytest.mark.parametrize(
    "change,field",
    [
        (dict(title="Ledger\x00"), "title"),
        (dict(team="T" * 201), "team"),
        (dict(content={"team_name": "Ledger", "mission": "a\x00b"}), "content.mission"),
        (dict(content={"team_name": "Ledger", "mission": "\ud800"}), "content.mission"),
        (dict(tags=["ok", "bad\x00"]), "tags[2]"),
        (dict(tags="payments"), "tags"),
    ],
)
def test_create_and_save_refuse_what_a_database_would(store, change, field):
    change = dict(change)  # the parameters are shared by both databases
    content = change.pop("content", {"team_name": "Ledger"})
    meta = DocumentMeta(**{"title": "Ledger charter", **change})
    with pytest.raises(InvalidDocument) as refused:
        store.create("charter", content, meta)
    assert refused.value.problems[0].field == field
    doc = store.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger charter"))
    with pytest.raises(InvalidDocument) as refused:
        store.save(doc.id, 1, content, meta)
    assert refused.value.problems[0].field == field
    assert store.get(doc.id).version == 1


def test_numbers_must_be_finite_in_content_settings_and_catalogs(store):
    with pytest.raises(InvalidDocument, match="not a finite number"):
        store.create("oncall", {"name": "Rota", "carried": [{"person": "Ana", "burden": float("nan")}]})
    with pytest.raises(InvalidDocument, match="not a finite number"):
        store.set_setting("practice.history", [{"score": float("inf")}])
    with pytest.raises(InvalidDocument, match=r"metrics\[1\].target"):
        save_catalog(store, "Ledger", [Metric("Pages", target=float("nan"))])
    with pytest.raises(InvalidDocument, match=r"metrics\[1\].unit: at most 40"):
        save_catalog(store, "Ledger", [Metric("Pages", unit="u" * 41)])


def test_comments_and_decisions_refuse_nul(store):
    doc = store.create("charter", {"team_name": "Ledger"}, DocumentMeta("Ledger charter"))
    with pytest.raises(InvalidDocument, match="comment: contains a NUL"):
        add_comment(store, doc.id, 1, "fine\x00")
    with pytest.raises(InvalidDocument, match="decision: contains a NUL"):
        add_decision(store, doc.id, 1, "Adopt\x00")


@pytest.mark.postgres
def test_a_sqlite_backup_of_edge_values_restores_into_postgresql(sqlite_store, request, tmp_path):
    from sdmkit.backup import dump, restore
    from sdmkit.store import open_store
    from tests.conftest import PG_URL, create_pg_database, drop_pg_database, need, pg_admin_url

    need(bool(PG_URL), "PostgreSQL tests need SDMKIT_TEST_POSTGRES_URL")
    sqlite_store.create(
        "charter",
        {"team_name": "Ledger", "mission": "Émoji 🚀, tabs\tand\nnewlines, 'quotes' \"and\" \\ backslashes"},
        DocumentMeta("T" * 300, team="é" * 200, tags=("🚀" * 50,)),
    )
    save_catalog(sqlite_store, "é" * 200, [Metric("n" * 200, unit="u" * 40, target=1e300)])
    name = create_pg_database("sdmkit_edge")
    request.addfinalizer(lambda: drop_pg_database(name))
    pg = open_store(pg_admin_url(name))
    try:
        data = dump(sqlite_store)
        restore(pg, data)
        after = dump(pg)
        for section in ("documents", "revisions", "metrics"):
            assert after[section] == data[section]
    finally:
        pg.engine.dispose()


# Any JSON-like value, with what a database refuses mixed in: NUL, a lone surrogate,
# numbers past 2**53, NaN, keys that are no text, tuples, and nesting past MAX_DEPTH.
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.sampled_from([2**53, 2**53 + 1, -(2**53) - 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=8),
    st.sampled_from(["plain", "caf\u00e9", "a\x00b", "\ud800", ""]),
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(
            st.one_of(st.text(max_size=5), st.sampled_from(["k\x00", "\udfff"])), inner, max_size=4
        ),
        st.dictionaries(st.integers(0, 3), inner, max_size=2),
    ),
    max_leaves=25,
)


def _nested(depth: int, shape: str, leaf: object) -> object:
    """`leaf` inside `depth` lists, dicts, or both in turn."""
    value = leaf
    for i in range(depth):
        as_list = shape == "lists" or (shape == "both" and i % 2)
        value = [value] if as_list else {"k": value}
    return value


@settings(max_examples=400, deadline=None)
@given(
    value=st.one_of(
        _VALUES, st.builds(_nested, st.integers(30, 50), st.sampled_from(["lists", "dicts", "both"]), _VALUES)
    )
)
def test_the_quick_pass_never_lets_through_what_the_full_walk_refuses(value):
    """check_value answers a clean document at a glance (mining checks 1,500 stories
    at once); on every value it must name exactly the problems the full walk names."""
    assert check_value(value, "content") == _walk(value, "content", [])
