"""The on-call rotation content model.

Times of day (handoff, regional working windows) are wall-clock times in a named
zone; shifts are computed as aware datetimes from them (see schedule.py)."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from typing import Literal, Self, get_args

from pydantic import Field as PydField
from pydantic import field_validator, model_validator

from sdmkit.kind import Part
from sdmkit.kinds.my_part import MyPart, Outcome
from sdmkit.timezones import check_zone

# Each enumeration is declared once, as the model's type; the editor's choices come from it.
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
Pattern = Literal["daily", "weekly", "every n days"]
Layer = Literal["primary", "secondary"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)
PATTERNS: tuple[str, ...] = get_args(Pattern)
LAYERS: tuple[str, ...] = get_args(Layer)


class Member(Part):
    name: str = ""
    contact: str = ""
    zone: str = ""  # the member's own zone, for night hours; empty: the rotation's
    region: str = ""  # follow-the-sun region they cover; empty: any
    joined: date | None = None
    left: date | None = None

    @field_validator("zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value)


class Region(Part):
    name: str = ""
    zone: str = "UTC"
    start: time = time(8, 0)  # local working window
    end: time = time(20, 0)

    @field_validator("zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value, "UTC")


class Leave(Part):
    person: str = ""
    start: date | None = None
    end: date | None = None  # inclusive: the last day away
    note: str = ""


class Override(Part):
    layer: Layer = "primary"
    start: datetime | None = None  # wall clock in the rotation's zone
    end: datetime | None = None
    person: str = ""
    reason: str = ""

    @field_validator("start", "end")
    @classmethod
    def _wall_clock(cls, value: datetime | None) -> datetime | None:
        # Compared with the rotation's naive wall-clock times; an offset would make that fail.
        if value is not None and value.tzinfo is not None:
            raise ValueError(
                "give the time on the rotation's clock, without a UTC offset (like 2026-11-26T18:00)"
            )
        return value


class EscalationLevel(Part):
    level: int | None = None
    who: str = ""
    after_minutes: int | None = None


class SupportLevel(Part):
    severity: str = ""
    response_time: str = ""


class CarriedLoad(Part):
    person: str = ""
    burden: float | None = None  # weighted hours from before the schedule starts


@cache
def _countries() -> frozenset[str]:
    """The holiday library's country codes (aliases too), read from its registry:
    holidays.list_supported_countries() imports every country's module to list their
    subdivisions, about 0.07 s of each process that validates a rotation."""
    # On first use: the holiday library costs start-up; only a rotation with a country needs it.
    from holidays.registry import EntityLoader

    return frozenset(EntityLoader.get_country_codes(include_aliases=True))


def _subdivisions(country: str) -> list[str]:
    # On first use, as above.
    import holidays

    entity = getattr(holidays, country, None) if country in _countries() else None
    return list(getattr(entity, "subdivisions", ()))


class Rotation(Part):
    name: str = ""
    time_zone: str = "UTC"
    members: list[Member] = PydField(default_factory=list)
    pattern: Pattern = "weekly"
    every_n_days: int = PydField(default=7, ge=1, le=28)
    handoff_weekday: Weekday = "monday"
    handoff_time: time = time(10, 0)
    start_date: date | None = None  # the first handoff on or after this date
    secondary: bool = False
    regions: list[Region] = PydField(default_factory=list)  # follow the sun, when set
    # Follow the sun: each region's shift ends when the next region's begins (its window
    # end is then only a guide), so one region changing its clocks before another moves a
    # hand-off by an hour instead of opening a gap or an overlap.
    chained: bool = False
    holiday_country: str = ""
    holiday_subdivision: str = ""
    leave: list[Leave] = PydField(default_factory=list)
    overrides: list[Override] = PydField(default_factory=list)
    carried: list[CarriedLoad] = PydField(default_factory=list)
    escalation: list[EscalationLevel] = PydField(default_factory=list)
    support: list[SupportLevel] = PydField(default_factory=list)
    known_risks: list[str] = PydField(default_factory=list)
    policy: str = ""
    # What happened afterwards and the author's own part (sdmkit/kinds/my_part.py): optional.
    outcome: Outcome = PydField(default_factory=Outcome)
    my_part: MyPart = PydField(default_factory=MyPart)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value, "UTC")

    @field_validator("holiday_country")
    @classmethod
    def _country(cls, value: str | None) -> str:
        value = (value or "").strip().upper()
        if value and value not in _countries():
            raise ValueError(f"unknown country '{value}' (use an ISO code such as DE, US or GB)")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.holiday_subdivision:
            if not self.holiday_country:
                raise ValueError("holiday_subdivision: give the holiday country first")
            if self.holiday_subdivision not in _subdivisions(self.holiday_country):
                raise ValueError(
                    f"holiday_subdivision: '{self.holiday_subdivision}' is not a subdivision of "
                    f"{self.holiday_country}"
                )
        for i, leave in enumerate(self.leave, 1):
            if leave.start and leave.end and leave.end < leave.start:
                raise ValueError(f"leave[{i}].end: leave ends ({leave.end}) before it starts ({leave.start})")
        for i, m in enumerate(self.members, 1):
            if m.joined and m.left and m.left < m.joined:
                raise ValueError(f"members[{i}].left: left ({m.left}) before joining ({m.joined})")
        spans: list[tuple[int, tuple[str, datetime, datetime]]] = []
        for i, o in enumerate(self.overrides, 1):
            if o.start and o.end:
                if o.end <= o.start:
                    raise ValueError(f"overrides[{i}].end: the override ends before it starts")
                for j, (layer, s, e) in spans:
                    if layer == o.layer and o.start < e and s < o.end:
                        raise ValueError(
                            f"overrides[{i}].start: overlaps override {j} on the {o.layer} layer"
                        )
                spans.append((i, (o.layer, o.start, o.end)))
        for i, r in enumerate(self.regions, 1):
            if r.start == r.end:
                raise ValueError(f"regions[{i}].end: the working window is empty")
        return self

    def active_members(self) -> list[Member]:
        return [m for m in self.members if m.name]
