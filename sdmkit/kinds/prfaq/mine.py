"""A PR/FAQ as a STAR story: the customer's problem, the decision to work
backwards, the solution and its evidence, and the launch."""

from __future__ import annotations

from sdmkit.kinds.prfaq.model import PRFAQ
from sdmkit.stories.text import figures, join


def mine(doc, c: PRFAQ) -> list[tuple[str, str, dict]]:
    if not (c.problem or c.headline):
        return []
    story = {
        "question": "Tell me about a time you invented something new for your customers.",
        "situation": join(c.customer, c.problem),
        "task": join(
            "I needed to decide whether this was worth building, and convince my leaders either way"
        ),
        "action": join(
            "I wrote a PR/FAQ, working backwards from the customer",
            c.evidence and f"I gathered the evidence first: {c.evidence[0].lower() + c.evidence[1:]}",
            c.solution,
            c.internal_faqs
            and "I answered the hard questions in the internal FAQ: "
            + "; ".join(q.question.rstrip("?") for q in c.internal_faqs[:2]),
        ),
        "result": join(
            c.headline and f"The result: {c.headline}",
            c.launch_date and f"Planned launch: {c.launch_date:%d %B %Y}",
            c.benefit,
        ),
        "principles": [
            {"principle": "Customer Obsession", "evidence": "I worked backwards from the customer."},
            {"principle": "Invent and Simplify", "evidence": c.headline or "The PR/FAQ's solution."},
            {"principle": "Are Right, A Lot", "evidence": "I gathered the evidence before deciding."},
        ],
        "scope": "multi-team",
        "numbers": figures(c.problem, c.evidence, c.summary),
        "sources": [
            {"document_id": doc.id, "section": s, "note": n}
            for s, n in (
                ("customer", "situation"),
                ("problem", "situation"),
                ("evidence", "action"),
                ("solution", "action"),
                ("headline", "result"),
            )
        ],
        "follow_ups": [
            "What did the reviewers push back on?",
            "How will you know it worked?",
            "What did you decide not to build?",
        ],
    }
    return [("prfaq", f"Story: {doc.title}", story)]
