"""Checks on a STAR story, as an interviewer hears it.

A 2-3 minute answer is about 300 to 450 spoken words (about 150 a minute). The
action should carry about 60% of it: that is where the interviewer learns what you
did. 'We' hides who acted; the result needs a number."""

from __future__ import annotations

import re

from sdmkit.coach.rule import Hit, Rule
from sdmkit.coach.text import words
from sdmkit.document import shorten
from sdmkit.kinds.story.model import Story

WORDS_PER_MINUTE = 150
MIN_WORDS, MAX_WORDS = 2 * WORDS_PER_MINUTE, 3 * WORDS_PER_MINUTE
ACTION_SHARE = (0.45, 0.75)  # around 60%
_WE = re.compile(r"\b(we|we're|we've|we'd|our|us)\b", re.I)
_I = re.compile(r"\b(I|I'm|I've|I'd|me|my)\b")


def _counts(s: Story) -> dict[str, int]:
    return {part: len(words(getattr(s, part))) for part in ("situation", "task", "action", "result")}


def _complete(s: Story):
    for part in ("situation", "task", "action", "result"):
        if not getattr(s, part):
            yield Hit(part, f"No {part} yet", "A STAR story has all four parts.")


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _i_not_we(s: Story):
    we, i = len(_WE.findall(s.action)), len(_I.findall(s.action))
    if s.action and we > i:
        yield Hit(
            "action",
            f"The action says 'we' {_times(we)} and 'I' {_times(i)}",
            "Say what you did: 'I set up', 'I decided', 'I asked'. The interviewer is hiring you.",
        )


def _quantified(s: Story):
    # On first check: the story bank's modules stay out of the kind's import (the registry lists every kind).
    from sdmkit.stories.text import has_figure

    if s.result and not has_figure(s.result):
        yield Hit(
            "result",
            "The result has no figure",
            "Say how much changed: minutes, percent, customers, money, people promoted.",
        )


def _your_part(s: Story):
    """A mined story asks what the documents do not say: the candidate's own part.
    Each question stays flagged until it is answered in the story's own words."""
    # On first check, as above.
    from sdmkit.stories.grounding import is_prompt, sentences

    for part in ("situation", "task", "action", "result"):
        for x in sentences(getattr(s, part)):
            if is_prompt(x):
                yield Hit(
                    part,
                    f"Answer this in your own words: {x}",
                    "Mining asks what your documents do not say. Replace the question with what you did, "
                    "with 'I' and a figure where you have one.",
                )


def _action_share(s: Story):
    counts = _counts(s)
    total = sum(counts.values())
    if total < 80 or not counts["action"]:
        return
    share = counts["action"] / total
    low, high = ACTION_SHARE
    if not low <= share <= high:
        yield Hit(
            "action",
            f"The action is {share:.0%} of the story (aim for about 60%)",
            "Shorten the situation and task; spend the time on what you did and why."
            if share < low
            else "Leave room for the situation and the result.",
        )


def _length(s: Story):
    total = sum(_counts(s).values())
    if total and not MIN_WORDS <= total <= MAX_WORDS:
        minutes = total / WORDS_PER_MINUTE
        yield Hit(
            "situation",
            f"The story is {total} words, about {minutes:.1f} minutes spoken (aim for 2 to 3)",
            "Cut to the decisions that mattered."
            if total > MAX_WORDS
            else "Add the detail that shows your judgement.",
        )


def _principles(s: Story):
    if not [p for p in s.principles if p.principle]:
        yield Hit(
            "principles", "No Leadership Principle named", "Name the one or two principles it shows best."
        )
    # On first check, as above.
    from sdmkit.interview import PRINCIPLES

    for i, p in enumerate(s.principles, 1):
        if p.principle and p.principle not in PRINCIPLES:
            yield Hit(
                f"principles[{i}].principle",
                f"'{p.principle}' is not one of the 16 Leadership Principles",
                "Use the name as published.",
            )


def _suggested(s: Story):
    """Mining proposes a principle on the story's wording alone at strength 1: the
    evidence is where its words are, not a behaviour of it. The user decides."""
    for i, p in enumerate(s.principles, 1):
        if p.principle and p.strength == 1:
            yield Hit(
                f"principles[{i}].strength",
                f"'{p.principle}' is only suggested by the story's wording",
                f"Check that the evidence shows it ('{shorten(p.evidence, 80)}'). If it does, set its strength to 2 "
                "or more; if not, take it off: it stays off when you mine again.",
            )


def _numbers_in_story(s: Story):
    text = " ".join((s.situation, s.task, s.action, s.result))
    for i, n in enumerate(s.numbers, 1):
        if n and n not in text:
            yield Hit(
                f"numbers[{i}]",
                f"The figure '{n}' is listed but the story does not say it",
                "Use the figure as it appears in the source, or remove it from the list.",
            )


def _figures_in_sources(subject):
    # On first check, as above.
    from sdmkit.stories.sources import check_figures

    s, lookup = subject
    missing = {c.figure for c in check_figures(lookup, s) if not c.found}
    for i, n in enumerate(s.numbers, 1):
        if n in missing:
            yield Hit(
                f"numbers[{i}]",
                f"The figure '{n}' is not in any of the story's source documents",
                "Check it against the source: an interviewer who asks will expect the real number.",
            )


def _source_moved_on(subject):
    # On first check, as above.
    from sdmkit.stories.mine import untouched
    from sdmkit.stories.sources import changed_source

    s, lookup = subject
    if doc := changed_source(lookup, s):
        said = (
            f"'{doc.title}' has changed since this story was taken from it "
            f"(version {s.origin_version}, now {doc.version})"
        )
        if untouched(s.model_dump(include={"situation", "task", "action", "result", "generated"})):
            yield Hit("origin", said, "Mine again (Story bank, Mine) to bring the story up to date.")
        else:
            yield Hit(
                "origin",
                said,
                "Your edits are kept, so mining did not rewrite the story. Compare the versions in the "
                "document's History, bring the story up to date, then mark it checked in the Sources tab.",
            )


WORKSPACE_RULES = (
    Rule("story.source_figures", "The figures match the source documents", "warning", _figures_in_sources),
    Rule(
        "story.source_changed",
        "Checked against the latest version of its source",
        "warning",
        _source_moved_on,
    ),
)

RULES = (
    Rule("story.complete", "All four STAR parts", "error", _complete),
    Rule("story.i_not_we", "'I' rather than 'we' in the action", "warning", _i_not_we),
    Rule("story.quantified", "A quantified result", "warning", _quantified),
    Rule("story.your_part", "Every 'Your part' question answered", "warning", _your_part),
    Rule("story.action_share", "The action is about 60% of the answer", "warning", _action_share),
    Rule("story.length", "A 2-3 minute answer", "info", _length),
    Rule("story.principles", "Principles named as published", "warning", _principles),
    Rule("story.suggested", "Every principle shown, not only suggested", "warning", _suggested),
    Rule("story.numbers", "The figures listed appear in the story", "warning", _numbers_in_story),
)
