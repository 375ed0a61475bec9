"""The bar-raiser rubric: what a reviewer checks before a COE is approved.

Deterministic and offline: each rule reads the content and says where the COE falls
short and what to do about it. Locations count from 1, like the editor."""

from __future__ import annotations

import re
from datetime import timedelta

from sdmkit import clock
from sdmkit.coach.rule import Hit, Rule
from sdmkit.coach.text import sentences
from sdmkit.kind import RubricCheck
from sdmkit.kinds.coe import timeline as tl
from sdmkit.kinds.coe import whys as why_tree
from sdmkit.kinds.coe.model import COE

MIN_WHY_DEPTH = 3  # a root cause fewer whys than this from the problem is usually a symptom
MAX_SUMMARY_SENTENCES = 5
REQUIRED_EVENTS = ("start", "detection", "mitigation", "resolution")

HUMAN_ERROR = re.compile(
    r"\b(human|operator|user|engineer|manual|personnel|people)\s+(error|mistake|failure)s?\b|\bmistakes?\b|"
    r"\bforgot\b|\bcareless(ness)?\b|\b(did not|didn't|failed to)\s+follow\b|\bnot\s+careful\b|\boversight\b",
    re.I,
)


def _required(c: COE):
    if c.severity is None:
        yield Hit("severity", "No severity", "Pick 1 to 5; the definitions are beside the field.")
    if not c.summary:
        yield Hit(
            "summary", "No summary", "Five sentences for an executive: what happened, impact, cause, fix."
        )


def _summary_length(c: COE):
    n = len(sentences(c.summary)) if c.summary else 0
    if n > MAX_SUMMARY_SENTENCES:
        yield Hit(
            "summary",
            f"The summary is {n} sentences (at most {MAX_SUMMARY_SENTENCES})",
            "Keep what an executive needs; move the detail to the sections below.",
        )


def _impact_quantified(c: COE):
    parts = [c.impact.how_many, c.impact.description, *[m.value for m in c.impact.measures]]
    if not re.search(r"\d", " ".join(parts)):
        yield Hit(
            "impact",
            "Customer impact is not quantified",
            "Say how many customers, for how long, and what it cost: failed requests, latency, orders, "
            "revenue. 'Some customers' is not a number.",
        )


def _data_collected(c: COE):
    if not c.graph_links and not [p for p in c.data_points if p.value is not None]:
        yield Hit(
            "graph_links",
            "No metrics or graphs",
            "Link the dashboards you looked at, or enter the data points of the key metric so the "
            "COE shows the incident in a graph.",
        )


def _timeline_complete(c: COE):
    present = {e.type for e in c.timeline if e.at is not None}
    missing = [t for t in REQUIRED_EVENTS if t not in present]
    if missing:
        yield Hit(
            "timeline",
            f"The timeline has no {', '.join(missing)} event",
            "Mark when impact started, when it was detected, mitigated and resolved; the time metrics "
            "are computed from these.",
        )
    for i, e in enumerate(c.timeline, 1):
        if e.at is None and (e.description or e.type != "other"):
            yield Hit(f"timeline[{i}].at", f"Event {i} has no time", "Give the time and its time zone.")


def _timeline_order(c: COE):
    for i in tl.out_of_order(c):
        yield Hit(
            f"timeline[{i + 1}].at",
            f"Event {i + 1} is earlier than an event listed before it",
            "Put the events in time order (change the # column) or correct the time.",
        )


def _end_before_start(c: COE):
    start = tl.first_of(c, "start")
    if start is None:
        return
    for i, e in enumerate(c.timeline, 1):
        late_kind = e.type in ("detection", "engagement", "mitigation", "resolution")
        if late_kind and (at := c.event_utc(e)) is not None and at < start:
            yield Hit(
                f"timeline[{i}].at",
                f"The {e.type} (event {i}) is before the impact started",
                "Check the time and its time zone; impact start is the earliest customer effect.",
            )


def _empty_why(c: COE):
    numbers = why_tree.numbering(c)
    for i, n in enumerate(c.whys, 1):
        if not n.text:
            yield Hit(f"whys[{i}]", f"Why {numbers.get(n.id, i)} is empty", "Answer it, or delete it.")


