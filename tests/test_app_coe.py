"""The COE editor and the Action items page through AppTest."""

from __future__ import annotations

from datetime import date, timedelta

from sdmkit.document import DocumentMeta
from tests.test_app import app, by_label, save, texts

FUTURE = (date.today() + timedelta(days=20)).isoformat()


def load(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    return {s.title: s.id for s in workspace.list(kind="coe").items}


def test_coe_editor_shows_metrics_and_rubric(workspace):
    ids = load(workspace)
    at = app("pages/coe.py", id=str(ids["Card payments failed for 47 minutes on 14 October"]))
    assert not at.exception
    page = texts(at)
    assert "| Time to detect | **9 min** |" in page
    assert "Bar-raiser rubric: 8 of 8 checks pass (100)" in page
    assert any(c.label == "Why 1.1.1.1 · root cause" for c in at.text_area)
    # The severity's name in its box, its meaning whole under it (the box cut it at 'page 24').
    severity = by_label(at.selectbox, "Severity")
    assert severity.value == 2 and severity.format_func(2) == "Sev 2: major"
    assert "A core function is failing for a significant share of customers; page 24x7." in page


def test_whys_tree_grows_and_branches(workspace):
    at = app("pages/coe.py", id="new")
    by_label(at.text_input, "Title").input("Search index stale").run()
    [b for b in at.button if b.label == "Add a why"][0].click().run()
    by_label(at.text_area, "Why 1 · root cause").input("The index build failed.").run()
    [b for b in at.button if b.label == "Ask why"][0].click().run()
    by_label(at.text_area, "Why 1.1 · root cause").input("The feed schema changed.").run()
    [b for b in at.button if b.label == "Add another cause"][1].click().run()  # beside 1.1
    by_label(at.text_area, "Why 1.2 · root cause").input("Nobody was alerted.").run()
    assert by_label(at.text_area, "Why 1").value == "The index build failed."
    save(at)
    doc = workspace.get(workspace.list().items[0].id)
    tree = {n["text"]: n["parent"] for n in doc.content["whys"]}
    root = next(n["id"] for n in doc.content["whys"] if n["parent"] is None)
    assert tree == {
        "The index build failed.": None,
        "The feed schema changed.": root,
        "Nobody was alerted.": root,
    }
    # Delete a branch: its text goes, the rest stays.
    [b for b in at.button if b.label == "Delete"][2].click().run()
    save(at)
    assert [n["text"] for n in workspace.get(doc.id).content["whys"]] == [
        "The index build failed.",
        "The feed schema changed.",
    ]


def test_quick_add_keeps_bad_input_and_names_the_field(workspace):
    at = app("pages/coe.py", id="new")
    by_label(at.text_input, "When").input("yesterday at noon").run()
    by_label(at.text_input, "What happened").input("Errors rise").run()
    [b for b in at.button if b.label == "Add event"][0].click().run()
    assert "When: 'yesterday at noon' is not a date and time like 2026-10-14 14:10" in texts(at)
    assert by_label(at.text_input, "When").value == "yesterday at noon"
    by_label(at.text_input, "When").input("2026-10-14 14:10").run()
    by_label(at.selectbox, "Type").select("start").run()
    [b for b in at.button if b.label == "Add event"][0].click().run()
    assert not at.exception
    assert by_label(at.text_input, "When").value == ""


def test_field_level_messages_for_bad_coe_input(workspace):
    doc = workspace.create(
        "coe",
        {
            "timeline": [
                {"at": "2026-10-14T14:10", "type": "start"},
                {"at": "2026-10-14T14:05", "type": "detection"},
            ],
            "whys": [{"id": "w1", "parent": None, "text": ""}],
            "action_items": [{"what": "Old item", "owner": "Ann Lee", "due": "2020-01-01", "status": "open"}],
        },
        DocumentMeta(title="Bad input"),
    )
    at = app("pages/coe.py", id=str(doc.id))
    errors = [e.value for e in at.error]
    assert any("Event 2 is earlier than an event listed before it" in e for e in errors)
    assert any("The detection \\(event 2\\) is before the impact started" in e for e in errors)
    assert any("Why 1 is empty" in e for e in errors)
    assert any("Action item 1 was due 2020\\-01\\-01 and is still open" in e for e in errors)
    assert workspace.get(doc.id).version == 1  # nothing was changed or lost by looking


def test_a_skipped_wall_time_is_refused_and_the_text_kept(workspace):
    doc = workspace.create("coe", {"time_zone": "Europe/Berlin"}, DocumentMeta(title="DST"))
    at = app("pages/coe.py", id=str(doc.id))
    by_label(at.text_input, "When").input("2026-03-29 02:30").run()
    [b for b in at.button if b.label == "Add event"][0].click().run()
    save(at)
    assert "does not exist in Europe/Berlin" in texts(at)
    assert workspace.get(doc.id).version == 1


def test_action_items_page_lists_and_filters(workspace):
    load(workspace)
    at = app("pages/actions.py")
    assert not at.exception
    assert "items" in texts(at)
    rows = at.dataframe[0].value
    assert set(rows["Owner"]) >= {"Ravi Patel", "Jonas Weber"}
    by_label(at.text_input, "Owner").input("ravi").run()
    assert list(at.dataframe[0].value["Owner"]) == ["Ravi Patel"]
    by_label(at.text_input, "Owner").input("nobody-by-this-name").run()
    assert "No action item matches these filters." in texts(at)


def test_half_typed_quick_add_row_survives_a_page_switch(workspace):
    at = app("pages/coe.py", id="new")
    by_label(at.text_input, "What happened").input("Errors rise on payments-api").run()
    at.switch_page("pages/library.py").run()
    at.query_params["id"] = "new"
    at.switch_page("pages/coe.py").run()
    assert by_label(at.text_input, "What happened").value == "Errors rise on payments-api"


def test_the_add_an_action_item_form_draws_while_the_draft_does_not_validate():
    """A field cleared mid-edit (the time zone) makes the draft invalid for a moment; the
    form's Addresses choices still list the whys, and no exception reaches the screen."""
    from sdmkit.registry import get_kind

    kind = get_kind("coe")
    column = next(
        c for f in kind.fields() if f.key == "action_items" for c in f.columns if c.key == "addresses"
    )
    content = {
        "time_zone": None,
        "whys": [{"id": "w1", "text": "The pipeline does not check references.", "parent": None}],
    }
    assert column.choices_from(content) == [("w1", "Why 1: The pipeline does not check references.")]
