"""A team charter's parts, as stored and as the editor reads them."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import Field as PydField

from sdmkit.kind import Part
from sdmkit.kinds.my_part import MyPart, Outcome

# Each enumeration is declared once, as the model's type; the editor's choices come from it.
TeamType = Literal["stream-aligned", "platform", "enabling", "complicated-subsystem"]
InteractionMode = Literal["collaboration", "x-as-a-service", "facilitating"]
TEAM_TYPES: tuple[str, ...] = get_args(TeamType)
INTERACTION_MODES: tuple[str, ...] = get_args(InteractionMode)
MAX_TENETS = 7


_Part = Part  # the shared base: strict fields, trimmed text


class Customer(_Part):
    name: str = ""
    what_they_get: str = ""


class Tenet(_Part):
    name: str = ""
    statement: str = ""


class OwnedService(_Part):
    name: str = ""
    description: str = ""


class Interaction(_Part):
    team: str = ""
    mode: InteractionMode = "x-as-a-service"
    purpose: str = ""
    until: date | None = None


class Engagement(_Part):
    how_to_request: str = ""
    intake_channel: str = ""
    response_expectations: str = ""


class SupportLevel(_Part):
    severity: str = ""
    meaning: str = ""
    response_time: str = ""


class Meeting(_Part):
    name: str = ""
    cadence: str = ""
    purpose: str = ""


class Member(_Part):
    name: str = ""
    role: str = ""


class SuccessMetric(_Part):
    name: str = ""
    target: str = ""


class Charter(_Part):
    team_name: str = ""
    mission: str = ""
    long_term_direction: str = ""
    customers: list[Customer] = PydField(default_factory=list)
    in_scope: list[str] = PydField(default_factory=list)
    out_of_scope: list[str] = PydField(default_factory=list)
    tenets: list[Tenet] = PydField(default_factory=list)
    team_type: TeamType | None = None
    services: list[OwnedService] = PydField(default_factory=list)
    interactions: list[Interaction] = PydField(default_factory=list)
    engagement: Engagement = PydField(default_factory=Engagement)
    support: list[SupportLevel] = PydField(default_factory=list)
    release_schedule: str = ""
    working_agreements: list[str] = PydField(default_factory=list)
    meetings: list[Meeting] = PydField(default_factory=list)
    members: list[Member] = PydField(default_factory=list)
    success_metrics: list[SuccessMetric] = PydField(default_factory=list)
    next_review: date | None = None
    # What happened afterwards and the author's own part (sdmkit/kinds/my_part.py): optional.
    outcome: Outcome = PydField(default_factory=Outcome)
    my_part: MyPart = PydField(default_factory=MyPart)