def _whys_deep(c: COE):
    if not c.problem:
        yield Hit(
            "problem",
            "No problem statement for the whys to start from",
            "One sentence: what customers experienced.",
        )
    if not c.whys:
        yield Hit(
            "whys",
            "No whys yet",
            "Ask why the problem happened, then why that happened, until you reach "
            "causes you can fix with a mechanism.",
        )
        return
    for node, depth, number in why_tree.leaves(c):
        if node.text and depth < MIN_WHY_DEPTH:
            yield Hit(
                "whys",
                f"Root cause {number} is only {depth} why{'s' if depth > 1 else ''} from the problem",
                "Ask why again: a cause this close to the problem is usually a symptom.",
            )


def _human_error(c: COE):
    for node, _, number in why_tree.leaves(c):
        m = HUMAN_ERROR.search(node.text)
        if m:
            yield Hit(
                "whys",
                f"Root cause {number} blames '{m.group(0)}'",
                "Human error is where the whys start, not where they end: ask what check, guard or "
                "default would have caught it, and why it was missing.",
            )


def _root_cause_action(c: COE):
    addressed = {a.addresses for a in c.action_items if a.addresses and a.status != "won't do"}
    for node, _, number in why_tree.leaves(c):
        if node.text and node.id not in addressed:
            yield Hit(
                "action_items",
                f"Root cause {number} has no action item",
                f"Add an action item that addresses why {number}, or explain why none is needed.",
            )


def _action_owner(c: COE):
    for i, a in enumerate(c.action_items, 1):
        if not a.owner:
            yield Hit(
                f"action_items[{i}].owner",
                f"Action item {i} has no owner",
                "Name one person; a team is not an owner.",
            )


def _action_due(c: COE):
    for i, a in enumerate(c.action_items, 1):
        if a.due is None:
            yield Hit(
                f"action_items[{i}].due",
                f"Action item {i} has no due date",
                "Give a date the owner agreed to.",
            )


def _action_overdue(c: COE):
    for i, a in enumerate(c.action_items, 1):
        if a.status == "open" and a.due is not None and a.due < clock.today():
            yield Hit(
                f"action_items[{i}].due",
                f"Action item {i} was due {a.due.isoformat()} and is still open",
                "Finish it, or agree a new date and say why it moved.",
            )


def _action_addresses(c: COE):
    ids = {n.id for n in c.whys}
    for i, a in enumerate(c.action_items, 1):
        if a.addresses and a.addresses not in ids:
            yield Hit(
                f"action_items[{i}].addresses",
                f"Action item {i} addresses a why that no longer exists",
                "Pick the why it answers.",
            )


def people(c: COE) -> set[str]:
    """Names the COE itself mentions as people: authors, owners, approvers."""
    names = {*c.authors, *(a.owner for a in c.action_items), *(a.name for a in c.approvers)}
    out = set()
    for name in names:
        name = name.strip()
        if len(name) >= 2 and not re.search(r"team|@|\d", name, re.I):
            out.add(name)
            first = name.split()[0]
            if len(first) >= 3 and first[0].isupper():
                out.add(first)
    return out


def _blameless(c: COE):
    names = people(c)
    pattern = (
        re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)")
        if names
        else None
    )
    handle = re.compile(r"(?<![\w.])@[A-Za-z][\w.-]+")
    places = [
        (f"whys[{i}]", f"Why {why_tree.numbering(c).get(n.id, i)}", n.text) for i, n in enumerate(c.whys, 1)
    ]
    places += [
        (f"contributing_factors[{i}]", f"Contributing factor {i}", t)
        for i, t in enumerate(c.contributing_factors, 1)
    ]
    places += [(f"went_wrong[{i}]", f"What went wrong {i}", t) for i, t in enumerate(c.went_wrong, 1)]
    for location, label, text in places:
        m = (pattern.search(text) if pattern else None) or handle.search(text)
        if m:
            yield Hit(
                location,
                f"{label} names a person ('{m.group(0)}')",
                "Describe the gap in the system or process, not who was at the keyboard: "
                "'the deploy tool allowed a change without a canary', not 'Sam skipped the canary'.",
            )


# "for 47 minutes", "for 5 hours", "for 1 hour 20 minutes", "for 2 h 10 min": how long
# the writer says customers were hurt. Other durations ("40 minutes behind") are not claims
# about the incident's length and are left alone.
STATED = re.compile(
    r"\bfor (?:(\d+)\s*(?:hours?|hrs?|h)\b)?(?:\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?|m)\b)?",
    re.I,
)


