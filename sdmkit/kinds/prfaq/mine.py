"""A PR/FAQ as STAR stories, every sentence taken from the PR/FAQ or asked of its author.

The invention: the customer and their problem, the evidence and the solution, and
the result after launch from the outcome section (never the press release's
promise). The trade-off: what the internal FAQ says was cut, deferred or weighed.
And an episode of its own for what the author says they did."""

from __future__ import annotations

import re

from sdmkit.kinds.prfaq.model import PRFAQ
from sdmkit.stories.draft import Picker, build, contest_sentence, decision_sentence, episodes, figure_sentence

_TRADE_OFF = re.compile(
    r"\b(not build|not do|cut|instead|why not|decided not|deliberately|slip|cost)\w*", re.I
)
_NOTES = ("internal_faqs[].answer", "my_part.trade_off", "appendix")


def _outcome(pick: Picker) -> list:
    return (
        pick.first("outcome.summary", 3)
        + pick.joined("outcome.figures[]", figure_sentence)
        + pick.first("outcome.decision")
    )


def mine(doc, c: PRFAQ) -> list[tuple[str, str, dict]]:
    if not (c.problem or c.headline):
        return []
    pick = Picker(doc.content, doc.title)
    outcome = _outcome(pick)
    situation = pick.first("customer") + pick.first("problem", 2)
    mine_: list = pick.joined("my_part.decisions[]", decision_sentence) + pick.said(_NOTES)
    stories = [
        build(
            doc,
            pick=pick,
            slot="prfaq",
            title=doc.title,
            question="Tell me about a time you invented something new for your customers.",
            parts={
                "situation": situation,
                "task": pick.first("my_part.role", 2),
                "action": mine_ + pick.first("evidence", 5) + pick.first("solution", 4),
                "result": outcome,
            },
            prompts={
                "task": "what was your role in this proposal, and who had to be convinced",
                "action": "what did you decide yourself, and what did you do to get the evidence",
                "result": "what happened after launch against the success metrics, and what was decided",
            },
            scope="multi-team",
            follow_ups=(
                "What did the reviewers push back on?",
                "How will you know it worked?",
                "What did you decide not to build?",
            ),
        )
    ]
    faqs = [
        (i, qa)
        for i, qa in enumerate(c.internal_faqs, 1)
        if _TRADE_OFF.search(qa.question) or _TRADE_OFF.search(qa.answer)
    ]
    if faqs:
        stories.append(
            build(
                doc,
                pick=pick,
                slot="trade-off",
                title=f"The trade-offs: {doc.title}",
                question="How do you prioritize competing demands?",
                parts={
                    "situation": pick.first("problem", 2),
                    "action": pick.joined("my_part.contested[]", contest_sentence)
                    + [p for i, _ in faqs for p in pick.answer(f"internal_faqs[{i}]", 3)],
                    "result": outcome,
                },
                prompts={
                    "task": "which trade-off was yours to make",
                    "action": "what did you weigh, and who disagreed",
                    "result": "what did the trade-off cost or save after launch, with a figure",
                },
                scope="multi-team",
                follow_ups=("Who disagreed with the trade-off?", "Would you make the same call today?"),
            )
        )
    stories += episodes(doc, pick, _NOTES, situation, outcome, skip="quick decision")
    return stories
