"""Small helpers the miners share: figures found in text, joining sentences."""

from __future__ import annotations

import re

from sdmkit.stories.grounding import is_prompt, sentences

# A figure: a number that starts a word (not the 99 of 'p99'), is not the number of an
# identifier (the 8812 of ticket 'CFG-8812', of 'cfg-8812' or of '#8812': a redacted
# ticket must not come back as a figure) and is not the day of a date ('14 October'),
# with an optional unit that ends a word (the h of '18 h', not of '3 helpers'), and an
# optional currency before it: a sign, or a code in capitals ('USD 1,200'). The
# currency is looked at by hand, not in the pattern: a pattern that starts with a digit
# lets the regex engine skip to the digits, about twice as fast on long texts, and
# mining runs it on every story. For the same reason the look-behinds come after the
# first digit and look past it: tried at each digit, not at each character.
_MONTHS = "|".join(
    m
    for name in (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    for m in (name, name[:3])
)
_NUMBER = re.compile(
    r"\d(?<![\w.:#]\d)(?<![A-Za-z]-\d)[\d,.]*"
    # not a day of a month: '14 October', and the first day of '10 and 12 November'
    r"(?![\d,.:]|[ \u00a0](?:(?:and|or|to)[ \u00a0]\d{1,2}[ \u00a0])?(?-i:" + _MONTHS + r")\b)"
    r"(?:[ \u00a0]?%|[ \u00a0]?(?:ms|min(?:utes)?|hours?|h|days?|weeks?|x|k|million|billion)\b)?",
    re.I,
)
_CURRENCY_SIGNS = "$€£"
_CURRENCY_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CHF",
        "CAD",
        "AUD",
        "NZD",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "INR",
        "CNY",
        "HKD",
        "SGD",
        "KRW",
        "BRL",
        "MXN",
        "ZAR",
        "AED",
        "ILS",
        "TRY",
    ]
)
# A number right after a word that names a release is the release's name, not a
# figure: any number after 'release', 'version', 'build' or 'v'; a dotted one after a
# product ('gateway 4.2', 'Android 12.1'), where a plain one may be a count ('API 3x').
_RELEASE = re.compile(r"\b(?:release|version|build|v)[ \u00a0]?\Z", re.I)
_PRODUCT = re.compile(
    r"\b(?:gateway|app|api|sdk|ios|android|python|java|node|chrome|firefox|kubernetes|postgres(?:ql)?)"
    r"[ \u00a0]\Z",
    re.I,
)


# A dotted number after an acronym names a version of a standard ('WCAG 2.2', 'TLS
# 1.3'), unless the acronym is a currency ('EUR 3.4 million').
_ACRONYM = re.compile(r"\b([A-Z]{2,6})[ \u00a0]\Z")


def _is_release(text: str, m: re.Match) -> bool:
    start = max(0, m.start() - 16)
    if _RELEASE.search(text, start, m.start()):
        return True
    if "." not in m.group(0).rstrip(".,"):
        return False
    if _PRODUCT.search(text, start, m.start()):
        return True
    acronym = _ACRONYM.search(text, start, m.start())
    if acronym is None:
        return False
    return acronym.group(1) not in _CURRENCY_CODES and not m.group(0).endswith(("%", "x"))


def _currency(text: str, start: int) -> int:
    """Where the figure starting at `start` really starts, with its currency."""
    if start and text[start - 1] in _CURRENCY_SIGNS:
        return start - 1
    code = text[start - 4 : start] if start >= 4 else ""
    if (
        len(code) == 4
        and code[3] == " "
        and code[:3] in _CURRENCY_CODES  # not any three capitals: 'API 3x' is no amount
        and (start == 4 or not text[start - 5].isalnum())
    ):
        return start - 4
    return start


def figures(*texts: str, limit: int = 6, shortest: int = 2) -> list[str]:
    """Figures as they appear in the text ('18,400', '31%', '47 minutes'), in order, without repeats.
    A lone digit ('5') is left out unless `shortest` is 1: in a story's list of figures
    it says little, though in a result ('fell from 5 to 2') it is the outcome."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        for m in _NUMBER.finditer(text):
            if _is_release(text, m):
                continue  # 'gateway 4.2', 'release 8.14': which one, not how much
            f = text[_currency(text, m.start()) : m.end()].rstrip(".,")
            if len(f) >= shortest and f not in out:
                out.append(f)
                if len(out) == limit:
                    return out
    return out


def sentence(text: str) -> str:
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


def join(*parts: str) -> str:
    return " ".join(sentence(p) for p in parts if p and p.strip())


# A clause has a verb; an answer that opens with a bare noun phrase ('Tax reports and
# multi-currency payouts.') means something only after its question. A verb is found
# by its helpers and endings, or a sentence's own subject: good enough to tell a short
# list of things from a sentence, which is all that is asked of it.
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|should|"
    r"must|may|might|shall|need|needs|[a-z]{2,}ed|[a-z]{3,}ing|i|we|they|he|she|it|you|"
    r"send|stop|keep|make|use|add|cut|get|take|give|let|ask|see)\b",
    re.I,
)


def is_fragment(sentence: str) -> bool:
    """A short sentence with no verb: a list of things, an answer to a question not said."""
    words = sentence.split()
    return 0 < len(words) <= 25 and not _CLAUSE.search(sentence)


# Digits that are not an amount: a date (2026-03-08), a time of day (17:42), and the
# number of a compound ('12-week', '24-hour'), which names a period, not an outcome.
_NOT_AMOUNT = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d+(?:\.\d+)?-(?=[a-z])", re.I)


def has_figure(text: str) -> bool:
    """A figure an interviewer hears as a result: a percentage, an amount, a count or
    a duration; not a date, a version, a year, nor the 4 of '4-week'. A 'Your part'
    prompt's own words do not count."""
    said = _NOT_AMOUNT.sub(" ", " ".join(x for x in sentences(text) if not is_prompt(x)))
    for f in figures(said, limit=20, shortest=1):
        bare = f.replace(",", "")
        if bare.isdigit() and 1900 <= int(bare) <= 2100:
            continue  # a year
        if re.fullmatch(r"\d+(\.\d+){2,}", f):
            continue  # a version (7.3.1)
        return True
    return False
