"""Each coach rule fires on text that earns it and stays quiet on text that does not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sdmkit import clock
from sdmkit.coach import lint
from sdmkit.registry import get_kind

KIND = get_kind("charter")

GOOD_TENETS = [
    {"name": "Correct before fast", "statement": "We choose correctness over latency when money moves."},
    {
        "name": "Customers charged once",
        "statement": "A customer is never charged twice; we accept a failed payment first.",
    },
]


def rules_fired(content: dict, off=()) -> set[str]:
    return {f.rule for f in lint(KIND, KIND.validate(content), off)}


def base(**changes) -> dict:
    content = {
        "team_name": "Payments",
        "mission": "We charge every order exactly once.",
        "tenets": GOOD_TENETS,
        "out_of_scope": ["Fraud decisions"],
        "next_review": (date.today() + timedelta(days=90)).isoformat(),
    }
    content.update(changes)
    return content


def test_a_good_charter_has_no_charter_findings():
    assert not {r for r in rules_fired(base()) if r.startswith("charter.")}


@pytest.mark.parametrize(
    "rule, fires, quiet",
    [
        ("charter.required", {"mission": ""}, {}),
        ("charter.required", {"tenets": [{"name": "Lonely", "statement": ""}]}, {}),
        (
            "charter.mission_one_sentence",
            {"mission": "We charge every order once. We also run the ledger."},
            {"mission": "We charge every order once, and we keep the ledger balanced."},
        ),
        (
            "charter.too_many_tenets",
            {
                "tenets": GOOD_TENETS
                + [{"name": f"T{i}", "statement": f"Speed over polish in area {i}."} for i in range(6)]
            },
            {
                "tenets": GOOD_TENETS
                + [{"name": f"T{i}", "statement": f"Speed over polish in area {i}."} for i in range(5)]
            },
        ),
        (
            "charter.tenet_takes_stand",
            {"tenets": GOOD_TENETS + [{"name": "Quality", "statement": "We value quality and teamwork."}]},
            {
                "tenets": GOOD_TENETS
                + [{"name": "Quality", "statement": "We value quality over the date, unless it is legal."}]
            },
        ),
        (
            "charter.customer_tenet",
            {"tenets": [{"name": "Boring tech", "statement": "We prefer proven components over new ones."}]},
            {
                "tenets": [
                    {
                        "name": "Boring tech",
                        "statement": "We prefer proven components over new ones for our users.",
                    }
                ]
            },
        ),
        (
            "charter.stale",
            {"next_review": (date.today() - timedelta(days=1)).isoformat()},
            {"next_review": (date.today() + timedelta(days=1)).isoformat()},
        ),
        ("charter.out_of_scope", {"out_of_scope": []}, {"out_of_scope": ["Fraud"]}),
        (
            "charter.collaboration_end",
            {"interactions": [{"team": "Checkout", "mode": "collaboration", "purpose": "saved cards"}]},
            {
                "interactions": [
                    {
                        "team": "Checkout",
                        "mode": "collaboration",
                        "purpose": "saved cards",
                        "until": "2027-01-01",
                    }
                ]
            },
        ),
    ],
)
def test_charter_rule_fires_and_stays_quiet(rule, fires, quiet):
    assert rule in rules_fired(base(**fires))
    assert rule not in rules_fired(base(**quiet))


def test_customer_tenet_counts_named_customers():
    content = base(
        customers=[{"name": "Merchants", "what_they_get": "payouts"}],
        tenets=[
            {"name": "Payouts on time", "statement": "Merchants get paid on day two, before new features."}
        ],
    )
    assert "charter.customer_tenet" not in rules_fired(content)


def test_stale_uses_today():
    with clock.frozen(datetime(2030, 1, 1, 12, tzinfo=UTC)):
        assert "charter.stale" in rules_fired(base(next_review="2029-12-31"))


@pytest.mark.parametrize(
    "rule, fires, quiet",
    [
        (
            "prose.weasel",
            "We cut latency significantly for many users.",
            "We cut p99 latency from 900 ms to 400 ms.",
        ),
        (
            "prose.vague_time",
            "We will migrate the ledger soon.",
            "We will migrate the ledger by 31 March 2027.",
        ),
        (
            "prose.long_sentence",
            "We run the payments API and the ledger and the reconciler and the gateway and all of the adapters for "
            "every processor that the company uses in every country where it sells.",
            "We run the payments API. We also run the ledger.",
        ),
        ("prose.acronym", "We own the PSP adapters.", "We own the Payment Service Provider (PSP) adapters."),
        ("prose.passive", "Refunds are processed nightly.", "The reconciler processes refunds nightly."),
    ],
)
def test_prose_rule_fires_and_stays_quiet(rule, fires, quiet):
    assert rule in rules_fired(base(long_term_direction=fires))
    assert rule not in rules_fired(base(long_term_direction=quiet))


@pytest.mark.parametrize(
    "text",
    [
        "We call `very_significant_flag` in the config.",
        "Read https://example.com/many-several-soon first.",
        'Customers use "Many Happy Returns" to send gifts.',
    ],
)
def test_prose_rules_ignore_code_links_and_quoted_names(text):
    assert "prose.weasel" not in rules_fired(base(long_term_direction=text))


def test_acronym_defined_later_in_another_field_counts():
    content = base(
        long_term_direction="The SLO holds.",
        release_schedule="Service Level Objective (SLO) reviews monthly.",
    )
    assert "prose.acronym" not in rules_fired(content)


def test_a_short_word_in_capitals_is_emphasis_not_an_acronym():
    assert "prose.acronym" not in rules_fired(
        base(long_term_direction="Every change is OWNED BY one engineer.")
    )
    assert "prose.acronym" in rules_fired(base(long_term_direction="Every change is owned by the SRE."))
    assert "prose.acronym" in rules_fired(base(long_term_direction="We meet the SLA SLO pair."))


def test_rule_switched_off_per_document():
    content = base(out_of_scope=[])
    assert "charter.out_of_scope" in rules_fired(content)
    assert "charter.out_of_scope" not in rules_fired(content, off=["charter.out_of_scope"])


def test_findings_carry_location_message_and_suggestion():
    findings = lint(
        KIND, KIND.validate(base(tenets=GOOD_TENETS + [{"name": "Q", "statement": "We like quality."}]))
    )
    f = next(f for f in findings if f.rule == "charter.tenet_takes_stand")
    assert f.location == "tenets[3].statement"
    assert f.severity == "warning"
    assert "takes no stand" in f.message and f.suggestion


@pytest.mark.parametrize("kind_id", ["coe", "prfaq", "charter", "oncall", "metric_review"])
def test_an_outcome_figure_dated_after_today_is_flagged_as_a_forecast(kind_id):
    kind = get_kind(kind_id)
    figures = [
        {"measure": "Search incidents per quarter", "before": "4", "after": "1", "as_of": "2026-11-30"},
        {"measure": "Index rebuild failures", "before": "9", "after": "0", "as_of": "2027-03-31"},
    ]
    model = kind.validate({"outcome": {"figures": figures}})
    with clock.frozen(datetime(2026, 12, 2, 9, tzinfo=UTC)):
        (found,) = [f for f in lint(kind, model) if f.rule == "outcome.forecast"]
    assert found.location == "outcome.figures[2].as_of"
    assert "'Index rebuild failures' is dated 2027-03-31, after today" in found.message
    with clock.frozen(datetime(2027, 4, 1, 9, tzinfo=UTC)):  # measured by now: an outcome
        assert not [f for f in lint(kind, model) if f.rule == "outcome.forecast"]
