"""Team charter and tenets: the team's identity and its contract with other teams.

The charter is the page other teams read before they ask for something: what the
team is for, what it will not do, the tenets that settle its arguments, and how to
engage it. The coach's rules (rules.py) teach that while the manager writes."""

from __future__ import annotations

from sdmkit import clock
from sdmkit.kind import Column, Field, Kind, Section, lazy
from sdmkit.kinds.charter.model import (
    INTERACTION_MODES,
    MAX_TENETS,
    TEAM_TYPES,
    Charter,
    Customer,
    Engagement,
    Interaction,
    InteractionMode,
    Meeting,
    Member,
    OwnedService,
    SuccessMetric,
    SupportLevel,
    TeamType,
    Tenet,
)
from sdmkit.kinds.charter.rules import RULES
from sdmkit.kinds.my_part import OUTCOME_RULES
from sdmkit.kinds.my_part import sections as _story_sections

__all__ = [
    "INTERACTION_MODES",
    "KIND",
    "MAX_TENETS",
    "RULES",
    "TEAM_TYPES",
    "Charter",
    "Customer",
    "Engagement",
    "Interaction",
    "InteractionMode",
    "Meeting",
    "Member",
    "OwnedService",
    "SuccessMetric",
    "SupportLevel",
    "TeamType",
    "Tenet",
]


def _attention(c: Charter) -> list[str]:
    out = []
    if c.next_review and c.next_review < clock.today():
        out.append(f"review was due {c.next_review.isoformat()}")
    if not c.mission:
        out.append("no mission yet")
    return out


def _summary(c: Charter) -> str:
    return c.mission


# --- the guided editor -------------------------------------------------------------

