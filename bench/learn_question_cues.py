"""Relearn the story bank's answer cues, sdmkit/stories/question_cues.json.

For each loop question a coach labelled documents with (labels.yaml of the dev sets
that bench/learn_cues.py learns from, SETS), the words the documents labelled as its
answers hold far more often than the other documents: the words of the episode the
question asks for, which the question itself does not say ('promotion' and 'mentor'
for a question on growing someone into a bigger role). The ranking
(sdmkit.stories.match) adds them for a question of the bank.

A document's features are the terms the ranking reads it by (match.terms of
match.document_text, as stored: single words, stemmed), counted once a document; a
date, a term with a digit or a name (a word the document writes only with a capital)
is never a cue. For each question, a term
found in at least MIN_DOCUMENTS of its answers, from at least MIN_SETS of the
labelled sets (so one author's names and products are no cue), weighs the natural
log of how much likelier it is there than in the other documents, each rate smoothed
by add-one; the weight is capped at CAP and rounded to DECIMALS places, and the TOP
heaviest (then by name) are kept. A question with fewer than MIN_DOCUMENTS answers
gets none. No mining is needed: the cues are of the source documents.

    python bench/learn_question_cues.py           # write sdmkit/stories/question_cues.json
    python bench/learn_question_cues.py --check   # exit 1 and print the difference if it would change
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from learn_cues import DATA, SETS, _general, scratch_workspace  # noqa: E402  (the same dev sets, the same rule)

CUES = ROOT / "sdmkit" / "stories" / "question_cues.json"
MIN_DOCUMENTS, MIN_SETS, CAP, TOP, DECIMALS = 2, 2, 3.0, 50, 2

# (the set it is of, its terms, the questions it answers) for each labelled document
Row = tuple[str, set[str], set[str]]


def document_rows(sets: tuple[str, ...] = SETS) -> list[Row]:
    import yaml

    from sdmkit.interchange import read_file
    from sdmkit.store import open_store
    from sdmkit.stories.match import document_text
    from sdmkit.stories.questions import terms

    out: list[Row] = []
    with scratch_workspace("sdmkit-answer-cues-") as tmp:
        for n, name in enumerate(sets):
            folder = DATA / name
            labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
            # Stored, as the ranking reads them: the store fills in each kind's defaults.
            store = open_store(f"sqlite:///{tmp / f'{n}.db'}")
            try:
                for file, lab in labels.items():
                    d = read_file(folder / file)
                    doc = store.create(d.kind, d.content, meta=d.meta)
                    text = document_text(doc)
                    words = {t for t in terms(text) if "_" not in t and t.isalpha()}
                    out.append((name, words - _names(text), set(lab.get("questions") or [])))
            finally:
                store.engine.dispose()
    return out


def _names(text: str) -> set[str]:
    """The terms a document writes with a capital only (people, places, products: 'Priyanka',
    'Manchester'), which say who and where, not what a candidate did."""
    from sdmkit.stories.questions import _stem

    written: defaultdict[str, set[bool]] = defaultdict(set)
    end = 0
    for m in re.finditer(r"[A-Za-z]+", text):
        gap, end = text[end : m.start()], m.end()
        if m.start() == 0 or re.search(r"[.!?:;\n\"'(\-]", gap):
            continue  # the first word of a sentence is written with a capital whatever it is
        written[_stem(m.group().lower())].add(m.group()[0].isupper())
    return {t for t, cases in written.items() if cases == {True}}


def learn(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Each question's answer cues: term -> smoothed log-odds weight (see the docstring)."""
    everywhere = Counter(t for _, words, _ in rows for t in words)
    answers: defaultdict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for name, words, questions in rows:
        for q in questions:
            answers[q].append((name, words))
    out: dict[str, dict[str, float]] = {}
    for q, docs in sorted(answers.items()):
        if len(docs) < MIN_DOCUMENTS:
            continue
        inside = Counter(t for _, words in docs for t in words)
        sets: defaultdict[str, set[str]] = defaultdict(set)
        for name, words in docs:
            for t in words:
                sets[t].add(name)
        n_in, n_out = len(docs), len(rows) - len(docs)
        cues: dict[str, float] = {}
        for t, k in inside.items():
            if k < MIN_DOCUMENTS or len(sets[t]) < MIN_SETS or not _general(t):
                continue
            w = math.log((k + 1) / (n_in + 2)) - math.log((everywhere[t] - k + 1) / (n_out + 2))
            w = round(min(CAP, w), DECIMALS)
            if w > 0:
                cues[t] = w
        kept = sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        if kept:
            out[q] = dict(sorted(kept))
    return out


def render(cues: dict[str, dict[str, float]]) -> str:
    """question_cues.json as shipped: keys sorted, one cue a line."""
    return json.dumps(cues, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def check(path: Path = CUES) -> tuple[bool, list[str]]:
    """Whether relearning gives the file at `path` byte for byte, and what differs."""
    new = learn(document_rows())
    shipped = path.read_text(encoding="utf-8")
    if render(new) == shipped:
        return True, []
    old = json.loads(shipped)
    lines = []
    for q in sorted(set(new) | set(old)):
        a, b = new.get(q, {}), old.get(q, {})
        lines += [
            f"{q}: {t!r} {b.get(t)} -> {a.get(t)}" for t in sorted(set(a) | set(b)) if a.get(t) != b.get(t)
        ]
    return False, lines or ["same cues, different formatting"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped file instead of writing it"
    )
    args = parser.parse_args()
    name = CUES.relative_to(ROOT)
    if args.check:
        same, lines = check()
        print(f"{name}: relearned answer cues are the same" if same else f"{name}: relearned cues differ:")
        print("\n".join(lines))
        return 0 if same else 1
    cues = learn(document_rows())
    CUES.write_text(render(cues), encoding="utf-8")
    print(f"wrote {name}: {sum(map(len, cues.values()))} cues for {len(cues)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