def stated_durations(text: str) -> list[tuple[str, int, int]]:
    """(words, minutes, tolerance in minutes) for every 'for <duration>' in the text. A
    whole number of hours is a rounding: it matches within half an hour."""
    out = []
    for m in STATED.finditer(text or ""):
        hours, minutes = m.group(1), m.group(2)
        if hours is None and minutes is None:
            continue
        total = int(hours or 0) * 60 + int(minutes or 0)
        out.append((m.group(0)[4:].strip(), total, 30 if minutes is None else 1))
    return out


def duration_mismatches(c: COE, title: str = "") -> list[tuple[str, str, int]]:
    """(where, what it says, derived minutes) for each stated duration the timeline contradicts."""
    impact = tl.metrics(c).impact
    if impact is None:
        return []
    derived = round(impact.total_seconds() / 60)
    out = []
    for where, text in (("title", title or c.title), ("summary", c.summary), ("problem", c.problem)):
        for words, minutes, tolerance in stated_durations(text):
            if abs(minutes - derived) > tolerance:
                out.append((where, words, derived))
    return out


def _durations_agree(c: COE):
    for where, words, derived in duration_mismatches(c):
        yield Hit(
            "meta.title" if where == "title" else where,
            f"The {where} says {words}; the timeline gives an impact duration of "
            f"{tl.duration_text(timedelta(minutes=derived))}",
            "Impact runs from impact start to the event flagged 'ends impact' (else resolution). Fix the "
            "times or the flag, or the words.",
        )


RULES = (
    Rule("coe.required", "Severity and summary", "error", _required),
    Rule("coe.summary_length", "Summary of five sentences at most", "warning", _summary_length),
    Rule("coe.impact_quantified", "Impact is quantified", "error", _impact_quantified),
    Rule("coe.data_collected", "Metrics or graphs are attached", "warning", _data_collected),
    Rule(
        "coe.timeline_complete",
        "Timeline has start, detection, mitigation, resolution",
        "error",
        _timeline_complete,
    ),
    Rule("coe.timeline_order", "Timeline in time order", "error", _timeline_order),
    Rule("coe.end_before_start", "Nothing ends before the impact starts", "error", _end_before_start),
    Rule(
        "coe.durations_agree",
        "Title, summary and timeline give the same impact duration",
        "error",
        _durations_agree,
    ),
    Rule("coe.empty_why", "No empty whys", "error", _empty_why),
    Rule("coe.whys_deep", "The whys go deep enough", "warning", _whys_deep),
    Rule("coe.human_error", "Human error is not a root cause", "error", _human_error),
    Rule("coe.root_cause_action", "Every root cause has an action item", "error", _root_cause_action),
    Rule("coe.action_owner", "Every action item has an owner", "error", _action_owner),
    Rule("coe.action_due", "Every action item has a due date", "error", _action_due),
    Rule("coe.action_overdue", "No open action item is past due", "error", _action_overdue),
    Rule("coe.action_addresses", "Action items point at existing whys", "warning", _action_addresses),
    Rule("coe.blameless", "Blameless language", "error", _blameless),
)

RUBRIC = (
    RubricCheck(
        "Data collected", ("coe.data_collected",), "Attach graphs or data points of the key metrics."
    ),
    RubricCheck(
        "Impact quantified",
        ("coe.impact_quantified",),
        "Give numbers: customers, duration, errors, orders, revenue.",
    ),
    RubricCheck(
        "Timeline complete",
        ("coe.timeline_complete", "coe.timeline_order", "coe.end_before_start", "coe.durations_agree"),
        "Mark start, detection, mitigation and resolution, in time order.",
    ),
    RubricCheck(
        "Whys go deep enough",
        ("coe.whys_deep", "coe.empty_why"),
        f"Keep asking why until each root cause is at least {MIN_WHY_DEPTH} whys deep.",
    ),
    RubricCheck("No 'human error' root cause", ("coe.human_error",), "Ask what let the human error through."),
    RubricCheck(
        "Every root cause has an action item",
        ("coe.root_cause_action",),
        "Add an action item for each root cause.",
    ),
    RubricCheck(
        "Every action item has an owner and a due date",
        ("coe.action_owner", "coe.action_due"),
        "Give each action item one owner and a date.",
    ),
    RubricCheck("Blameless language", ("coe.blameless",), "Describe systems and processes, not people."),
)
