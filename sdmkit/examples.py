"""The example documents that ship with sdmkit, loaded on request."""

from __future__ import annotations

from pathlib import Path

import yaml

from sdmkit import resources
from sdmkit.interchange import read_file
from sdmkit.metrics.catalog import Metric, catalog, save_catalog
from sdmkit.metrics.importer import import_csv

SUFFIXES = (".yaml", ".yml", ".json")


METRICS = "metrics"  # examples/metrics: team catalogs and their weekly data, not documents


def example_files() -> list[Path]:
    root = resources.examples_dir()
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in SUFFIXES and p.is_file() and METRICS not in p.relative_to(root).parts
    )


def load_metric_examples(store) -> int:
    """Each examples/metrics/NAME.catalog.yaml, and the data in NAME.csv beside it."""

    loaded = 0
    for path in sorted((resources.examples_dir() / METRICS).glob("*.catalog.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        team = data["team"]
        if catalog(store, team):
            continue
        save_catalog(store, team, [Metric(**m) for m in data["metrics"]])
        csv_path = path.with_name(path.name.replace(".catalog.yaml", ".csv"))
        if csv_path.is_file():
            import_csv(store, team, csv_path.read_text(encoding="utf-8"))
        loaded += 1
    return loaded


def load_examples(store) -> tuple[list, list]:
    """Create every example not already present (same kind and title); idempotent.
    Metric catalogs and their data come first: the example reviews read them."""
    load_metric_examples(store)
    created, skipped = [], []
    for path in example_files():
        doc = read_file(path)
        existing = store.list(kind=doc.kind, query=doc.title, limit=50).items
        if any(s.title == doc.title for s in existing):
            skipped.append(doc)
            continue
        created.append(store.create(doc.kind, doc.content, doc.meta, note=f"example {path.name}"))
    return created, skipped
