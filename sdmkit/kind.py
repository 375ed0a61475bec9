"""What every kind declares. The registry carries what differs between kinds, so no
other module needs an `if kind == ...` ladder.

Editor fields are described as data (widget type, prompt, example, help); sdmkit.ui
turns them into Streamlit widgets, so this module stays free of Streamlit."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from sdmkit.errors import InvalidDocument, problems_from_pydantic

if TYPE_CHECKING:  # named in annotations only: the coach's package stays out of `sdmkit list`
    from sdmkit.coach.rule import Rule

# How a table column is edited and shown (a date picker, a number, long text ...).
ColumnType = Literal["text", "choice", "date", "datetime", "time", "number", "long"]
Widget = Literal[
    "line", "text", "choice", "date", "time", "number", "toggle", "list", "table", "cards", "tree", "deck"
]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str = ""
    type: ColumnType = "text"
    choices: tuple[str, ...] = ()
    required: bool = False
    # Choices that depend on the document (e.g. the whys an action item can address):
    # a function from the content dict to (value, label) pairs.
    choices_from: Callable[[dict[str, Any]], list[tuple[Any, str]]] | None = None
    # Coached as prose (weasel words, long sentences...): long text by default.
    prose: bool | None = None

    @property
    def is_prose(self) -> bool:
        return self.type == "long" if self.prose is None else self.prose


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
    choices: tuple[Any, ...] = ()
    choice_labels: tuple[tuple[Any, str], ...] = ()  # how to show a choice, when not as itself
    placeholder: str = ""
    ordered: bool = False  # tables: a '#' column the user edits to reorder rows
    quick_add: bool = False  # tables: a small form above the table to add one row with plain inputs
    item: str = ""  # what one row or card is called ('event', 'tenet'); defaults from the label
    feeds_from: str = ""  # the field whose answer this one is written from (shown beside it)
    bank: tuple[str, ...] = ()  # cards: starter entries the writer can pull in (the first column)
    # Coached as prose: a text box by default; set it for a list whose lines are
    # sentences (out of scope, lessons) or a line that is (a headline).
    prose: bool | None = None
    # List-shaped fields without columns (tree, deck): the entry attribute that is prose.
    prose_part: str = ""

    @property
    def is_prose(self) -> bool:
        return self.widget == "text" if self.prose is None else self.prose

    @property
    def noun(self) -> str:
        """What one card or row is called: 'tenet', 'event'."""
        return self.item or self.label.rstrip("s").lower()


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    intro: str = ""
    charts: bool = False  # draw the kind's charts under this section
    screen: str = ""  # a named screen the UI draws in this tab (e.g. the on-call schedule)
    shows: tuple[str, ...] = ()  # content the screen draws: the coach names a finding on it by the title


def lazy(target: str) -> Callable[..., Any]:
    """'package.module:function', imported on first call: a kind's heavier helpers (mining,
    the team page) stay out of the registry's import, which every CLI command pays for."""

    resolved: list[Callable[..., Any]] = []  # the function, once imported: mining calls it per document

    def call(*args: Any, **kwargs: Any) -> Any:
        if not resolved:
            module, name = target.split(":")
            resolved.append(getattr(importlib.import_module(module), name))
        return resolved[0](*args, **kwargs)

    return call


class Part(BaseModel):
    """Base of every content model. A typo in an imported file is reported, not dropped;
    surrounding spaces are trimmed; a number in a text field ('value: 310') stays its text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)


def _attr_path(content: Any, key: str) -> Any:
    for part in key.split("."):
        content = getattr(content, part, None)
    return content


def _in_sentence(text: str) -> str:
    # Lower-case ordinary words, keep acronyms ('COE', 'COEs', 'PR/FAQ').
    return " ".join(w if w.rstrip("s").isupper() else w.lower() for w in text.split())


@dataclass(frozen=True)
class RubricCheck:
    """One line of a kind's scorecard: passes when none of its rules has a finding."""

    title: str
    rules: tuple[str, ...]
    advice: str


