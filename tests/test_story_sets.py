"""The labelled sets of bench/stories_eval.py stay usable as the kinds change: every
document loads as its kind's model reads it today, and every label names a document
of the set and one of the 16 Leadership Principles. (A set that stopped loading would
turn the story bank's figures into a crash, or worse, a figure over fewer documents.)"""

from __future__ import annotations

import pytest
import yaml

from sdmkit.interchange import read_file
from sdmkit.interview import PRINCIPLES
from tests.conftest import ROOT

SETS = sorted(p for p in (ROOT / "bench" / "data").glob("stories_*") if p.is_dir())


def test_there_are_the_seven_labelled_sets():
    assert [p.name for p in SETS] == [
        "stories_eval",
        "stories_holdout",
        "stories_holdout2",
        "stories_holdout3",
        "stories_holdout4",
        "stories_holdout5",
        "stories_holdout6",
    ]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_document_loads_and_every_label_is_a_principle(folder):
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    files = sorted(p.name for p in folder.glob("*.yaml") if p.name != "labels.yaml")
    assert sorted(labels) == files, "every document labelled, every label a document"
    for name in files:
        doc = read_file(folder / name)  # raises with the field and the problem
        assert doc.title, name
        lab = labels[name]
        assert set(lab["principles"]) <= set(PRINCIPLES), (name, set(lab["principles"]) - set(PRINCIPLES))
        assert lab["questions"], name


SECOND = sorted((ROOT / "bench" / "data" / "agreement").glob("*.yaml"))


@pytest.mark.parametrize("second", SECOND, ids=lambda p: p.stem)
def test_a_second_coachs_labels_cover_the_same_documents(second):
    """bench/agreement.py scores one coach against the other document by document: a
    label for a document the set does not have, or a missing one, would skew both."""
    first = yaml.safe_load((ROOT / "bench" / "data" / f"stories_{second.stem}" / "labels.yaml").read_text())
    other = yaml.safe_load(second.read_text(encoding="utf-8"))
    assert sorted(other) == sorted(first)
    for name, lab in other.items():
        assert set(lab["principles"]) <= set(PRINCIPLES), name
        assert lab["questions"], name


def test_two_coaches_agreement_counts_what_they_share():
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from agreement import coaches

    first = {"a.yaml": {"principles": ["Ownership", "Dive Deep"], "questions": ["Q1", "Q2"]}}
    second = {"a.yaml": {"principles": ["Ownership", "Earn Trust", "Frugality"], "questions": ["Q2"]}}
    got = coaches(first, second)
    assert got["principle_precision"] == pytest.approx(1 / 3)
    assert got["principle_recall"] == pytest.approx(1 / 2)
    assert got["questions_same_document"] == pytest.approx(1 / 2)
