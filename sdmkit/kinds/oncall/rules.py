"""Coach rules for a rotation: people, coverage, escalation."""

from __future__ import annotations

from functools import lru_cache

from sdmkit.coach.rule import Hit, Rule
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.schedule import Schedule, generate


@lru_cache(maxsize=32)
def _cached(key: str) -> Schedule:
    return generate(Rotation.model_validate_json(key))


def schedule_for(r: Rotation) -> Schedule:
    """The generated schedule, computed once per distinct rotation (the coach runs on every keystroke)."""
    return _cached(r.model_dump_json())


def _members(r: Rotation):
    if not r.active_members():
        yield Hit("members", "The rotation has no members", "Add the people who take shifts.")


def _start(r: Rotation):
    if r.start_date is None:
        yield Hit(
            "start_date", "No start date", "The first handoff is on or after this date.", severity="warning"
        )


def _sustainable(r: Rotation):
    if not r.active_members():
        return
    for w in schedule_for(r).warnings:
        if "wants at least" in w:
            yield Hit(
                "members", w, "Grow the rotation, share it with a sister team, or drop the secondary layer."
            )


def _coverage(r: Rotation):
    if not r.active_members():
        return
    for w in schedule_for(r).warnings:
        if w.startswith("Coverage overlap"):
            # Two people paged for the same hour is waste, not a hole.
            yield Hit("regions", w, "The fix is in the message.", severity="warning")
        elif w.startswith("Coverage gap"):
            yield Hit("regions", w, "The fix is in the message; or widen a window or add a region.")
        elif "without anyone on call" in w:
            yield Hit("leave", w, "Move leave, add people, or record an override so someone is on call.")


def _names(r: Rotation):
    names = {m.name for m in r.active_members()}
    for i, lv in enumerate(r.leave, 1):
        if lv.person and lv.person not in names:
            yield Hit(f"leave[{i}].person", f"'{lv.person}' is not a member", "Use the name as in Members.")
        if not (lv.start and lv.end):
            yield Hit(
                f"leave[{i}].start", f"Leave {i} needs a first and a last day", "Both days are included."
            )
    for i, o in enumerate(r.overrides, 1):
        if o.person and o.person not in names:
            yield Hit(
                f"overrides[{i}].person", f"'{o.person}' is not a member", "Use the name as in Members."
            )
        if not (o.start and o.end and o.person):
            yield Hit(f"overrides[{i}]", f"Override {i} needs a start, an end and a person", "")


def _holidays(r: Rotation):
    if r.active_members() and not r.holiday_country:
        yield Hit(
            "holiday_country",
            "No public-holiday calendar: holidays count as ordinary days",
            "Type the ISO country code (DE, US, IE...) so holiday hours weigh double in the burden.",
            severity="info",
        )


def _escalation(r: Rotation):
    if not r.escalation:
        yield Hit("escalation", "No escalation policy", "Say who is paged next, and after how many minutes.")
    for i, e in enumerate(r.escalation, 1):
        if not e.who or e.after_minutes is None:
            yield Hit(f"escalation[{i}]", f"Escalation level {i} needs who and after how many minutes", "")


def _support(r: Rotation):
    if not r.support:
        yield Hit("support", "No support protocol", "List each severity and its response time.")


RULES = (
    Rule("oncall.members", "The rotation has members", "error", _members),
    Rule("oncall.start", "A start date", "warning", _start),
    Rule("oncall.sustainable", "Enough people for a sustainable rotation", "warning", _sustainable),
    Rule("oncall.coverage", "Every hour is covered", "error", _coverage),
    Rule("oncall.holidays", "A public-holiday calendar", "info", _holidays),
    Rule("oncall.names", "Leave and overrides name members", "warning", _names),
    Rule("oncall.escalation", "An escalation policy", "warning", _escalation),
    Rule("oncall.support", "A support protocol", "info", _support),
)
