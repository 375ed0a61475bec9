"""A metric review as STAR stories, every sentence taken from the review or asked of its author.

For each signal its owner explained: the metric against its target, the
investigation and the fix as the commentary tells them, and what the later weeks
showed (the outcome section, or a prompt). Figures are the review's own."""

from __future__ import annotations

import re

from sdmkit.stories.draft import Picker, build, decision_sentence, done_sentence, figure_sentence
from sdmkit.stories.grounding import text_of


def _stated(value: float, unit: str) -> str:
    """A figure as the review's field states it ('33900 USD', not a reformatted
    '33,900 USD'): a story repeats the source's figures, it does not restate them."""
    text = text_of(value)
    return f"{text} {unit}" if unit and unit != "count" else text


# The name of the XmR rule that fired ('rule 1: ', 'moving range: '): the review's
# table needs it, a story told aloud does not.
_RULE = re.compile(r"^(rule \d+|moving range): ")


def _situation(m) -> str:
    """'p99 latency was 840 ms, target 800 ms: above the upper limit (752), and a
    change of 173 from the week before, above the range limit (57.65).' The metric's
    own figures and signal, said as a sentence instead of pasted as the table's cells
    ('p99 latency: 840 ms, target 800 ms, rule 1: above ...')."""
    said = f"{m.name} was {_stated(m.value, m.unit)}" if m.value is not None else m.name
    if m.target is not None:
        said += f", target {_stated(m.target, m.unit)}"
    found = [_RULE.sub("", part.strip()) for part in m.signal.split(";") if part.strip()]
    return f"{said}: {', and '.join(found)}." if found else f"{said}."


def mine(doc, c) -> list[tuple[str, str, dict]]:
    pick = Picker(doc.content, doc.title)
    outcome = pick.first("outcome.summary", 3) + pick.joined("outcome.figures[]", figure_sentence)
    out = []
    for i, m in enumerate(c.metrics, 1):
        if not (m.signal and m.commentary):
            continue
        out.append(
            build(
                doc,
                pick=pick,
                slot=f"signal:{m.name}",
                title=f"{m.name} in the week ending {c.week_ending}",
                question="Tell me about a problem you found by looking at the data yourself.",
                parts={
                    # The review's notes set the scene ('First week after release 4.2');
                    # they are not what came of the fix.
                    "situation": [(f"metrics[{i}]", _situation(m))]
                    + pick.first("notes", 1)
                    + pick.items("events[]", 2),
                    "task": pick.first("my_part.role", 2),
                    "action": pick.joined("my_part.decisions[]", decision_sentence)
                    + pick.each(f"metrics[{i}].commentary")
                    + pick.joined("action_items[]", done_sentence)[:2],
                    "result": outcome,
                },
                prompts={
                    "task": "what made this signal yours to chase",
                    "action": "what did you look at yourself to find the cause",
                    "result": "what did the following weeks' data show after the fix",
                },
                follow_ups=("How did you know it was a signal and not noise?", "What did the fix cost?"),
            )
        )
    if not out and c.metrics and (c.notes or c.events):
        out.append(
            build(
                doc,
                pick=pick,
                slot="review",
                title=doc.title,
                question="Describe your process for setting team goals and measuring success.",
                parts={
                    "situation": pick.first("notes", 2) + pick.items("events[]", 2),
                    "task": pick.first("my_part.role", 2),
                    "action": pick.joined("my_part.decisions[]", decision_sentence)
                    + pick.joined("action_items[]", done_sentence)[:3],
                    "result": outcome,
                },
                prompts={
                    "task": "why did you run this review, and what did you want it to change",
                    "action": "what did you change about how the team reviews its metrics",
                    "result": "what did the review change in the following weeks, with a figure",
                },
            )
        )
    return out
