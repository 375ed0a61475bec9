"""The principle cues learned from labelled documents (cues.json, beside this module),
and the features of a sentence they are looked up by.

They add to the hand-written behaviours (principle_behaviours.py) when mining proposes a
principle; they never stand in for the evidence of a behaviour. bench/learn_cues.py
relearns cues.json from the labelled sets with `cue_features`."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from sdmkit.stories.behaviours import TOKEN

# Cues learned from the labelled documents of bench/data (stories_eval, stories_holdout,
# stories_holdout2, stories_holdout3: 108 documents; README, issue 12 rounds 4 and 5): for each principle, the
# words and word pairs of the stories of documents a coach tagged with it, weighed by
# their smoothed log-odds against the documents not tagged with it (a cue is in at
# least four tagged documents; weights are capped at 3).
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "our",
        "us",
        "i",
        "my",
        "me",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "you",
        "your",
        "not",
        "no",
        "but",
        "so",
        "if",
        "then",
        "than",
        "which",
        "who",
        "what",
        "when",
        "where",
        "how",
        "all",
        "any",
        "each",
        "every",
        "one",
        "two",
        "three",
        "has",
        "have",
        "had",
        "do",
        "did",
        "does",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "also",
        "into",
        "over",
        "under",
        "after",
        "before",
        "about",
        "up",
        "out",
        "more",
        "most",
        "less",
        "very",
        "just",
        "only",
        "per",
        "via",
    ]
)


@lru_cache(maxsize=50_000)  # a vocabulary: mining stems every word of every story
def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def cue_features(sentence: str) -> set[str]:
    """The words (stemmed, no stop words) and word pairs a learned cue can be."""
    words = [_stem(w) for w in TOKEN.findall(sentence.lower())]
    out = {w for w in words if w not in _STOP and not w.isdigit() and len(w) > 2}
    out.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if not (a in _STOP and b in _STOP))
    return out


def _load_cues() -> dict[str, dict[str, float]]:
    return json.loads((Path(__file__).with_name("cues.json")).read_text(encoding="utf-8"))


LEARNED: dict[str, dict[str, float]] = _load_cues()


def _cue_index() -> dict[str, tuple[tuple[str, float], ...]]:
    index: dict[str, list[tuple[str, float]]] = {}
    for principle, cues in LEARNED.items():
        for feature, weight in cues.items():
            index.setdefault(feature, []).append((principle, weight))
    return {feature: tuple(found) for feature, found in index.items()}


# feature -> the principles it is a cue of, with its weight: a story's features are
# looked up once each, instead of once for each of the 16 principles
CUE_INDEX = _cue_index()


def cue_weights(features: Iterable[str]) -> dict[str, list[float]]:
    """The weight of each learned cue among the features, by principle."""
    found: defaultdict[str, list[float]] = defaultdict(list)
    index = CUE_INDEX
    for feature in features:
        for principle, weight in index.get(feature, ()):
            found[principle].append(weight)
    return found


# the words that begin a learned word-pair cue: a pair whose first word begins none is
# never built (most words of a sentence begin no cue)
_PAIR_HEADS = frozenset(f.split(" ", 1)[0] for f in CUE_INDEX if " " in f)
# word as written -> (its stem, whether the stem alone is a cue, whether it begins a
# cue pair, whether it is a stop word): asked once per word of the vocabulary instead
# of once per word of every sentence mined
_WORDS: dict[str, tuple[str, bool, bool, bool]] = {}


def use(cues: dict[str, dict[str, float]]) -> None:
    """Mine with `cues` instead of the shipped ones, in this process (bench/cv_cues.py
    learns them without the set it scores). The tables are changed in place, since
    the miner's modules hold them by name."""
    global _PAIR_HEADS
    LEARNED.clear()
    LEARNED.update(cues)
    CUE_INDEX.clear()
    CUE_INDEX.update(_cue_index())
    _PAIR_HEADS = frozenset(f.split(" ", 1)[0] for f in CUE_INDEX if " " in f)
    _WORDS.clear()


def cue_sum(features: Iterable[str], cues: dict[str, float]) -> float:
    """The summed weight of one principle's learned cues (LEARNED[principle]) among the
    features."""
    total = 0.0
    for feature in features:
        weight = cues.get(feature)
        if weight is not None:
            total += weight
    return total


def _word(w: str) -> tuple[str, bool, bool, bool]:
    s = _stem(w)
    found = (
        s,
        s in CUE_INDEX and s not in _STOP and not s.isdigit() and len(s) > 2,
        s in _PAIR_HEADS,
        s in _STOP,
    )
    if len(_WORDS) < 50_000:  # a vocabulary, not every string ever seen
        _WORDS[w] = found
    return found


def words_of(sentence: str) -> list[str]:
    """The words of a sentence as the cues and the behaviours read them (lower case)."""
    return TOKEN.findall(sentence.lower())


def cue_hits(sentence: str, words: list[str] | None = None) -> frozenset[str]:
    """The sentence's features that are a learned cue of some principle: the only ones
    mining looks up (a sentence has dozens of features, a few of them cues). The same
    as filtering cue_features, without building the features that are no cue.
    `words`: words_of(sentence), when the caller has it."""
    known = _WORDS.get
    said = [known(w) or _word(w) for w in (words_of(sentence) if words is None else words)]
    hits = {stem for stem, alone, _, _ in said if alone}
    index = CUE_INDEX
    for k in range(len(said) - 1):
        a = said[k]
        if a[2]:  # begins a pair cue
            b = said[k + 1]
            if (pair := f"{a[0]} {b[0]}") in index and not (a[3] and b[3]):
                hits.add(pair)
    return frozenset(hits)
