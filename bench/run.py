"""sdmkit benchmark: a workspace of 10,000 documents.

Prints the time of list and search, Markdown and PDF export per document, and the
Library page's script run time (Streamlit AppTest) at 10 and at 10,000 documents
with their ratio. The target: the Library at 10,000 within 1.5x of its time at 10.

    python bench/run.py [--documents 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIBRARY_TARGET = 1.5


def timed(fn, repeat: int) -> float:
    """Median seconds of `repeat` calls (after one warm-up)."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def fill(store, n: int, start: int = 0) -> None:
    from sdmkit.examples import example_files
    from sdmkit.interchange import read_file

    templates = [read_file(p) for p in example_files()]
    teams = [f"Team {i:03}" for i in range(120)]
    for i in range(start, n):
        t = templates[i % len(templates)]
        content = dict(t.content)
        if t.kind == "charter":  # vary what the Library filters and searches on
            content.update(team_name=teams[i % len(teams)], mission=f"{t.content['mission']} (#{i})")
        store.create(t.kind, content, t.meta.replace(title=f"{t.title} {i:05}", team=teams[i % len(teams)]))


def library_run_times(urls: list[str], rounds: int = 31) -> list[float]:
    """Median script-run time of the Library page for each workspace. The runs take
    turns (one on each workspace per round), so a slow spell of the machine lands
    on both sides of the ratio instead of on one."""
    from streamlit.testing.v1 import AppTest

    apps = []
    for url in urls:
        os.environ["SDMKIT_DATABASE_URL"] = url
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.run()
        at.switch_page("pages/library.py")
        at.run()
        assert not at.exception, at.exception
        apps.append(at)
    samples: list[list[float]] = [[] for _ in urls]
    for _ in range(rounds):
        for i, (url, at) in enumerate(zip(urls, apps, strict=True)):
            os.environ["SDMKIT_DATABASE_URL"] = url
            begin = time.perf_counter()
            at.run()
            samples[i].append(time.perf_counter() - begin)
            assert not at.exception
    return [statistics.median(s) for s in samples]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()

    from sdmkit.export import render
    from sdmkit.store import open_store

    tmp = Path(tempfile.mkdtemp(prefix="sdmkit-bench-"))
    os.environ["SDMKIT_DATA_DIR"] = str(tmp / "data")
    small_url, big_url = f"sqlite:///{tmp / 'small.db'}", f"sqlite:///{tmp / 'big.db'}"
    small, big = open_store(small_url), open_store(big_url)
    fill(small, 10)
    start = time.perf_counter()
    fill(big, args.documents)
    created = time.perf_counter() - start
    print(
        f"workspace: {args.documents} documents created in {created:.1f} s "
        f"({created / args.documents * 1000:.2f} ms each)"
    )

    rows = []
    rows.append(("list, first page of 25", timed(lambda: big.list(limit=25), 20)))
    rows.append(("list, page 200 of 400", timed(lambda: big.list(offset=199 * 25, limit=25), 20)))
    rows.append(("list, filtered by team", timed(lambda: big.list(team="Team 007", limit=25), 20)))
    rows.append(("search, one word", timed(lambda: big.list(query="ledger", limit=25), 10)))
    rows.append(("search, three words", timed(lambda: big.list(query="ledger payments 00042", limit=25), 10)))
    doc = big.get(1)
    rows.append(("Markdown export, per document", timed(lambda: render(doc, "md"), 30)))
    rows.append(("HTML export, per document", timed(lambda: render(doc, "html"), 10)))
    rows.append(("PDF export, per document", timed(lambda: render(doc, "pdf"), 5)))
    for name, seconds in rows:
        print(f"{name:<34} {seconds * 1000:9.1f} ms")

    at_small, at_big = library_run_times([small_url, big_url])
    ratio = at_big / at_small
    print(f"{'Library page run, 10 documents':<34} {at_small * 1000:9.1f} ms")
    print(f"{'Library page run, ' + str(args.documents) + ' documents':<34} {at_big * 1000:9.1f} ms")
    verdict = "OK" if ratio <= LIBRARY_TARGET else "OVER TARGET"
    print(f"Library ratio {args.documents} / 10: {ratio:.2f}x (target <= {LIBRARY_TARGET}x) {verdict}")
    return 0 if ratio <= LIBRARY_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
