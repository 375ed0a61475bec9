"""Every example states figures that sdmkit derives from the example's own data: a
new user and an interviewer read the examples first, so they must not contradict
themselves. One test per example."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from sdmkit.interchange import read_file
from sdmkit.kinds.metric_review.model import MetricSnapshot
from sdmkit.metrics.review import build

EXAMPLES = Path(__file__).parent.parent / "examples"


def _review(name: str):
    return read_file(EXAMPLES / "metric_review" / name)


@pytest.mark.parametrize("name", ["payments-week-2026-11-08.yaml", "payments-week-2026-11-15.yaml"])
def test_metric_review_example_figures_are_what_sdmkit_derives(sqlite_store, name):
    from sdmkit.examples import load_metric_examples

    load_metric_examples(sqlite_store)
    doc = _review(name)
    week = date.fromisoformat(str(doc.content["week_ending"]))
    fresh = [
        MetricSnapshot.model_validate(m).model_dump()
        for m in build(sqlite_store, doc.team, week, doc.content)
    ]
    assert fresh == doc.content["metrics"], "run examples/metrics/refresh_reviews.py"
    for m in fresh:
        # Nothing after the review's week; a figure quoted in commentary is one of the chart's.
        assert all(p["period"] <= week.isoformat() for p in m["weekly"])
        quoted = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?) " + re.escape(m["unit"]), m["commentary"])]
        shown = {p["value"] for p in m["weekly"]} | {p["prior"] for p in m["weekly"]}
        assert set(quoted) <= shown, (m["name"], quoted)
        if m["signal"]:
            assert m["commentary"] or m["status"] == "still investigating"


# --- COEs: the durations and figures they state are the timeline's -------------------


def _coe(name: str):
    from sdmkit.registry import get_kind

    doc = read_file(EXAMPLES / "coe" / name)
    return doc, get_kind("coe").validate(doc.content)


def _stated_minutes(c, title: str) -> set[int]:
    from sdmkit.kinds.coe.rubric import stated_durations

    return {m for text in (title, c.summary, c.problem) for _, m, _ in stated_durations(text)}


def _local(c, when) -> str:
    from zoneinfo import ZoneInfo

    return f"{when.astimezone(ZoneInfo(c.time_zone)):%H:%M}"


def _series(c, name: str) -> list[tuple]:
    return sorted((p.at, p.value) for p in c.data_points if p.series == name)


def _no_duration_findings(doc, c) -> None:
    from sdmkit.coach import lint
    from sdmkit.registry import get_kind

    assert not [f for f in lint(get_kind("coe"), c, title=doc.title) if f.rule == "coe.durations_agree"]


def test_card_payments_example_states_the_impact_the_timeline_gives():
    from sdmkit.kinds.coe import timeline as tl

    doc, c = _coe("card-payments-tls.yaml")
    m = tl.metrics(c)
    assert m.impact == m.resolve and round(m.impact.total_seconds() / 60) == 47
    assert _stated_minutes(c, doc.title) == {47}
    assert "from 14:10 to 14:57" in c.summary
    assert (_local(c, m.start), _local(c, tl.impact_end(c))) == ("14:10", "14:57")
    _no_duration_findings(doc, c)
    # The review notes say the error graph was split by processor: the data has one series per processor.
    assert "split by processor" in c.review_notes
    assert {p.series for p in c.data_points} >= {
        "Primary processor errors (%)",
        "Secondary processor errors (%)",
    }
    # "31% of card payments failed": the errors during the impact are about 31%.
    during = [
        v for at, v in _series(c, "Card authorisation errors (%)") if "14:10" <= f"{at:%H:%M}" < "14:50"
    ]
    assert during and all(30 <= v <= 32 for v in during)


def test_orders_db_example_ends_impact_at_the_fail_back_not_at_resolution():
    from sdmkit.kinds.coe import timeline as tl

    doc, c = _coe("orders-db-failover.yaml")
    m = tl.metrics(c)
    assert round(m.impact.total_seconds() / 60) == 96 and m.resolve > m.impact
    assert _stated_minutes(c, doc.title) == {96}
    assert (_local(c, m.start), _local(c, tl.impact_end(c))) == ("23:41", "01:17")
    _no_duration_findings(doc, c)
    # The timeline says the disk was full from 23:41 until the clean-up at 01:04: the chart must
    # not draw a straight line down across that interval.
    full_from = next(e.at for e in c.timeline if e.type == "start")
    freed = next(e.at for e in c.timeline if "22% free disk" in e.description)
    disk = _series(c, "orders-db primary disk used (%)")
    assert [v for at, v in disk if full_from <= at < freed] and all(
        v == 100 for at, v in disk if full_from <= at < freed
    )
    assert any(at >= freed.replace(minute=0) and v == 100 for at, v in disk)  # full until just before 01:04


def test_search_example_plots_a_day_old_index_against_its_26_hour_alarm():
    from sdmkit.kinds.coe import timeline as tl

    doc, c = _coe("search-stale-index.yaml")
    m = tl.metrics(c)
    assert _stated_minutes(c, doc.title) == {300}  # "for 5 hours": 5 h 7 min rounds to 5 hours
    assert abs(m.impact.total_seconds() / 60 - 300) <= 30
    assert (_local(c, m.start), _local(c, tl.impact_end(c) or tl.first_of(c, "resolution"))) == (
        "06:05",
        "11:12",
    )
    _no_duration_findings(doc, c)
    age = _series(c, "Index age (hours)")
    began, fixed = (next(e.at for e in c.timeline if e.type == t) for t in ("start", "mitigation"))
    stale = [v for at, v in age if began <= at < fixed]  # wall clock in the COE's zone, like the timeline
    # "Yesterday's prices": the index was a day old or more while impact lasted ...
    assert stale and min(stale) >= 24 and "29 hours" in c.problem and max(stale) == 29
    # ... and the 26-hour alarm the action item adds would have fired before customers reported it.
    alarm = next(a for a in c.action_items if "26 hours" in a.what)
    detected = next(e.at for e in c.timeline if e.type == "detection")
    assert alarm and any(v >= 26 and at < detected for at, v in age)
    assert "4 hours 15 minutes" in " ".join(c.went_wrong) and m.detect == timedelta(hours=4, minutes=15)


# --- on call: the rotation examples and the charter they belong to -------------------


def test_payments_rotation_example_overrides_name_whom_they_replace():
    from sdmkit.kinds.oncall.schedule import generate
    from sdmkit.registry import get_kind

    r = get_kind("oncall").validate(read_file(EXAMPLES / "oncall" / "payments-weekly.yaml").content)
    names = [m.name for m in r.active_members()]
    swapped = [s for s in generate(r).shifts if s.override]
    assert swapped
    for s in swapped:
        # "override: Aisha at a school event (instead of Aisha Bello)": the reason's name is the replaced person.
        reason, replaced = s.why.split(" (instead of ")
        named = [n for n in names if n.split()[0] in reason]
        assert named == [replaced.rstrip(")")], s.why


def test_payments_charter_lists_everyone_the_rotation_schedules():
    from sdmkit.kinds.oncall.team_page import member_differences

    charter = read_file(EXAMPLES / "charter" / "payments-platform.yaml")
    rotation = read_file(EXAMPLES / "oncall" / "payments-weekly.yaml")
    assert charter.team == rotation.team
    diff = member_differences(
        [m["name"] for m in charter.content["members"]], [m["name"] for m in rotation.content["members"]]
    )
    assert diff == {
        "not_in_charter": [],
        "not_in_rotation": ["Grace Okafor"],
    }  # the shared TPM takes no pages


def test_the_certificate_story_quotes_the_coe_s_impact():
    from sdmkit.kinds.coe import timeline as tl

    story = read_file(EXAMPLES / "story" / "certificate-outage.yaml").content
    _, c = _coe("card-payments-tls.yaml")
    minutes = round(tl.metrics(c).impact.total_seconds() / 60)
    assert f"For {minutes} minutes, 31% of card payments failed, about 18,400 checkouts" in story["situation"]
    assert "18,400" in c.impact.how_many and f"{minutes} minutes" in story["numbers"]


# --- outcomes: what already happened, never a forecast --------------------------------


def test_no_example_outcome_is_dated_after_today():
    """An outcome is measured, so it cannot be dated in the future: the story bank tells
    it as what happened, and an example that did would teach the user to do the same."""
    from sdmkit import clock

    checked = 0
    for path in EXAMPLES.glob("*/*.yaml"):
        if path.parent.name == "metrics":  # the metric catalogue and data, not documents
            continue
        doc = read_file(path)
        for figure in (doc.content.get("outcome") or {}).get("figures") or []:
            if figure.get("as_of"):
                assert date.fromisoformat(str(figure["as_of"])) <= clock.today(), (path.name, figure)
                checked += 1
    assert checked
