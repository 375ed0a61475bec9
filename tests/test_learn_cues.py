"""bench/learn_cues.py relearns the shipped cues (sdmkit/stories/cues.json) from the
labelled dev sets byte for byte: the file stays what its script makes, so it can
be relearned when the labels grow or the miner's stories change. (Mining their 140
documents takes a few seconds.)"""

from __future__ import annotations

import json

from tests.conftest import ROOT, load_script


def _learner():
    return load_script(ROOT / "bench" / "learn_cues.py")


def test_the_learner_reproduces_the_shipped_cues():
    same, lines = _learner().check()
    assert same, "\n".join(lines)


def test_the_learner_never_reads_the_test_set_and_reports_a_difference(tmp_path):
    learner = _learner()
    assert "stories_holdout5" not in learner.SETS
    cues = json.loads((ROOT / "sdmkit" / "stories" / "cues.json").read_text(encoding="utf-8"))
    cues["Think Big"]["million"] = 1.0
    changed = tmp_path / "cues.json"
    changed.write_text(learner.render(cues), encoding="utf-8")
    same, lines = learner.check(changed)
    assert not same and lines == ["Think Big: 'million' 1.0 -> 1.75"]
