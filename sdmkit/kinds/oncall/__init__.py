"""On-call rotation: a fair, explained schedule with leave, holidays, overrides,
follow-the-sun regions, DST-correct handoffs, escalation and support protocol."""

from __future__ import annotations

from sdmkit.kind import Column, Field, Kind, Section, lazy
from sdmkit.kinds.my_part import OUTCOME_RULES
from sdmkit.kinds.my_part import sections as _story_sections
from sdmkit.kinds.oncall.model import LAYERS, PATTERNS, WEEKDAYS, Rotation
from sdmkit.kinds.oncall.rules import RULES, schedule_for
from sdmkit.kinds.oncall.view import view
from sdmkit.timezones import zone_names

ZONES = tuple(zone_names())


def _people(content: dict) -> list[tuple[str, str]]:
    names = [m.get("name") for m in content.get("members") or [] if m.get("name")]
    return [(n, n) for n in names]


def _derived(r: Rotation) -> dict:
    if not r.active_members():
        return {}
    s = schedule_for(r)
    loads = [v for v in s.loads.values()]
    return {
        "People": str(len(r.active_members())),
        "Shifts planned": str(len([x for x in s.shifts if x.person])),
        "Load spread": f"{min(loads):.0f} to {max(loads):.0f} weighted h" if loads else "n/a",
    }


