"""COE (Correction of Error): what happened, what it cost customers, why it happened
(five whys as a tree), and what the team will change so it cannot happen again."""

from __future__ import annotations

from pydantic import ValidationError

from sdmkit import outline
from sdmkit.kind import Column, Field, Kind, Section, lazy
from sdmkit.kinds import action_items
from sdmkit.kinds.coe import rubric, timeline
from sdmkit.kinds.coe.charts import charts
from sdmkit.kinds.coe.model import (
    ACTION_STATUSES,
    ACTION_TYPES,
    APPROVER_DECISIONS,
    COE,
    EVENT_TYPES,
    PRIORITIES,
    SEVERITY,
    WhyNode,
)
from sdmkit.kinds.coe.view import view
from sdmkit.kinds.my_part import OUTCOME_RULES
from sdmkit.kinds.my_part import sections as _story_sections
from sdmkit.timezones import zone_names

STATUSES = ("draft", "in review", "approved", "closed")


def _why_choices(content: dict) -> list[tuple[str, str]]:
    """The whys an action item can answer. Read from the whys alone: a draft being typed
    need not validate as a whole (a field just cleared), and the form must still draw."""
    nodes = []
    for raw in content.get("whys") or []:
        try:
            nodes.append(WhyNode.model_validate(raw))
        except ValidationError:
            continue  # the coach names it beside the whys
    return [(n.id, f"Why {num}: {(n.text or '(empty)')[:50]}") for n, _, num in outline.walk(nodes)]


def _derived(c: COE) -> dict:
    return timeline.metrics(c).as_text()


def _yes_no(content: dict) -> list[tuple[bool, str]]:
    return [(False, "no"), (True, "yes")]


