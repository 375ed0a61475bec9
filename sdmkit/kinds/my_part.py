"""What happened afterwards and who decided: two sections every kind that tells a
story carries, for the document's own sake as much as the story bank's.

- Outcome: what changed after the document, with its figures (a COE: what changed
  after the action items and whether it recurred; a PR/FAQ: the results after launch
  against the success metrics and the decision taken; a charter: what it changed; a
  rotation: its change log with before and after figures; a metric review: what the
  later weeks' data showed).
- My part: the author's own role, the decisions they made, what was contested and
  by whom, and the trade-off. Written in the first person, it is what an interviewer
  asks about, and what mining cannot guess.

Both are optional: a document without them is as valid as before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Protocol

from pydantic import Field as PydField

from sdmkit import clock
from sdmkit.coach.rule import Hit, Rule
from sdmkit.kind import Column, Field, Part, Section


class Decision(Part):
    when: date | None = None
    decision: str = ""  # in the first person: "I decided to refund before settlement"
    why: str = ""


class Contest(Part):
    what: str = ""  # what was contested
    by_whom: str = ""
    resolution: str = ""


class MyPart(Part):
    role: str = ""
    decisions: list[Decision] = PydField(default_factory=list)
    contested: list[Contest] = PydField(default_factory=list)
    trade_off: str = ""


class OutcomeFigure(Part):
    measure: str = ""
    before: str = ""
    after: str = ""
    as_of: date | None = None


class Outcome(Part):
    summary: str = ""
    figures: list[OutcomeFigure] = PydField(default_factory=list)
    decision: str = ""  # what was decided in the light of the outcome (stop, continue, invest)


class _WithOutcome(Protocol):
    outcome: Outcome


def _forecast_figures(c: _WithOutcome) -> Iterator[Hit]:
    """An outcome figure dated after today is a forecast. The story bank leaves it out
    of a story until its date; the writer should know why, and mend the date."""
    today = clock.today()
    for i, f in enumerate(c.outcome.figures, 1):
        if f.as_of and f.as_of > today:
            yield Hit(
                f"outcome.figures[{i}].as_of",
                f"'{f.measure or f'Figure {i}'}' is dated {f.as_of.isoformat()}, after today: "
                "a forecast, not an outcome",
                "Give the date it was measured, or keep it out until then. Until that date "
                "the story bank leaves it out of your stories.",
            )


# For every kind with an Outcome section, beside the kind's own rules.
OUTCOME_RULES = (
    Rule(
        "outcome.forecast",
        "Outcome figures were measured, not forecast",
        "warning",
        _forecast_figures,
        explain="An outcome is what was measured after the document. A figure dated in the "
        "future is a plan; told as a result in an interview, it is untrue.",
    ),
)


def sections(outcome_help: str, outcome_example: str = "") -> tuple[Section, Section]:
    """The Outcome and My part tabs, worded for the kind."""
    return (
        Section(
            "Outcome",
            (
                Field(
                    "outcome.summary",
                    "What happened afterwards",
                    "text",
                    outcome_help,
                    prompt="What is true now that was not before, and how do you know?",
                    example=outcome_example,
                ),
                Field(
                    "outcome.figures",
                    "Figures, before and after",
                    "table",
                    "The numbers that show the outcome, as measured.",
                    columns=(
                        Column("measure", "Measure", required=True),
                        Column("before", "Before"),
                        Column("after", "After"),
                        Column("as_of", "As of", type="date"),
                    ),
                ),
                Field(
                    "outcome.decision",
                    "Decision taken on the outcome",
                    "text",
                    "What was decided in the light of it: stop, continue, invest more, change course.",
                ),
            ),
            intro="What happened after this document: the part a reader (and an interviewer) asks about next.",
        ),
        Section(
            "My part",
            (
                Field(
                    "my_part.role",
                    "My role",
                    "text",
                    "What you were responsible for, in the first person.",
                    example="I was the manager on call and owned the incident and the COE.",
                ),
                Field(
                    "my_part.decisions",
                    "Decisions I made",
                    "table",
                    "The calls you made yourself, when, and why.",
                    columns=(
                        Column("when", "When", type="date"),
                        Column("decision", "Decision", "In the first person: 'I decided ...'", type="long"),
                        Column("why", "Why", type="long"),
                    ),
                ),
                Field(
                    "my_part.contested",
                    "What was contested",
                    "table",
                    "Where someone disagreed: what, who, and how it was settled.",
                    columns=(
                        Column("what", "What", type="long"),
                        Column("by_whom", "By whom"),
                        Column("resolution", "How it was settled", type="long"),
                    ),
                ),
                Field(
                    "my_part.trade_off",
                    "The trade-off",
                    "text",
                    "What you gave up to get what you chose, in the first person.",
                ),
            ),
            intro="Your own part: the decisions, the disagreements and the trade-off. Kept with the document, "
            "used by the story bank.",
        ),
    )
