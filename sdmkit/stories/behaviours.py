"""Which Leadership Principles a sentence shows, by the behaviours of
principle_behaviours.py found in it, and how strongly a story's sentences show each.

A principle is proposed for a story only with the sentence that shows it, and ranked
by how strongly its sentences show it. Phrases are looked up, not searched for with
a regular expression: mining reads every sentence it picks, so this stays cheap."""

from __future__ import annotations

import re

from sdmkit.stories.principle_behaviours import BEHAVIOURS, NOT_SHOWN

_NOT_RULES = {
    p: tuple(tuple(x.strip() for x in ph.split("+")) for ph in rows) for p, rows in NOT_SHOWN.items()
}

TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# A sentence in the first person: the word I, my or me (I'm, I've and I'd start with
# the word I). Read plainly \b(I|my|me)\b; written so that the engine looks for an I
# or an m first and looks behind it only there, 2.5 times quicker on mined sentences.
FIRST_PERSON = re.compile(r"I(?<!\wI)\b|m[ye](?<!\wm[ye])\b")

# phrase -> [(principle, weight, the other phrases the rule needs)]
_INDEX: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
for _principle, _rows in BEHAVIOURS.items():
    for _weight, _phrases in _rows:
        for _phrase in _phrases:
            _first, *_rest = (p.strip() for p in _phrase.split("+"))
            _INDEX.setdefault(_first, []).append((_principle, _weight, tuple(_rest)))
_ALL = set(_INDEX) | {r for rows in _INDEX.values() for _, _, rest in rows for r in rest}
_ALL |= {part for rules in _NOT_RULES.values() for rule in rules for part in rule}
_STARS = {p[:-1] for p in _ALL if p.endswith("*")}
_STAR_BY_HEAD: dict[str, list[str]] = {}
for _star in _STARS:
    _STAR_BY_HEAD.setdefault(_star[:3], []).append(_star)
_SINGLE = frozenset(p for p in _ALL if " " not in p)
# first word of a phrase of several words -> the most words such a phrase has
_MULTI: dict[str, int] = {}
for _phrase in _ALL:
    _head, *_tail = _phrase.split()
    if _tail:
        _MULTI[_head] = max(_MULTI.get(_head, 2), 1 + len(_tail))


# every run of first words of a phrase of several words ('i decided', 'i decided to'):
# a run that starts no phrase ends the look-up early
_PREFIXES = frozenset(" ".join(p.split()[:k]) for p in _ALL for k in range(2, len(p.split()) + 1))
# word -> the starred phrases ('simpl*') it stands for, worked out once per word
_STARRED: dict[str, tuple[str, ...]] = {}


def _grams(sentence: str, words: list[str] | None = None) -> set[str]:
    """The phrases of the data that the sentence holds. `words`: the sentence's words
    in lower case (TOKEN), when the caller has them."""
    if words is None:
        words = TOKEN.findall(sentence.lower())
    out = set(_SINGLE.intersection(words))
    multi, starred, prefixes = _MULTI, _STARRED, _PREFIXES
    last = len(words)
    for i, w in enumerate(words):
        n = multi.get(w)
        if n:
            gram = w
            for k in range(i + 1, min(i + n, last)):
                gram += " " + words[k]
                if gram not in prefixes:
                    break
                out.add(gram)
        stars = starred.get(w)
        if stars is None:
            stars = tuple(star + "*" for star in _STAR_BY_HEAD.get(w[:3], ()) if w.startswith(star))
            if len(starred) < 50_000:  # a vocabulary, not every string ever seen
                starred[w] = stars
        if stars:
            out.update(stars)
    return out


def sentence_strengths(sentence: str, words: list[str] | None = None) -> dict[str, int]:
    """The principles one sentence shows, each with its strongest behaviour's weight."""
    grams = _grams(sentence, words)
    out: dict[str, int] = {}
    for gram in grams & _INDEX.keys():
        for principle, weight, rest in _INDEX[gram]:
            if weight > out.get(principle, 0) and all(r in grams for r in rest):
                out[principle] = weight
    for principle in _NOT_RULES.keys() & out.keys():
        if any(all(part in grams for part in rule) for rule in _NOT_RULES[principle]):
            del out[principle]
    return out


# A sentence whose subject is someone else ('The bar raiser asked for ...', 'She also
# asked why ...'): true, and worth telling, but not evidence of the candidate's part.
SOMEONE_ELSE = re.compile(r"(The (bar raiser|reviewers?|director|VP|customers?|partner team)|She|He|They)\b")


def strengths(
    sentences: list[str], memo: dict | None = None, words: dict[str, list[str]] | None = None
) -> dict[str, tuple[int, str, float, bool]]:
    """Each principle the sentences show: (strength, the sentence that shows it best,
    that sentence's own weight, a half more when it is the candidate's own 'I',
    whether any sentence shows a behaviour itself rather than only hints at it).
    A sentence adds its strongest behaviour of a principle once. `memo` keeps each
    sentence's result for the stories of one document, which share sentences; `words`
    the words of those sentences the caller has already split."""
    out: dict[str, tuple[int, str, float, bool]] = {}
    memo = {} if memo is None else memo
    split = words or {}
    for s in sentences:
        if s not in memo:
            memo[s] = sentence_strengths(s, split.get(s))
        # The evidence shown is the candidate's own sentence where there is one: what
        # they say they did, before what the team or a reviewer did.
        if SOMEONE_ELSE.match(s):
            continue  # what a reviewer or a director did shows their principles, not the candidate's
        own = 0.5 if FIRST_PERSON.search(s) else 0
        for principle, w in memo[s].items():
            score, best, best_w, shown = out.get(principle, (0, "", 0, False))
            if w + own > best_w:
                best, best_w = s, w + own
            out[principle] = (score + w, best, best_w, shown or w >= 2)
    return out
