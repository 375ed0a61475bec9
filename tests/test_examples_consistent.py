"""Every example states figures that sdmkit derives from the example's own data: a
new user and an interviewer read the examples first, so they must not contradict
themselves. One test per example."""

from __future__ import annotations

import re
from datetime import date
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
