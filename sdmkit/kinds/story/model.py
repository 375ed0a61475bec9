"""A STAR interview story: Situation, Task, Action, Result, with the principles it
shows, where it came from, and how it has been practised."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import Field as PydField

from sdmkit.kind import Part

Scope = Literal["team", "multi-team", "org"]
SCOPES: tuple[str, ...] = get_args(Scope)  # declared once, as the model's type


class PrincipleEvidence(Part):
    principle: str = ""
    evidence: str = ""  # the sentence of the story that shows it
    strength: int | None = None  # how strongly the story's sentences show it (mining ranks by it)


class Source(Part):
    document_id: int | None = None
    section: str = ""  # e.g. "impact", "timeline", "action_items"
    note: str = ""


class Story(Part):
    question: str = ""  # the question it answers best, in the interviewer's words
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    principles: list[PrincipleEvidence] = PydField(default_factory=list)
    scope: Scope = "team"
    numbers: list[str] = PydField(default_factory=list)  # figures the story cites, as in the source
    sources: list[Source] = PydField(default_factory=list)
    follow_ups: list[str] = PydField(default_factory=list)
    practice_count: int = PydField(default=0, ge=0)
    last_practised: date | None = None
    # Set by mining: which document slot it came from, at which version, and the text it
    # generated, so re-mining updates an untouched story and keeps an edited one.
    origin: str = ""
    origin_version: int | None = None
    generated: str = ""
    # The source field of each sentence of each part, in order ('' for a 'Your part'
    # prompt): every mined sentence is taken from a named field of its document.
    grounding: dict[Literal["situation", "task", "action", "result"], list[str]] = PydField(
        default_factory=dict
    )
    # Principles mining proposed, and the ones the user took off: those stay off when
    # the document is mined again.
    proposed_principles: list[str] = PydField(default_factory=list)
    rejected_principles: list[str] = PydField(default_factory=list)

    def asked(self, part: str) -> list[tuple[str, bool]]:
        """A part's sentences, each with whether it is a 'Your part' question still to
        answer: exports set those apart, so the question is never read as an answer."""
        # On first use, as the rules do: the story bank's text helpers.
        from sdmkit.stories.grounding import marked

        return marked(getattr(self, part))

    def open_questions(self) -> list[str]:
        """The 'Your part: ...?' questions mining asked that the story still holds: a
        story that holds one is not ready to tell (the coach, the portfolio and the
        export all say so)."""
        # On first use, as above.
        from sdmkit.stories.grounding import open_prompts

        return open_prompts(self.model_dump(include={"situation", "task", "action", "result"}))
