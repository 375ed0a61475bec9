"""Titles: the box says its limit and stops there while typing, so Save never meets it;
lists show a long title on a line of its own, whole in its tooltip."""

from __future__ import annotations

from tests.test_app import app, by_label, view


def test_title_and_team_boxes_stop_at_their_limit_and_say_so(workspace):
    at = app("pages/coe.py", id="new")  # a kind with its own Title box
    title = by_label(at.text_input, "Title")
    assert title.max_chars == 300 and "Up to 300 characters" in title.help
    at = app("pages/charter.py", id="new")  # the Title of Document settings
    view(at, "Document settings")
    assert by_label(at.text_input, "Title").max_chars == 300
    assert "Up to 300 characters" in by_label(at.text_input, "Title").help
    assert by_label(at.text_input, "Team").max_chars == 200
