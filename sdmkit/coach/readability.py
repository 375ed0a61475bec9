"""Flesch reading ease and Flesch-Kincaid grade, offline.

Syllables are counted by vowel groups with the usual English corrections (a silent
final 'e', '-le' endings, '-ed' that adds no syllable). It is an estimate, as every
Flesch implementation is; it is stable, and good enough to tell a press release a
customer reads from one only a lawyer enjoys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sdmkit.coach.text import mask, sentences, words

_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    w = word.lower().strip("'’")
    if not w:
        return 0
    if w.isdigit():
        return max(1, len(w) // 2)
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith("ed") and not w.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(1, count)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def ease(self) -> float:
        if not self.words:
            return 100.0
        return round(
            206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words), 1
        )

    @property
    def grade(self) -> float:
        if not self.words:
            return 0.0
        return round(0.39 * (self.words / self.sentences) + 11.8 * (self.syllables / self.words) - 15.59, 1)

    def describe(self) -> str:
        e = self.ease
        band = (
            "very easy"
            if e >= 90
            else "easy"
            if e >= 70
            else "plain English"
            if e >= 60
            else "fairly difficult"
            if e >= 50
            else "difficult"
            if e >= 30
            else "very difficult"
        )
        return f"{e:.0f} ({band}), grade {self.grade:.0f}"


def measure(texts) -> Readability:
    n_words = n_sent = n_syl = 0
    for text in texts:
        if not text or not text.strip():
            continue
        for sentence in sentences(mask(text)):
            ws = words(sentence)
            if not ws:
                continue
            n_sent += 1
            n_words += len(ws)
            n_syl += sum(syllables(w) for w in ws)
    return Readability(n_words, max(n_sent, 1), n_syl)
