"""A charter as STAR stories, every sentence taken from the charter or asked of its author.

Forming the team's identity: where the team stands and where it is going, the
tenets and working agreements that say how it works, and what the charter changed
(its outcome section, or a prompt). Each decision a tenet settled that the charter
records becomes a story of its own; a charter that records none gets none."""

from __future__ import annotations

from sdmkit.document import shorten
from sdmkit.stories.draft import Picker, build, decision_sentence, episodes, figure_sentence

_NOTES = ("long_term_direction", "my_part.trade_off")


def mine(doc, c) -> list[tuple[str, str, dict]]:
    if not (c.mission or c.tenets):
        return []
    pick = Picker(doc.content, doc.title)
    outcome = pick.first("outcome.summary", 3) + pick.joined("outcome.figures[]", figure_sentence)
    # The mission is where the team stands; the long-term direction is where it is
    # going ('By the end of 2028 ...'): the task the candidate took on, never the
    # situation, which a listener hears as already true.
    situation = pick.first("mission")
    goal = pick.first("long_term_direction")
    stories = [
        build(
            doc,
            pick=pick,
            slot="charter",
            title=_forming(c.team_name) if c.team_name else doc.title,
            question="How do you foster a culture of innovation and psychological safety?",
            parts={
                "situation": situation,
                "task": pick.first("my_part.role", 2) + goal,
                "action": pick.joined("my_part.decisions[]", decision_sentence)
                + pick.said(_NOTES)
                + pick.joined("tenets[]", ("name", "statement"), 4)
                + pick.items("working_agreements[]", 4),
                "result": outcome,
            },
            prompts={
                "task": "what did you set out to change by writing this charter with the team",
                "action": "what did you do yourself to get the team to these tenets",
                "result": "what did the charter change afterwards, for example a decision a tenet settled, "
                "with its date",
            },
            follow_ups=(
                "How did you handle someone who disagreed with a tenet?",
                "When did the charter change a decision?",
            ),
        )
    ]
    for i, d in enumerate(getattr(c, "my_part", None) and c.my_part.decisions or [], 1):
        if not d.decision:
            continue
        stories.append(
            build(
                doc,
                pick=pick,
                slot=f"decision:{i}",
                title=shorten(d.decision, 80),  # cut at a word, with an ellipsis
                question="Tell me about a time you had to make a difficult decision that impacted your team.",
                parts={
                    "situation": pick.first("mission"),
                    "action": pick.joined(f"my_part.decisions[{i}]", decision_sentence),
                    "result": outcome,
                },
                prompts={
                    "task": "who asked for what, and why was it yours to decide",
                    "result": "what happened after the decision, with a figure if you have one",
                },
                scope="multi-team",
            )
        )
    stories += episodes(doc, pick, _NOTES, situation, outcome)
    return stories


def _forming(team: str) -> str:
    """'Forming the Payments Platform team': the story's title as a candidate would
    say it ('Forming Payments Platform' read as a label)."""
    team = team.strip()
    if team.lower().startswith("the "):
        team = team[4:]
    return f"Forming the {team}" + ("" if team.lower().endswith("team") else " team")
