"""How a question is read for matching: the words it is ranked by (stemmed, without
function words, with pairs of neighbours), the related words its cues add
('recurring' brings 'again' and 'repeat'), each as the question says it, for the
reasons a match gives, and the Leadership Principles it tests."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sdmkit.interview import PRINCIPLES, ROUNDS
from sdmkit.words import FUNCTION_WORDS

ROUND_WEIGHT = 0.5  # a principle the question's round tests, not the question itself
_STOP = FUNCTION_WORDS | frozenset(
    [
        "off",  # the tail of 'trade-off', split as documents are: 'take the morning off' is no trade-off
        "about",
        "can",
        "describe",
        "did",
        "does",
        "example",
        "from",
        "give",
        "had",
        "has",
        "have",
        "how",
        "i",
        "situation",
        "some",
        "tell",
        "their",
        "them",
        "there",
        "they",
        "time",
        "were",
        "what",
        "when",
        "where",
        "which",
        "will",
        "with",
        "would",
        "your",
    ]
)
# Words a candidate's question uses for what documents call by another name.
_ALSO = {
    "outage": ("incident", "failed", "down", "outage", "failure"),
    "recurring": ("recurring", "repeat", "again", "third", "every", "weeks"),
    "twice": ("recurring", "repeat", "again", "second", "previous", "before"),
    "fail": ("incident", "mistake", "wrong"),
    "mistake": ("wrong", "ours", "call"),
    "cost": ("eur", "spend", "saves", "budget"),
    "money": ("eur", "cost", "spend"),
    "burn": ("burning", "burnout", "pages", "slept", "day"),
    "career": ("promoted", "development", "mentor", "grow"),
    "growth": ("promoted", "development", "mentor", "grow"),
    "hiring": ("hire", "bar", "interview"),
    "privacy": ("privacy", "tenant", "regulator", "data", "protection"),
    "data": ("split", "metric", "dashboard", "average"),
    "metric": ("average", "percentile", "dashboard", "conversion"),
    "customer": ("customers", "shoppers", "sellers", "users"),
    "locations": ("sites", "regions", "time", "zone", "overlap"),
    "disagree": ("disagreed", "argued", "overruled", "refused"),
    "debt": ("legacy", "pay", "retire", "retiring", "cleanup"),
    "long-term": ("legacy", "direction", "roadmap", "years"),
    "priorit": ("rank", "ranked", "roadmap", "quarter", "plan", "trade-off"),
    "culture": ("charter", "tenet", "tenets", "blameless", "agreements"),
    "identity": ("charter", "tenet", "tenets", "mission"),
    "simpl": ("simpler", "simplified", "single", "instead", "automatic", "fewer", "removed"),
    "curio": ("asked", "read", "dug", "learned", "learn"),
    "deliver": ("delivered", "shipped", "target", "deadline", "commit"),
    "good enough": ("refused", "insisted", "bar", "standard", "quality"),
    "quality": ("defect", "test", "tested", "standard", "canary", "review"),
    "reliab": ("incident", "outage", "recurring", "alarm", "availability"),
    "vision": ("company-wide", "direction", "years", "standard", "every"),
    "bold": ("proposed", "investment", "board", "years"),
    "scope": ("company-wide", "every", "teams", "beyond"),
    "underperform": ("performance", "feedback", "plan", "expectations"),
    "delegat": ("lead", "leads", "owns", "volunteered", "coach", "gave", "backup", "handed"),
    "stakeholder": ("director", "sponsor", "partner", "product", "told"),
    "influence": ("convinced", "proposed", "director", "board", "agreed", "showed", "authority"),
    "trust": ("told", "plainly", "wrote", "writing", "apologised"),
    "outside your": ("ours", "another", "other", "owned"),
    "openly": ("public", "post", "told", "apologised", "wrote"),
    "incomplete": ("before", "without", "judged", "uncertain", "risk"),
    "bad news": ("told", "slip", "cut", "end", "lose", "person"),
    "setback": ("despite", "losing", "lost", "slipped", "date", "launched"),
    "reversible": ("door", "revert", "flag", "rollback", "comparison"),
    "short-term cost": ("cost", "gave", "slipped", "instead"),
}
# Words that point at a principle even when the question does not name it.
_CUES = {
    "fail": ("Earn Trust", "Learn and Be Curious", "Ownership"),
    "mistake": ("Earn Trust",),
    "admit": ("Earn Trust",),
    "conflict": ("Have Backbone; Disagree and Commit", "Earn Trust"),
    "disagree": ("Have Backbone; Disagree and Commit",),
    "customer": ("Customer Obsession",),
    "underperform": ("Hire and Develop the Best",),
    "hir": ("Hire and Develop the Best",),
    "grow": ("Hire and Develop the Best",),
    "career": ("Hire and Develop the Best",),
    "delegat": ("Hire and Develop the Best",),
    "decision": ("Are Right, A Lot", "Bias for Action"),
    "quickly": ("Bias for Action",),
    "data": ("Dive Deep",),
    "metric": ("Dive Deep",),
    "influence": ("Earn Trust", "Have Backbone; Disagree and Commit"),
    "stakeholder": ("Earn Trust",),
    "deliver": ("Deliver Results",),
    "results": ("Deliver Results",),
    "quality": ("Insist on the Highest Standards",),
    "reliab": ("Insist on the Highest Standards", "Ownership"),
    "twice": ("Insist on the Highest Standards", "Ownership"),
    "outage": ("Ownership", "Dive Deep"),
    "innovat": ("Invent and Simplify", "Think Big"),
    "simpl": ("Invent and Simplify",),
    "curio": ("Learn and Be Curious",),
    "learn": ("Learn and Be Curious",),
    "vision": ("Think Big",),
    "bold": ("Think Big",),
    "strategy": ("Think Big",),
    "cost": ("Frugality",),
    "money": ("Frugality",),
    "culture": ("Strive to be Earth's Best Employer",),
    "burn": ("Strive to be Earth's Best Employer",),
    "better place": ("Strive to be Earth's Best Employer",),
    "psychological": ("Strive to be Earth's Best Employer",),
    "locations": ("Strive to be Earth's Best Employer", "Earn Trust"),
    "prioriti": ("Bias for Action", "Deliver Results"),
    "debt": ("Insist on the Highest Standards",),
    "privacy": ("Success and Scale Bring Broad Responsibility",),
    "compliance": ("Success and Scale Bring Broad Responsibility",),
    "beyond your own": ("Success and Scale Bring Broad Responsibility",),
}


_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def terms(text: str) -> list[str]:
    """The words BM25 ranks by (stemmed, no function words), then each pair of
    neighbours among them ('short_term', 'term_cost'): a question's phrase found as a
    phrase counts more than its words scattered through a document."""
    low = (text or "").lower()
    words = [_stem(w) for w in re.findall(r"[a-z0-9]+", low) if w not in _STOP and len(w) > 1]
    # A hyphenated word is also a term of its own ('on-call' as 'oncall'): its parts
    # alone are common words ('on' is not even ranked), the compound names a thing.
    compounds = [w.replace("-", "") for w in _COMPOUND.findall(low)]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)] + compounds


def _related(question: str) -> Iterator[tuple[str, str, str]]:
    """The related words the question's cues add: (term, the word as written, the
    question's word that brought it). Split as documents are ('trade-off' is two
    terms there), or they never match."""
    low = question.lower()
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", low)
    for cue, also in _ALSO.items():
        if cue in low:
            said = next((w for w in words if cue in w), cue)
            for word in also:
                for part in re.findall(r"[a-z0-9]+", word):
                    if part not in _STOP:
                        yield _stem(part), part, said


def query_terms(question: str) -> list[str]:
    return list(dict.fromkeys(terms(question) + [t for t, _, _ in _related(question)]))


def said_as(question: str) -> dict[str, tuple[str, bool]]:
    """Each query term as a reader would say it: the word of the question it was
    stemmed from ('outages' for 'outag'), or the related word the question's cue
    added, and whether the question itself says it. A reason names words, not stems,
    and never claims the question says a word it does not."""
    out: dict[str, tuple[str, bool]] = {}
    for w in re.findall(r"[a-z0-9]+", question.lower()):
        if w not in _STOP and len(w) > 1:
            out.setdefault(_stem(w), (w, True))
    for w in _COMPOUND.findall(question.lower()):
        out.setdefault(w.replace("-", ""), (w, True))
    for term, part, _ in _related(question):
        out.setdefault(term, (part, False))
    return out


def brought_by(question: str) -> dict[str, str]:
    """Each related term the question's cues add, with the question's word that brought
    it ('again' and 'third' by 'recurring'): a reason says which word of the question
    a related word stands in for."""
    out: dict[str, str] = {}
    for term, _, said in _related(question):
        out.setdefault(term, said)
    return out


def principle_weights(question: str) -> dict[str, float]:
    """The principles a question tests, each with how surely: 1 for the principle it is
    written for or names in its words, ROUND_WEIGHT for those its round tests."""
    out = {p: ROUND_WEIGHT for r in ROUNDS if question in r.questions for p in r.principles}
    low = question.lower()
    out |= {p: 1.0 for cue, ps in _CUES.items() if cue in low for p in ps}
    out |= {p: 1.0 for p, qs in PRINCIPLES.items() if question in qs}
    return out