SECTIONS: tuple[Section, ...] = (
    Section(
        "Overview",
        (
            Field(
                "meta.title",
                "Title",
                "line",
                "What customers experienced, and when. Used in lists and exports.",
                prompt="Name the event the way a customer would describe it.",
                example="Checkout payments failed for 47 minutes on 14 March",
            ),
            Field(
                "severity",
                "Severity",
                "choice",
                "How bad it was for customers, from 1 (critical) to 5 (near miss).",
                prompt="Judge by customer impact, not by how hard it was to fix.",
                choices=tuple(SEVERITY),
                choice_labels=tuple(SEVERITY.items()),
            ),
            Field(
                "meta.status",
                "Status",
                "choice",
                "Draft while writing; in review with the bar raiser; approved; "
                "closed when every action item is done.",
                choices=STATUSES,
            ),
            Field(
                "meta.team",
                "Owning team",
                "line",
                "The team that owns the COE and its action items.",
                example="Payments Platform",
            ),
            Field("authors", "Authors", "list", "Who wrote this COE. One per line.", example="Priya Raman"),
            Field(
                "services",
                "Services involved",
                "list",
                "The services that failed or were changed. One per line.",
                example="payments-api",
            ),
            Field(
                "time_zone",
                "Time zone",
                "choice",
                "The zone timeline times are in unless an event says otherwise.",
                choices=tuple(zone_names()),
            ),
            Field(
                "summary",
                "Executive summary",
                "text",
                "Five sentences at most: what happened, the impact, why, how it was fixed, what changes.",
                prompt="Could your VP read only this and explain the event to their boss?",
                example="On 14 March from 02:10 to 02:57 UTC, 18,400 checkout attempts failed because a "
                "configuration change removed the card processor's TLS certificate. We rolled the change "
                "back. The deploy pipeline had no check for certificate presence. We are adding one and "
                "moving configuration changes behind the same canary as code.",
            ),
        ),
    ),
    Section(
        "Customer impact",
        (
            Field(
                "impact.who",
                "Who was affected",
                "text",
                "Which customers, in which regions or segments.",
                example="Shoppers paying by card on web and Android in the EU region",
            ),
            Field(
                "impact.how_many",
                "How many",
                "line",
                "A number, with its share of the total.",
                example="18,400 failed checkouts (31% of attempts in the window)",
            ),
            Field(
                "impact.description",
                "What they experienced",
                "text",
                "What a customer saw, and for how long.",
                example="An error page after pressing Pay; 2,150 retried successfully within the hour.",
            ),
            Field(
                "impact.measures",
                "Impact in numbers",
                "table",
                "Quantify: errors, latency, orders, revenue. One measure per row.",
                example="Lost orders | 16,250",
                columns=(
                    Column("measure", "Measure", "Errors, latency, orders, revenue…", required=True),
                    Column("value", "Value", "A number with its unit"),
                ),
            ),
        ),
    ),
    Section(
        "Timeline",
        (
            Field(
                "timeline",
                "Timeline",
                "table",
                "Every event in order, with the time shown on the clock where it happened and that time zone. "
                "Mark impact start, detection, engagement, mitigation and resolution, and flag the event where "
                "customer impact ended: the time metrics come from them.",
                prompt="When did customers start hurting, when did we know, when did a person act, when did it stop?",
                example="2026-03-14 02:10 | UTC | start | Error rate on payments-api rises to 31%",
                ordered=True,
                quick_add=True,
                item="event",
                columns=(
                    Column("at", "When", "Wall-clock time where it happened", type="datetime", required=True),
                    Column(
                        "zone",
                        "Time zone",
                        "Leave empty for the COE's time zone",
                        type="choice",
                        choices=tuple(zone_names()),
                    ),
                    Column("type", "Type", type="choice", choices=EVENT_TYPES),
                    # Terse log lines, full of service names and acronyms: not coached as prose.
                    Column("description", "What happened", type="long", prose=False),
                    Column(
                        "ends_impact",
                        "Ends impact",
                        "Customers stopped being hurt here. Impact duration ends at this event, else at "
                        "resolution; a partial mitigation does not end it.",
                        type="choice",
                        choices_from=_yes_no,
                    ),
                ),
            ),
            # The incident questions: the review reads the timeline through them, so they
            # sit with it rather than on a tab of their own.
            Field(
                "incident_questions.detection",
                "How was it detected?",
                "text",
                "By an alarm, a person or a customer, and how long after impact started.",
                prompt="As time to detect goes, how would you detect it in half the time?",
                example="Alarm payments-api-5xx-high paged the primary 9 minutes after impact started; its "
                "25% for 5 minutes threshold was set for daytime traffic.",
            ),
            Field(
                "incident_questions.diagnosis",
                "How was it diagnosed?",
                "text",
                "What told the responders where the problem was, and what sent them the wrong way first.",
                prompt="Which signal, had it existed, would have pointed at the cause at once?",
                example="Gateway logs showed TLS handshake failures against one processor; the first 19 "
                "minutes went to the processor's status page.",
            ),
            Field(
                "incident_questions.mitigation",
                "How was it mitigated?",
                "text",
                "What stopped the customer impact, and how long it took from decision to effect.",
                prompt="Was the mitigation a lever you had ready, or one you built during the event?",
                example="Rolled back CFG-8812; 6 minutes from the decision to the error rate falling.",
            ),
            Field(
                "incident_questions.halving",
                "How would we halve each time?",
                "text",
                "For detect, diagnose and mitigate: the change that would cut each time in half.",
                prompt="Name a mechanism for each, and make it an action item.",
                example="Detect: page on TLS failures directly. Diagnose: a processor dashboard in the "
                "runbook. Mitigate: one-click configuration rollback.",
            ),
        ),
    ),
    Section(
        "Metrics and graphs",
        (
            Field(
                "graph_links",
                "Dashboards and graphs",
                "table",
                "Links to the graphs you used, as they were.",
                example="payments-api 5xx rate | https://dashboards.example/payments/5xx",
                columns=(
                    Column("title", "Graph", required=True),
                    Column("url", "Link", type="long", prose=False),
                ),
            ),
            Field(
                "data_points",
                "Data points",
                "table",
                "Values of the key metrics over the incident; each series becomes a graph.",
                example="5xx rate (%) | 2026-03-14 02:15 | 31.2",
                columns=(
                    Column("series", "Series", "The metric and its unit", required=True),
                    Column("at", "When", type="datetime"),
                    Column("value", "Value", type="number"),
                ),
            ),
            Field(
                "alarm_thresholds",
                "Alarm thresholds",
                "table",
                "Where an alarm fires on a graphed series; the graph draws it as a dashed line.",
                example="Card authorisation errors (%) | 25 | 5xx alarm: 25% for 5 minutes",
                columns=(
                    Column("series", "Series", "As named in the data points", required=True),
                    Column("value", "Threshold", type="number"),
                    Column("label", "Alarm", "Its name and condition"),
                ),
            ),
        ),
        charts=True,
    ),
    Section(
        "Five whys",
        (
            Field(
                "problem",
                "Problem",
                "text",
                "The problem the whys start from: what customers experienced.",
                example="Card payments failed for 31% of checkout attempts for 47 minutes.",
            ),
            Field(
                "whys",
                "Whys",
                "tree",
                "Each why answers 'why?' of the one above it. Branch when there is more than one cause. "
                "The last why of each branch is a root cause and needs an action item.",
                prompt="Stop when the answer is a missing mechanism you can build, not a person.",
                example="Why did payments fail? The processor rejected our TLS handshake. Why? The certificate "
                "was removed by a config change. Why was that possible? Config changes skip the canary.",
                prose_part="text",
            ),
        ),
    ),
    Section(
        "Learning",
        (
            Field(
                "contributing_factors",
                "Contributing factors",
                "list",
                "Conditions that made it worse or likelier, without being the cause. One per line.",
                example="The alarm threshold was set for daytime traffic",
                prose=True,
            ),
            Field(
                "went_well",
                "What went well",
                "list",
                "One per line.",
                example="Rollback took 4 minutes from decision to effect",
                prose=True,
            ),
            Field(
                "went_wrong",
                "What went wrong",
                "list",
                "One per line.",
                example="The first page went to a queue nobody watched at night",
                prose=True,
            ),
            Field(
                "got_lucky",
                "Where we got lucky",
                "list",
                "What kept it from being worse, by chance. One per line.",
                example="Traffic was at its daily low",
                prose=True,
            ),
            Field(
                "lessons",
                "Lessons learned",
                "list",
                "What other teams should take from this. One per line.",
                example="Configuration is code: it needs the same pipeline",
                prose=True,
            ),
        ),
    ),
    Section(
        "Action items",
        (
            Field(
                "action_items",
                "Action items",
                "table",
                "What will change, who owns it, by when, and which why it answers.",
                prompt="Every root cause needs one. Prefer mechanisms (prevent, detect) over intentions.",
                example="Add a certificate-presence check to the config pipeline | Tomasz Nowak | 2026-04-15 | "
                "high | prevent | open | Why 1.1.1 | PAY-2041",
                ordered=True,
                quick_add=True,
                item="action item",
                columns=(
                    Column("what", "What", type="long", required=True),
                    Column("owner", "Owner", "One person"),
                    Column("due", "Due", type="date"),
                    Column("priority", "Priority", type="choice", choices=PRIORITIES),
                    Column("type", "Type", type="choice", choices=ACTION_TYPES),
                    Column("status", "Status", type="choice", choices=ACTION_STATUSES),
                    Column(
                        "addresses",
                        "Addresses",
                        "The why it answers",
                        type="choice",
                        choices_from=_why_choices,
                    ),
                    Column("ticket", "Ticket", "Id or link"),
                ),
            ),
        ),
    ),
    Section(
        "Review",
        (
            Field(
                "related",
                "Related COEs and items",
                "table",
                "Earlier COEs, tickets or documents that bear on this one.",
                columns=(
                    Column("what", "What", required=True),
                    Column("reference", "Id or link", type="long", prose=False),
                ),
            ),
            Field(
                "review_notes",
                "Review notes",
                "text",
                "What the reviewers asked and what changed because of it.",
                example="Bar raiser asked for the 5xx graph split by processor; added.",
            ),
            Field(
                "approvers",
                "Approvers",
                "table",
                "Who must approve, and their decision.",
                columns=(
                    Column("name", "Name", required=True),
                    Column("role", "Role"),
                    Column("decision", "Decision", type="choice", choices=APPROVER_DECISIONS),
                    Column("decided", "Decided on", type="date"),
                ),
            ),
        ),
    ),
)


# What happened afterwards, and the author's own part (shared with every kind that tells a story).
SECTIONS = (
    *SECTIONS,
    *_story_sections(
        "What changed after the action items, and whether it recurred: incidents of this kind "
        "since, the figures that moved.",
        "Since the certificate check shipped on 20 November it has blocked 4 bad changes; no "
        "configuration incident in 5 months.",
    ),
)

KIND = Kind(
    id="coe",
    label="COE",
    plural="COEs",
    icon=":material/report:",
    description="Correction of Error after an incident: impact, timeline with time metrics, five whys as a "
    "tree, and action items, checked by a bar-raiser rubric.",
    model=COE,
    statuses=STATUSES,
    sections=SECTIONS,
    rules=(*rubric.RULES, *OUTCOME_RULES),
    rubric=rubric.RUBRIC,
    derived=_derived,
    derived_help=timeline.DEFINITIONS,
    summary=lambda c: c.summary,
    charts=charts,
    template_data=view,
    action_items=action_items.read,
    set_action_status=action_items.set_status,
    mine=lazy("sdmkit.kinds.coe.mine:mine"),
)
