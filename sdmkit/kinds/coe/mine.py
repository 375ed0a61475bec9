"""A COE as STAR stories, every sentence taken from the COE or asked of its author.

The failure and the response; the dive to the root cause and the fix; and an
episode of its own for what the author says they did (a disagreement, a person
looked after, a mistake admitted). The result is what the COE says changed
afterwards (its outcome section, or the author's notes); never the plan."""

from __future__ import annotations

import re

from sdmkit.kinds.coe.model import COE
from sdmkit.stories.behaviours import SOMEONE_ELSE
from sdmkit.stories.draft import (
    FIRST_PERSON_ANY,
    Picker,
    build,
    contest_sentence,
    decision_sentence,
    done_sentence,
    episodes,
    figure_sentence,
)

# Sentences that report what changed after the action items.
_AFTER = re.compile(r"\b(since|now|fell|has stayed|have stayed|no \w+ (has|in)|recovered|rejoined)\b", re.I)
_DIVE = re.compile(r"\b(I (asked|read|went|looked|found|traced|reopened)|graphs?|logs|line by line)\b", re.I)
_NOTES = ("review_notes", "went_well[]", "went_wrong[]", "lessons[]", "my_part.trade_off")


def _outcome(pick: Picker) -> list:
    return (
        pick.first("outcome.summary", 3)
        + pick.joined("outcome.figures[]", figure_sentence)
        + [(p, s) for p, s in pick.each("review_notes") if _AFTER.search(s)]
    )


def _my_part(pick: Picker) -> list:
    return pick.first("my_part.role", 2)


def _decisions(pick: Picker) -> list:
    return pick.joined("my_part.decisions[]", decision_sentence) + pick.joined(
        "my_part.contested[]", contest_sentence
    )


def mine(doc, c: COE) -> list[tuple[str, str, dict]]:
    if not (c.summary or c.impact.how_many or c.timeline):
        return []
    pick = Picker(doc.content, doc.title)
    outcome = _outcome(pick)
    lesson = pick.item("lessons[1]")
    mitigation = next(
        (f"timeline[{i}].description" for i, e in enumerate(c.timeline, 1) if e.type == "mitigation"), ""
    )
    situation = pick.first("summary", 2) + pick.item("impact.how_many") + pick.first("impact.description", 2)
    # What the team changed so it cannot happen again: the action items the COE marks
    # done. An open item is a plan, and a story that told it as done would be untrue.
    fixes = [
        piece
        for i, a in enumerate(c.action_items, 1)
        if a.type in ("prevent", "detect", "process")
        for piece in pick.joined(f"action_items[{i}]", done_sentence)
    ]
    scope = "multi-team" if len(c.services) > 2 else "team"
    stories = [
        build(
            doc,
            pick=pick,
            slot="coe",
            title=doc.title,
            question="Tell me about a time you failed. What did you learn from it?",
            parts={
                "situation": situation,
                "task": _my_part(pick),
                "action": _decisions(pick)
                + pick.said(["timeline[].description", "went_well[]"])
                # The review's notes say what reviewers asked of the document ('The
                # bar raiser asked for the error graph'): an act of the author's only
                # where the author says 'I' or 'we'.
                + [
                    (p, s)
                    for p, s in pick.each("review_notes")
                    if FIRST_PERSON_ANY.search(s) and not SOMEONE_ELSE.match(s) and not _AFTER.search(s)
                ]
                + (pick.item(mitigation) if mitigation else [])
                + fixes[:4],
                "result": outcome + lesson,
            },
            prompts={
                "task": "what were you responsible for in this incident, and who else was involved",
                "action": "what did you decide or do yourself while customers were affected",
                "result": "what changed after the action items, with a figure (recurrence, incidents, minutes)",
            },
            scope=scope,
            follow_ups=(
                "What would you do differently during the incident?",
                "How did you keep the COE blameless?",
                "Which action item mattered most, and why?",
            ),
        )
    ]
    if c.whys or c.problem:
        stories.append(
            build(
                doc,
                pick=pick,
                slot="root-cause",
                title=f"Finding the root cause: {doc.title}",
                question="Tell me about a problem you found by looking at the data yourself.",
                parts={
                    "situation": pick.first("problem") + pick.item("impact.how_many"),
                    "action": pick.said(list(_NOTES), _DIVE) + pick.items("whys[].text", 6) + fixes[:4],
                    "result": outcome + pick.item("lessons[1]"),
                },
                prompts={
                    "task": "what made you look past the first explanation",
                    "action": "what did you look at yourself to find the cause",
                    "result": "what changed after the fix, with a figure (recurrence, incidents, minutes)",
                },
                scope=scope,
                follow_ups=("How did you know it was the root cause?", "What did the fix cost?"),
            )
        )
    stories += episodes(doc, pick, _NOTES + ("timeline[].description",), situation, outcome)
    return stories