SECTIONS: tuple[Section, ...] = (
    Section(
        "Rotation",
        (
            Field(
                "name",
                "Rotation name",
                "line",
                "How the team calls this rotation.",
                example="Payments primary",
            ),
            Field(
                "meta.team",
                "Team",
                "line",
                "The team that owns the rotation; its charter shows it.",
                example="Payments Platform",
            ),
            Field(
                "time_zone",
                "Time zone",
                "choice",
                "Handoffs happen at this zone's wall-clock time, across DST.",
                choices=ZONES,
            ),
            Field(
                "pattern", "Shift pattern", "choice", "How long one person's turn lasts.", choices=PATTERNS
            ),
            Field(
                "every_n_days",
                "Every N days",
                "number",
                "The length of a turn when the pattern is every N days.",
            ),
            Field(
                "handoff_weekday",
                "Handoff day",
                "choice",
                "For weekly turns: the day the pager changes hands.",
                choices=WEEKDAYS,
            ),
            Field(
                "handoff_time",
                "Handoff time",
                "time",
                "Local wall-clock time of the handoff. Follow the sun: unused, each region hands over at its "
                "window's start.",
                prompt="Hand off in working hours, when both people are awake and the team is around.",
            ),
            Field("start_date", "Start date", "date", "The first handoff is on or after this date."),
            Field(
                "secondary",
                "Secondary layer",
                "toggle",
                "A second person, paged when the primary does not answer.",
            ),
        ),
    ),
    Section(
        "Members",
        (
            Field(
                "members",
                "Members",
                "table",
                "Everyone who takes shifts, with when they joined or left.",
                quick_add=True,
                item="member",
                prompt="A sustainable single-site rotation needs 4 people per layer: 8 for primary plus secondary.",
                columns=(
                    Column("name", "Name", required=True),
                    Column("contact", "Contact", "Phone or pager handle"),
                    Column(
                        "zone",
                        "Own time zone",
                        "For night hours; empty: the rotation's",
                        type="choice",
                        choices=ZONES,
                    ),
                    Column("region", "Region", "Follow the sun: the region they cover"),
                    Column("joined", "Joined", type="date"),
                    Column("left", "Left", type="date"),
                ),
            ),
        ),
    ),
    Section(
        "Follow the sun",
        (
            Field(
                "regions",
                "Regions",
                "table",
                "Leave empty for a single-site rotation. Each region covers its local working window every day; "
                "with chained hand-offs, from its start until the next region starts.",
                example="EU | Europe/Dublin | 07:00 | 19:00",
                columns=(
                    Column("name", "Region", required=True),
                    Column("zone", "Time zone", type="choice", choices=ZONES),
                    Column("start", "Window starts", type="time"),
                    Column("end", "Window ends", type="time", help="Ignored when hand-offs are chained"),
                ),
            ),
            Field(
                "chained",
                "Chain hand-offs",
                "toggle",
                "Each region's shift ends when the next region's begins, so when one region changes its clocks "
                "before another the hand-off moves by an hour instead of leaving an hour uncovered.",
                prompt="Regions change clocks on different dates: unchained windows that meet in January leave "
                "a gap in March.",
            ),
        ),
    ),
    Section(
        "Holidays and leave",
        (
            Field(
                "holiday_country",
                "Holiday country",
                "line",
                "ISO code of the public-holiday calendar, e.g. DE, US. Empty: no holidays are counted.",
                # Not a look-alike value as placeholder: an empty field showing "DE" counted nothing.
                placeholder="none: type a code such as DE",
            ),
            Field(
                "holiday_subdivision",
                "Subdivision",
                "line",
                "State or region code, e.g. BE for Berlin.",
                placeholder="none: the whole country",
            ),
            Field(
                "leave",
                "Leave",
                "table",
                "Days people are away; nobody is scheduled on their leave.",
                quick_add=True,
                item="leave",
                columns=(
                    Column("person", "Person", type="choice", choices_from=_people, required=True),
                    Column("start", "First day", type="date"),
                    Column("end", "Last day", type="date"),
                    Column("note", "Note"),
                ),
            ),
        ),
    ),
    Section(
        "Overrides",
        (
            Field(
                "overrides",
                "Overrides and swaps",
                "table",
                "Someone takes a span of another's shift. A swap is two overrides.",
                quick_add=True,
                item="override",
                columns=(
                    Column("layer", "Layer", type="choice", choices=LAYERS),
                    Column("start", "From", type="datetime"),
                    Column("end", "Until", type="datetime"),
                    Column("person", "Person", type="choice", choices_from=_people, required=True),
                    Column("reason", "Reason"),
                ),
            ),
            Field(
                "carried",
                "Carried load",
                "table",
                "Weighted hours each person carried before this schedule starts, so past burden counts.",
                columns=(
                    Column("person", "Person", type="choice", choices_from=_people, required=True),
                    Column("burden", "Weighted hours", type="number"),
                ),
            ),
        ),
    ),
    Section(
        "Escalation and support",
        (
            Field(
                "escalation",
                "Escalation policy",
                "table",
                "Who is paged at each level, after how many minutes.",
                example="1 | primary on call | 0; 2 | secondary | 10; 3 | engineering manager | 25",
                columns=(
                    Column("level", "Level", type="number"),
                    Column("who", "Who", required=True),
                    Column("after_minutes", "After (minutes)", type="number"),
                ),
            ),
            Field(
                "support",
                "Support protocol",
                "table",
                "Each severity and its response time.",
                columns=(
                    Column("severity", "Severity", required=True),
                    Column("response_time", "Response time"),
                ),
            ),
            Field(
                "known_risks",
                "Known risks",
                "list",
                "What the next on-call should watch. One per line; they appear in every handoff note.",
                example="Certificate for the processor gateway expires on 2 March",
                prose=True,
            ),
            Field(
                "policy",
                "On-call policy",
                "text",
                "The team's rules: expectations, compensation, time off after a bad night, how to hand off.",
                example="After a night with more than two pages, take the next morning off.",
            ),
        ),
    ),
    Section(
        "Schedule",
        (),
        screen="oncall.schedule",
        intro="The generated schedule: who is on call, why, and the load each person carries.",
    ),
)


# What happened afterwards, and the author's own part (shared with every kind that tells a story).
SECTIONS = (
    *SECTIONS,
    *_story_sections(
        "The change log of the policy: what changed, when, and the figures before and after (pages "
        "a week, nights disturbed, people on the rotation).",
        "Since the next-day-off rule in February, night pages fell from 14 to 3 a week and nobody "
        "has asked to leave the rotation.",
    ),
)

KIND = Kind(
    id="oncall",
    label="On-call rotation",
    plural="On-call rotations",
    icon=":material/notifications_active:",
    description="A fair rotation that knows leave and holidays, explains each assignment, hands off correctly "
    "across DST, and exports calendars and handoff notes.",
    model=Rotation,
    statuses=("draft", "active", "retired"),
    sections=SECTIONS,
    rules=(*RULES, *OUTCOME_RULES),
    title_of=lambda r: r.name,
    title_field="name",
    derived=_derived,
    template_data=view,
    summary=lambda r: r.policy,
    mine=lazy("sdmkit.kinds.oncall.mine:mine"),
)
