"""Weekly metrics: WoW, YoY, averages and XmR limits against hand-computed values,
missing weeks, a 53-week year, the CSV import, and the review built from the data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sdmkit.coach import lint
from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.kinds import get_kind
from sdmkit.metrics.catalog import Metric, catalog, save_catalog, series
from sdmkit.metrics.importer import import_csv
from sdmkit.metrics.review import build
from sdmkit.metrics.stats import average, same_week_last_year, summarise, xmr_limits

W = date(2026, 11, 15)  # a Sunday


def weeks_back(values: list[float], end: date = W) -> dict[date, float]:
    """Oldest first, the last value on `end`."""
    n = len(values)
    return {end - timedelta(days=7 * (n - 1 - i)): v for i, v in enumerate(values)}


def test_wow_yoy_and_averages_by_hand():
    s = weeks_back([10, 12, 11, 13, 14, 20])
    s[same_week_last_year(W)] = 16  # 2025-11-16
    r = summarise(s, W, target=15, direction="higher")
    assert (r.value, r.wow, r.wow_pct) == (20, 6, pytest.approx(6 / 14))
    assert (r.yoy, r.yoy_pct) == (4, pytest.approx(4 / 16))
    assert r.avg4 == pytest.approx((11 + 13 + 14 + 20) / 4)
    assert r.avg13 == pytest.approx((10 + 12 + 11 + 13 + 14 + 20) / 6)  # only weeks with values count
    assert (r.vs_target, r.met) == (5, True)
    assert summarise(s, W, target=15, direction="lower").met is False


def test_xmr_limits_by_hand():
    # Baseline: the 6 weeks before W: 10, 12, 11, 13, 14, 12 -> mean 12;
    # moving ranges 2, 1, 2, 1, 2 -> mean 1.6; limits 12 +/- 2.66 * 1.6 = 7.744 .. 16.256
    s = weeks_back([10, 12, 11, 13, 14, 12, 17])
    lim = xmr_limits(s, W)
    assert (lim.centre, lim.mean_moving_range, lim.points) == (12, pytest.approx(1.6), 6)
    assert (lim.lower, lim.upper) == (pytest.approx(7.744), pytest.approx(16.256))
    assert summarise(s, W, target=None, direction="higher").signal == "above the upper limit (16.26)"
    s[W] = 16
    assert summarise(s, W, target=None, direction="higher").signal == ""  # routine variation


def test_xmr_needs_six_points_and_skips_missing_weeks():
    assert xmr_limits(weeks_back([10, 12, 11, 13, 14]), W + timedelta(days=7)) is None
    s = weeks_back([10, 12, 11, 13, 14, 12, 15])
    del s[W - timedelta(days=14)]  # a missing week: moving ranges run between the values there are
    lim = xmr_limits(s, W)
    # Baseline 10, 12, 11, 13, 12 -> only 5 points: not enough
    assert lim is None
    s = weeks_back([9, 10, 12, 11, 13, 14, 12, 15])
    del s[W - timedelta(days=14)]
    lim = xmr_limits(s, W)  # 9, 10, 12, 11, 13, 12: mean 11.1667; ranges 1, 2, 1, 2, 1 -> 1.4
    assert lim.centre == pytest.approx(67 / 6) and lim.mean_moving_range == pytest.approx(1.4)


def test_averages_with_missing_weeks():
    s = weeks_back([8, 0, 4])
    del s[W - timedelta(days=7)]
    assert average(s, W, 4) == 6  # (8 + 4) / 2, not (8 + 0 + 4) / 3 and not / 4


def test_a_run_of_eight_on_one_side_is_a_signal():
    s = weeks_back([10, 14, 10, 14, 10, 14, 10, 14] + [12.5] * 7 + [12.6])
    assert "8 weeks in a row above the centre line" in summarise(s, W, target=None, direction="higher").signal


def test_year_over_year_in_a_53_week_year():
    w53 = date(2027, 1, 3)  # Sunday of ISO week 53 of 2026
    assert w53.isocalendar()[:2] == (2026, 53)
    assert same_week_last_year(w53) == date(2025, 12, 28)  # 2025 has no week 53: week 52
    assert same_week_last_year(date(2026, 1, 4)) == date(2025, 1, 5)  # ISO week 1 to ISO week 1
    assert same_week_last_year(date(2027, 1, 10)) == date(2026, 1, 4)  # after week 53: week 1 to week 1
    s = {w53: 30.0, date(2025, 12, 28): 24.0}
    r = summarise(s, w53, target=None, direction="higher")
    assert (r.yoy, r.yoy_pct) == (6, pytest.approx(0.25))


# --- the catalog, the import, the review ------------------------------------------


@pytest.fixture
def team(store):
    save_catalog(
        store,
        "Payments",
        [
            Metric("p99 latency", "ms", "Aisha", "output", target=800, direction="lower", aggregation="mean"),
            Metric("Deployments", "count", "Jonas", "input", drives="p99 latency", target=25),
        ],
    )
    return store


def test_csv_rows_reported_one_by_one_and_valid_rows_kept(team):
    text = (
        "metric,week_end,value\n"
        "Deployments,2026-11-15,25\n"
        "Unknown metric,2026-11-15,3\n"
        "Deployments,2026-11-14,3\n"
        "p99 latency,2026-11-15,fast\n"
        "Deployments,2026-11-15,26\n"
        "p99 latency,15/11/2026,700\n"
        'p99 latency,2026-11-15,"1,234"\n'
    )
    parsed, created, updated = import_csv(team, "Payments", text)
    assert [(p.row, p.column) for p in parsed.problems] == [
        (3, "metric"),
        (4, "week_end"),
        (5, "value"),
        (6, "week_end"),
        (7, "week_end"),
    ]
    assert "already in row 2" in parsed.problems[3].problem
    assert "is a Saturday, not a week end" in parsed.problems[1].problem
    assert (created, updated) == (2, 0)
    ids = {m.name: m.id for m in catalog(team, "Payments")}
    assert series(team, ids["p99 latency"]) == {date(2026, 11, 15): 1234.0}


def test_reimport_updates_instead_of_duplicating(team):
    import_csv(team, "Payments", "metric,week_end,value\nDeployments,2026-11-15,25\n")
    _, created, updated = import_csv(team, "Payments", "metric,week_end,value\nDeployments,2026-11-15,27\n")
    assert (created, updated) == (0, 1)
    ids = {m.name: m.id for m in catalog(team, "Payments")}
    assert series(team, ids["Deployments"]) == {date(2026, 11, 15): 27.0}


def test_missing_header_is_reported(team):
    parsed, _, _ = import_csv(team, "Payments", "name,week,value\nx,y,z\n")
    assert parsed.problems[0].row == 1 and "metric, week_end" in parsed.problems[0].column


def test_review_puts_inputs_first_and_keeps_commentary_on_refresh(team):
    rows = "\n".join(
        f"p99 latency,{(W - timedelta(days=7 * i)).isoformat()},{v}"
        for i, v in enumerate([900, 700, 710, 705, 702, 712, 698, 707])
    )
    import_csv(team, "Payments", "metric,week_end,value\n" + rows + "\n")
    deck = build(team, "Payments", W)
    assert [m["name"] for m in deck] == ["Deployments", "p99 latency"]
    p99 = deck[1]
    assert p99["signal"].startswith("above the upper limit")
    assert [p["period"] for p in p99["weekly"]][-1] == W.isoformat() and len(p99["monthly"]) == 12
    p99["commentary"], p99["status"] = "Gateway 4.2 added a synchronous call.", "explained"
    again = build(team, "Payments", W, existing={"metrics": deck})
    assert again[1]["commentary"] == "Gateway 4.2 added a synchronous call."


def test_a_signal_needs_commentary_or_still_investigating():
    kind = get_kind("metric_review")
    metric = {"name": "p99 latency", "owner": "Aisha", "value": 900, "signal": "above the upper limit (750)"}
    content = {"week_ending": W.isoformat(), "metrics": [metric]}
    found = [f for f in lint(kind, kind.validate(content)) if f.rule == "metric_review.signals"]
    assert found and found[0].severity == "error" and found[0].location == "metrics[1].commentary"
    for fix in ({"commentary": "Gateway release."}, {"status": "still investigating"}):
        content = {"week_ending": W.isoformat(), "metrics": [{**metric, **fix}]}
        assert "metric_review.signals" not in {f.rule for f in lint(kind, kind.validate(content))}
    routine = {"week_ending": W.isoformat(), "metrics": [{**metric, "signal": ""}]}
    assert "metric_review.signals" not in {f.rule for f in lint(kind, kind.validate(routine))}


def test_the_week_must_end_on_a_sunday():
    with pytest.raises(InvalidDocument) as caught:
        get_kind("metric_review").validate({"week_ending": "2026-11-14"})
    assert caught.value.problems[0].field == "content.week_ending"
    assert "a review's week ends on a Sunday" in caught.value.problems[0].problem


def test_the_example_team_and_reviews(sqlite_store):
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    metrics = catalog(sqlite_store, "Payments Platform")
    assert len(metrics) >= 8
    weeks = series(sqlite_store, metrics[0].id)
    assert (max(weeks) - min(weeks)).days >= 2 * 364
    reviews = sqlite_store.list(kind="metric_review").items
    assert len(reviews) == 2
    doc = sqlite_store.get(reviews[0].id)
    fresh = build(
        sqlite_store, "Payments Platform", date.fromisoformat(doc.content["week_ending"]), doc.content
    )
    stored = {m["name"]: m for m in doc.content["metrics"]}
    assert {m["name"]: m["value"] for m in fresh} == {n: m["value"] for n, m in stored.items()}


def test_review_action_items_join_the_cross_document_list(sqlite_store):
    from sdmkit.actions import action_items, set_status

    doc = sqlite_store.create(
        "metric_review",
        {
            "week_ending": W.isoformat(),
            "action_items": [{"what": "Roll back gateway 4.2", "owner": "Priya", "due": "2026-11-19"}],
        },
        DocumentMeta(title="Review", team="Payments"),
    )
    items = action_items(sqlite_store, today=date(2026, 11, 23))
    assert [(i.kind, i.what, i.overdue(date(2026, 11, 23))) for i in items] == [
        ("metric_review", "Roll back gateway 4.2", True)
    ]
    set_status(sqlite_store, doc.id, 1, "done")
    assert action_items(sqlite_store) == []


def test_cli_metrics_import_reports_rows_and_exits_non_zero(workspace, tmp_path):
    from tests.test_cli import sdmkit

    save_catalog(workspace, "Payments", [Metric("Deployments")])
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("metric,week_end,value\nDeployments,2026-11-15,25\n")
    bad.write_text("metric,week_end,value\nDeployments,2026-11-08,20\nDeployments,2026-11-09,x\n")
    ok = sdmkit("metrics", "import", str(good), "--team", "Payments")
    assert ok.returncode == 0 and "1 rows kept (1 new" in ok.stdout
    result = sdmkit("metrics", "import", str(bad), "--team", "Payments")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{bad}: row 3, week_end: 2026-11-09 is a Monday, not a week end (Sunday)",
        f"{bad}: row 3, value: 'x' is not a number",
    ]
    assert "1 rows kept" in result.stdout
    missing = sdmkit("metrics", "import", str(good), "--team", "Nobody")
    assert missing.returncode == 1 and "has no metric catalog" in missing.stderr


def test_backup_and_restore_keep_catalogs_and_weekly_values(store, tmp_path):
    import json

    from sdmkit.backup import dump, restore

    save_catalog(store, "Payments", [Metric("Deployments", target=25)])
    import_csv(
        store, "Payments", "metric,week_end,value\nDeployments,2026-11-15,25\nDeployments,2026-11-08,21\n"
    )
    data = json.loads(json.dumps(dump(store)))
    assert len(data["metrics"]) == 1 and len(data["metric_values"]) == 2
    restore(store, data, replace=True)
    assert dump(store) == data
    ids = {m.name: m.id for m in catalog(store, "Payments")}
    assert series(store, ids["Deployments"]) == {date(2026, 11, 15): 25.0, date(2026, 11, 8): 21.0}
    save_catalog(
        store, "Payments", [Metric("Deployments"), Metric("Pages")]
    )  # new ids still work after restore
