"""What a coach rule is, and what it finds: the values shared by the engine, the
prose rules and every kind's rules (below all of them, so none imports another)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    location: str  # section/field path, e.g. "tenets[2].statement"
    message: str
    suggestion: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    """What a rule's check yields; the engine adds the rule id and severity."""

    location: str
    message: str
    suggestion: str = ""
    severity: Severity | None = None  # overrides the rule's default when set


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: Severity
    check: Callable[..., Iterable[Hit]] = field(repr=False)
    explain: str = ""
