"""Which stories answer a question, and what the bank covers.

A story's score for a question: the principles the question tests that the story
shows (3 points each), plus the words they share (1 point each, common words left
out), plus 2 when the story names that very question. Reasons are given in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sdmkit.interview import PRINCIPLES, ROUNDS, all_questions

READY = 4  # a score from which a story counts as an answer in the coverage matrix
_STOP = {
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "did",
    "do",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "how",
    "i",
    "in",
    "is",
    "it",
    "me",
    "my",
    "of",
    "on",
    "or",
    "our",
    "so",
    "tell",
    "that",
    "the",
    "their",
    "them",
    "there",
    "they",
    "this",
    "time",
    "to",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "about",
    "describe",
    "situation",
}
# Words that point at a principle even when the question does not name it.
_CUES = {
    "fail": ("Earn Trust", "Learn and Be Curious", "Ownership"),
    "mistake": ("Earn Trust",),
    "conflict": ("Have Backbone; Disagree and Commit", "Earn Trust"),
    "disagree": ("Have Backbone; Disagree and Commit",),
    "customer": ("Customer Obsession",),
    "underperform": ("Hire and Develop the Best",),
    "hire": ("Hire and Develop the Best",),
    "grow": ("Hire and Develop the Best",),
    "career": ("Hire and Develop the Best",),
    "decision": ("Are Right, A Lot", "Bias for Action"),
    "data": ("Dive Deep",),
    "metric": ("Dive Deep",),
    "influence": ("Earn Trust", "Have Backbone; Disagree and Commit"),
    "stakeholder": ("Earn Trust",),
    "deliver": ("Deliver Results",),
    "results": ("Deliver Results",),
    "quality": ("Insist on the Highest Standards",),
    "reliab": ("Insist on the Highest Standards", "Ownership"),
    "innovat": ("Invent and Simplify", "Think Big"),
    "vision": ("Think Big",),
    "strategy": ("Think Big",),
    "cost": ("Frugality",),
    "culture": ("Strive to be Earth's Best Employer",),
    "team": ("Strive to be Earth's Best Employer",),
    "prioriti": ("Bias for Action", "Deliver Results"),
    "debt": ("Insist on the Highest Standards",),
}


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if w not in _STOP and len(w) > 2}


def principles_for(question: str) -> set[str]:
    found = {p for p, qs in PRINCIPLES.items() if question in qs}
    found |= {p for r in ROUNDS if question in r.questions for p in r.principles}
    low = question.lower()
    found |= {p for cue, ps in _CUES.items() if cue in low for p in ps}
    return found


@dataclass(frozen=True)
class Match:
    story_id: int
    title: str
    score: int
    reason: str


def match(question: str, stories: list) -> list[Match]:
    wanted = principles_for(question)
    qwords = words(question)
    out = []
    for s in stories:
        c = s.content
        shown = {p.get("principle") for p in c.get("principles") or []}
        common = qwords & words(
            " ".join(
                [
                    c.get("question") or "",
                    c.get("situation") or "",
                    c.get("task") or "",
                    c.get("action") or "",
                    c.get("result") or "",
                ]
            )
        )
        same = (c.get("question") or "").strip().lower() == question.strip().lower()
        score = 3 * len(wanted & shown) + len(common) + (2 if same else 0)
        if score <= 0:
            continue
        reasons = []
        if same:
            reasons.append("written for this question")
        if wanted & shown:
            reasons.append("shows " + ", ".join(sorted(wanted & shown)))
        if common:
            reasons.append("shares the words " + ", ".join(sorted(common)[:5]))
        out.append(Match(s.id, s.title, score, "; ".join(reasons)))
    return sorted(out, key=lambda m: (-m.score, m.story_id))


def coverage(stories: list) -> dict:
    """Principles by stories (covered or a gap) and every loop question with its best story or none."""
    by_principle = {
        p: [s.id for s in stories if p in {x.get("principle") for x in s.content.get("principles") or []}]
        for p in PRINCIPLES
    }
    rounds = []
    for r in ROUNDS:
        rows = []
        for q in r.questions:
            best = match(q, stories)
            ready = [m for m in best if m.score >= READY]
            rows.append(
                {
                    "question": q,
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
        "rounds": rounds,
        "question_gaps": [q["question"] for r in rounds for q in r["questions"] if not q["stories"]],
        "questions_in_bank": len(all_questions()),
    }
