"""Rebuild the example metric reviews' figures from the example team's data.

Run from the repository root after changing the data or how sdmkit derives a review:
    python examples/metrics/refresh_reviews.py
Each review's commentary, status, events, actions and notes are kept; every figure
and chart point is what sdmkit derives (tests/test_examples_consistent.py checks it)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import yaml

from sdmkit.examples import load_metric_examples
from sdmkit.metrics.review import build
from sdmkit.store import open_store


def main() -> None:
    reviews = sorted(Path(__file__).parent.parent.joinpath("metric_review").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/refresh.db")
        load_metric_examples(store)
        for path in reviews:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            content = doc["content"]
            content["metrics"] = build(
                store, doc["team"], date.fromisoformat(content["week_ending"]), content
            )
            path.write_text(
                yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8"
            )
            print(f"{path}: {len(content['metrics'])} metrics")


if __name__ == "__main__":
    main()
