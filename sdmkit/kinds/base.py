"""What every kind declares. The registry carries what differs between kinds, so no
other module needs an `if kind == ...` ladder.

Editor fields are described as data (widget type, prompt, example, help); sdmkit.ui
turns them into Streamlit widgets, so this module stays free of Streamlit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from sdmkit.coach.engine import Rule

Widget = Literal["line", "text", "choice", "date", "list", "table", "cards"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str = ""
    kind: Literal["text", "choice", "date", "long"] = "text"
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Field:
    """One input of the guided editor."""

    key: str  # attribute of the content model
    label: str
    widget: Widget
    help: str  # the tooltip: what the field is for
    prompt: str = ""  # the question to think about while writing
    example: str = ""  # a good answer, shown on request
    columns: tuple[Column, ...] = ()
    choices: tuple[str, ...] = ()
    placeholder: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    intro: str = ""


@dataclass(frozen=True)
class Kind:
    id: str
    label: str  # "Team charter"
    plural: str
    icon: str  # a Material icon name for the navigation
    description: str
    model: type[BaseModel]
    statuses: tuple[str, ...]
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    page: str  # path of the editor page, relative to the app root
    team_of: Callable[[Any], str]
    prose: Callable[[Any], Iterable[tuple[str, str]]]
    derived: Callable[[Any], dict] = field(default=lambda content: {})
    summary: Callable[[Any], str] = field(default=lambda content: "")
    attention: Callable[[Any], list[str]] = field(default=lambda content: [])

    @property
    def md_template(self) -> str:
        return f"{self.id}.md.j2"

    @property
    def html_template(self) -> str:
        return f"{self.id}.html.j2"

    def blank(self) -> BaseModel:
        return self.model()

    def validate(self, data: dict | None) -> BaseModel:
        """Validate content; raises InvalidDocument naming every bad field."""
        from pydantic import ValidationError

        from sdmkit.errors import InvalidDocument, problems_from_pydantic

        try:
            return self.model.model_validate(data or {})
        except ValidationError as exc:
            raise InvalidDocument(problems_from_pydantic(exc, "content")) from None

    def fields(self) -> Iterable[Field]:
        for section in self.sections:
            yield from section.fields
