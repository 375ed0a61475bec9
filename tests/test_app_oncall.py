"""The on-call editor through AppTest."""

from __future__ import annotations

from tests.test_app import app, by_label, save, texts


def test_rotation_schedule_tab_shows_calendar_loads_and_handoffs(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    doc = next(s for s in workspace.list(kind="oncall").items if s.title.startswith("Payments"))
    at = app("pages/oncall.py", id=str(doc.id))
    assert not at.exception
    frames = [d.value for d in at.dataframe]
    assert any("Week of" in f.columns for f in frames)  # the calendar
    assert any("burden" in f.columns for f in frames)  # the load table
    assert any(c.label == "Handoff" for c in at.selectbox)
    # The handoff note is shown as a document, not as Markdown source in a code block.
    notes = [h.proto.body for h in at.get("html")]
    assert any("<h2" in n and "Open action items" in n for n in notes), notes
    assert not any("## Open action items" in c.value for c in at.code)
    page = texts(at)
    assert "As of " in page and "Every hour has one primary and one secondary on call" in page
    assert "own clock: their time zone, else their region's" in page
    assert any(m.label == "On call now" for m in at.metric)


def test_follow_the_sun_schedule_states_coverage_and_chaining_is_a_toggle(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    doc = next(s for s in workspace.list(kind="oncall").items if s.title.startswith("Search"))
    at = app("pages/oncall.py", id=str(doc.id))
    assert not at.exception
    assert "Every hour has exactly one person on call from 02 Nov 2026" in texts(at)
    assert by_label(at.toggle, "Chain hand-offs").value is True


def test_new_rotation_with_leave_and_bad_override(workspace):
    at = app("pages/oncall.py", id="new")
    assert "The rotation has no members" in texts(at)
    by_label(at.text_input, "Rotation name").input("Checkout primary").run()
    save(at)
    doc = workspace.list(kind="oncall").items[0]
    assert doc.title == "Checkout primary"
    at.query_params["id"] = str(doc.id)
    # Leave that ends before it starts is refused at its field, and the typed text stays.
    stored = workspace.get(doc.id)
    content = {**stored.content, "members": [{"name": "Ana"}, {"name": "Ben"}]}
    workspace.save(doc.id, stored.version, content, stored.meta)
    at = app("pages/oncall.py", id=str(doc.id))
    by_label(at.selectbox, "Person").select("Ana").run()
    by_label(at.date_input, "First day").set_value(__import__("datetime").date(2026, 12, 10)).run()
    by_label(at.date_input, "Last day").set_value(__import__("datetime").date(2026, 12, 1)).run()
    [b for b in at.button if b.label == "Add leave"][0].click().run()
    save(at)
    assert "Leave 1, Last day: leave ends (2026-12-01) before it starts (2026-12-10)" in texts(at)
    assert workspace.get(doc.id).content["leave"] == []


def _rotation(workspace, every_n_days: int):
    from sdmkit.document import DocumentMeta

    content = {"name": "Checkout primary", "pattern": "every n days", "every_n_days": every_n_days}
    return workspace.create("oncall", content, DocumentMeta("Checkout primary"))


def test_letters_in_a_number_field_stay_as_typed_and_are_named_at_the_field(workspace):
    doc = _rotation(workspace, 5)
    at = app("pages/oncall.py", id=str(doc.id))
    assert by_label(at.text_input, "Every N days").value == "5"
    by_label(at.text_input, "Every N days").input("abc").run()
    assert not at.exception
    said = "Every N days: 'abc' is not a whole number; enter one such as 7"
    assert by_label(at.text_input, "Every N days").value == "abc"  # not 0, not the old 5
    rotation_tab = at.tabs[0]
    assert rotation_tab.label == "Rotation"
    assert said in [e.value.replace("\\", "") for e in rotation_tab.error]  # beside the field
    assert "Unsaved changes · 1 field to fix" in texts(at)
    assert "Input should" not in texts(at)

    save(at)
    assert not at.exception
    refused = [e.value.replace("\\", "") for e in at.error if e.value.startswith("Not saved")]
    assert refused and said in refused[0]
    assert by_label(at.text_input, "Every N days").value == "abc"
    assert workspace.get(doc.id).content["every_n_days"] == 5 and workspace.get(doc.id).version == 1

    # Kept as typed in the workspace too: a reload shows the same box and message.
    again = app("pages/oncall.py", **{k: v for k, v in at.query_params.items()})
    assert by_label(again.text_input, "Every N days").value == "abc"
    assert said in [e.value.replace("\\", "") for e in again.tabs[0].error]

    by_label(at.text_input, "Every N days").input("14").run()
    assert not [e for e in at.error if "Every N days" in e.value]  # fixed: the messages go
    save(at)
    assert workspace.get(doc.id).content["every_n_days"] == 14
    assert by_label(at.text_input, "Every N days").value == "14"


def test_an_emptied_or_out_of_range_number_says_what_to_enter(workspace):
    doc = _rotation(workspace, 5)
    at = app("pages/oncall.py", id=str(doc.id))
    by_label(at.text_input, "Every N days").input("").run()
    assert "Every N days: enter a whole number, such as 7" in texts(at)
    by_label(at.text_input, "Every N days").input("40").run()
    assert "Every N days must be at most 28" in texts(at)
    save(at)
    assert not at.exception and workspace.get(doc.id).content["every_n_days"] == 5
    assert by_label(at.text_input, "Every N days").value == "40"
