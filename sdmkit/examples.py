"""The example documents that ship with sdmkit, loaded on request."""

from __future__ import annotations

from pathlib import Path

from sdmkit import resources
from sdmkit.interchange import read_file

SUFFIXES = (".yaml", ".yml", ".json")


def example_files() -> list[Path]:
    root = resources.examples_dir()
    return sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def load_examples(store) -> tuple[list, list]:
    """Create every example not already present (same kind and title); idempotent."""
    created, skipped = [], []
    for path in example_files():
        doc = read_file(path)
        existing = store.list(kind=doc.kind, query=doc.title, limit=50).items
        if any(s.title == doc.title for s in existing):
            skipped.append(doc)
            continue
        created.append(store.create(doc.kind, doc.title, doc.content, team=doc.team, status=doc.status,
                                    tags=doc.tags, coach_off=doc.coach_off, note=f"example {path.name}"))
    return created, skipped
