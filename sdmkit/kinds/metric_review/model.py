"""A weekly metric review: the figures of its week, the owners' commentary,
noteworthy events and action items."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field as PydField
from pydantic import field_validator, model_validator

from sdmkit.kind import Part
from sdmkit.kinds.action_items import Status
from sdmkit.kinds.my_part import MyPart, Outcome
from sdmkit.metrics.stats import is_week_end


class Point(Part):
    period: str = ""
    value: float | None = None
    prior: float | None = None


class WeekPoint(Point):
    signal: str = ""  # what the review flags in this week (the chart marks it)


class MonthPoint(Point):
    weeks: int | None = None  # how many weeks it is made of
    partial: bool = False  # the review's own month so far, against as many weeks a year earlier
    missing: list[str] = PydField(default_factory=list)  # its weeks without a value


class MetricSnapshot(Part):
    name: str = ""
    unit: str = ""
    owner: str = ""
    type: Literal["input", "output"] = "output"  # an input the team controls; an output it moves
    drives: str = ""
    target: float | None = None
    direction: Literal["higher", "lower"] = "higher"
    aggregation: Literal["sum", "mean", "last"] = "sum"
    value: float | None = None
    wow: float | None = None
    wow_pct: float | None = None
    yoy: float | None = None
    yoy_pct: float | None = None
    avg4: float | None = None
    avg13: float | None = None
    vs_target: float | None = None
    met: bool | None = None
    centre: float | None = None
    lower: float | None = None
    upper: float | None = None
    signal: str = ""
    weekly: list[WeekPoint] = PydField(default_factory=list)
    monthly: list[MonthPoint] = PydField(default_factory=list)
    missing: list[str] = PydField(default_factory=list)  # shown weeks without a value
    commentary: str = ""
    status: Literal["", "explained", "still investigating"] = ""

    @model_validator(mode="before")
    @classmethod
    def _older_name(cls, data: Any) -> Any:
        # Reviews saved (and files exported) before the field was renamed call it 'kind'.
        if isinstance(data, dict) and "kind" in data and "type" not in data:
            data = {("type" if k == "kind" else k): v for k, v in data.items()}
        return data


class ReviewAction(Part):
    what: str = ""
    owner: str = ""
    due: date | None = None
    status: Status = "open"
    ticket: str = ""


class MetricReview(Part):
    week_ending: date | None = None
    metrics: list[MetricSnapshot] = PydField(default_factory=list)
    events: list[str] = PydField(default_factory=list)
    action_items: list[ReviewAction] = PydField(default_factory=list)
    notes: str = ""
    # What happened afterwards and the author's own part (sdmkit/kinds/my_part.py): optional.
    outcome: Outcome = PydField(default_factory=Outcome)
    my_part: MyPart = PydField(default_factory=MyPart)

    @field_validator("week_ending")
    @classmethod
    def _sunday(cls, value: date | None) -> date | None:
        if value is not None and not is_week_end(value):
            raise ValueError(f"{value.isoformat()} is a {value:%A}; a review's week ends on a Sunday")
        return value
