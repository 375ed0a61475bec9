"""The PR/FAQ content model: five customer questions, the press release, FAQs."""

from __future__ import annotations

from datetime import date

from pydantic import Field as PydField

from sdmkit.kind import Part
from sdmkit.kinds.my_part import MyPart, Outcome


class Quote(Part):
    text: str = ""
    speaker: str = ""  # name and role, as printed under the quote


class QA(Part):
    question: str = ""
    answer: str = ""


class PRFAQ(Part):
    # Working backwards: answered first, each feeds a part of the press release.
    customer: str = ""
    problem: str = ""
    benefit: str = ""
    evidence: str = ""
    experience: str = ""
    # The press release, in the order it is read.
    headline: str = ""
    subheading: str = ""
    city: str = ""
    launch_date: date | None = None
    summary: str = ""
    problem_paragraph: str = ""
    solution: str = ""
    leader_quote: Quote = PydField(default_factory=Quote)
    getting_started: str = ""
    customer_quote: Quote = PydField(default_factory=Quote)
    call_to_action: str = ""
    # The FAQs, in the order they should be read.
    external_faqs: list[QA] = PydField(default_factory=list)
    internal_faqs: list[QA] = PydField(default_factory=list)
    appendix: str = ""
    # What happened afterwards and the author's own part (sdmkit/kinds/my_part.py): optional.
    outcome: Outcome = PydField(default_factory=Outcome)
    my_part: MyPart = PydField(default_factory=MyPart)

    def press_release_texts(self) -> list[tuple[str, str]]:
        return [
            ("headline", self.headline),
            ("subheading", self.subheading),
            ("summary", self.summary),
            ("problem_paragraph", self.problem_paragraph),
            ("solution", self.solution),
            ("leader_quote.text", self.leader_quote.text),
            ("getting_started", self.getting_started),
            ("customer_quote.text", self.customer_quote.text),
            ("call_to_action", self.call_to_action),
        ]

    def faq_texts(self) -> list[tuple[str, str]]:
        out = []
        for name in ("external_faqs", "internal_faqs"):
            for i, qa in enumerate(getattr(self, name), 1):
                out += [(f"{name}[{i}].question", qa.question), (f"{name}[{i}].answer", qa.answer)]
        return out
