"""Coach rules for the PR/FAQ: the narrative pack's document-level checks.

The word budgets follow the real documents: the press release fits one page, the
FAQ five. Prose rules shared with every kind (weasel words, long sentences,
acronyms, passive voice, readability) come from sdmkit.coach.prose."""

from __future__ import annotations

import re

from sdmkit import clock
from sdmkit.coach.rule import Hit, Rule
from sdmkit.coach.text import mask, words
from sdmkit.kinds.prfaq.bank import INTERNAL
from sdmkit.kinds.prfaq.model import PRFAQ

PR_WORD_BUDGET = 550  # about one printed page
FAQ_WORD_BUDGET = 2750  # about five pages

_WE = re.compile(r"\b(we|we're|we've|we'll|our|ours|us)\b", re.I)
_YOU = re.compile(
    r"\b(you|you're|you'll|your|yours|customers?|users?|shoppers?|buyers?|members?|people)\b", re.I
)
_INLINE_QUOTE = re.compile(r"[\"“][^\"”]{25,}[\"”]")  # a sentence in quotation marks: a third quote
SOFTBALL = re.compile(
    r"\b(great|exciting|excited|amazing|awesome|love|loves|delight(ed)?|best|revolutionary|game[- ]changing|"
    r"innovative|cool|fantastic)\b|\bwhat makes (it|this) (so )?(special|unique|different)\b|"
    r"\b(isn't|won't|wouldn't|don't) (it|this|customers|you|they)\b|\bwhy (is|are|will) (this|it) (so )?good\b",
    re.I,
)


def pr_words(c: PRFAQ) -> int:
    return sum(len(words(mask(t))) for _, t in c.press_release_texts()) + len(words(c.city))


def faq_words(c: PRFAQ) -> int:
    return sum(len(words(mask(t))) for _, t in c.faq_texts())


def _headline(c: PRFAQ):
    if not c.headline:
        yield Hit(
            "headline",
            "The press release has no headline",
            "Name the customer and what they can now do, in under 15 words.",
        )


def _working_backwards(c: PRFAQ):
    for key, question in (
        ("customer", "Who is the customer?"),
        ("problem", "What is the problem or opportunity?"),
        ("benefit", "What is the most important customer benefit?"),
        ("evidence", "How do you know what customers need?"),
        ("experience", "What does the experience look like?"),
    ):
        if not getattr(c, key):
            yield Hit(
                key,
                f"'{question}' is not answered",
                "Answer the five customer questions first; the press release is written from them.",
            )


def _dateline(c: PRFAQ):
    if not c.city:
        yield Hit(
            "city", "The dateline has no city", "Where the launch is announced, as it would be printed."
        )
    if c.launch_date is None:
        yield Hit("launch_date", "The dateline has no launch date", "Pick the day customers can start.")
    elif c.launch_date <= clock.today():
        yield Hit(
            "launch_date",
            f"The launch date {c.launch_date.isoformat()} is not in the future",
            "A PR/FAQ is written before the launch: date it on the day you plan to launch.",
        )


def _two_quotes(c: PRFAQ):
    present = [q for q in (c.leader_quote, c.customer_quote) if q.text]
    if len(present) < 2:
        missing = [
            name for name, q in (("leader", c.leader_quote), ("customer", c.customer_quote)) if not q.text
        ]
        yield Hit(
            f"{missing[0]}_quote.text",
            f"The press release needs a {' and a '.join(missing)} quote",
            "Exactly two quotes: a leader on why it matters, a customer on what changed for them.",
        )
    for name, q in (("leader_quote", c.leader_quote), ("customer_quote", c.customer_quote)):
        if q.text and not q.speaker:
            yield Hit(f"{name}.speaker", "A quote without a speaker", "Name the person and their role.")
    extra = [
        key for key, text in c.press_release_texts() if "quote" not in key and _INLINE_QUOTE.search(text)
    ]
    for key in extra:
        yield Hit(
            key, "A third quote in the press release", "Keep to two quotes; say the rest in your own words."
        )


