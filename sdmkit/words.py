"""Short English words that carry no subject of their own.

The coach's acronym check and the story matcher each need such a list for a
different job (a capital word that is emphasis, not an acronym; a word of a question
that says nothing of which story to tell). They share these and each adds its own.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "by",
        "do",
        "for",
        "if",
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
        "that",
        "the",
        "this",
        "to",
        "was",
        "we",
        "who",
        "why",
        "you",
    ]
)
