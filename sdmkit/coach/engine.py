"""Rule engine: runs a kind's rules and the general prose rules over a document.

A rule is a plain function from content to findings, so the editor, `sdmkit lint`
and the tests all see the same findings for the same text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sdmkit.coach import prose
from sdmkit.coach.rule import SEVERITY_ORDER, Finding, Hit, Rule, Severity
from sdmkit.stories.grounding import PROMPT, marked

__all__ = [
    "SEVERITY_ORDER",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "lint",
    "lint_document",
    "rule_catalog",
    "score",
]


def _unasked(text: str) -> str:
    """The text without the 'Your part: ...?' questions mining asked in it: those are
    sdmkit's words, for the writer to replace, not prose of theirs to coach ('Passive
    voice: were affected' in the question was noise)."""
    if PROMPT not in text:
        return text
    return " ".join(s for s, asks in marked(text) if not asks)


def _run(rule: Rule, subject) -> Iterator[Finding]:
    for hit in rule.check(subject):
        yield Finding(rule.id, hit.severity or rule.severity, hit.location, hit.message, hit.suggestion)


def lint(
    kind,
    content,
    disabled: Iterable[str] = (),
    allow: Iterable[str] = (),
    lookup: Callable | None = None,
    title: str = "",
) -> list[Finding]:
    """All findings for one document, errors first, minus the rules switched off and
    the words its writer allowed (a product name, a term of art).

    `lookup` (document id -> stored document) lets the kind's workspace rules look at
    other documents, such as a story's sources; without it they are not run."""
    off = set(disabled)
    # Rules that compare the title with the body (a COE's "failed for 47 minutes") read the
    # document's title through the model's own title field when that is empty.
    if title and getattr(content, "title", None) == "":
        content = content.model_copy(update={"title": title})
    findings: list[Finding] = []
    for rule in kind.rules:
        if rule.id not in off:
            findings.extend(_run(rule, content))
    if lookup is not None:
        for rule in kind.workspace_rules:
            if rule.id not in off:
                findings.extend(_run(rule, (content, lookup)))
    pieces = [(where, _unasked(text)) for where, text in kind.prose(content)]
    context = prose.ProseContext.build(
        pieces, allow=allow, long_sentence=kind.long_sentence_words, min_ease=kind.min_reading_ease
    )
    for rule in prose.RULES:
        if rule.id in off:
            continue
        for hit in rule.check((pieces, context)):
            findings.append(
                Finding(rule.id, hit.severity or rule.severity, hit.location, hit.message, hit.suggestion)
            )
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.location, f.rule))
    return findings


def lint_document(doc, lookup: Callable | None = None) -> list[Finding]:
    """The findings for a stored or imported document, with its own switches."""
    return lint(doc.kind_spec, doc.model(), doc.coach_off, doc.coach_allow, lookup, title=doc.title)


def rule_catalog(kind) -> list[Rule]:
    """Every rule that can fire on a document of this kind, for the 'switch off' list."""
    return [*kind.rules, *kind.workspace_rules, *prose.RULES]


@dataclass(frozen=True)
class Score:
    passed: int
    total: int
    failed: list[tuple[str, str]]  # (check, what to do)

    @property
    def percent(self) -> int:
        return round(100 * self.passed / self.total) if self.total else 100

    def as_dict(self) -> dict:
        return {
            "passed": self.passed,
            "total": self.total,
            "percent": self.percent,
            "failed": [{"check": c, "advice": a} for c, a in self.failed],
        }


def score(kind, findings: list[Finding], disabled: Iterable[str] = ()) -> Score | None:
    """The kind's scorecard: a check passes when none of its rules fired. Checks whose
    rules are all switched off for the document are left out of the total."""
    if not kind.rubric:
        return None
    off = set(disabled)
    fired = {f.rule for f in findings}
    passed, total, failed = 0, 0, []
    for check in kind.rubric:
        live = [r for r in check.rules if r not in off]
        if not live:
            continue
        total += 1
        if fired.isdisjoint(live):
            passed += 1
        else:
            failed.append((check.title, check.advice))
    return Score(passed, total, failed)
