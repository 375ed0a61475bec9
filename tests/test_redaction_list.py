"""The redaction list's table keeps what the user typed and says when it is unsaved:
exports read only the saved list, so a name on the screen is not yet a name replaced."""

from sdmkit.ui.redaction_list import BASE, KEY, SHOWN, prepare, reset, unsaved

SAVED = [{"term": "Priya Raman", "replacement": "[name]"}]


def _typed(state, rows):
    """What Streamlit holds under the editor's key after the user added these rows."""
    state[KEY] = {"edited_rows": {}, "added_rows": rows, "deleted_rows": []}


def test_typing_survives_a_page_switch_that_drops_the_editors_key():
    state: dict = {}
    prepare(state, SAVED)
    _typed(state, [{"term": "Northwind", "replacement": None}])
    assert [r["term"] for r in prepare(state, SAVED)] == ["Priya Raman", "Northwind"]
    assert unsaved(state, SAVED)
    del state[KEY]  # another page was shown: Streamlit dropped the data_editor's key
    rows = prepare(state, SAVED)
    assert [r["term"] for r in rows] == ["Priya Raman", "Northwind"]
    assert state[BASE] == rows and KEY not in state
    assert unsaved(state, SAVED)


def test_an_empty_list_is_an_empty_table_and_blank_rows_are_not_changes():
    state: dict = {}
    assert prepare(state, []) == []
    _typed(state, [{"term": None, "replacement": None}, {"term": "  ", "replacement": "x"}])
    prepare(state, [])
    assert not unsaved(state, [])


def test_a_list_saved_elsewhere_is_shown_unless_the_user_typed_over_it():
    state: dict = {}
    prepare(state, SAVED)
    later = [*SAVED, {"term": "Tomasz Nowak", "replacement": "[name]"}]
    assert [r["term"] for r in prepare(state, later)] == ["Priya Raman", "Tomasz Nowak"]
    assert not unsaved(state, later)
    # typing in progress is not replaced by another tab's save
    _typed(state, [{"term": "Northwind", "replacement": "[customer]"}])
    prepare(state, later)
    again = [*later, {"term": "Aisha Bello", "replacement": "[name]"}]
    assert "Northwind" in [r["term"] for r in prepare(state, again)]
    assert unsaved(state, again)


def test_reset_shows_the_saved_list():
    state: dict = {}
    prepare(state, SAVED)
    _typed(state, [{"term": "Northwind", "replacement": ""}])
    prepare(state, SAVED)
    reset(state, SAVED)
    assert state[SHOWN] == SAVED and KEY not in state
    assert not unsaved(state, SAVED)
