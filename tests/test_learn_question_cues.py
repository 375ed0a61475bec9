"""bench/learn_question_cues.py relearns the shipped answer cues
(sdmkit/stories/question_cues.json) from the labelled dev sets byte for byte, never from
a test set, and keeps out of them what says who or when rather than what was done."""

from __future__ import annotations

import json

from tests.conftest import ROOT, load_script


def _learner():
    return load_script(ROOT / "bench" / "learn_question_cues.py")


def test_the_learner_reproduces_the_shipped_answer_cues():
    same, lines = _learner().check()
    assert same, "\n".join(lines[:20])


def test_the_test_sets_are_never_learned_from():
    learner = _learner()
    assert not {"stories_holdout5", "stories_holdout6"} & set(learner.SETS)


def test_a_cue_is_found_in_answers_from_two_sets_and_is_no_name_or_figure():
    learner = _learner()
    grow = "Tell me about someone you helped grow into a bigger role."
    rows = [
        ("set a", {"promot", "mentor", "priya", "canary"}, {grow}),
        ("set a", {"promot", "priya", "canary"}, {grow}),
        ("set b", {"promot", "mentor", "dashboard"}, {grow}),
        ("set b", {"dashboard", "canary"}, set()),
        ("set c", {"dashboard", "invoice"}, set()),
        ("set c", {"invoice"}, set()),
    ]
    cues = learner.learn(rows)[grow]
    # in answers of two sets and in no other document: the heaviest
    assert cues["promot"] == max(cues.values())
    assert "mentor" in cues
    # in two answers of one set only: one author's name, not a cue
    assert "priya" not in cues
    # as common among the others as among the answers: no cue either
    assert "dashboard" not in cues
    # a word written only with a capital inside a sentence is a name; one also written in
    # lower case is not, nor one that only begins sentences
    assert learner._names("Priya Shah asked me. Then Shah agreed; priya@example.com") == {"shah"}


def test_the_shipped_cues_hold_no_digit_and_only_questions_labelled_twice():
    cues = json.loads((ROOT / "sdmkit" / "stories" / "question_cues.json").read_text(encoding="utf-8"))
    assert cues, "no answer cue learned"
    assert all(t.isalpha() for c in cues.values() for t in c)
    assert all(0 < w <= 3.0 for c in cues.values() for w in c.values())
