"""The app speaks the manager's words: rule titles not ids, plurals right, one note for
a week without values, the signal beside the metric, columns that fit."""

from __future__ import annotations

import re

from sdmkit.document import DocumentMeta
from sdmkit.registry import get_kind
from tests.test_app import app, by_label, texts


def test_coach_cards_name_the_rule_in_words_not_its_id(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    doc = next(s for s in workspace.list(kind="metric_review").items)
    at = app("pages/metric_review.py", id=str(doc.id))
    assert not at.exception
    cards = [i.value for i in at.info] + [w.value for w in at.warning] + [e.value for e in at.error]
    assert cards
    assert not [c for c in cards if "`prose." in c or "`metric_review." in c]
    assert "1 style notes" not in texts(at) and "1 checks" not in texts(at)
    # a message that ends in a date gets its full stop before the advice under it
    (missing,) = [c for c in cards if "no value for the weeks ending" in c]
    assert re.search(r"weeks ending [\d\\-]+\\\.  \nType or import them", missing), missing  # escaped


def test_a_warning_names_a_few_and_counts_the_rest():
    from sdmkit.redaction import first_few

    names = [f"Person {i}" for i in range(15)]
    assert first_few(names) == ", ".join(names[:12]) + " and 3 more"
    assert first_few(names[:2]) == "Person 0, Person 1"


def test_one_note_for_a_week_without_values():
    from sdmkit.coach import lint

    kind = get_kind("metric_review")
    content = kind.validate(
        {"week_ending": "2026-11-08", "metrics": [{"name": f"Metric {i}", "owner": "A"} for i in range(9)]}
    )
    notes = [f for f in lint(kind, content) if "value for this week" in f.message]
    assert len(notes) == 1 and notes[0].message.startswith(
        "No metric has a value for this week yet: Metric 0"
    )


def test_counts_read_in_the_right_number():
    from sdmkit.ui.text import plural

    assert plural(1, "item") == "1 item" and plural(2, "item") == "2 items" and plural(0, "item") == "0 items"
    assert plural(1, "story", "stories") == "1 story" and plural(3, "story", "stories") == "3 stories"


def test_the_review_summary_shows_the_signal_next_to_the_metric(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    doc = next(s for s in workspace.list(kind="metric_review").items)
    at = app("pages/metric_review.py", id=str(doc.id))
    summary = next(d for d in at.dataframe if "Signal" in d.value.columns)
    assert list(summary.proto.column_order)[:2] == ["Metric", "Signal"]


def test_a_zone_choice_keeps_its_capitals():
    from sdmkit.ui.simple import choice_label

    assert choice_label("Europe/Berlin") == "Europe/Berlin"
    assert choice_label("weekly") == "Weekly"


def test_the_library_table_fits_a_1400_px_window_with_the_whole_update_time(workspace):
    import json

    long = "Checkout and order history were down for ninety-six minutes overnight on 2 November 2026"
    workspace.create("charter", {"team_name": "Developer Experience"}, DocumentMeta(title=long))
    at = app("pages/library.py")
    (table,) = at.dataframe
    widths = {name: c.get("width") for name, c in json.loads(table.proto.columns).items()}
    row = table.value.iloc[0]
    assert all(isinstance(widths.get(name), int) for name in row.index), widths  # none sized by its text
    # About 940 px of table at 1400 px, less the row's checkbox: no column is pushed out.
    assert sum(widths[name] for name in row.index) <= 940 - 35
    # In Chromium "2026-12-02 12:26 UTC" is 125 px of 14 px Source Sans (6.3 px a
    # character), and a cell has 8 px of padding each side.
    assert widths["Updated"] >= 6.5 * len(row["Updated"]) + 2 * 8
    assert row["Title"].endswith("…") and len(row["Title"]) <= 45


def test_a_mined_principle_s_strength_is_in_view_before_its_long_evidence(workspace):
    """The story.suggested flag asks about a strength of 1: the Strength column comes
    before the wide Evidence text, which pushed it out of the editor's column."""
    from sdmkit.examples import load_examples
    from sdmkit.stories.mine import mine_all

    load_examples(workspace)
    mine_all(workspace)
    weak = next(
        s
        for s in workspace.iter_documents(kind="story")
        if any(p.get("strength") == 1 for p in s.content.get("principles", []))
    )
    at = app("pages/story.py", id=str(weak.id))
    (table,) = [d for d in at.dataframe if "strength" in d.value.columns]
    assert list(table.value.columns) == ["principle", "strength", "evidence"]
    assert 1 in list(table.value["strength"])
    assert "is only suggested by the story's wording" in texts(at)  # the coach's flag


def test_every_button_of_the_story_bank_and_the_library_says_what_it_does(workspace):
    from sdmkit.examples import load_examples
    from sdmkit.stories.mine import mine_all

    load_examples(workspace)
    mine_all(workspace)
    at = app("pages/story_bank.py")
    by_label(at.multiselect, "Stories").select(next(workspace.iter_documents(kind="story")).id).run()
    pages = [at]
    at = app("pages/library.py")
    table = at.dataframe[0]
    at.session_state[table.key] = {"selection": {"rows": [0], "columns": [], "cells": []}}  # a click on a row
    at.run()
    assert [b for b in at.button if b.label == "Open in editor"]
    pages.append(at)
    for at in pages:
        widgets = [*at.button, *at.get("download_button")]
        assert widgets
        assert not [w.proto.label for w in widgets if not w.proto.help], "buttons without help"


def test_the_mined_stories_table_fits_a_1400_px_window(workspace):
    import json

    from sdmkit.examples import load_examples
    from sdmkit.stories.mine import mine_all

    load_examples(workspace)
    mine_all(workspace)
    at = app("pages/story_bank.py")
    (table,) = [d for d in at.dataframe if "Practised" in d.value.columns]
    widths = {name: c.get("width") for name, c in json.loads(table.proto.columns).items()}
    columns = list(table.value.columns)
    assert all(isinstance(widths.get(name), int) for name in columns), widths
    assert sum(widths[name] for name in columns) <= 940
    assert all(len(t) <= 46 for t in table.value["Story"])


def test_an_empty_cell_is_blank_or_a_dash_never_none(workspace):
    """Streamlit writes "None" in an empty cell ("Left: None" for a member who has not
    left): a table to type into shows a blank cell, a table only read shows a dash."""
    from sdmkit.examples import load_examples

    load_examples(workspace)
    rotation = next(s for s in workspace.list(kind="oncall").items)
    for page, query in (("pages/oncall.py", {"id": str(rotation.id)}), ("pages/library.py", {})):
        at = app(page, **query)
        assert not at.exception
        tables = at.dataframe
        assert tables, page
        for table in tables:
            editable = table.proto.editing_mode != table.proto.EditingMode.READ_ONLY
            assert table.proto.placeholder == ("" if editable else "—"), (page, table.proto.id)


def test_the_practice_history_fits_the_page_with_its_time_in_the_viewers_zone(workspace):
    """Sized by their text, a long question and story pushed Seconds and the rating
    out of view; the time read as a bare UTC stamp."""
    import json

    from sdmkit.stories import practice

    long = (
        "Tell me about a time you had to deliver a difficult message to a senior stakeholder under pressure"
    )
    practice.record(
        workspace,
        practice.Session("2026-12-03T16:57:00+00:00", "Your own question", long, None, 140, {"x": 4}, ""),
    )
    at = app("pages/story_bank.py")
    (table,) = [d for d in at.dataframe if "Story told" in d.value.columns]
    widths = {name: c.get("width") for name, c in json.loads(table.proto.columns).items()}
    row = table.value.iloc[0]
    assert all(isinstance(widths.get(name), int) for name in row.index), widths
    assert sum(widths[name] for name in row.index) <= 820  # the page at a 1280 px window
    assert row["When"] == "2026-12-03 16:57 UTC"  # the app test's browser names no zone
    assert widths["When"] >= 6.5 * len(row["When"]) + 2 * 8
    assert (row["Seconds"], row["Rating"]) == (140, 4)


def test_stories_sit_with_the_story_bank_that_mines_them():
    """The sidebar holds the story bank and the stories in one section (they read as two
    unrelated pages when stories were listed among the mechanisms), and an empty story
    list sends the user to mining."""
    at = app()
    links = [(p.proto.label, p.proto.page) for p in at.get("page_link")]
    sections = [c.value for c in at.sidebar.caption][:4]
    assert sections == ["Workspace", "Mechanisms", "Interview prep", "sdmkit"]
    labels = [label for label, _ in links]
    assert labels[labels.index("Story bank") + 1] == "Stories"
    assert labels[labels.index("Metric reviews") + 1] == "Story bank"

    at = app("pages/story.py")
    assert "No stories yet. Mine them with" in texts(at)
    by_label(at.button, "Mine stories from your documents in the Story bank").click().run()
    assert not at.exception
    assert "Story bank" in [t.value for t in at.title]