@dataclass(frozen=True)
class Kind:
    id: str
    label: str  # "Team charter"
    plural: str
    icon: str  # the navigation icon: ":material/<name>:" or one emoji
    description: str
    model: type[BaseModel]
    statuses: tuple[str, ...]
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...] = ()
    # The editor page, relative to the app root; by convention pages/<id>.py.
    page: str = ""
    # A folder with this kind's two templates (<id>.md.j2, <id>.html.j2), for a kind
    # that lives outside sdmkit; the built-in kinds' templates are in templates/.
    templates_dir: str = ""
    # The team a document belongs to when its writer names none (a charter's team name).
    team_of: Callable[[Any], str] = field(default=lambda content: "")
    # Vega-Lite specs drawn in the editor (interactive) and in HTML/PDF (as SVG).
    charts: Callable[[Any], list[tuple[str, dict[str, Any]]]] = field(default=lambda content: [])
    derived: Callable[[Any], dict[str, Any]] = field(default=lambda content: {})
    summary: Callable[[Any], str] = field(default=lambda content: "")
    attention: Callable[[Any], list[str]] = field(default=lambda content: [])
    rubric: tuple[RubricCheck, ...] = ()
    # Rules that also read other documents of the workspace: their check gets
    # (content, lookup), lookup being document id -> stored document.
    workspace_rules: tuple[Rule, ...] = ()
    derived_help: dict[str, str] = field(default_factory=dict)  # what each derived fact measures
    template_data: Callable[[Any], dict[str, Any]] = field(
        default=lambda content: {}
    )  # extra data for the templates
    # Data from elsewhere in the workspace for this kind's exports (a charter's on-call rotation).
    enrich: Callable[[Any, Any], dict[str, Any]] | None = None
    title_of: Callable[[Any], str] = field(default=lambda content: "")  # a title when the user gave none
    # The content field a title is made from when the writer gives none ('team_name'):
    # a document without either is refused with a message about that field.
    title_field: str = ""
    # STAR drafts mined from a document of this kind: (slot, title, story content) triples.
    mine: Callable[[Any, Any], list[tuple[str, str, dict[str, Any]]]] | None = None
    # Content that is sdmkit's own bookkeeping, not words anyone wrote (a mined story's
    # field paths and fingerprint): left out of search, whose snippets would show it.
    # A top-level key, or 'key[].sub' for a key of each record of a list.
    unsearched: tuple[str, ...] = ()
    long_sentence_words: int = 25  # the prose coach's limit for this kind
    min_reading_ease: float | None = None  # Flesch reading ease the prose should reach; None: not checked
    # Documents that carry action items (COEs, later metric reviews) expose them here so
    # the cross-document list can read them and mark them done.
    action_items: Callable[[Any], list[Any]] | None = None
    set_action_status: Callable[[dict[str, Any], int, str], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        if not self.page:
            object.__setattr__(self, "page", f"pages/{self.id}.py")

    @property
    def noun(self) -> str:
        """The label inside a sentence: 'team charter', but 'COE'."""
        return _in_sentence(self.label)

    @property
    def nouns(self) -> str:
        return _in_sentence(self.plural)

    def prose(self, content: Any) -> Iterator[tuple[str, str]]:
        """(location, text) of every field its declaration marks as prose, for the
        prose coach: declared once, on the field, so a new prose field is coached."""
        for f in self.fields():
            value = _attr_path(content, f.key)
            if f.is_prose and f.widget in ("list", "tree", "deck", "cards", "table"):
                yield from ((f"{f.key}[{i}]", x or "") for i, x in enumerate(value or [], 1))
            elif f.is_prose:
                yield f.key, value or ""
            if f.prose_part:
                for i, entry in enumerate(value or [], 1):
                    yield f"{f.key}[{i}].{f.prose_part}", getattr(entry, f.prose_part, "") or ""
            for c in f.columns:
                if c.is_prose:
                    for i, entry in enumerate(value or [], 1):
                        yield f"{f.key}[{i}].{c.key}", getattr(entry, c.key, "") or ""

    @property
    def md_template(self) -> str:
        return f"{self.id}.md.j2"

    @property
    def html_template(self) -> str:
        return f"{self.id}.html.j2"

    def blank(self) -> BaseModel:
        return self.model()

    def validate(self, data: dict[str, Any] | None) -> BaseModel:
        """Validate content; raises InvalidDocument naming every bad field."""

        try:
            return self.model.model_validate(data or {})
        except ValidationError as exc:
            raise InvalidDocument(problems_from_pydantic(exc, "content")) from None

    def fields(self) -> Iterable[Field]:
        """The content fields (not the document's own title, status and team)."""
        for section in self.sections:
            yield from (f for f in section.fields if not f.key.startswith("meta."))

    def describe(self, path: str) -> str:
        """A field path as the writer sees it on screen: 'content.tenets[2].statement' ->
        'Tenet 2, Statement'; 'content.week_ending' -> 'Week ending'; 'title' -> 'Title'."""
        path = path.removeprefix("content.")
        fields = {f.key.removeprefix("meta."): f for s in self.sections for f in s.fields}
        head, _, rest = path.partition(".")
        root, _, index = head.partition("[")
        field = fields.get(root)
        if field is None:
            words = root.replace("_", " ").strip()
            return (words[:1].upper() + words[1:]) or "Document"
        label = field.label
        if index:
            label = f"{field.noun.capitalize()} {index.rstrip(']')}"
        if rest:
            column = next((c for c in field.columns if c.key == rest.split(".")[0]), None)
            label += f", {column.label if column else rest.replace('_', ' ')}"
        return label

    def meta_fields_in_sections(self) -> set[str]:
        return {
            f.key.removeprefix("meta.") for s in self.sections for f in s.fields if f.key.startswith("meta.")
        }
