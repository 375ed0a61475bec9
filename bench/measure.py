"""What the benchmarks share: timing, whole processes taking turns, workspaces.

Timings on a shared machine swing with the neighbours' load, so every figure is a
median, and a figure that is a ratio is measured with both sides taking turns (A B
A B ...), so a busy spell weighs on both instead of on one."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` calls (after one warm-up)."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def taking_turns(fns: list[Callable[[], object]], rounds: int) -> list[float]:
    """Median seconds of each function, called in turn `rounds` times (one warm-up round)."""
    for fn in fns:
        fn()
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            samples[i].append(time.perf_counter() - start)
    return [statistics.median(s) for s in samples]


@dataclass
class Pair:
    a: float  # median wall seconds of A
    b: float  # median wall seconds of B
    ratio: float  # median of the run-by-run ratios A/B
    cpu_ratio: float  # the same for user + system seconds


def _run(cmd: list[str], env: dict, cwd: Path | None) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def processes_taking_turns(
    a: list[str], b: list[str], runs: int, *, env: dict | None = None, cwd: Path | None = None
) -> Pair:
    """Whole processes, start-up included: A and B in turn, one warm-up each."""
    full_env = {**os.environ, **(env or {})}
    _run(a, full_env, cwd), _run(b, full_env, cwd)
    walls_a, walls_b, ratios, cpu_ratios = [], [], [], []
    for _ in range(runs):
        wa, ca = _run(a, full_env, cwd)
        wb, cb = _run(b, full_env, cwd)
        walls_a.append(wa)
        walls_b.append(wb)
        ratios.append(wa / wb)
        cpu_ratios.append(ca / cb if cb else float("nan"))
    return Pair(
        statistics.median(walls_a),
        statistics.median(walls_b),
        statistics.median(ratios),
        statistics.median(cpu_ratios),
    )


def fill(store, n: int, batch: int = 1000) -> None:
    """`n` documents made from the examples, each with its own title and number, on
    120 teams; in batches (store.create_many), as mining writes them."""
    from sdmkit.document import Document
    from sdmkit.examples import example_files
    from sdmkit.interchange import read_file

    templates = [read_file(p) for p in example_files()]
    teams = [f"Team {i:03}" for i in range(120)]
    items = []
    for i in range(store.count(), n):
        t = templates[i % len(templates)]
        content = dict(t.content)
        if t.kind == "charter":  # vary what the Library filters and searches on
            content.update(team_name=teams[i % len(teams)], mission=f"{t.content['mission']} (#{i})")
        meta = t.meta.replace(title=f"{t.title} {i:05}", team=teams[i % len(teams)])
        items.append(Document(None, t.kind, meta, content))
        if len(items) == batch:
            store.create_many(items)
            items = []
    if items:
        store.create_many(items)


def postgres_database(admin_url: str, name: str, *, fresh: bool) -> str:
    """The URL of database `name` beside `admin_url`'s, created when missing (or
    dropped and created again when `fresh`)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(admin_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if exists and fresh:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        if not exists or fresh:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(admin_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(admin_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
