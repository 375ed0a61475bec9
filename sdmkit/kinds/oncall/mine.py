"""A rotation as a STAR story: an on-call policy that kept load fair and sustainable."""

from __future__ import annotations

from sdmkit.stories.text import join


def mine(doc, r) -> list[tuple[str, str, dict]]:
    from sdmkit.kinds.oncall.rules import schedule_for
    from sdmkit.kinds.oncall.schedule import needed_people

    members = r.active_members()
    if not members:
        return []
    loads = schedule_for(r).loads.values()
    spread = f"{min(loads):.0f} to {max(loads):.0f} weighted hours" if loads else ""
    story = {
        "question": "Tell me about something you changed to make your team a better place to work.",
        "situation": join(
            f"{doc.team or 'My team'} ran on-call with {len(members)} people",
            "Load was uneven and handoffs lived in chat",
        ),
        "task": join("I set out to make on-call fair, visible and sustainable"),
        "action": join(
            "I defined the on-call policy and an escalation path",
            r.policy and f"The policy says: {r.policy.splitlines()[0]}",
            "I set up a rotation that balances weighted load, counts weekends, holidays and nights, "
            "and respects everyone's leave",
            "I introduced written handoff notes at every shift change",
        ),
        "result": join(
            spread and f"Load now stays within {spread} across the team",
            f"The rotation needs at least {needed_people(r)} people and has {len(members)}",
        ),
        "principles": [
            {
                "principle": "Strive to be Earth's Best Employer",
                "evidence": "I made on-call fair and sustainable.",
            },
            {"principle": "Ownership", "evidence": "I defined the on-call policy and escalation."},
        ],
        "scope": "team",
        "numbers": [f"{len(members)} people"],
        "sources": [
            {"document_id": doc.id, "section": s, "note": n}
            for s, n in (("members", "situation"), ("policy", "action"), ("escalation", "action"))
        ],
        "follow_ups": [
            "How did you handle someone who wanted out of on-call?",
            "What did it cost the roadmap?",
        ],
    }
    return [("oncall", f"Story: {doc.title}", story)]