SECTIONS: tuple[Section, ...] = (
    Section(
        "Identity",
        (
            Field(
                "team_name",
                "Team name",
                "line",
                "The name other teams use for you.",
                prompt="What do other teams call you when they need you?",
                example="Payments Platform",
            ),
            Field(
                "mission",
                "Mission",
                "text",
                "One sentence: who you serve and what you do for them.",
                prompt="Who is better off because this team exists, and how?",
                example="We give every Acme checkout a payment path that charges the right amount "
                "once, in under a second.",
            ),
            Field(
                "long_term_direction",
                "Long-term direction",
                "text",
                "Where the team is heading in two to three years, and why.",
                prompt="If everything goes right, what is true in three years that is not true now?",
                example="By 2028 every product line takes payments through one ledger-backed API, "
                "and adding a payment method takes a week, not a quarter.",
            ),
            Field(
                "team_type",
                "Team type",
                "choice",
                "Team Topologies type: how the team delivers value and to whom.",
                prompt="Do you deliver a customer-facing stream, a platform, expertise, or a hard subsystem?",
                choices=TEAM_TYPES,
            ),
        ),
    ),
    Section(
        "Customers and scope",
        (
            Field(
                "customers",
                "Customers and what they get",
                "table",
                "Who uses what the team builds, and what each gets from it.",
                prompt="Name customers by who they are, not by the system they call.",
                example="Checkout teams: one API to authorise, capture and refund across 14 methods.",
                columns=(
                    Column("name", "Customer", "Who they are", required=True),
                    Column("what_they_get", "What they get", "The outcome, not the feature", type="long"),
                ),
            ),
            Field(
                "in_scope",
                "In scope",
                "list",
                "What the team owns and will do. One item per line.",
                prompt="What would surprise people to learn you own?",
                example="Card, wallet and bank-transfer authorisation and capture",
                prose=True,
            ),
            Field(
                "out_of_scope",
                "Out of scope",
                "list",
                "What the team will not do, even when asked. One item per line.",
                prompt="What do people ask you for that belongs elsewhere, and where should they go?",
                example="Fraud decisions (owned by Risk Engineering)",
                prose=True,
            ),
        ),
    ),
    Section(
        "Tenets",
        (
            Field(
                "tenets",
                "Tenets",
                "cards",
                "Ordered beliefs that settle the team's recurring arguments, in priority order. "
                "The list closes with 'unless you know better ones'.",
                prompt="Which argument does the team keep having? Write the answer you want every time.",
                example="Correctness over latency: when money moves, we take the extra 50 ms to be sure.",
                columns=(
                    Column("name", "Name", "Two to five words", required=True),
                    Column(
                        "statement",
                        "Statement",
                        "One sentence that names a trade-off",
                        type="long",
                        required=True,
                    ),
                ),
            ),
        ),
        intro="Tenets are most useful when they name a trade-off someone could reasonably disagree with.",
    ),
    Section(
        "What the team owns",
        (
            Field(
                "services",
                "Services and software owned",
                "table",
                "Every service, pipeline, library or job the team answers pages for.",
                prompt="If it breaks at 3 a.m., whose phone rings?",
                example="payments-api: the public authorise/capture/refund API",
                columns=(
                    Column("name", "Service", "As named in the service catalog", required=True),
                    Column("description", "What it does", type="long"),
                ),
            ),
        ),
    ),
    Section(
        "Working with other teams",
        (
            Field(
                "interactions",
                "Team interactions",
                "table",
                "Teams you work with, how (collaboration, X-as-a-service, facilitating), why, and until when.",
                prompt="Is each interaction the one you want? Collaboration should end by a date.",
                example="Checkout Experience, collaboration, build the saved-cards flow, until 2027-03-31",
                columns=(
                    Column("team", "Team", required=True),
                    Column("mode", "Mode", type="choice", choices=INTERACTION_MODES),
                    Column("purpose", "Purpose", type="long"),
                    Column("until", "Until", "Leave empty for an ongoing service", type="date"),
                ),
            ),
            Field(
                "engagement.how_to_request",
                "How to request work",
                "text",
                "The steps another team follows to ask for something.",
                prompt="What should a requester do before they talk to you?",
                example="File a ticket with the 'payments-intake' template; attach the PR/FAQ for "
                "anything over two weeks of work.",
            ),
            Field(
                "engagement.intake_channel",
                "Intake channel",
                "line",
                "Where requests go: queue, channel, alias.",
                example="#payments-help and the PAY intake queue",
            ),
            Field(
                "engagement.response_expectations",
                "Response expectations",
                "text",
                "How fast the team answers requests, and what the answer is.",
                example="Triage within 2 business days; a yes, a no with the reason, or a date for the decision.",
            ),
            Field(
                "support",
                "Support protocol",
                "table",
                "Severity levels and the response time for each.",
                prompt="How fast do you respond to each severity, and what counts as each?",
                example="Sev 2: one product line cannot take payments; 15 minutes, around the clock",
                columns=(
                    Column("severity", "Severity", required=True),
                    Column("meaning", "What it means", type="long"),
                    Column("response_time", "Response time"),
                ),
            ),
            Field(
                "release_schedule",
                "Release schedule",
                "text",
                "When and how the team ships, and the freeze windows.",
                example="Continuous deployment on weekdays 09:00-16:00 Berlin; no deploys Fridays after "
                "12:00 or from 20 Nov to 2 Dec.",
            ),
        ),
    ),
    Section(
        "How the team works",
        (
            Field(
                "working_agreements",
                "Working agreements",
                "list",
                "The team's own rules of working together. One per line.",
                example="Every change has a reviewer who could be paged for it",
                prose=True,
            ),
            Field(
                "meetings",
                "Meetings",
                "table",
                "The team's recurring meetings and what each is for.",
                columns=(
                    Column("name", "Meeting", required=True),
                    Column("cadence", "Cadence"),
                    Column("purpose", "Purpose", type="long"),
                ),
            ),
            Field(
                "members",
                "Members and roles",
                "table",
                "Who is on the team and their role.",
                columns=(Column("name", "Name", required=True), Column("role", "Role")),
            ),
            Field(
                "success_metrics",
                "Success metrics",
                "table",
                "How the team knows it is doing its job, with targets.",
                example="Payment authorisation success rate: at least 99.95% weekly",
                columns=(Column("name", "Metric", required=True), Column("target", "Target")),
            ),
            Field(
                "next_review",
                "Next review date",
                "date",
                "When the team reviews this charter next; after it the charter counts as stale.",
                prompt="Charters drift: review at least twice a year.",
            ),
        ),
    ),
)


# What happened afterwards, and the author's own part (shared with every kind that tells a story).
SECTIONS = (
    *SECTIONS,
    *_story_sections(
        "What the charter changed: decisions a tenet settled (with dates), what the team stopped or"
        " started doing.",
        "On 12 March 'Correct before fast' settled the Checkout team's request for an unchecked "
        "fast path; we offered idempotent retries instead.",
    ),
)

KIND = Kind(
    id="charter",
    label="Team charter",
    plural="Team charters",
    icon=":material/groups:",
    description="The team's identity and its contract with other teams: mission, tenets, scope, "
    "interactions and support.",
    model=Charter,
    statuses=("draft", "in review", "approved", "archived"),
    sections=SECTIONS,
    rules=(*RULES, *OUTCOME_RULES),
    team_of=lambda c: c.team_name,
    title_field="team_name",
    summary=_summary,
    attention=_attention,
    enrich=lazy("sdmkit.kinds.oncall.team_page:charter_extras"),
    mine=lazy("sdmkit.kinds.charter.mine:mine"),
)
