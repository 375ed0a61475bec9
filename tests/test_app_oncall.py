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
