"""A metric review as STAR stories: for each signal that was explained, the
anomaly, the investigation, the fix and the metric."""

from __future__ import annotations

from sdmkit.metrics.format import number
from sdmkit.stories.text import join


def mine(doc, c) -> list[tuple[str, str, dict]]:
    out = []
    for m in c.metrics:
        if not (m.signal and m.commentary):
            continue
        value = number(m.value, m.unit)
        out.append(
            (
                f"signal:{m.name}",
                f"Story: {m.name} in the week ending {c.week_ending}",
                {
                    "question": "Tell me about a problem you found by looking at the data yourself.",
                    "situation": join(
                        f"In our weekly metric review, {m.name} was {value} against a target of "
                        f"{number(m.target, m.unit)}",
                        f"It was {m.signal}",
                    ),
                    "task": join("I owned the review and needed the owner to explain it, not shrug it off"),
                    "action": join(
                        "I asked for the investigation before the next review",
                        m.commentary,
                        c.action_items and "I set the action: " + c.action_items[0].what,
                    ),
                    "result": join(
                        f"We found the cause within the week; the metric's 4-week average is "
                        f"{number(m.avg4, m.unit)}"
                    ),
                    "principles": [
                        {"principle": "Dive Deep", "evidence": m.commentary},
                        {
                            "principle": "Deliver Results",
                            "evidence": "I set an action with an owner and a date.",
                        },
                    ],
                    "scope": "team",
                    "numbers": [value],
                    "sources": [{"document_id": doc.id, "section": "metrics", "note": m.name}],
                    "follow_ups": [
                        "How did you know it was a signal and not noise?",
                        "What did the fix cost?",
                    ],
                },
            )
        )
    if not out and c.metrics:
        # No explained signal this week: the story is the mechanism itself.
        signals = [m for m in c.metrics if m.signal]
        inputs = [m for m in c.metrics if m.kind == "input"]
        out.append(
            (
                "review",
                f"Story: running {doc.team or 'the team'}'s weekly metric review",
                {
                    "question": "Describe your process for setting team goals and measuring success.",
                    "situation": join(
                        f"{doc.team or 'My team'} tracked {len(c.metrics)} metrics, but reviews discussed "
                        "every wiggle and rarely the causes"
                    ),
                    "task": join("I wanted a weekly review that spends its time only on what is exceptional"),
                    "action": join(
                        f"I put the {len(inputs)} input metrics the team controls before the outputs they drive",
                        "I gave every metric an owner and XmR process limits, so routine variation needs no "
                        "discussion",
                        signals
                        and f"This week {len(signals)} metric"
                        f"{'s were' if len(signals) > 1 else ' was'} flagged, and the owner is investigating",
                    ),
                    "result": join(
                        f"The review now covers {len(c.metrics)} metrics and discusses only "
                        f"{len(signals)} of them"
                    ),
                    "principles": [
                        {
                            "principle": "Dive Deep",
                            "evidence": "Every metric has an owner and process limits.",
                        },
                        {
                            "principle": "Insist on the Highest Standards",
                            "evidence": "Inputs the team controls come first.",
                        },
                    ],
                    "scope": "team",
                    "numbers": [f"{len(c.metrics)} metrics"],
                    "sources": [{"document_id": doc.id, "section": "metrics", "note": "the review"}],
                    "follow_ups": ["How did you choose the input metrics?", "What changed after a signal?"],
                },
            )
        )
    return out
