"""A rotation as a STAR story, every sentence taken from the rotation or asked of its author.

The policy is what the rotation says; what was wrong before and what changed after
come from its outcome section (a change log with before and after figures) or are
asked for. The generated schedule's load is a plan, not a result, and is not used."""

from __future__ import annotations

import re

from sdmkit.stories.draft import Picker, build, decision_sentence, episodes, figure_sentence

_BEFORE = re.compile(r"^(Before|Until now|Until)\b|\bused to\b", re.I)  # what was wrong before the policy


def mine(doc, r) -> list[tuple[str, str, dict]]:
    if not r.active_members():
        return []
    pick = Picker(doc.content, doc.title)
    outcome = pick.first("outcome.summary", 3) + pick.joined("outcome.figures[]", figure_sentence)
    policy = pick.each("policy")
    before = [(p, s) for p, s in policy if _BEFORE.search(s)]
    # The known risks are what the next shifts should watch ('the certificate is
    # renewed on 2 December'): true, but not what on-call was like before the change.
    situation = before
    stories = [
        build(
            doc,
            pick=pick,
            slot="oncall",
            title=f"Changing on-call: {doc.title}",
            question="Tell me about something you changed to make your team a better place to work.",
            parts={
                "situation": situation,
                "task": pick.first("my_part.role", 2),
                "action": pick.joined("my_part.decisions[]", decision_sentence)
                + [(p, s) for p, s in policy if (p, s) not in before],
                "result": outcome,
            },
            prompts={
                "situation": "what was on-call like before this rotation (pages, nights, who carried them)",
                "task": "what did you set out to change, and why was it yours to change",
                "action": "what did you decide yourself about this rotation, and who pushed back",
                "result": "what changed after the policy, with before and after figures (pages, nights, people)",
            },
            follow_ups=(
                "How did you handle someone who wanted out of on-call?",
                "What did it cost the roadmap?",
            ),
        )
    ]
    stories += episodes(doc, pick, ("policy", "my_part.trade_off"), situation, outcome)
    return stories
