"""A charter as STAR stories: forming a team identity, and a decision a tenet settled."""

from __future__ import annotations

from sdmkit.stories.text import figures, join


def mine(doc, c) -> list[tuple[str, str, dict]]:
    if not (c.mission or c.tenets):
        return []
    out = []
    identity = {
        "question": "Tell me about a time you built a team's culture or identity.",
        "situation": join(f"{c.team_name} needed a shared sense of what it was for and what it would not do"),
        "task": join(
            "As the manager, I set out to give the team a charter other teams could read as our contract"
        ),
        "action": join(
            "I gathered the team to write our mission and tenets together",
            c.mission and f"We agreed the mission: {c.mission}",
            c.tenets
            and "I pushed for tenets that take a stand, such as: "
            + "; ".join(f"{t.name}: {t.statement}" for t in c.tenets[:2]),
            c.out_of_scope
            and "I made us write what we would not do, starting with "
            + c.out_of_scope[0][0].lower()
            + c.out_of_scope[0][1:],
        ),
        "result": join(
            c.success_metrics
            and "We now measure ourselves by "
            + "; ".join(f"{m.name} ({m.target})" for m in c.success_metrics[:3])
        ),
        "principles": [
            {
                "principle": "Strive to be Earth's Best Employer",
                "evidence": "I wrote the charter with the team, not for it.",
            },
            {"principle": "Ownership", "evidence": "I made us write what we would not do."},
        ],
        "scope": "team",
        "numbers": figures(*(m.target for m in c.success_metrics)),
        "sources": [
            {"document_id": doc.id, "section": s, "note": n}
            for s, n in (
                ("mission", "action"),
                ("tenets", "action"),
                ("out_of_scope", "action"),
                ("success_metrics", "result"),
            )
        ],
        "follow_ups": [
            "How did you handle someone who disagreed with a tenet?",
            "When did the charter change a decision?",
        ],
    }
    out.append(("charter", f"Story: forming {c.team_name or doc.title}", identity))
    if c.tenets:
        t = c.tenets[0]
        out.append(
            (
                "tenet",
                f"Story: the tenet '{t.name}'",
                {
                    "question": "Tell me about a time you had to make a difficult decision that impacted your team.",
                    "situation": join(
                        f"A partner team asked {c.team_name} for something that went against our tenet "
                        f"'{t.name}'"
                    ),
                    "task": join("I had to decide, and explain the decision to both teams"),
                    "action": join(
                        f"I used our tenet to decide: {t.statement}",
                        "I explained the trade-off to the partner team and offered what we could do instead",
                    ),
                    "result": join(
                        "The tenet settled the argument quickly, and the partner team knew where we stood"
                    ),
                    "principles": [
                        {"principle": "Have Backbone; Disagree and Commit", "evidence": t.statement}
                    ],
                    "scope": "multi-team",
                    "numbers": [],
                    "sources": [{"document_id": doc.id, "section": "tenets", "note": "action"}],
                    "follow_ups": ["What did the partner team say?", "Would you make the same call today?"],
                },
            )
        )
    return out
