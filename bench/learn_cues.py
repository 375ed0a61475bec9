"""Relearn the story bank's principle cues, sdmkit/stories/cues.json.

The cues are learned from the five labelled dev sets, bench/data/stories_eval,
bench/data/stories_holdout, bench/data/stories_holdout2, bench/data/stories_holdout3
and bench/data/stories_holdout4 (140 documents; each set's labels.yaml tags its
documents with Leadership Principles). Each holdout was the blind test set of one
round and joined the dev sets in the next, when a new one was written: stories_holdout4
in round 6, when bench/data/stories_holdout5 was written. That one is the test set and
is never read: only the sets named in SETS are opened.

Each set is mined into a fresh workspace, as bench/stories_eval.py mines it. A
document's features are the cue features (cues.cue_features: stemmed words
without stop words, and word pairs) of every sentence of its mined stories' situation,
task, action and result, 'Your part: ...?' prompts left out, counted once a document.
For each principle, a feature found in at least MIN_DOCUMENTS documents tagged with it
weighs the natural log of how much likelier it is there than in the documents not
tagged with it, each rate smoothed by add-one ((n + 1) / (documents + 2)); the weight
is capped at CAP, rounded to DECIMALS places, and kept when above 0; a feature holding a
month, a weekday (CALENDAR) or a bare number is never a cue (_general). Every principle is
a key, with no cues when none qualifies. The story text mining writes does not depend
on the cues (mining uses them only to propose principles), so relearning from the cues
of the day gives the same file.

    python bench/learn_cues.py           # write sdmkit/stories/cues.json
    python bench/learn_cues.py --check   # exit 1 and print the difference if it would change
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data"
# The dev sets the cues learn from; stories_holdout5, the test set, is not one of them.
SETS = ("stories_eval", "stories_holdout", "stories_holdout2", "stories_holdout3", "stories_holdout4")
CUES = ROOT / "sdmkit" / "stories" / "cues.json"
SMOOTHING = 1.0  # added to each count (and twice to each number of documents)
MIN_DOCUMENTS = 4  # tagged documents a cue must be found in
CAP = 3.0
DECIMALS = 2
# A date says when, never what the candidate did: a month or a weekday that happens to
# be in more documents tagged with a principle ('wednesday' for Earth's Best Employer,
# 'february 2026' for Success and Scale) is an accident of the labelled sets.
CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def _general(feature: str) -> bool:
    """Whether a feature can say what a candidate did in any document: not a date, and
    no bare number ('to 12', '212 000', '08 00' are one set's figures; '24x7' stays)."""
    words = feature.split()
    return CALENDAR.isdisjoint(words) and all(any(c.isalpha() for c in w) for w in words)


@contextmanager
def scratch_workspace(prefix: str) -> Iterator[Path]:
    """A temporary folder for the learners' stores, with SDMKIT_DATA_DIR pointing into
    it while it lasts: never the user's workspace."""
    saved = os.environ.get("SDMKIT_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        os.environ["SDMKIT_DATA_DIR"] = str(Path(tmp) / "data")
        try:
            yield Path(tmp)
        finally:
            if saved is None:
                os.environ.pop("SDMKIT_DATA_DIR", None)
            else:
                os.environ["SDMKIT_DATA_DIR"] = saved


def document_features(sets: tuple[str, ...] = SETS) -> list[tuple[set[str], set[str]]]:
    """(principles tagged, cue features of its mined stories) for each document of the sets."""
    import yaml

    from sdmkit.interchange import read_file
    from sdmkit.interview import PRINCIPLES
    from sdmkit.store import open_store
    from sdmkit.stories.cues import cue_features
    from sdmkit.stories.grounding import is_question, sentences
    from sdmkit.stories.mine import mine_all

    out: list[tuple[set[str], set[str]]] = []
    with scratch_workspace("sdmkit-cues-") as tmp:
        for n, name in enumerate(sets):
            folder = DATA / name
            labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
            store = open_store(f"sqlite:///{Path(tmp) / f'{n}.db'}")
            try:
                ids: dict[str, int] = {}
                for file in labels:
                    d = read_file(folder / file)
                    ids[file] = store.create(d.kind, d.content, meta=d.meta).id
                mine_all(store)
                by_doc: dict[int, set[str]] = {}
                for story in store.iter_documents(kind="story"):
                    origin = story.content.get("origin")
                    if not origin:
                        continue
                    features = by_doc.setdefault(int(origin.split(":")[0]), set())
                    for part in ("situation", "task", "action", "result"):
                        for s in sentences(story.content.get(part) or ""):
                            if not is_question(s):  # a prompt or the document's own question
                                features |= cue_features(s)
            finally:
                store.engine.dispose()
            for file, lab in labels.items():
                tagged = set(lab.get("principles") or [])
                unknown = sorted(tagged - set(PRINCIPLES))
                if unknown:  # a misspelt principle would quietly lose its cues
                    raise SystemExit(f"{name}/{file}: not Leadership Principles: {unknown}")
                out.append((tagged, by_doc.get(ids[file], set())))
    return out


def learn(docs: list[tuple[set[str], set[str]]]) -> dict[str, dict[str, float]]:
    """Each principle's cues: feature -> smoothed log-odds weight (see the docstring)."""
    from sdmkit.interview import PRINCIPLES

    out: dict[str, dict[str, float]] = {}
    for principle in PRINCIPLES:
        inside = Counter(f for tags, fs in docs if principle in tags for f in fs)
        outside = Counter(f for tags, fs in docs if principle not in tags for f in fs)
        n_in = sum(principle in tags for tags, _ in docs)
        n_out = len(docs) - n_in
        cues: dict[str, float] = {}
        for feature, k in inside.items():
            if k < MIN_DOCUMENTS or not _general(feature):
                continue
            w = math.log((k + SMOOTHING) / (n_in + 2 * SMOOTHING)) - math.log(
                (outside[feature] + SMOOTHING) / (n_out + 2 * SMOOTHING)
            )
            w = round(min(CAP, w), DECIMALS)
            if w > 0:
                cues[feature] = w
        out[principle] = cues
    return out


def render(cues: dict[str, dict[str, float]]) -> str:
    """cues.json as shipped: one entry a line, keys sorted, no final newline."""
    return json.dumps(cues, indent=0, sort_keys=True, ensure_ascii=False)


def difference(new: dict[str, dict[str, float]], old: dict[str, dict[str, float]]) -> list[str]:
    lines = []
    for principle in sorted(set(new) | set(old)):
        a, b = new.get(principle, {}), old.get(principle, {})
        if principle not in old or principle not in new:
            lines.append(f"{principle}: {'new' if principle not in old else 'gone'}")
        for f in sorted(set(a) | set(b)):
            if a.get(f) != b.get(f):
                lines.append(f"{principle}: {f!r} {b.get(f)} -> {a.get(f)}")
    return lines


def check(path: Path = CUES) -> tuple[bool, list[str]]:
    """Whether relearning gives the file at `path` byte for byte, and what differs."""
    text = render(learn(document_features()))
    shipped = path.read_text(encoding="utf-8")
    if text == shipped:
        return True, []
    lines = difference(json.loads(text), json.loads(shipped))
    return False, lines or ["same cues, different formatting"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped cues.json instead of writing it"
    )
    args = parser.parse_args()
    if args.check:
        same, lines = check()
        if same:
            print(f"{CUES.relative_to(ROOT)}: relearned cues are the same")
            return 0
        print(f"{CUES.relative_to(ROOT)}: relearned cues differ (shipped -> relearned):")
        print("\n".join(lines))
        return 1
    cues = learn(document_features())
    CUES.write_text(render(cues), encoding="utf-8")
    print(f"wrote {CUES.relative_to(ROOT)}: {sum(map(len, cues.values()))} cues for {len(cues)} principles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
