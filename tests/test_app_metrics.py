"""The Metrics page and the weekly review editor through AppTest."""

from __future__ import annotations

from sdmkit.ui.text import label
from tests.test_app import app, by_label, save, texts


def test_metrics_page_offers_the_starter_set_for_a_new_team(workspace):
    at = app("pages/metrics.py")
    by_label(at.selectbox, "Team").select("+ a new team").run()
    by_label(at.text_input, "New team name").input("Search").run()
    assert "Search has no metrics yet" in texts(at)
    [b for b in at.button if b.label == "Add the starter set"][0].click().run()
    from sdmkit.metrics.catalog import catalog

    assert len(catalog(workspace, "Search")) == 8


def test_review_refreshes_from_data_and_saves_commentary(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    at = app("pages/metric_review.py", id="new")
    by_label(at.text_input, "Team").input("Payments Platform").run()
    by_label(at.date_input, "Week ending").set_value(__import__("datetime").date(2026, 11, 15)).run()
    [b for b in at.button if b.label == "Refresh from data"][0].click().run()
    assert not at.exception
    assert "p99 latency is exceptional this week" in texts(at)
    # The table names the rule a signal broke, short enough to leave the week's figures
    # on screen; the metric's card says it in full.
    table = at.dataframe[0].value
    signals = dict(zip(table["Metric"], table["Signal"], strict=True))
    assert signals["p99 latency"] == "⚠ rule 1" and signals["Availability"] == "routine"
    assert "rule 1: above the upper limit" in texts(at)
    by_label(at.text_area, "Commentary on p99 latency").input("Gateway 4.2 added a synchronous call.").run()
    by_label(at.selectbox, "Status of p99 latency").select("explained").run()
    save(at)
    doc = workspace.get(workspace.list(kind="metric_review").items[0].id)
    p99 = next(m for m in doc.content["metrics"] if m["name"] == "p99 latency")
    assert (p99["commentary"], p99["status"]) == ("Gateway 4.2 added a synchronous call.", "explained")
    assert [m["type"] for m in doc.content["metrics"]][:3] == ["input", "input", "input"]


def test_refresh_without_team_or_week_names_the_field(workspace):
    at = app("pages/metric_review.py", id="new")
    [b for b in at.button if b.label == "Refresh from data"][0].click().run()
    page = texts(at)
    assert "Team: set the team whose metrics to review" in page
    assert "Week ending: pick the Sunday the week ends on" in page


def test_a_week_that_does_not_end_on_sunday_is_named_as_on_screen(workspace):
    import datetime

    at = app("pages/metric_review.py", id="new")
    by_label(at.date_input, "Week ending").set_value(datetime.date(2026, 11, 9)).run()
    save(at)
    page = texts(at)
    assert "Week ending: 2026-11-09 is a Monday; a review's week ends on a Sunday" in page
    assert "content.week_ending" not in page
    assert by_label(at.date_input, "Week ending").value == datetime.date(2026, 11, 9)  # kept


def test_a_week_can_be_typed_in_the_app(workspace):
    from datetime import date

    from sdmkit.metrics.catalog import Metric, catalog, save_catalog, series

    save_catalog(workspace, "Search", [Metric("Deployments", "count"), Metric("p99 latency", "ms")])
    at = app("pages/metrics.py")
    by_label(at.selectbox, "Team").select("Search").run()
    by_label(at.date_input, "Week ending").set_value(date(2026, 11, 15)).run()
    by_label(at.number_input, label("Deployments (count)")).set_value(21)
    by_label(at.number_input, label("p99 latency (ms)")).set_value(640.5)
    [b for b in at.button if b.label == "Save the week"][0].click().run()
    assert not at.exception
    ids = {m.name: m.id for m in catalog(workspace, "Search")}
    assert series(workspace, ids["Deployments"]) == {date(2026, 11, 15): 21.0}
    assert series(workspace, ids["p99 latency"]) == {date(2026, 11, 15): 640.5}
    by_label(at.date_input, "Week ending").set_value(date(2026, 11, 14)).run()
    assert "Week ending: Saturday 14 Nov 2026 is not a Sunday." in texts(at)


def test_a_week_half_typed_survives_a_visit_to_another_page(workspace):
    """The values were form fields, sent only with the button: a look at another page
    lost them. A value saved meanwhile (an import) shows in a box left untouched."""
    from datetime import date

    from sdmkit.metrics.catalog import Metric, catalog, enter_week, save_catalog, series

    save_catalog(workspace, "Search", [Metric("Deployments", "count"), Metric("p99 latency", "ms")])
    at = app("pages/metrics.py")
    by_label(at.selectbox, "Team").select("Search").run()
    by_label(at.date_input, "Week ending").set_value(date(2026, 11, 15)).run()
    by_label(at.number_input, label("Deployments (count)")).set_value(21).run()
    assert "Not saved yet: Deployments." in texts(at)

    at.switch_page("pages/library.py")
    at.run()
    enter_week(workspace, "Search", date(2026, 11, 15), {"p99 latency": 700.0})  # meanwhile
    at.switch_page("pages/metrics.py")
    at.run()
    assert not at.exception
    assert by_label(at.date_input, "Week ending").value == date(2026, 11, 15)
    assert by_label(at.number_input, label("Deployments (count)")).value == 21
    assert by_label(at.number_input, label("p99 latency (ms)")).value == 700.0
    [b for b in at.button if b.label == "Save the week"][0].click().run()
    ids = {m.name: m.id for m in catalog(workspace, "Search")}
    assert series(workspace, ids["Deployments"]) == {date(2026, 11, 15): 21.0}
    assert series(workspace, ids["p99 latency"]) == {date(2026, 11, 15): 700.0}
    assert "Not saved yet" not in texts(at)


def test_metrics_opens_on_a_team_that_has_metrics(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)  # Checkout Experience has documents but no metrics; it sorts first
    at = app("pages/metrics.py")
    assert by_label(at.selectbox, "Team").value == "Payments Platform"
    assert "has no metrics yet" not in texts(at)


def test_the_data_tab_shows_a_week_nobody_entered_and_says_so(workspace):
    """The Data tab listed only the weeks with a value: a week missed between two
    entered ones was simply not there, and the review went ahead without noticing."""
    from datetime import date

    from sdmkit.metrics.catalog import Metric, enter_week, save_catalog

    save_catalog(workspace, "Search", [Metric("Deployments", "count"), Metric("p99 latency", "ms")])
    enter_week(workspace, "Search", date(2026, 11, 1), {"Deployments": 20.0})
    enter_week(workspace, "Search", date(2026, 11, 15), {"Deployments": 21.0, "p99 latency": 640.0})
    at = app("pages/metrics.py")
    by_label(at.selectbox, "Team").select("Search").run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert list(table.columns) == ["Metric", "15 Nov", "08 Nov", "01 Nov"]  # newest first
    assert "The 3 weeks ending 15 Nov 2026, the latest week with data, newest first." in texts(at)
    assert "No value for any metric in the week ending 08 Nov" in texts(at)
