"""Building a grounded STAR draft from a document's own sentences.

A miner picks sentences from named fields of its document (`Picker`), part by part;
`build` turns them into story content. Every sentence it writes is either one of
those picks, recorded with its field in `grounding`, or a visible 'Your part: ...?'
prompt where the document does not say what the candidate did. Nothing is made up:
no fixed sentence states a fact, and figures are the source's own."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sdmkit import clock
from sdmkit.stories.behaviours import FIRST_PERSON, strengths
from sdmkit.stories.cues import LEARNED, cue_hits, cue_sum, cue_weights, words_of
from sdmkit.stories.grounding import PROMPT, is_question, path_text, sentences, text_of, value_at
from sdmkit.stories.text import figures, has_figure, is_fragment

Piece = tuple[str, str]  # (field path, sentence as the field says it)
PARTS = ("situation", "task", "action", "result")
# Word budgets per part: together about 3 minutes spoken at most, action about 60%.
BUDGET = {"situation": 80, "task": 45, "action": 260, "result": 90}
# how the learned cues and the hand-written behaviours add up (propose)
HAND, LEARNED_TOP, PROPOSE = 3.0, 5, 5.0
# the author's own, alone or with the team ('we rotated the certificate')
FIRST_PERSON_ANY = re.compile(r"\b(I|I'm|I've|I'd|my|me|[Ww]e|[Oo]ur|us)\b")
_PATH = re.compile(r"\[\d+\]")


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


# How the records of the Outcome and My part sections read as one sentence each
# (the words 'before', 'after' and 'by' are the records' own keys and glue).
def figure_sentence(r: dict) -> str:
    """'Configuration incidents per quarter: 5 before, 2 after (as of 2026-11-30).' A
    figure dated after today is a forecast, not an outcome: it says nothing."""
    if r.get("as_of") and r["as_of"][:10] > clock.today().isoformat():
        return ""
    said = [
        f"{r['before']} before" if r.get("before") else "",
        f"{r['after']} after" if r.get("after") else "",
    ]
    when = f" (as of {r['as_of']})" if r.get("as_of") else ""
    return f"{r.get('measure', '')}: {', '.join(x for x in said if x)}{when}" if r.get("measure") else ""


def done_sentence(r: dict) -> str:
    """An action item the document marks done, said as done and by whom ('Done by
    Tomasz Nowak: add a pipeline check ...'): under the candidate's Action, an item
    owned by a colleague read as the candidate's own. An open one says nothing: a plan
    is not something anyone did."""
    if r.get("status") != "done" or not r.get("what"):
        return ""
    owner = (r.get("owner") or "").strip()
    return f"Done by {owner}: {_lower(r['what'])}" if owner else f"Done: {_lower(r['what'])}"


def decision_sentence(r: dict) -> str:
    return "; ".join(x for x in (r.get("decision", ""), _lower(r.get("why", ""))) if x)


def contest_sentence(r: dict) -> str:
    """Who contested what, then how it was settled: 'Martin Alvarez (director)
    contested two weeks of the next sprint for ...: I showed him ...'. It read 'Two
    weeks of the next sprint ..., by Martin Alvarez (director): ...', a table row."""
    if not r.get("what"):
        return ""
    who = (r.get("by_whom") or "").strip()
    head = f"{who} contested {_lower(r['what'])}" if who else f"Contested: {_lower(r['what'])}"
    return f"{head}: {r['resolution']}" if r.get("resolution") else head


def _as_sentence(text: str) -> str:
    text = " ".join(text.split()).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


class Picker:
    """The sentences of one document, by field path. Fields are read when a miner
    asks for them, not all at once: a COE's data points and a review's weekly
    series are never prose, and flattening them would cost most of the mining time."""

    def __init__(self, content: dict, title: str = "") -> None:
        self.content = content
        self.title = title
        self._texts: dict[str, str] = {}
        self._each: dict[str, list[Piece]] = {}
        self._own: dict[str, bool] = {}  # sentence -> says 'I' (each miner asks several times)
        self._figures: dict[str, list[str]] = {}  # sentence -> its figures, likewise
        self.memo: dict = {}  # sentence -> principles it shows, shared by the document's stories
        self.features: dict[str, frozenset[str]] = {}  # sentence -> its learned-cue features, likewise

    def text(self, path: str) -> str:
        if path not in self._texts:
            self._texts[path] = self.title if path == "title" else path_text(self.content, path)
        return self._texts[path]

    def paths(self, pattern: str) -> list[str]:
        """Field paths like 'whys[].text': '[]' stands for every index, in order
        (one '[]' per pattern)."""
        if "[]" not in pattern:
            return [pattern] if self.text(pattern) else []
        head, tail = pattern.split("[]", 1)
        items = value_at(self.content, head)
        if not isinstance(items, list):
            return []
        return [p for p in (f"{head}[{i}]{tail}" for i in range(1, len(items) + 1)) if self.text(p)]

    def first(self, path: str, n: int = 1) -> list[Piece]:
        return [(path, _as_sentence(s)) for s in sentences(self.text(path))[:n]]

    def answer(self, record: str, n: int = 1) -> list[Piece]:
        """The first sentences of a question-and-answer record's answer ('internal_faqs[2]'),
        after its question when the answer opens without a verb: 'Tax reports and
        multi-currency payouts.' is what was not built only after 'What are we
        deliberately not building in the first version, and why?'."""
        said = self.first(f"{record}.answer", n)
        if said and is_fragment(said[0][1]):
            return self.first(f"{record}.question") + said
        return said

    def item(self, path: str) -> list[Piece]:
        """A list item or a short field as one sentence ('Rollback took 6 minutes.')."""
        s = _as_sentence(self.text(path))
        return [(path, s)] if s else []

    def joined(self, pattern: str, keys, n: int = 99) -> list[Piece]:
        """Records as one sentence each, grounded in the record: `keys` is the order of
        its values joined by ': ' ('Correct before fast: when money moves ...'), or a
        function from the record's texts to the sentence."""
        out = []
        for path in self.paths(pattern)[:n]:
            record = value_at(self.content, path)
            if not isinstance(record, dict):
                continue
            texts = {k: text_of(v).rstrip(".") for k, v in record.items()}
            s = keys(texts) if callable(keys) else ": ".join(texts[k] for k in keys if texts.get(k))
            if s := _as_sentence(s):
                out.append((path, s))
        return out

    def items(self, pattern: str, n: int = 99) -> list[Piece]:
        return [p for path in self.paths(pattern)[:n] for p in self.item(path)]

    def each(self, pattern: str, n: int = 99) -> list[Piece]:
        """Every sentence of every field the pattern names, in order."""
        if pattern not in self._each:
            self._each[pattern] = [
                (path, _as_sentence(s)) for path in self.paths(pattern) for s in sentences(self.text(path))
            ]
        return self._each[pattern][:n]

    def own(self, sentence: str) -> bool:
        """Whether the sentence is in the first person (the candidate's own part)."""
        own = self._own.get(sentence)
        if own is None:
            own = self._own[sentence] = FIRST_PERSON.search(sentence) is not None
        return own

    def figures(self, sentences: Iterable[str], limit: int) -> list[str]:
        """text.figures of the sentences, each sentence's read once per document."""
        out: list[str] = []
        for s in sentences:
            found = self._figures.get(s)
            if found is None:
                found = self._figures[s] = figures(s, limit=10_000)
            for f in found:
                if f not in out:
                    out.append(f)
                    if len(out) == limit:
                        return out
        return out

    def said(
        self, patterns: Iterable[str], cue: re.Pattern | None = None, person: bool = True
    ) -> list[Piece]:
        """Sentences of those fields in the first person (the candidate's own part),
        optionally only those matching a cue."""
        out = []
        own = self._own
        for pattern in patterns:
            for path, s in self.each(pattern):
                if person and not (own[s] if s in own else self.own(s)):  # inline: the hot path
                    continue
                if cue is None or cue.search(s):
                    out.append((path, s))
        return out


def prompt(question: str) -> str:
    return f"{PROMPT} {question.rstrip('?. ')}?"


def _fit(pieces: list[Piece], budget: int, seen: set[str]) -> list[Piece]:
    out: list[Piece] = []
    used = 0
    for path, s in pieces:
        if s in seen:
            continue
        n = len(s.split())
        if out and used + n > budget:
            continue
        seen.add(s)
        out.append((path, s))
        used += n
    return out


def build(
    doc,
    *,
    slot: str,
    title: str,
    question: str,
    parts: dict[str, list[Piece]],
    prompts: dict[str, str],
    scope: str = "team",
    follow_ups: Iterable[str] = (),
    max_principles: int = 3,
    pick: Picker,
    lead: str = "",
) -> tuple[str, str, dict]:
    """Story content from picked sentences (`pick`: the document's Picker, whose
    memos its stories share). A part with nothing picked gets its
    prompt; an action that never says 'I' gets its prompt added, because the
    interviewer asks what the candidate did, and a result without a figure gets its
    own, because a coach asks how much changed. `lead` is the principle the story was
    picked for (an episode's): proposed first whenever its sentences show it."""
    # The context is cut to the action's measure, so the action stays about 60% of
    # the answer: a two-sentence episode gets a short situation, not the whole COE's.
    acted = sum(len(x.split()) for _, x in _fit(parts.get("action") or [], BUDGET["action"], set()))
    budget = {
        **BUDGET,
        "situation": min(BUDGET["situation"], round(max(acted, 50) * 0.6)),
    }
    seen: set[str] = set()
    picked = {part: _fit(parts.get(part) or [], budget[part], seen) for part in PARTS}
    text: dict[str, str] = {}
    for part in PARTS:
        said = [s for _, s in picked[part]]
        ask = prompts.get(part)
        if ask and (
            not said
            or (part in ("task", "action") and not any(pick.own(s) for s in said))
            # a lesson or a plan is no outcome: the result asks for the figure that is
            or (part == "result" and not has_figure(" ".join(said)))
        ):
            said.append(prompt(ask))
        text[part] = " ".join(said)
    grounded = [{"part": part, "text": s, "field": path} for part in PARTS for path, s in picked[part]]
    principles = propose(
        grounded,
        lead=lead,
        max_principles=max_principles,
        memo=pick.memo,
        features=pick.features,
    )
    fields_used = list(dict.fromkeys(_PATH.sub("", g["field"]).split(".")[0] for g in grounded))
    content = {
        "question": question,
        **text,
        "principles": principles,
        "scope": scope,
        "numbers": pick.figures((g["text"] for g in grounded), limit=8),
        "sources": [{"document_id": doc.id, "section": f, "note": ""} for f in fields_used],
        "follow_ups": list(follow_ups),
        "grounding": {part: _fields_of(text[part], picked[part]) for part in PARTS if picked[part]},
    }
    return slot, title, content


def propose(
    grounded: list[dict],
    *,
    lead: str = "",
    max_principles: int = 3,
    memo: dict | None = None,
    features: dict[str, frozenset[str]] | None = None,
) -> list[dict]:
    """The principles a story's grounded sentences show, strongest first, each with the
    sentence that shows it (its evidence) and its strength.

    Two kinds of evidence add up: the hand-written behaviours (principle_behaviours.py), read
    from what the candidate did and what came of it (the situation is context), each
    point counting HAND; and the cues learned from labelled documents, read from every
    part, the LEARNED_TOP strongest cues of the story counting. A principle is proposed
    when the sum passes PROPOSE, with the sentence its behaviours show best, or else
    the sentence holding most of its cues; a story gets at most two (the episode's own
    principle first when its behaviours show it). `memo` and `features` keep each
    sentence's behaviours and cue features for the stories of one document."""
    grounded = [g for g in grounded if not is_question(g["text"])]  # no behaviour, cue or evidence
    features = {} if features is None else features
    split: dict[str, list[str]] = {}  # a sentence new to this document is split into words once
    for g in grounded:
        s = g["text"]
        if s not in features:
            split[s] = words = words_of(s)
            features[s] = cue_hits(s, words)
    hand = strengths([g["text"] for g in grounded if g["part"] != "situation"], memo, split)
    cued = [(g["text"], features[g["text"]]) for g in grounded]
    # Evidence is a sentence of what was done or came of it: the situation is context.
    acted = [c for c, g in zip(cued, grounded, strict=True) if g["part"] != "situation"]
    every = set().union(*(f for _, f in cued)) if cued else set()
    weights = cue_weights(every)
    ranked = []
    # Only the principles with some evidence: the rest sum to nothing (the ranking below
    # orders by name after strength, so the order they are visited in does not count).
    for principle in LEARNED.keys() & (weights.keys() | hand.keys()):
        learned = sum(sorted(weights.get(principle, ()), reverse=True)[:LEARNED_TOP])
        score, best, _, shown = hand.get(principle, (0, "", 0, False))
        # Hints alone (a word such as 'customers' or 'deadline', weight 1) count as one
        # behaviour at most, however many sentences hold one: a COE names its
        # customers in every section without showing Customer Obsession once.
        hinted = bool(score) and not shown
        if hinted:
            score = min(score, 2)
        total = HAND * min(score, 6) + learned
        if total <= PROPOSE:
            continue
        first = principle == lead and score >= 2
        ranked.append((not first, -total, principle, best, score, hinted))
    ranked.sort()
    # Strength 2 to 4 by the behaviours shown; 1 when only the learned cues or hints
    # point to the principle: the sentence is where its words are, which the coach
    # asks the user to check, since no behaviour of it was found.
    out: list[dict] = []
    for *_, principle, best, score, hinted in ranked:
        if len(out) == min(max_principles, 2):
            break
        if not best:
            # The sentence holding most of its cues, among what the candidate did and
            # what came of it (`acted`); none holding any, and the principle has no
            # evidence to show. Summed only for the principles ranked high enough to
            # be proposed, strongest first: the ranking does not depend on it.
            cues = LEARNED[principle]
            weight, best = max(((cue_sum(found, cues), s) for s, found in acted), default=(0, ""))
            if weight <= 0:
                continue
        strength = max(2, min(4, score)) if score and not hinted else 1
        out.append({"principle": principle, "evidence": best, "strength": strength})
    return out


def _fields_of(text: str, pieces: list[Piece]) -> list[str]:
    """The field of each sentence of a part, in order ('' for a prompt): what the
    story keeps instead of a second copy of its sentences. Each sentence gets the
    field of the piece it starts in, so the split that reads the story back agrees."""
    starts, at = [], 0
    for path, piece in pieces:
        starts.append((at, path))
        at += len(piece) + 1
    out, at = [], 0
    for sentence in sentences(text):
        at = text.index(sentence, at)
        out.append("" if sentence.startswith(PROMPT) else next(p for a, p in reversed(starts) if a <= at))
        at += len(sentence)
    return out


# Episodes a coach listens for in what the author says they did, each with the
# question it answers. A document that holds one becomes a story of its own.
EPISODES: tuple[tuple[str, str, str, re.Pattern], ...] = (
    (
        "disagreement",
        "Tell me about a time you disagreed with a decision and how you handled it.",
        "Have Backbone; Disagree and Commit",
        re.compile(
            # 'refused' only as the author's act: a database or a vendor refusing is no disagreement
            r"\b(disagreed|argued|(?:I|we) refused|pushed back|overruled|objected|relitigate|turned down|said no)\b",
            re.I,
        ),
    ),
    (
        "people",
        "Describe how you handled an engineer who was burning out.",
        "Strive to be Earth's Best Employer",
        re.compile(r"\b(burn(ing|ed)? ?out|took (her|him|them) off|covered .* shifts)\b", re.I),
    ),
    (
        "growth",
        "How do you foster career growth for your team members?",
        "Hire and Develop the Best",
        re.compile(r"\b(promot\w+|mentor\w*|coach\w*|grow (an?|people|them)|development plan)\b", re.I),
    ),
    (
        "mistake",
        "Tell me about a time you admitted a mistake to your team or a partner.",
        "Earn Trust",
        re.compile(
            r"\b(the mistake was ours|the wrong one|my call|admitted|I told|I called|I wrote to)\b", re.I
        ),
    ),
    (
        "quick decision",
        "Tell me about a decision you made quickly without all the information.",
        "Bias for Action",
        re.compile(r"\b(before we knew|rather than wait|I accepted (that|the) risk|I decided)\b", re.I),
    ),
)


_EPISODE_TITLES = {
    "disagreement": "The disagreement",
    "people": "Looking after a person",
    "growth": "Growing people",
    "mistake": "Owning the mistake",
    "quick decision": "A quick decision",
}


def episodes(
    doc, pick: Picker, patterns: Iterable[str], situation: list[Piece], result: list[Piece], *, skip: str = ""
) -> list[tuple[str, str, dict]]:
    """A story for each episode the author's own sentences hold."""
    patterns = list(patterns)
    mine = pick.said(patterns)
    out = []
    for slot, question, principle, cue in EPISODES:
        if slot == skip:
            continue
        hits = [(path, s) for path, s in mine if cue.search(s)]
        if not hits:
            continue
        # The cue sentences, the author's sentences around them in the same field, then
        # what else the author says they did (the word budget keeps the first of it).
        around = {path for path, _ in hits}
        action = hits + [(p, s) for p, s in mine if p in around and (p, s) not in hits]
        action += [(p, s) for p, s in mine if (p, s) not in action]
        out.append(
            build(
                doc,
                slot=slot,
                title=f"{_EPISODE_TITLES[slot]}: {doc.title}",
                question=question,
                parts={"situation": situation, "action": action, "result": result},
                prompts={
                    "task": "what were you responsible for here, and who else had a stake",
                    "result": "what happened afterwards, with a figure if you have one",
                },
                max_principles=2,
                pick=pick,
                lead=principle,
            )
        )
    return out
