"""A COE as a STAR story: impact is the situation, owning the COE the task, the
timeline and action items the action, the time metrics and lessons the result."""

from __future__ import annotations

from sdmkit.kinds.coe import timeline, whys
from sdmkit.kinds.coe.model import COE
from sdmkit.stories.text import figures, join


def mine(doc, c: COE) -> list[tuple[str, str, dict]]:
    if not (c.summary or c.impact.how_many or c.timeline):
        return []
    m = timeline.metrics(c)
    mitigation = next((e.description for e in c.timeline if e.type == "mitigation"), "")
    done = [a for a in c.action_items if a.status == "done"]
    leaves = whys.leaves(c)
    situation = join(
        c.impact.how_many and f"{doc.title}: {c.impact.how_many}", c.impact.who, c.impact.description
    )
    task = join(
        f"I owned the response and the COE for {doc.team or 'the team'}"
        if c.authors
        else "I owned the response and the COE",
        "My job was to restore service and make sure it could not happen the same way again",
    )
    action = join(
        mitigation and f"To stop the impact I led the mitigation: {mitigation.lower()}",
        leaves
        and f"I drove the five whys to {len(leaves)} root cause{'s' if len(leaves) > 1 else ''}, "
        f"including that {leaves[0][0].text[0].lower() + leaves[0][0].text[1:]}",
        c.action_items
        and "I set action items with one owner and a date each: "
        + "; ".join(a.what.rstrip(".") for a in c.action_items[:3]),
    )
    result = join(
        m.mitigate
        and f"Customer impact lasted {timeline.duration_text(m.impact)}; we detected it in "
        f"{timeline.duration_text(m.detect)}",
        c.action_items and f"{len(done)} of {len(c.action_items)} action items are done",
        c.lessons and f"What I learned: {c.lessons[0][0].lower() + c.lessons[0][1:]}",
    )
    principles = [{"principle": "Ownership", "evidence": "I owned the response and the COE."}]
    if len(leaves) and max(d for _, d, _ in leaves) >= 3:
        principles.append({"principle": "Dive Deep", "evidence": "I drove the five whys to the root causes."})
    if any(a.type == "prevent" for a in c.action_items):
        principles.append(
            {
                "principle": "Insist on the Highest Standards",
                "evidence": "Action items prevent the failure instead of only detecting it.",
            }
        )
    if m.mitigate is not None and m.mitigate.total_seconds() <= 3600:
        principles.append(
            {"principle": "Bias for Action", "evidence": "I led the mitigation within the hour."}
        )
    story = {
        "question": "Tell me about a time you failed. What did you learn from it?",
        "situation": situation,
        "task": task,
        "action": action,
        "result": result,
        "principles": principles,
        "scope": "multi-team" if len(c.services) > 2 else "team",
        "numbers": figures(c.impact.how_many, *(x.value for x in c.impact.measures)),
        "sources": [
            {"document_id": doc.id, "section": s, "note": n}
            for s, n in (
                ("impact", "situation"),
                ("authors", "task"),
                ("timeline", "action"),
                ("action_items", "action"),
                ("lessons", "result"),
            )
        ],
        "follow_ups": [
            "What would you do differently during the incident?",
            "How did you keep the COE blameless?",
            "Which action item mattered most, and why?",
        ],
    }
    return [("coe", f"Story: {doc.title}", story)]
