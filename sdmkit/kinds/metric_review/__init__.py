"""Weekly metric review: inputs before the outputs they drive, each metric's week
in numbers and in a 6-12 chart, XmR limits so that only exceptional weeks ask for
commentary, noteworthy events and action items."""

from __future__ import annotations

from sdmkit.kind import Column, Field, Kind, Section, lazy
from sdmkit.kinds import action_items
from sdmkit.kinds.metric_review.model import MetricReview
from sdmkit.kinds.metric_review.rules import RULES
from sdmkit.kinds.my_part import OUTCOME_RULES
from sdmkit.kinds.my_part import sections as _story_sections

STATUSES = ("draft", "reviewed")


def _title(c: MetricReview) -> str:
    return f"Weekly review, week ending {c.week_ending.isoformat()}" if c.week_ending else ""


def _derived(c: MetricReview) -> dict:
    signals = [m for m in c.metrics if m.signal]
    answered = [m for m in signals if m.commentary or m.status == "still investigating"]
    return (
        {
            "Metrics": str(len(c.metrics)),
            "Signals": str(len(signals)),
            "Answered": f"{len(answered)} of {len(signals)}",
        }
        if c.metrics
        else {}
    )


def _charts(c: MetricReview) -> list[tuple[str, dict]]:
    # On first use: charts (Altair, vl-convert) cost start-up; only a review's export draws them.
    from sdmkit.charts import six_twelve

    return [(m.name, six_twelve(m.model_dump())) for m in c.metrics]


SECTIONS: tuple[Section, ...] = (
    Section(
        "Week",
        (
            Field(
                "meta.team",
                "Team",
                "line",
                "The team whose metric catalog this review reads.",
                example="Payments Platform",
            ),
            Field("week_ending", "Week ending", "date", "The Sunday the reviewed week ends on."),
            Field("meta.title", "Title", "line", "Left empty, it says which week it reviews."),
            Field(
                "notes",
                "Opening notes",
                "text",
                "Anything the room should know before the metrics.",
                example="Peak week: traffic was 3x a normal week from Thursday.",
            ),
        ),
    ),
    Section(
        "Metrics",
        (
            Field(
                "metrics",
                "Metrics",
                "deck",
                "Inputs first, then the outputs they drive. Only exceptional weeks ask for commentary: outside the "
                "XmR limits (rule 1), 3 of 4 weeks nearer a limit than the centre (rule 2), 8 in a row on one "
                "side (rule 3), or a week-to-week jump above the moving-range limit. Routine variation does not.",
                prompt="For a flagged metric the owner explains what happened, or writes 'still investigating'.",
                prose_part="commentary",
            ),
        ),
    ),
    Section(
        "Events and actions",
        (
            Field(
                "events",
                "Noteworthy events",
                "list",
                "Launches, incidents, holidays: what explains the week. One per line.",
                example="Black Friday, 27 November: 3.1x normal checkout traffic",
                prose=True,
            ),
            Field(
                "action_items",
                "Action items",
                "table",
                "What the review decided to do; they join the COEs' items on the Action items page.",
                quick_add=True,
                item="action item",
                columns=(
                    Column("what", "What", type="long", required=True),
                    Column("owner", "Owner"),
                    Column("due", "Due", type="date"),
                    Column("status", "Status", type="choice", choices=action_items.STATUSES),
                    Column("ticket", "Ticket"),
                ),
            ),
        ),
    ),
)


# What happened afterwards, and the author's own part (shared with every kind that tells a story).
SECTIONS = (
    *SECTIONS,
    *_story_sections(
        "What the later weeks' data showed after this review's signals and actions.",
        "iOS conversion was back at 74% two weeks after 7.3.1 shipped.",
    ),
)

KIND = Kind(
    id="metric_review",
    label="Metric review",
    plural="Metric reviews",
    icon=":material/monitoring:",
    description="The weekly review: inputs before outputs, 6-12 charts, XmR limits so only signals need "
    "commentary, events and action items.",
    model=MetricReview,
    statuses=STATUSES,
    sections=SECTIONS,
    rules=(*RULES, *OUTCOME_RULES),
    title_of=_title,
    derived=_derived,
    charts=_charts,
    action_items=action_items.read,
    set_action_status=action_items.set_status,
    mine=lazy("sdmkit.kinds.metric_review.mine:mine"),
)
