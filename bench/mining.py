"""Mining benchmark: throughput at 1,000 documents, and re-mining when nothing changed.

Targets: 1,000 or more documents a second; re-mining unchanged documents at least
10x faster than the first mining.

    python bench/mining.py [--documents 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sdmkit-mine-"))
    os.environ["SDMKIT_DATA_DIR"] = str(tmp / "data")
    from sdmkit.examples import example_files
    from sdmkit.interchange import read_file
    from sdmkit.store import open_store
    from sdmkit.stories.mine import mine_all

    store = open_store(f"sqlite:///{tmp / 'mine.db'}")
    templates = [d for d in (read_file(p) for p in example_files()) if d.kind not in ("story", "metric_review")]
    for i in range(args.documents):
        t = templates[i % len(templates)]
        store.create(t.kind, f"{t.title} {i:05}", t.content, team=t.team, status=t.status)
    start = time.perf_counter()
    first = mine_all(store)
    mining = time.perf_counter() - start
    start = time.perf_counter()
    again = mine_all(store)
    remining = time.perf_counter() - start
    rate = first.documents / mining
    print(f"mining {first.documents} documents: {mining:.2f} s ({rate:.0f} documents/s, "
          f"{len(first.created)} stories created)")
    print(f"re-mining, nothing changed: {remining:.3f} s ({first.documents / remining:.0f} documents/s, "
          f"{again.skipped} unchanged); {mining / remining:.1f}x faster")
    ok = rate >= 1000 and mining / remining >= 10
    print(f"targets (>= 1000 documents/s, re-mining >= 10x faster): {'OK' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
