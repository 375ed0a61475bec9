"""Titles: the box says its limit and stops there while typing, so Save never meets it;
lists show a long title on a line of its own, whole in its tooltip."""

from __future__ import annotations

import re

from sdmkit.document import DocumentMeta
from tests.test_app import app, by_label, view

LONG = " ".join(["Checkout payments failed for forty-seven minutes on the fourteenth of March"] * 3)


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_title_and_team_boxes_stop_at_their_limit_and_say_so(workspace):
    at = app("pages/coe.py", id="new")  # a kind with its own Title box
    title = by_label(at.text_input, "Title")
    assert title.max_chars == 300 and "Up to 300 characters" in title.help
    at = app("pages/charter.py", id="new")  # the Title of Document settings
    view(at, "Document settings")
    assert by_label(at.text_input, "Title").max_chars == 300
    assert "Up to 300 characters" in by_label(at.text_input, "Title").help
    assert by_label(at.text_input, "Team").max_chars == 200


def test_home_and_the_library_show_a_long_title_shortened(workspace):
    assert 90 < len(LONG) <= 300  # within the limit, and far longer than a line
    workspace.create("charter", {"team_name": "Ledger"}, DocumentMeta(title=LONG))
    home = app()
    rows = [m for m in home.markdown if "Checkout payments failed" in m.value]
    assert len(rows) == 2  # recent documents, and needs attention (no mission)
    for row in rows:
        shown = _plain(row.value.split("  \n")[0]).strip("*")
        assert shown.endswith("…") and len(shown) <= 90 and LONG.startswith(shown[:-1])
        assert _plain(row.proto.help) == LONG  # the whole title on hover
    library = app("pages/library.py")
    cell = library.dataframe[0].value["Title"][0]
    assert cell.endswith("…") and len(cell) <= 90 and LONG.startswith(cell[:-1])


def test_the_editor_heading_is_shortened_and_the_title_box_keeps_it_whole(workspace):
    doc = workspace.create("coe", {}, DocumentMeta(title=LONG))
    at = app("pages/coe.py", id=str(doc.id))
    heading = at.title[0]
    assert _plain(heading.value).endswith("…") and len(_plain(heading.value)) <= 90
    assert _plain(heading.proto.help) == LONG
    assert by_label(at.text_input, "Title").value == LONG


def test_a_title_cut_just_after_a_word_keeps_that_word():
    from sdmkit.document import shorten

    title = "The certificate outage and the configuration pipeline"
    assert shorten(title, 45) == "The certificate outage and the configuration…"
    assert shorten(title, 44) == "The certificate outage and the…"  # 'configuration' would be cut
