"""The learned cues (sdmkit/stories/cues.json) load and cover the principles."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sdmkit.interview import PRINCIPLES
from sdmkit.stories.cues import CUE_INDEX, LEARNED, cue_features, cue_hits
from sdmkit.stories.draft import propose


def test_cues_load_for_every_principle():
    assert set(LEARNED) == set(PRINCIPLES)
    # two principles were tagged on too few documents to learn much from: Learn and Be
    # Curious has no cue (a cue must be in four tagged documents), Deliver Results a
    # handful; the hand-written behaviours show them
    thin = {"Learn and Be Curious", "Deliver Results"}
    for principle, cues in LEARNED.items():
        assert principle in thin or cues, principle
        assert all(w > 0 for w in cues.values())


def test_every_proposal_has_its_sentence():
    grounded = [
        {"part": "action", "text": "I pushed back on the launch date and we disagreed openly.", "field": "a"},
        {"part": "result", "text": "Customers saw no repeat of the defect.", "field": "b"},
    ]
    texts = {g["text"] for g in grounded}
    out = propose(grounded)
    assert out and len(out) <= 2
    assert all(p["evidence"] in texts for p in out)
    assert "pushed back" in cue_features("I pushed back on it") or "push back" not in LEARNED


_CUE_WORDS = sorted({w for f in CUE_INDEX for w in f.split()} | {"the", "and", "we", "2026", "a"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS) | st.text(max_size=8), max_size=30))
def test_the_cues_mining_looks_up_are_the_features_that_are_cues(words):
    """cue_hits skips building features that are no cue; it must find exactly the cue
    features cue_features (what the cues were learned from) holds."""
    sentence = " ".join(words)
    assert cue_hits(sentence) == {f for f in cue_features(sentence) if f in CUE_INDEX}


def test_no_date_or_bare_number_is_a_cue():
    """A month, a weekday or a figure says when or how much, not what the candidate did:
    a learned cue of one ('wednesday' for Earth's Best Employer, 'to 12' for Ownership)
    would be an accident of the labelled sets."""
    from tests.conftest import ROOT, load_script

    general = load_script(ROOT / "bench" / "learn_cues.py")._general
    assert not general("october 2025") and not general("to 12") and general("24x7")
    accidents = [(p, f) for p, cues in LEARNED.items() for f in cues if not general(f)]
    assert not accidents, accidents[:5]
