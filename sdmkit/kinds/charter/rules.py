"""The coach's rules for a charter: what a team's page must say to be useful to the
teams that read it before they ask for something."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sdmkit import clock
from sdmkit.coach.rule import Hit, Rule
from sdmkit.coach.text import sentences
from sdmkit.kinds.charter.model import MAX_TENETS, Charter

_STAND = re.compile(
    r"\b(over|rather than|instead of|even (?:when|if|though)|before|at the (?:cost|expense) of|"
    r"unless|not|never|no|more than|less than|first|prefer|favou?r|trade|except|only)\b",
    re.I,
)
_CUSTOMER = re.compile(
    r"\b(customers?|users?|clients?|consumers?|callers?|buyers?|sellers?|"
    r"shoppers?|merchants?|developers?|partners?|riders?|patients?)\b",
    re.I,
)


def _required(c: Charter) -> Iterator[Hit]:
    if not c.team_name:
        yield Hit("team_name", "The team has no name", "Name the team the way other teams say it.")
    if not c.mission:
        yield Hit("mission", "There is no mission", "One sentence: who you serve and what you do for them.")
    if not c.tenets:
        yield Hit(
            "tenets",
            "There are no tenets",
            "Write 3 to 7 tenets: the beliefs that settle your team's recurring arguments.",
        )
    for i, t in enumerate(c.tenets, 1):
        if not t.name or not t.statement:
            missing = "name" if not t.name else "statement"
            yield Hit(
                f"tenets[{i}]",
                f"Tenet {i} has no {missing}",
                "Each tenet needs a short name and a one-sentence statement.",
            )


def _mission_one_sentence(c: Charter) -> Iterator[Hit]:
    n = len(sentences(c.mission)) if c.mission else 0
    if n > 1:
        yield Hit(
            "mission",
            f"The mission is {n} sentences, not one",
            "Cut it to one sentence; move the rest to the long-term direction.",
        )


def _too_many_tenets(c: Charter) -> Iterator[Hit]:
    if len(c.tenets) > MAX_TENETS:
        yield Hit(
            "tenets",
            f"{len(c.tenets)} tenets: more than {MAX_TENETS} and nobody remembers them",
            "Merge or drop tenets until the team can recite them.",
        )


def _tenet_takes_stand(c: Charter) -> Iterator[Hit]:
    for i, t in enumerate(c.tenets, 1):
        if t.statement and not _STAND.search(t.statement):
            yield Hit(
                f"tenets[{i}].statement",
                f"Tenet '{t.name or i}' takes no stand: it names no trade-off",
                "Say what you favour over what, e.g. 'correctness over speed when money moves'. "
                "A tenet nobody could disagree with settles nothing.",
            )


def _customer_tenet(c: Charter) -> Iterator[Hit]:
    if not c.tenets:
        return
    names = [re.escape(x.name) for x in c.customers if x.name]
    named = re.compile(r"\b(" + "|".join(names) + r")\b", re.I) if names else None
    for t in c.tenets:
        text = f"{t.name} {t.statement}"
        if _CUSTOMER.search(text) or (named and named.search(text)):
            return
    yield Hit(
        "tenets",
        "No tenet speaks about the customer",
        "Add a tenet that says how the customer wins when the team is torn.",
    )


def _stale(c: Charter) -> Iterator[Hit]:
    if c.next_review is None:
        yield Hit(
            "next_review",
            "No next review date",
            "Set a date; a charter nobody reviews goes stale.",
            severity="info",
        )
    elif c.next_review < clock.today():
        yield Hit(
            "next_review",
            f"Review date {c.next_review.isoformat()} has passed: the charter is stale",
            "Review the charter with the team and set the next date.",
        )


def _out_of_scope(c: Charter) -> Iterator[Hit]:
    if not [x for x in c.out_of_scope if x.strip()]:
        yield Hit(
            "out_of_scope",
            "Nothing is out of scope",
            "Say what the team will not do; it is the part other teams need most.",
        )


def _collaboration_timeboxed(c: Charter) -> Iterator[Hit]:
    for i, x in enumerate(c.interactions, 1):
        if x.mode == "collaboration" and x.until is None:
            yield Hit(
                f"interactions[{i}].until",
                f"Collaboration with '{x.team or i}' has no end date",
                "Collaboration is costly; give it an end date and the mode it moves to after.",
            )


RULES = (
    Rule("charter.required", "Name, mission and tenets are filled", "error", _required),
    Rule("charter.mission_one_sentence", "The mission is one sentence", "warning", _mission_one_sentence),
    Rule("charter.too_many_tenets", f"At most {MAX_TENETS} tenets", "warning", _too_many_tenets),
    Rule("charter.tenet_takes_stand", "Each tenet takes a stand", "warning", _tenet_takes_stand),
    Rule("charter.customer_tenet", "A tenet about the customer", "warning", _customer_tenet),
    Rule("charter.stale", "The review date has not passed", "warning", _stale),
    Rule("charter.out_of_scope", "Something is out of scope", "warning", _out_of_scope),
    Rule("charter.collaboration_end", "Collaborations have an end date", "info", _collaboration_timeboxed),
)
