"""Which stories answer a question, and what the bank covers.

A story's score for a question combines two things an interview coach weighs:
- the words they share, ranked by BM25 (the `bm25s` library, Lucene's formula) over
  every story (its question, STAR text, title and tags) and, when a lookup is given,
  its source documents; divided by the best story's score (or a floor, when even the
  best shares little with the question);
- the principles the question tests that the story shows, by the strength of the
  sentences that show them: fully for the principle a question is written for (or
  names in its words), half for those its round of the loop tests in general;
- for a question of the bank, the words that the documents a coach labelled as its
  answers hold far more often than others (question_cues.json, beside this module,
  learned by bench/learn_question_cues.py): 'promotion' and 'mentor' for a question
  on growing someone, words the question itself never says.
Ties are broken by the story's total strength, then by title: never by id. The
best story of each source document comes before a second story of the same one.
System-design and technical questions are marked as such and answered by practising
a design, not by a story. Reasons are given in words."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sdmkit.interview import PRINCIPLES, ROUNDS, all_questions, is_technical
from sdmkit.stories.questions import brought_by, principle_weights, query_terms, said_as, terms
from sdmkit.stories.sources import source_documents

READY = 0.45  # a score from which a story counts as an answer in the coverage matrix
LISTED = 0.3  # below this a story is not offered for the question at all
PRINCIPLE_WEIGHT = 0.6
SOURCE_WEIGHT = 0.6  # a word of a story's source documents against one of the story's own
# the learned words of a question's answers, for the story holding most of them
ANSWER_WEIGHT = 1.0
K1, B = 1.2, 0.75
# BM25 scores are divided by the best story's, but never by less than this: when the
# best story shares one common word with the question, it is still a weak answer.
# (Lucene's BM25 leaves out the (k1 + 1) factor of the textbook formula: 8 there.)
BM25_FLOOR = 8.0 / (K1 + 1)


@dataclass(frozen=True)
class Match:
    story_id: int
    title: str
    score: float
    reason: str
    # the principles the question tests that the story shows, and whether the story
    # was written for this very question: what coverage needs to call it an answer
    shows: tuple[str, ...] = ()
    written_for: bool = False


def _story_text(s) -> str:
    c = s.content
    parts = [s.title, " ".join(s.tags or []), c.get("question") or ""]
    parts += [c.get(k) or "" for k in ("situation", "task", "action", "result")]
    parts += [p.get("evidence") or "" for p in c.get("principles") or []]
    return "\n".join(parts)


def document_text(d) -> str:
    """A source document's words as the ranking reads them (and as the answer cues
    were learned from them): its title, tags and every text of its content."""
    return d.title + " " + " ".join(d.tags or []) + " " + _flat(d.content)


def _source_text(s, lookup: Callable, cache: dict) -> str:
    parts = []
    for d in source_documents(lookup, s):
        if d.id not in cache:
            cache[d.id] = document_text(d)
        parts.append(cache[d.id])
    return "\n".join(parts)


def question_key(question: str) -> str:
    """A question as the answer cues are filed by: its words, in lower case ('Tell me
    about a time you failed.' and 'tell me about a time you failed' are one)."""
    return " ".join(re.findall(r"[a-z0-9]+", question.lower()))


def _load_answer_cues() -> dict[str, dict[str, float]]:
    raw = json.loads(Path(__file__).with_name("question_cues.json").read_text(encoding="utf-8"))
    return {question_key(q): cues for q, cues in raw.items()}


# question (question_key) -> term -> weight; bench/cv_cues.py puts its own in place
ANSWER_CUES: dict[str, dict[str, float]] = _load_answer_cues()


def _flat(value) -> str:
    if isinstance(value, dict):
        return " ".join(_flat(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_flat(v) for v in value)
    return value if isinstance(value, str) else ""


class Index:
    """BM25 over a bank of stories, built once and asked many questions."""

    def __init__(self, stories: list, lookup: Callable | None = None) -> None:
        import bm25s  # numpy-backed: loaded when a bank is ranked, not when sdmkit starts

        self.stories = stories
        own = [terms(_story_text(s)) for s in stories]
        self.own = self._index(bm25s, own)
        # The source documents are a second field, weighed less: every story of one
        # document shares its text, and what a story says is what it answers.
        cache: dict = {}
        src = [terms(_source_text(s, lookup, cache)) for s in stories] if lookup is not None else []
        self.src = self._index(bm25s, src) if any(src) else None
        # for the reasons given in words
        self.docs = [Counter(o + x) for o, x in zip(own, src or [[]] * len(own), strict=True)]
        # in how many stories each term is: a related word most of the bank holds
        # ('every', 'weeks' for 'recurring') ranks a little but explains no match
        self.spread = Counter(t for doc in self.docs for t in doc)

    def answer_shares(self, question: str) -> list[float]:
        """Each story's share of the question's learned answer cues: their summed
        weight among its words (and its sources'), the best story's being 1."""
        cues = ANSWER_CUES.get(question_key(question)) or {}
        sums = [sum(w for t, w in cues.items() if t in doc) for doc in self.docs]
        top = max(sums, default=0.0)
        return [x / top if top else 0.0 for x in sums]

    @staticmethod
    def _index(bm25s, tokens: list[list[str]]):
        index = bm25s.BM25(k1=K1, b=B, method="lucene")
        if tokens:
            index.index(tokens, show_progress=False)
        return index

    def _scores(self, index, query: list[str]) -> list[float]:
        known = [t for t in query if t in index.vocab_dict]
        if not known:
            return [0.0] * len(self.stories)
        return [float(x) for x in index.get_scores(known)]

    def scores(self, query: list[str]) -> list[float]:
        """Each story's BM25 score for the query terms (0 for a story sharing none):
        its own text's, plus SOURCE_WEIGHT times its source documents'."""
        own = self._scores(self.own, query)
        if self.src is None:
            return own
        return [a + SOURCE_WEIGHT * b for a, b in zip(own, self._scores(self.src, query), strict=True)]

    def rank(self, question: str) -> list[Match]:
        if is_technical(question) or not self.stories:
            return []
        query = query_terms(question)
        said = said_as(question)
        by = brought_by(question)
        wanted = principle_weights(question)
        raw = self.scores(query)
        top = max(max(raw), BM25_FLOOR)
        learned = self.answer_shares(question)
        out: list[tuple[float, float, str, Any, Match]] = []
        for i, s in enumerate(self.stories):
            c = s.content
            shown = {p.get("principle"): int(p.get("strength") or 2) for p in c.get("principles") or []}
            both = sorted(wanted.keys() & set(shown))
            principle = sum(wanted[p] * min(shown[p], 4) / 4 for p in both)
            # Strength 1: mining's suggestion from the words alone, not yet checked. It
            # ranks a little, but the reason says so and coverage does not count it.
            confirmed = [p for p in both if shown[p] != 1]
            suggested = [p for p in both if shown[p] == 1]
            same = (c.get("question") or "").strip().lower() == question.strip().lower()
            share = learned[i]
            if same and not c.get("origin"):
                # The user's own story for this question: a person saying which story
                # answers it, which is what the answer cues were learned from.
                share = 1.0
            score = (
                raw[i] / top + PRINCIPLE_WEIGHT * principle + ANSWER_WEIGHT * share + (0.1 if same else 0.0)
            )
            if score < LISTED:
                continue
            reasons = []
            if same:
                reasons.append("written for this question")
            if confirmed:
                reasons.append("shows " + ", ".join(confirmed))
            if suggested:
                reasons.append("may show " + ", ".join(suggested) + " (suggested by its words: check it)")
            common = [(t, *said[t]) for t in sorted(set(query) & set(self.docs[i])) if t in said]
            if asked := [w for _, w, own in common if own]:
                reasons.append(
                    ("shares the word " if len(asked) == 1 else "shares the words ") + _listed(asked)
                )
            related = [(t, w) for t, w, own in common if not own and 2 * self.spread[t] <= len(self.docs)]
            if related:
                reasons.append(_related(related, by))
            if share >= 0.5 and not same:
                # The words are not named: learned from a few dozen answers, the
                # lighter ones ('search', 'faster') rank a little but explain nothing.
                reasons.append(
                    "uses words typical of good answers to this question (learned from labelled examples)"
                )
            if not reasons:
                reasons.append("a weak match: only words most of your stories share")
            strength = sum(shown.values())
            origin = str(c.get("origin") or s.id).split(":")[0]
            out.append(
                (
                    score,
                    strength,
                    s.title,
                    origin,
                    Match(s.id, s.title, round(score, 2), "; ".join(reasons), tuple(confirmed), same),
                )
            )
        out.sort(key=lambda t: (-t[0], -t[1], t[2]))
        # The best story of each source document first, then the others in order: the
        # stories of one document share its text, and a second story of the same
        # episode is no alternative to a story of another one.
        first: list[tuple[float, float, str, Any, Match]] = []
        rest: list[tuple[float, float, str, Any, Match]] = []
        seen: set[Any] = set()
        for t in out:
            doc = t[3]
            (rest if doc in seen else first).append(t)
            seen.add(doc)
        # Said in the reason, since it puts a higher score below a lower one.
        second = [
            (
                *t[:4],
                replace(
                    t[4], reason="; ".join(x for x in (t[4].reason, "another story of a document above") if x)
                ),
            )
            for t in rest
        ]
        return [m for *_, m in first + second]


def _listed(words: list[str]) -> str:
    return ", ".join(words[:5])


def _related(found: list[tuple[str, str]], by: dict[str, str]) -> str:
    """'words related to recurring (again, third) and outage (down, failed)': each
    related word under the word of the question it stands in for."""
    groups: dict[str, list[str]] = {}
    for term, word in found:
        groups.setdefault(by.get(term, ""), []).append(word)
    said = [f"{cue} ({_listed(words)})" if cue else _listed(words) for cue, words in groups.items()]
    many = len(found) > 1
    return ("words related to " if many else "a word related to ") + " and ".join(said)


def match(question: str, stories: list, lookup: Callable | None = None) -> list[Match]:
    return Index(stories, lookup).rank(question)


def tested(question: str) -> set[str]:
    """The principles the question itself tests; its round's when it names none."""
    wanted = principle_weights(question)
    return {p for p, w in wanted.items() if w >= 1.0} or set(wanted)


def answers(m: Match, tests: set[str]) -> bool:
    """Whether coverage may call the story an answer to a question testing `tests`: it
    was written for the question, or it shows one of them. Shared words alone are not
    enough: 'promoted' in a failover story is no answer to a question on career
    growth, though Match still lists it, with why."""
    return m.written_for or not tests or bool(tests & set(m.shows))


def _principles(story, *, confirmed: bool) -> set[str]:
    """A story's principles shown by a behaviour or set by the user (confirmed), or
    those mining only suggested from the words (strength 1)."""
    return {
        p["principle"]
        for p in story.content.get("principles") or []
        if p.get("principle") and (p.get("strength") != 1) == confirmed
    }


def coverage(stories: list, lookup: Callable | None = None) -> dict:
    """Principles by stories (covered or a gap) and every loop question with its best
    story, none, or a mark that it is a system-design question."""
    index = Index(stories, lookup)
    by_principle = {p: [s.id for s in stories if p in _principles(s, confirmed=True)] for p in PRINCIPLES}
    # Principles only mining's suggestions (strength 1) point to: not covered until checked.
    to_check = {
        p: [s.id for s in stories if p in _principles(s, confirmed=False)]
        for p, ids in by_principle.items()
        if not ids
    }
    rounds: list[dict[str, Any]] = []
    for r in ROUNDS:
        rows: list[dict[str, Any]] = []
        for q in r.questions:
            tests = tested(q)
            ready = [m for m in index.rank(q) if m.score >= READY and answers(m, tests)]
            rows.append(
                {
                    "question": q,
                    "technical": is_technical(q),
                    "stories": [
                        {"id": m.story_id, "title": m.title, "score": m.score, "reason": m.reason}
                        for m in ready[:3]
                    ],
                }
            )
        rounds.append({"round": f"{r.number}. {r.name}", "questions": rows})
    return {
        "principles": {p: ids for p, ids in by_principle.items()},
        "principle_gaps": [p for p, ids in by_principle.items() if not ids],
        "principles_to_check": {p: ids for p, ids in to_check.items() if ids},
        "rounds": rounds,
        "question_gaps": [
            q["question"] for r in rounds for q in r["questions"] if not q["stories"] and not q["technical"]
        ],
        "technical_questions": [q["question"] for r in rounds for q in r["questions"] if q["technical"]],
        "questions_in_bank": len(all_questions()),
    }
