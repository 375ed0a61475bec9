"""Two patterns mining runs on every sentence are written for speed (the look-behind
after the first character it needs): they must find what their plain form finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sdmkit.stories import behaviours, grounding, text

# Pieces that make the patterns' edge cases likely: digits after letters, dots, colons,
# '#' and hyphens; months after numbers; units; sentence ends before capitals and quotes.
_PIECES = st.sampled_from(
    [
        *"0123456789aZx.,:#-!?%$€ \u00a0\n\t\"'(",
        "p99",
        "CFG-",
        "cfg-",
        " October",
        " Oct",
        " May",
        " ms",
        " min",
        " hours",
        " h",
        "x",
        " k",
        " million",
        "USD ",
        ". ",
        "! ",
        "? ",
        ".  ",
        " The",
        "31%",
        "1,200",
        "9:30",
        "v1.2.3",
        "18 h",
        "3 helpers",
    ]
)
_TEXTS = st.lists(_PIECES | st.text(max_size=3), max_size=40).map("".join)

# The figure pattern's head as it reads plainly, the rest as it is: the test holds the
# rewritten head to the plain one.
_FAST_HEAD, _PLAIN_HEAD = r"\d(?<![\w.:#]\d)(?<![A-Za-z]-\d)", r"(?<![\w.:#])(?<![A-Za-z]-)\d"
_PLAIN_NUMBER = re.compile(text._NUMBER.pattern.replace(_FAST_HEAD, _PLAIN_HEAD, 1), re.I)
_PLAIN_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_a_figure_is_found_where_the_plain_pattern_finds_one(sample):
    assert text._NUMBER.pattern.startswith(_FAST_HEAD)
    assert [m.span() for m in text._NUMBER.finditer(sample)] == [
        m.span() for m in _PLAIN_NUMBER.finditer(sample)
    ]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentences_split_where_the_plain_pattern_splits(sample):
    assert grounding._SENTENCE.split(sample) == _PLAIN_SENTENCE.split(sample)


_PLAIN_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|my|me)\b")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*"Imyeé_2 '.", "I'm", "I've", "my", "me", "AI", "Me", "émy"]), max_size=12).map(
        "".join
    )
)
def test_a_sentence_is_in_the_first_person_where_the_plain_pattern_says_so(sample):
    assert bool(behaviours.FIRST_PERSON.search(sample)) == bool(_PLAIN_FIRST_PERSON.search(sample))
