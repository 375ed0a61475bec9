"""The COE (Correction of Error) content model.

Timeline events are entered as the wall-clock time the responder saw, with its time
zone (blank means the document's zone). Everything computed from them converts to
UTC first, so durations are right across midnight, DST changes and mixed zones."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal, Self, get_args

from pydantic import Field as PydField
from pydantic import field_validator, model_validator

from sdmkit.kind import Part
from sdmkit.kinds.action_items import STATUSES, Status
from sdmkit.kinds.my_part import MyPart, Outcome
from sdmkit.timezones import check_zone, to_utc

# Each enumeration is declared once, as the model's type; the editor's choices come from it.
EventType = Literal["start", "detection", "engagement", "mitigation", "resolution", "other"]
ActionType = Literal["mitigate", "prevent", "detect", "process"]
Priority = Literal["high", "medium", "low"]
Decision = Literal["pending", "approved", "changes requested"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
ACTION_TYPES: tuple[str, ...] = get_args(ActionType)
ACTION_STATUSES = STATUSES  # every kind with action items shares them
PRIORITIES: tuple[str, ...] = get_args(Priority)
APPROVER_DECISIONS: tuple[str, ...] = get_args(Decision)

SEVERITY = {
    1: "Sev 1: critical. Many customers cannot use a core function, money or data is at risk; all hands now.",
    2: "Sev 2: major. A core function is failing for a significant share of customers; page 24x7.",
    3: "Sev 3: moderate. A function is degraded or failing for a few customers, with a workaround.",
    4: "Sev 4: minor. Small or internal impact; fix during working hours.",
    5: "Sev 5: negligible. No customer impact; a near miss worth learning from.",
}


_Part = Part  # the shared base: strict fields, trimmed text


class ImpactMeasure(_Part):
    measure: str = ""
    value: str = ""


class Impact(_Part):
    who: str = ""
    how_many: str = ""
    description: str = ""
    measures: list[ImpactMeasure] = PydField(default_factory=list)


class TimelineEvent(_Part):
    at: datetime | None = None
    zone: str = ""
    type: EventType = "other"
    description: str = ""
    # Customers stopped being hurt here. A partial mitigation (errors down from 31% to 2%) is
    # a mitigation without this flag; without any flag, impact lasts until resolution.
    ends_impact: bool = False

    @field_validator("at")
    @classmethod
    def _naive_wall_clock(cls, value: datetime | None) -> datetime | None:
        # The zone column says where the clock hung; an offset in the timestamp would contradict it.
        if value is not None and value.tzinfo is not None:
            value = value.replace(tzinfo=None)
        return value.replace(second=0, microsecond=0) if value else value

    @field_validator("zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return check_zone(value)


class DataPoint(_Part):
    series: str = ""
    at: datetime | None = None
    value: float | None = None

    @field_validator("at")
    @classmethod
    def _wall_clock(cls, value: datetime | None) -> datetime | None:
        # Charted against the timeline's naive wall-clock times; an offset would make that fail.
        if value is not None and value.tzinfo is not None:
            raise ValueError("give the time on the COE's clock, without a UTC offset (like 2026-11-02T10:15)")
        return value


class GraphLink(_Part):
    title: str = ""
    url: str = ""


class WhyNode(_Part):
    id: str
    parent: str | None = None
    text: str = ""


class ActionItem(_Part):
    what: str = ""
    owner: str = ""
    due: date | None = None
    priority: Priority = "medium"
    type: ActionType = "prevent"
    status: Status = "open"
    addresses: str = ""  # the id of the why it answers
    ticket: str = ""


class Related(_Part):
    what: str = ""
    reference: str = ""


class Approver(_Part):
    name: str = ""
    role: str = ""
    decision: Decision = "pending"
    decided: date | None = None


class AlarmThreshold(_Part):
    """Where an alarm fires on one of the graphed series: drawn on its graph."""

    series: str = ""
    value: float | None = None
    label: str = ""  # e.g. "5xx alarm: 25% for 5 minutes"


class IncidentQuestions(_Part):
    """The questions a COE review asks of the response, each answered in prose."""

    detection: str = ""  # how was it detected, and how could it be detected in half the time?
    diagnosis: str = ""
    mitigation: str = ""
    halving: str = ""


class COE(_Part):
    title: str = ""
    severity: int | None = PydField(default=None, ge=1, le=5)
    authors: list[str] = PydField(default_factory=list)
    services: list[str] = PydField(default_factory=list)
    team: str = ""
    time_zone: str = "UTC"
    summary: str = ""
    impact: Impact = PydField(default_factory=Impact)
    timeline: list[TimelineEvent] = PydField(default_factory=list)
    graph_links: list[GraphLink] = PydField(default_factory=list)
    data_points: list[DataPoint] = PydField(default_factory=list)
    problem: str = ""
    whys: list[WhyNode] = PydField(default_factory=list)
    contributing_factors: list[str] = PydField(default_factory=list)
    went_well: list[str] = PydField(default_factory=list)
    went_wrong: list[str] = PydField(default_factory=list)
    got_lucky: list[str] = PydField(default_factory=list)
    lessons: list[str] = PydField(default_factory=list)
    action_items: list[ActionItem] = PydField(default_factory=list)
    related: list[Related] = PydField(default_factory=list)
    review_notes: str = ""
    approvers: list[Approver] = PydField(default_factory=list)
    # Added later; both optional, so older files load unchanged.
    incident_questions: IncidentQuestions = PydField(default_factory=IncidentQuestions)
    alarm_thresholds: list[AlarmThreshold] = PydField(default_factory=list)
    # What happened afterwards and the author's own part (sdmkit/kinds/my_part.py): optional.
    outcome: Outcome = PydField(default_factory=Outcome)
    my_part: MyPart = PydField(default_factory=MyPart)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value, "UTC")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        # Only what makes the document meaningless blocks a save; everything a draft may
        # still have wrong (order, missing owners) is the coach's to point out.
        ids = set()
        for i, node in enumerate(self.whys):
            if node.id in ids:
                raise ValueError(f"whys[{i + 1}]: two whys share the id '{node.id}'")
            ids.add(node.id)
        for i, node in enumerate(self.whys):
            if node.parent is not None and node.parent not in ids:
                raise ValueError(f"whys[{i + 1}]: parent '{node.parent}' is not a why in this COE")
        for i, event in enumerate(self.timeline):
            if event.at is not None:
                try:
                    to_utc(event.at, event.zone or self.time_zone)
                except ValueError as exc:
                    raise ValueError(f"timeline[{i + 1}].at: {exc}") from None
        return self

    def event_utc(self, event: TimelineEvent) -> datetime | None:
        return to_utc(event.at, event.zone or self.time_zone) if event.at else None


def duration_text(delta: timedelta | None) -> str:
    if delta is None:
        return "n/a"
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rem = divmod(minutes, 1440)
    hours, mins = divmod(rem, 60)
    parts = [f"{days} d"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins} min")
    return sign + " ".join(parts)
