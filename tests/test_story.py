"""The interview question bank and the checks on a STAR story."""

from __future__ import annotations

import pytest
import yaml

from sdmkit.coach import lint
from sdmkit.interview import (
    COMMON_QUESTIONS,
    LOCATION_QUESTIONS,
    PRINCIPLES,
    ROUNDS,
    STUDY_PLAN,
    all_questions,
)
from sdmkit.registry import get_kind
from tests.conftest import ROOT

KIND = get_kind("story")
EXAMPLE = yaml.safe_load((ROOT / "examples" / "story" / "certificate-outage.yaml").read_text())["content"]

PUBLISHED = [
    "Customer Obsession",
    "Ownership",
    "Invent and Simplify",
    "Are Right, A Lot",
    "Learn and Be Curious",
    "Hire and Develop the Best",
    "Insist on the Highest Standards",
    "Think Big",
    "Bias for Action",
    "Frugality",
    "Earn Trust",
    "Dive Deep",
    "Have Backbone; Disagree and Commit",
    "Deliver Results",
    "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
]


def test_the_16_principles_by_their_published_names_each_with_questions():
    assert list(PRINCIPLES) == PUBLISHED
    assert all(len(qs) >= 2 and all(q.endswith(("?", ".")) for q in qs) for qs in PRINCIPLES.values())


def test_the_five_rounds_with_questions_look_fors_and_rejection_reasons():
    assert [r.number for r in ROUNDS] == [1, 2, 3, 4, 5]
    assert sum(r.minutes for r in ROUNDS) == 285
    for r in ROUNDS:
        assert len(r.questions) >= 4 and r.looks_for and r.rejected_for
        assert set(r.principles) <= set(PRINCIPLES)
    assert len(COMMON_QUESTIONS) == 20 and set(LOCATION_QUESTIONS) == {"Seattle", "India", "Europe"}
    assert len(STUDY_PLAN) == 3 and sum(len(items) for _, items in STUDY_PLAN) >= 9
    assert len(all_questions()) == 20 + 20 + sum(len(q) for q in LOCATION_QUESTIONS.values()) + 32


def fired(**changes) -> set[str]:
    return {f.rule for f in lint(KIND, KIND.validate({**EXAMPLE, **changes}))}


def test_the_example_story_passes_the_story_checks():
    assert not {r for r in fired() if r.startswith("story.") and r != "story.length"}


@pytest.mark.parametrize(
    "rule, broken",
    [
        ("story.complete", {"result": ""}),
        (
            "story.i_not_we",
            {"action": "We rolled back. We wrote the COE. We fixed the pipeline and our runbook."},
        ),
        ("story.quantified", {"result": "Things got much better and the team learned a lot."}),
        # A digit is not a figure: '4-week', a year and a version say nothing of the outcome.
        ("story.quantified", {"result": "The 4-week average is n/a in 2026 after release 7.3.1."}),
        ("story.quantified", {"result": "Your part: what changed, with 3 figures?"}),
        (
            "story.quantified",
            {"result": "The 12-week review in the week ending 2026-03-08 at 17:42 went well."},
        ),
        ("story.your_part", {"action": EXAMPLE["action"] + " Your part: what did you decide when it broke?"}),
        ("story.action_share", {"action": "I rolled back the change."}),
        (
            "story.length",
            {"action": " ".join(["I checked the next change and wrote down what I found."] * 60)},
        ),
        ("story.principles", {"principles": [{"principle": "Customer Obsesion", "evidence": "x"}]}),
        ("story.numbers", {"numbers": ["47 minutes", "99.99%"]}),
    ],
)
def test_each_story_check_fires_on_a_broken_story(rule, broken):
    assert rule in fired(**broken)
    assert rule not in fired() or rule == "story.length"


def test_a_story_of_two_to_three_minutes_passes_the_length_check():
    padded = (
        EXAMPLE["action"] + " I also set up a weekly review of every configuration change with the team." * 4
    )
    assert "story.length" not in fired(action=padded)


@pytest.mark.parametrize(
    "result",
    [
        "Pages fell from about 110 a week to 9.",
        "Configuration incidents fell from 5 in the quarter before to 2 in the quarter after.",
        "Door rejections fell from 38% to 9% after the 4-week pilot.",
        "We recovered all but EUR 4,200 of the double refunds.",
        "Monday p99 has stayed under 350 ms for the twelve weeks since 2026-03-08.",
    ],
)
def test_a_result_with_an_outcome_figure_counts_as_quantified(result):
    assert "story.quantified" not in fired(result=result)


def test_the_coach_counts_in_words_and_quotes_evidence_cut_at_a_word():
    once = {f.message for f in lint(KIND, KIND.validate({**EXAMPLE, "action": "We rolled back."}))}
    assert "The action says 'we' once and 'I' 0 times" in once
    evidence = (
        "Failover to the secondary processor did not trigger, because its health check covered only the API"
    )
    story = {**EXAMPLE, "principles": [{"principle": "Dive Deep", "evidence": evidence, "strength": 1}]}
    (hint,) = [f.suggestion for f in lint(KIND, KIND.validate(story)) if f.rule == "story.suggested"]
    assert "('Failover to the secondary processor did not trigger, because its health check…')" in hint