def _pr_budget(c: PRFAQ):
    n = pr_words(c)
    if n > PR_WORD_BUDGET:
        yield Hit(
            "summary",
            f"The press release is {n} words; one page holds about {PR_WORD_BUDGET}",
            "Cut until it fits one page: every paragraph should earn its place.",
        )


def _faq_budget(c: PRFAQ):
    n = faq_words(c)
    if n > FAQ_WORD_BUDGET:
        yield Hit(
            "internal_faqs",
            f"The FAQs are {n} words; five pages hold about {FAQ_WORD_BUDGET}",
            "Move detail to the appendix; keep the questions a reviewer will ask.",
        )


def _customer_focus(c: PRFAQ):
    text = " ".join(mask(t) for _, t in c.press_release_texts())
    we, you = len(_WE.findall(text)), len(_YOU.findall(text))
    if we and we > you:
        yield Hit(
            "solution",
            f"The press release talks about us ({we}x 'we/our/us') more than the customer "
            f"({you}x 'you/customers')",
            "Write from the customer's side: what they can now do, not what we built.",
        )


def _faq_pairs(c: PRFAQ):
    for name in ("external_faqs", "internal_faqs"):
        for i, qa in enumerate(getattr(c, name), 1):
            if qa.answer and not qa.question:
                yield Hit(
                    f"{name}[{i}].question",
                    f"FAQ {i} has an answer but no question",
                    "Write the question a reader would ask, or delete the answer.",
                    severity="error",
                )
            elif qa.question and not qa.answer:
                yield Hit(
                    f"{name}[{i}].answer",
                    f"FAQ {i} has no answer yet",
                    "Answer it, or say when you will know.",
                )


def _softball(c: PRFAQ):
    for name in ("external_faqs", "internal_faqs"):
        for i, qa in enumerate(getattr(c, name), 1):
            m = SOFTBALL.search(mask(qa.question))
            if m:
                yield Hit(
                    f"{name}[{i}].question",
                    f"FAQ {i} is a softball ('{m.group(0)}')",
                    "Ask what a sceptic would ask: cost, risk, what we are not doing, what if it fails.",
                )


def _hard_topics(c: PRFAQ):
    asked = " ".join(qa.question.lower() for qa in c.internal_faqs)
    needles = {
        "risks": ("risk",),
        "dependencies": ("depend", "must deliver", "slip"),
        "one-way door": ("one-way", "reverse"),
        "cost": ("cost",),
        "success metrics": ("measure", "metric", "success"),
        "not building": ("not build", "not doing"),
        "why now": ("why now", "wait"),
    }
    missing = [
        topic for topic, _ in INTERNAL if topic in needles and not any(n in asked for n in needles[topic])
    ]
    if missing:
        yield Hit(
            "internal_faqs",
            f"The internal FAQ does not cover: {', '.join(missing)}",
            "Pull the hard questions from the starter bank under the internal FAQ.",
        )


RULES = (
    Rule("prfaq.headline", "The press release has a headline", "error", _headline),
    Rule("prfaq.dateline", "A city and a future launch date", "error", _dateline),
    Rule("prfaq.two_quotes", "Exactly two quotes", "error", _two_quotes),
    Rule("prfaq.faq_pairs", "Every FAQ has a question and an answer", "warning", _faq_pairs),
    Rule(
        "prfaq.working_backwards", "The five customer questions are answered", "warning", _working_backwards
    ),
    Rule("prfaq.pr_one_page", "The press release fits one page", "warning", _pr_budget),
    Rule("prfaq.faq_five_pages", "The FAQs fit five pages", "warning", _faq_budget),
    Rule("prfaq.customer_focus", "Customer focus over 'we'", "warning", _customer_focus),
    Rule("prfaq.softball", "No softball FAQ questions", "warning", _softball),
    Rule("prfaq.hard_questions", "The internal FAQ asks the hard questions", "info", _hard_topics),
)
