"""Weekly metrics: WoW, YoY, averages and XmR limits against hand-computed values,
missing weeks, a 53-week year, the CSV import, and the review built from the data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sdmkit.coach import lint
from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.metrics.catalog import Metric, catalog, save_catalog, series
from sdmkit.metrics.importer import import_csv
from sdmkit.metrics.review import build
from sdmkit.metrics.stats import Limits, average, same_week_last_year, signal, summarise, xmr_limits
from sdmkit.registry import get_kind

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
    assert summarise(s, W, target=None, direction="higher").signal == "rule 1: above the upper limit (16.26)"
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
    assert p99["signal"].startswith("rule 1: above the upper limit")
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


# --- Wheeler's rules, unit bounds, months and the review's week, by hand -----------

# Centre 10, limits 4 and 16, mean moving range 2: the midpoints between the centre
# and each limit are 13 and 7, and the upper range limit is 3.268 x 2 = 6.536.
LIM = Limits(centre=10, lower=4, upper=16, mean_moving_range=2, points=26)


def rules_fired(values: list[float]) -> list[str]:
    text = signal(weeks_back(values), W, LIM)
    return [part.split(":")[0] for part in text.split("; ")] if text else []


def test_rule_1_a_point_outside_the_limits():
    assert rules_fired([10, 9, 11, 12, 17]) == ["rule 1"]  # 17 > 16; a jump of 5 < 6.536
    assert rules_fired([10, 9, 11, 8, 3]) == ["rule 1"]  # 3 < 4; a jump of 5


def test_rule_2_three_of_four_nearer_a_limit():
    assert rules_fired([10, 14, 11, 14, 14]) == ["rule 2"]  # 14, 14, 14 above 13 among 14, 11, 14, 14
    assert rules_fired([10, 6, 9, 6, 6]) == ["rule 2"]  # three below 7
    assert rules_fired([10, 14, 11, 11, 14]) == []  # only two of the last four above 13
    assert rules_fired([10, 14, 14, 14, 11]) == []  # this week itself is near the centre


def test_rule_3_eight_in_a_row_on_one_side():
    assert rules_fired([9] + [11] * 8) == ["rule 3"]  # all inside 7..13, all above 10
    assert rules_fired([9] + [11] * 6 + [9.5, 11]) == []  # the run is broken


def test_the_moving_range_limit_catches_a_jump_inside_the_limits():
    assert rules_fired([10, 9, 11, 5, 12]) == ["moving range"]  # 5 -> 12: 7 > 6.536, both inside 4..16
    assert "a change of 7 from the week before" in signal(weeks_back([10, 9, 11, 5, 12]), W, LIM)


def test_stable_series_stay_quiet():
    for values in ([9, 11] * 13 + [10], [10, 11, 9, 12, 8, 10, 11, 9, 10], [12, 8, 12, 8, 12, 8, 12]):
        assert rules_fired(values) == [], values
    # End to end: limits from the data, then every week of a stable series is routine.
    s = weeks_back([9, 11, 10, 12, 10, 9, 11, 10, 12, 11, 9, 10] * 3)
    for w in sorted(s)[8:]:
        assert summarise(s, w, target=None, direction="higher").signal == "", w


def test_count_limits_never_go_below_zero_and_percentages_never_above_100():
    # 0, 3, 0, 3, 0, 3: mean 1.5, moving range 3, so 1.5 - 2.66 x 3 = -6.48 becomes 0.
    s = weeks_back([0, 3, 0, 3, 0, 3, 1])
    lim = xmr_limits(s, W, "count")
    assert (lim.centre, lim.lower, lim.upper) == (1.5, 0, pytest.approx(1.5 + 7.98))
    assert xmr_limits(s, W, "").lower == pytest.approx(-6.48)  # a unit that may be negative keeps it
    # 99.9, 100 alternating: mean 99.95, moving range 0.1, upper 99.95 + 0.266 = 100.216 becomes 100.
    p = weeks_back([99.9, 100] * 3 + [99.9])
    lim = xmr_limits(p, W, "%")
    assert (lim.upper, lim.lower) == (100, pytest.approx(99.95 - 0.266))


def test_a_review_never_reads_data_after_its_week(team):
    ids = {m.name: m.id for m in catalog(team, "Payments")}
    week = date(2026, 11, 8)
    rows = [("Deployments", week - timedelta(days=7 * i), 20 + i % 3) for i in range(40)]
    from sdmkit.metrics.catalog import upsert_values

    upsert_values(team, [(ids[n], w, v) for n, w, v in rows])
    before = build(team, "Payments", week)
    upsert_values(
        team, [(ids["Deployments"], date(2026, 11, 15), 9999), (ids["p99 latency"], date(2026, 11, 22), 1)]
    )
    after = build(team, "Payments", week)
    assert after == before
    deployments = after[0]
    assert deployments["weekly"][-1]["period"] == "2026-11-08"
    november = deployments["monthly"][-1]
    # November so far: the weeks ending 8 November (20) and 1 November (21); 15 November is not read.
    assert november["value"] == 41
    assert (november["weeks"], november["partial"]) == (2, True)


def test_a_partial_month_is_compared_with_the_same_weeks_last_year(team):
    from sdmkit.metrics.catalog import upsert_values

    ids = {m.name: m.id for m in catalog(team, "Payments")}
    last_nov = {date(2025, 11, 2): 30, date(2025, 11, 9): 31, date(2025, 11, 16): 50, date(2025, 11, 23): 60}
    last_nov[date(2025, 11, 30)] = 70
    this_nov = {date(2026, 11, 1): 20, date(2026, 11, 8): 21, date(2026, 11, 15): 22}
    upsert_values(team, [(ids["Deployments"], w, v) for w, v in {**last_nov, **this_nov}.items()])
    deck = build(team, "Payments", date(2026, 11, 8))
    nov = deck[0]["monthly"][-1]
    # Two weeks of November 2026 (1 and 8: 41) against the first two of November 2025 (2 and 9: 61),
    # not against all of last November (241).
    assert (nov["period"], nov["value"], nov["prior"], nov["partial"]) == ("2026-11", 41, 61, True)
    full = build(team, "Payments", date(2026, 11, 29))[0]["monthly"][-1]
    assert (full["prior"], full["partial"]) == (241, False)


def test_a_summed_month_so_far_is_drawn_apart_from_the_whole_months(team):
    """Three weeks of deployments are fewer than a month's by their nature: joined to
    the whole months, the line would show a drop that did not happen."""
    from sdmkit.charts import six_twelve
    from sdmkit.metrics.catalog import upsert_values

    ids = {m.name: m.id for m in catalog(team, "Payments")}
    weeks = [date(2026, 11, 15) - timedelta(days=7 * i) for i in range(60)]
    upsert_values(team, [(ids["Deployments"], w, 20) for w in weeks])
    upsert_values(team, [(ids["p99 latency"], w, 700) for w in weeks])
    deck = {m["name"]: m for m in build(team, "Payments", date(2026, 11, 15))}

    def parts(metric):
        months = six_twelve(metric)["hconcat"][1]["layer"][0]
        lines = months["data"]["values"]
        assert months["encoding"]["detail"]["field"] == "part"
        return {v["x"]: v["part"] for v in lines if v["series"] == "This year"}

    summed = parts(deck["Deployments"])
    assert [x for x, part in summed.items() if part] == ["Nov\n(3 wk)"]
    assert "drawn apart from the whole months" in " ".join(
        six_twelve(deck["Deployments"])["title"]["subtitle"]
    )
    assert not any(parts(deck["p99 latency"]).values())  # a mean of three weeks is a month's mean


def test_a_missing_week_is_shown_and_named_instead_of_summed_over(team):
    from sdmkit.metrics.catalog import upsert_values

    ids = {m.name: m.id for m in catalog(team, "Payments")}
    october = {date(2026, 10, 4): 20, date(2026, 10, 11): 21, date(2026, 10, 25): 23}  # no 18 October
    upsert_values(team, [(ids["Deployments"], w, v) for w, v in october.items()])
    upsert_values(team, [(ids["p99 latency"], w, 700) for w in october])
    deck = build(team, "Payments", date(2026, 11, 1))
    oct_sum = next(p for p in deck[0]["monthly"] if p["period"] == "2026-10")
    assert (oct_sum["value"], oct_sum["missing"]) == (None, ["2026-10-18"])  # not 64 over three weeks
    assert "2026-10-18" in deck[0]["missing"]
    assert next(p for p in deck[0]["weekly"] if p["period"] == "2026-10-18")["value"] is None
    oct_mean = next(p for p in deck[1]["monthly"] if p["period"] == "2026-10")
    assert (oct_mean["value"], oct_mean["missing"]) == (700, ["2026-10-18"])  # a mean of what is there


def test_signed_figures_never_show_minus_zero():
    from sdmkit.metrics.format import change

    assert change(-0.001, -0.00001, "%") == "0 pts"
    assert change(-0.004, None, "") == "0"
    assert change(0.2, 0.01, "%") == "+0.2 pts"
    assert change(-3, -0.1, "count") == "-3 (-10.0%)"
    assert change(-0.0001, -0.0004, "count") == "0 (0.0%)"


def test_rule_2_does_not_read_a_clamped_limit():
    # A count whose lower limit was clamped to 0: weeks of 0 are not "nearer the lower limit".
    floored = Limits(centre=0.6, lower=0, upper=2.4, mean_moving_range=0.7, points=26, floored=True)
    assert signal(weeks_back([1, 0, 0, 1, 0, 0]), W, floored) == ""
    assert "rule 2" in signal(weeks_back([1, 0, 2, 2, 0, 2]), W, floored)  # the upper side still counts


def test_a_week_typed_by_hand_is_saved_and_bad_input_names_the_field(team):
    from sdmkit.metrics.catalog import enter_week

    assert enter_week(team, "Payments", W, {"p99 latency": 712.0, "Deployments": "24"}) == (2, 0)
    assert enter_week(team, "Payments", W, {"p99 latency": 715.0, "Deployments": None}) == (0, 1)
    ids = {m.name: m.id for m in catalog(team, "Payments")}
    assert series(team, ids["p99 latency"]) == {W: 715.0} and series(team, ids["Deployments"]) == {W: 24.0}
    with pytest.raises(InvalidDocument) as caught:
        enter_week(team, "Payments", W - timedelta(days=1), {"Deployments": "many", "p99 latency": "nan"})
    assert [str(p) for p in caught.value.problems] == [
        "Week ending: Saturday 14 Nov 2026 is not a Sunday",
        "Deployments: 'many' is not a number",
        "p99 latency: 'nan' is not a number",
    ]
    assert series(team, ids["Deployments"]) == {W: 24.0}  # nothing saved from a bad form


def test_the_review_chart_draws_limits_marks_signals_and_names_the_target(team):
    from sdmkit.charts import six_twelve
    from sdmkit.metrics.catalog import upsert_values

    ids = {m.name: m.id for m in catalog(team, "Payments")}
    weekly = [700, 710, 705, 702, 712, 698, 707, 703] + [900]
    upsert_values(
        team, [(ids["p99 latency"], W - timedelta(days=7 * i), v) for i, v in enumerate(reversed(weekly))]
    )
    upsert_values(team, [(ids["Deployments"], W - timedelta(days=7 * i), 1 + i % 2) for i in range(12)])
    p99, deployments = build(team, "Payments", W)[1], build(team, "Payments", W)[0]
    spec = six_twelve(p99)
    weeks_panel = spec["hconcat"][0]["layer"]
    rules = {r["series"]: r["value"] for r in weeks_panel[1]["data"]["values"]}
    assert rules["Centre line"] == p99["centre"] and rules["Natural process limits"] == p99["upper"]
    assert rules["Target (800 ms)"] == 800
    marked = weeks_panel[2]["data"]["values"]
    assert [(p["value"], p["why"].split(":")[0]) for p in marked] == [(900, "rule 1")]
    legend = weeks_panel[0]["encoding"]["color"]["scale"]["domain"]
    assert {"Target (800 ms)", "Centre line", "Natural process limits", "Signal"} <= set(legend)
    lo, hi = weeks_panel[0]["encoding"]["y"]["scale"]["domain"]
    assert lo <= min(weekly[-6:]) and hi >= 900  # no point drawn outside the axis
    assert spec["title"]["subtitle"][0].startswith("Signal this week: rule 1")
    counts = six_twelve(deployments)["hconcat"][0]["layer"][0]["encoding"]["y"]
    assert counts["axis"]["tickMinStep"] == 1 and counts["axis"]["format"] == "d"
    assert counts["scale"]["domain"][0] >= 0  # a count's axis never goes below zero


def test_weeks_before_a_metric_was_measured_are_not_missing(team):
    from sdmkit.metrics.catalog import upsert_values

    ids = {m.name: m.id for m in catalog(team, "Payments")}
    upsert_values(team, [(ids["Deployments"], w, 20) for w in (date(2026, 10, 18), date(2026, 11, 1))])
    deployments = build(team, "Payments", date(2026, 11, 8))[0]
    assert deployments["missing"] == ["2026-10-25", "2026-11-08"]  # not the months before 18 October
    october = next(p for p in deployments["monthly"] if p["period"] == "2026-10")
    assert (october["value"], october["missing"]) == (None, ["2026-10-25"])  # started mid-month: no sum


def test_the_coach_names_a_review_s_missing_weeks():
    kind = get_kind("metric_review")
    content = {
        "week_ending": W.isoformat(),
        "metrics": [{"name": "Tickets", "owner": "Mei", "missing": ["2026-10-04"]}],
    }
    found = [f for f in lint(kind, kind.validate(content)) if f.rule == "metric_review.missing"]
    assert [(f.severity, f.message) for f in found] == [
        ("info", "Tickets has no value for the weeks ending 2026-10-04")
    ]


def test_a_review_saved_before_the_rename_reads_each_metrics_kind_as_its_type(sqlite_store):
    """Reviews (and files exported) before a metric's input/output field was called
    'type' stored it as 'kind': they still validate, open and save, as 'type'."""
    old = {
        "week_ending": "2026-11-15",
        "metrics": [{"name": "Deployments", "kind": "input"}, {"name": "Availability", "kind": "output"}],
    }
    doc = sqlite_store.create("metric_review", old, DocumentMeta(title="Old review", team="Payments"))
    assert [m["type"] for m in doc.content["metrics"]] == ["input", "output"]
    assert all("kind" not in m for m in doc.content["metrics"])


def test_a_backup_made_before_the_rename_restores_each_metrics_type(sqlite_store, tmp_path):
    """Backup format 1 named a metric's input/output column 'kind'; such a backup still
    restores, every metric with its type."""
    import json

    from sdmkit.backup import read_backup, restore, write_backup

    save_catalog(
        sqlite_store, "Payments", [Metric("Deployments", "count", type="input"), Metric("Availability")]
    )
    path = tmp_path / "backup.json"
    write_backup(sqlite_store, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 1
    for m in data["metrics"]:
        m["kind"] = m.pop("type")
    old = tmp_path / "old-backup.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    restore(sqlite_store, read_backup(old), replace=True, safety_dir=tmp_path)
    assert [(m.name, m.type) for m in catalog(sqlite_store, "Payments")] == [
        ("Deployments", "input"),
        ("Availability", "output"),
    ]
