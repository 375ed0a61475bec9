"""General prose rules, shared by every kind that has prose.

Each rule reads the document's prose pieces (location, text). Text inside `code`,
links and "quoted names" is masked first, so the rules do not fire on a product
name or a URL that the writer could not phrase differently."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sdmkit.coach.readability import measure
from sdmkit.coach.rule import Hit, Rule
from sdmkit.coach.text import mask, sentences, words
from sdmkit.words import FUNCTION_WORDS

# Words that sound like information but carry none; each with what to write instead.
WEASEL = {
    "very": "drop it, or give the number",
    "really": "drop it",
    "quite": "drop it, or give the number",
    "fairly": "drop it, or give the number",
    "extremely": "give the number that makes it extreme",
    "significant": "say how much: a number, a percentage, a time",
    "significantly": "say how much: a number, a percentage, a time",
    "substantially": "say how much",
    "various": "name them",
    "numerous": "give the count",
    "many": "give the count",
    "several": "give the count",
    "some": "give the count or name them",
    "a few": "give the count",
    "a lot of": "give the count",
    "lots of": "give the count",
    "most": "give the percentage",
    "nearly all": "give the percentage",
    "basically": "drop it",
    "arguably": "make the argument, or drop it",
    "probably": "say what you know and how",
    "hopefully": "say what you will do to make it happen",
    "relatively": "say relative to what, with a number",
    "seamless": "say what the customer no longer has to do",
    "seamlessly": "say what the customer no longer has to do",
    "world-class": "give the measure and the bar",
    "best-in-class": "give the measure and the bar",
    "robust": "say what it withstands, with numbers",
    "as needed": "say who decides and when",
    "etc": "finish the list, or say 'for example'",
}

VAGUE_TIME = {
    "soon": "give a date",
    "shortly": "give a date or a duration",
    "in the near future": "give a date",
    "asap": "give a date",
    "as soon as possible": "give a date",
    "eventually": "give a date, or say what has to happen first",
    "at some point": "give a date",
    "in due course": "give a date",
    "in a timely manner": "give the response time",
    "timely": "give the response time",
    "going forward": "say from when",
    "recently": "give the date",
}


def _phrase_re(phrases) -> re.Pattern:
    alts = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(alts) + r")(?![\w-])", re.I)


_WEASEL_RE = _phrase_re(WEASEL)
_VAGUE_RE = _phrase_re(VAGUE_TIME)

# Acronyms everyone in the audience knows; anything else should be spelled out once.
KNOWN_ACRONYMS = {
    "API",
    "APIs",
    "URL",
    "URLs",
    "HTTP",
    "HTTPS",
    "UI",
    "UX",
    "ID",
    "IDs",
    "OK",
    "CPU",
    "SQL",
    "PDF",
    "CSV",
    "JSON",
    "HTML",
    "CEO",
    "CTO",
    "VP",
    "VPs",
    "UTC",
    "US",
    "UK",
    "EU",
    "USA",
    "AM",
    "PM",
    "FAQ",
    "FAQs",
    "PR",
    "COE",
    "COEs",
    "TV",
    "IT",
    "AI",
    "iOS",
    "SDK",
    "SDKs",
    "CLI",
    "DNS",
    "TLS",
}
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6})(s?)(?![\w-])")
# Words written in capitals for emphasis ('DO NOT', 'OWNED BY'): a short English word,
# or a run of capital words holding one, is emphasis, not an acronym to spell out.
_CAPS_RUN = re.compile(r"\b[A-Z]{2,}\b(?: +\b[A-Z]{2,}\b)+")
_SHOUTED = FUNCTION_WORDS | frozenset(
    [
        "all",
        "am",
        "but",
        "go",
        "he",
        "no",
        "nor",
        "not",
        "off",
        "than",
        "then",
        "too",
        "up",
        "us",
        "yes",
    ]
)
_DEFINED_AFTER = r"\(\s*{acr}s?\s*\)"  # "Service Level Objective (SLO)"
_DEFINED_BEFORE = r"{acr}s?\s*\((?:[a-z]|[A-Z][a-z])"  # "SLO (service level objective)"

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)"
_IRREGULAR = (
    "done|made|given|taken|seen|known|shown|written|built|sent|held|kept|found|told|"
    "brought|bought|caught|taught|thought|paid|put|set|run|won|lost|left|met|read|said|"
    "sold|broken|chosen|driven|forgotten|hidden|spoken|stolen|woken|begun|drawn|grown|thrown"
)
_PASSIVE = re.compile(rf"\b{_BE}\s+(?:\w+ly\s+)?(\w+ed|{_IRREGULAR})\b(?:\s+by\b)?", re.I)
# Adjectives ending in -ed that read as states, not passive constructions.
_NOT_PASSIVE = {
    "interested",
    "based",
    "concerned",
    "supposed",
    "used",
    "tired",
    "excited",
    "involved",
    "required",
    "needed",
    "aligned",
    "scheduled",
    "expected",
    "related",
    "dedicated",
    "distributed",
    "automated",
    "limited",
    "detailed",
    "experienced",
    "skilled",
    "motivated",
    "committed",
    "focused",
    "red",
    "bed",
    "shed",
    "speed",
}

LONG_SENTENCE_WORDS = 25


@dataclass
class ProseContext:
    all_text: str
    allow: frozenset[str] = frozenset()  # lower-cased words the document's writer accepted
    long_sentence: int = LONG_SENTENCE_WORDS
    min_ease: float | None = None

    @classmethod
    def build(
        cls, pieces, *, allow=(), long_sentence: int = LONG_SENTENCE_WORDS, min_ease: float | None = None
    ) -> ProseContext:
        return cls(
            "\n".join(text for _, text in pieces if text),
            frozenset(a.strip().lower() for a in allow if a and a.strip()),
            long_sentence,
            min_ease,
        )

    def allowed(self, phrase: str) -> bool:
        return phrase.strip().lower() in self.allow

    def defines(self, acronym: str) -> bool:
        acr = re.escape(acronym)
        return bool(
            re.search(_DEFINED_AFTER.format(acr=acr), self.all_text)
            or re.search(_DEFINED_BEFORE.format(acr=acr), self.all_text)
        )


def _pieces(subject):
    pieces, context = subject
    for location, text in pieces:
        if text and text.strip():
            yield location, text, context


def _phrase_hits(subject, pattern, table, what) -> Iterator[Hit]:
    for location, text, context in _pieces(subject):
        seen = set()
        masked = mask(text)
        for m in pattern.finditer(masked):
            word = m.group(1).lower()
            if word in seen or context.allowed(word):
                continue
            # 'the most tedious task' is a superlative, not a vague quantity.
            if word == "most" and re.search(
                r"\b(the|their|our|your|its|his|her|my)\s+$", masked[: m.start()], re.I
            ):
                continue
            seen.add(word)
            yield Hit(location, f"{what} '{m.group(1)}'", table[word].capitalize() + ".")


def check_weasel(subject):
    return _phrase_hits(subject, _WEASEL_RE, WEASEL, "Weasel word or vague quantity")


def check_vague_time(subject):
    return _phrase_hits(subject, _VAGUE_RE, VAGUE_TIME, "Vague time")


def check_long_sentences(subject):
    for location, text, context in _pieces(subject):
        for sentence in sentences(text):
            n = len(words(sentence))
            if n > context.long_sentence:
                start = " ".join(sentence.split()[:8])
                yield Hit(
                    location,
                    f"Sentence of {n} words (over {context.long_sentence}): '{start} …'",
                    "Split it in two; one idea per sentence.",
                )


def check_acronyms(subject):
    for location, text, context in _pieces(subject):
        reported = set()
        masked = mask(text)
        runs = [
            r.span()
            for r in _CAPS_RUN.finditer(masked)
            if any(w.lower() in _SHOUTED for w in r.group().split())
        ]
        for m in _ACRONYM.finditer(masked):
            if any(a <= m.start() < b for a, b in runs):
                continue
            acr = m.group(1)
            if acr in KNOWN_ACRONYMS or acr + m.group(2) in KNOWN_ACRONYMS or acr in reported:
                continue
            if acr.lower() in _SHOUTED:
                continue
            if context.allowed(acr) or context.allowed(acr + m.group(2)):
                continue
            if not any(c.isalpha() for c in acr) or context.defines(acr):
                continue
            reported.add(acr)
            yield Hit(
                location,
                f"Acronym '{acr}' is not defined in this document",
                f"Spell it out the first time: 'Full Name ({acr})'.",
            )


def check_passive(subject):
    for location, text, context in _pieces(subject):
        for m in _PASSIVE.finditer(mask(text)):
            if m.group(1).lower() in _NOT_PASSIVE or context.allowed(m.group(1)):
                continue
            if m.group(0).lower().startswith("am done"):  # 'I am done' is a state, not a passive
                continue
            yield Hit(
                location,
                f"Passive voice: '{m.group(0).strip()}'",
                "Say who does it: 'the on-call engineer restarts the host', not 'the host is restarted'.",
            )
            break  # one per field is enough to make the point


def check_readability(subject):

    pieces, context = subject
    if context.min_ease is None:
        return
    r = measure(text for _, text in pieces)
    if r.words >= 60 and r.ease < context.min_ease:
        yield Hit(
            "",
            f"Reading ease {r.describe()}: harder than the {context.min_ease:.0f} this kind aims for",
            "Shorter sentences and shorter words: 'use' for 'utilise', two sentences for one.",
        )


RULES = (
    Rule(
        "prose.weasel",
        "Weasel words and vague quantities",
        "warning",
        check_weasel,
        "Words like 'significant' or 'many' sound like data but hide it.",
    ),
    Rule(
        "prose.vague_time",
        "Vague time words",
        "warning",
        check_vague_time,
        "'Soon' is not a date; readers plan around dates.",
    ),
    Rule(
        "prose.long_sentence",
        "Long sentences",
        "info",
        check_long_sentences,
        "Long sentences hide the point.",
    ),
    Rule(
        "prose.acronym",
        "Undefined acronyms",
        "info",
        check_acronyms,
        "Readers outside the team do not know your acronyms.",
    ),
    Rule("prose.passive", "Passive voice", "info", check_passive, "Passive voice hides who acts."),
    Rule(
        "prose.readability",
        "Readability (Flesch reading ease)",
        "warning",
        check_readability,
        "A customer reads a press release once, quickly.",
    ),
)
