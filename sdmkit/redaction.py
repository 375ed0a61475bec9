"""Redaction for interview use: a workspace list of names and terms to replace
(people, internal services, customers), plus e-mail addresses, URLs and ticket ids
replaced automatically. It works on a copy of a document, so an export can be
redacted while the stored document stays as written."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace

SETTING = "redaction.terms"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\])\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|example|internal|corp)"
    r"(?:/[^\s<>\])\"']*)?",
    re.I,
)
TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b")


@dataclass(frozen=True)
class Term:
    term: str
    replacement: str


def terms(store) -> list[Term]:
    return [
        Term(t["term"], t.get("replacement") or "[redacted]")
        for t in (store.setting(SETTING, []) or [])
        if (t.get("term") or "").strip()
    ]


def set_terms(store, rows: list[dict]) -> None:
    clean = [
        {"term": r["term"].strip(), "replacement": (r.get("replacement") or "").strip() or "[redacted]"}
        for r in rows
        if (r.get("term") or "").strip()
    ]
    store.set_setting(SETTING, clean)


def redact_text(text: str, rules: list[Term]) -> str:
    if not text:
        return text
    # Longest first, so 'Priya Raman' goes before 'Priya'.
    for t in sorted(rules, key=lambda t: len(t.term), reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(t.term)}(?!\w)", t.replacement, text, flags=re.I)
    text = EMAIL.sub("[email]", text)
    text = URL.sub("[link]", text)
    return TICKET.sub("[ticket]", text)


def redact_value(value, rules):
    """Every string inside a structure of dicts, lists and tuples, redacted."""
    return _walk(value, rules)


def _walk(value, rules):
    if isinstance(value, str):
        return redact_text(value, rules)
    if isinstance(value, list | tuple):
        return type(value)(_walk(v, rules) for v in value)
    if isinstance(value, dict):
        return {k: _walk(v, rules) for k, v in value.items()}
    return value


def redact(doc, rules: list[Term]):
    """A redacted copy of a document: title, team, tags and every text in its content."""
    content = _walk(copy.deepcopy(doc.content), rules)
    meta = doc.meta.replace(
        title=redact_text(doc.title, rules),
        team=redact_text(doc.team, rules),
        tags=[redact_text(t, rules) for t in doc.tags],
    )
    return replace(doc, meta=meta, content=content)
