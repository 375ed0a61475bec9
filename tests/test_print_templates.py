"""The templates print what the real documents print, and nothing a draft has not written."""

from __future__ import annotations

from sdmkit.document import DocumentMeta
from sdmkit.export import render


def test_an_empty_prfaq_draft_prints_no_placeholder_dateline(sqlite_store):
    doc = sqlite_store.create("prfaq", {}, DocumentMeta(title="Draft"))
    md = render(doc, "md").decode()
    assert "CITY" not in md and "launch date" not in md and "— —" not in md


def test_a_prfaq_dateline_and_quotes_read_like_a_press_release(sqlite_store):
    content = {
        "headline": "Sellers close their books in minutes",
        "city": "Berlin",
        "launch_date": "2027-03-01",
        "summary": "Starting today, sellers can do it.",
        "leader_quote": {"text": "It gives them hours back.", "speaker": "Maria Santos"},
        "customer_quote": {"text": "Is it magic?", "speaker": "Jana Novak"},
    }
    doc = sqlite_store.create("prfaq", content, DocumentMeta(title="Sellers close their books in minutes"))
    md = render(doc, "md").decode()
    assert "**BERLIN** — 1 March 2027 — Starting today" in md
    assert "“It gives them hours back,” said Maria Santos." in md
    assert "“Is it magic?” said Jana Novak." in md
    html = render(doc, "html").decode()
    # The headline is printed once on page one, not also as the document title above it.
    assert ".kind-prfaq .doc-title { display: none; }" in html


def _card_payments():
    from sdmkit.interchange import read_file
    from tests.conftest import ROOT

    return read_file(ROOT / "examples" / "coe" / "card-payments-tls.yaml")


def test_coe_graphs_mark_the_deploy_rollback_and_alarm_threshold_from_the_document():
    import json

    from sdmkit.charts import svg
    from sdmkit.kinds.coe.charts import charts
    from sdmkit.kinds.coe.model import COE

    c = COE.model_validate(_card_payments().content)
    (title, spec), *_ = charts(c)
    text = json.dumps(spec)
    for label in ("1 deploy", "3 alarm", "6 rollback", "7 resolved", "5xx alarm: 25% for 5 minutes"):
        assert label in text
    labels = {
        v["label"] for layer in spec["layer"] for v in layer.get("data", {}).get("values", []) if "label" in v
    }
    assert not [x for x in labels if x.startswith("4 ")]  # an engagement is no mark on the graph
    axis = spec["layer"][0]["encoding"]["x"]["axis"]
    assert axis["labelOverlap"] == "greedy" and axis["labelSeparation"] >= 4
    drawn = svg(spec)
    assert "6 rollback" in drawn and "5xx alarm" in drawn


def test_coe_timeline_names_its_zone_once_and_fits_a_row_on_a_line(sqlite_store):
    doc = _card_payments()
    stored = sqlite_store.create(doc.kind, doc.content, DocumentMeta(title=doc.title, team=doc.team))
    md = render(stored, "md").decode()
    timeline = md.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    assert timeline.count("Europe/Berlin") == 1  # in the line above the table, not on every row
    assert "| 1 | 14:06 | 12:06 | other |" in timeline
    assert "| 4 | 08:24 New\u00a0York | 12:24 | engagement |" in timeline


def test_coe_incident_questions_print_as_a_section_when_answered(sqlite_store):
    doc = _card_payments()
    stored = sqlite_store.create(doc.kind, doc.content, DocumentMeta(title=doc.title))
    md = render(stored, "md").decode()
    assert "## Incident questions" in md and "**How would we halve each time?** Detect:" in md
    empty = sqlite_store.create("coe", {"summary": "s"}, DocumentMeta(title="x"))
    assert "## Incident questions" not in render(empty, "md").decode()


def _weekly_rotation():
    from sdmkit.interchange import read_file
    from tests.conftest import ROOT

    return read_file(ROOT / "examples" / "oncall" / "payments-weekly.yaml")


def test_the_ics_is_transparent_and_describes_secondary_escalation_and_handoff():
    from datetime import UTC, datetime

    from sdmkit.kinds.oncall.exports import to_ics
    from sdmkit.kinds.oncall.model import Rotation
    from sdmkit.kinds.oncall.rules import schedule_for

    r = Rotation.model_validate(_weekly_rotation().content)
    ics = to_ics(r, schedule_for(r), doc_id=1, version=1, stamp=datetime(2026, 11, 1, tzinfo=UTC)).decode()
    unfolded = ics.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT")[1:]
    assert events and all("TRANSP:TRANSPARENT" in e for e in events)
    first = events[0]
    assert "Secondary: Lucas Ferreira." in first
    assert "Escalation: 1. Primary on call\\; 2. Secondary on call after 10 min" in first
    assert "Hand-off: to Mei Chen at Mon 09 Nov 2026 10:00" in first
    assert "weighted load" not in unfolded  # the scheduler's reasoning is not a calendar's business


def test_the_oncall_policy_prints_layers_side_by_side_without_scheduler_reasoning(sqlite_store):
    doc = _weekly_rotation()
    md = render(sqlite_store.create(doc.kind, doc.content, doc.meta), "md").decode()
    schedule = md.split("## Schedule", 1)[1].split("\n## ", 1)[0]
    assert "| When | Primary | Secondary |" in schedule
    assert "| Mon 2 Nov 10:00 to Mon 9 Nov 10:00 | Aisha Bello | Lucas Ferreira |" in schedule
    assert "| Mon 23 Nov 10:00 to Mon 30 Nov 10:00 | Aisha Bello (see overrides) | Mei Chen |" in schedule
    assert "- Jonas Weber covers primary Thu 26 Nov 18:00 to Fri 27 Nov 09:00" in schedule
    assert "weighted load" not in md and "| Why |" not in md
    members = md.split("## Members", 1)[1].split("\n## ", 1)[0]
    assert "| Region |" not in members and "| Left |" not in members  # nobody filled them in
    assert "Carried in" in md and "load carried in from before this schedule" in md


def test_a_follow_the_sun_policy_shows_daily_hours_not_week_long_ranges(sqlite_store):
    from sdmkit.interchange import read_file
    from tests.conftest import ROOT

    doc = read_file(ROOT / "examples" / "oncall" / "search-follow-the-sun.yaml")
    md = render(sqlite_store.create(doc.kind, doc.content, doc.meta), "md").decode()
    assert "| Dublin | Mon 2 Nov to Sun 8 Nov, 07:00–19:00 each day | Elena Popova |" in md
