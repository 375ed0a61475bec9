"""Whether a mined sentence is grounded: taken from a named field of its source
document, or visibly a question for the user.

A sentence is supported by a field when every word that carries meaning in it, and
every figure, is in that field's text: condensing (dropping words) is allowed,
adding a word the source does not say is not. A record of a list (one metric, one
action item) counts as one field too, so 'Checkout conversion: 71.6% (target 72%)'
is grounded in `metrics[1]` even though the figures live in separate values."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

PROMPT = "Your part:"  # a sentence that starts so and ends with '?' asks the user; the coach flags it

# Words that carry no claim: joining words, and the few the miner adds to join a
# field into a STAR sentence ("the", "was", "I"). None of them states a fact.
_GLUE_WORDS = (
    "a an and are as at be been by for from had has have i in into is it its my of on or our so than that "
    "the their then there these this those to was we were which while who with"
)
_GLUE = frozenset(_GLUE_WORDS.split())
_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")
# A sentence ends at . ! or ? before a space and a capital, a digit, a quote or a
# bracket. Written as (?<=[.!?])\s+ it would try its look-behind at every character;
# starting at a space it tries it at each space only (a quarter less time to split).
_SENTENCE = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-Z0-9\"'(])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def is_question(sentence: str) -> bool:
    """A question the document asks ('What does it cost to build?', told before the
    answer it frames) or a prompt: it shows nothing anyone did, so it is no evidence
    of a principle, and learning reads no cue from it (draft.propose, learn_cues)."""
    return sentence.rstrip().endswith("?")


def is_prompt(sentence: str) -> bool:
    s = sentence.strip()
    return s.startswith(PROMPT) and s.endswith("?")


def marked(text: str) -> list[tuple[str, bool]]:
    """A part's sentences, each with whether it is a 'Your part' question still to answer."""
    return [(x, is_prompt(x)) for x in sentences(text)]


def open_prompts(story: dict) -> list[str]:
    """The 'Your part' questions a story's STAR text still holds, in order."""
    return [
        x
        for part in ("situation", "task", "action", "result")
        for x, asks in marked(story.get(part) or "")
        if asks
    ]


def _tokens(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall((text or "").lower()):
        w = w.rstrip(".,")
        out.add(w)
        if "," in w and w.replace(",", "").isdigit():
            out.add(w.replace(",", ""))
        if w.endswith("'s"):
            out.add(w[:-2])
    return out


def claims(sentence: str) -> set[str]:
    """The words of a sentence that state something."""
    return {w for w in _tokens(sentence) if w not in _GLUE}


def supports(field_text: str, sentence: str) -> bool:
    return claims(sentence) <= _tokens(field_text)


def _scalar(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None or isinstance(value, bool) else str(value)


def text_of(value) -> str:
    """A field's text as the grounding check reads it. A record reads as 'key: value'
    lines, so 'target 72' is in its own words."""
    if isinstance(value, dict):
        parts = [(k, text_of(v)) for k, v in value.items()]
        return "\n".join(f"{k.replace('_', ' ')}: {p}" for k, p in parts if p)
    if isinstance(value, list | tuple):
        return "\n".join(p for p in (text_of(v) for v in value) if p)
    return _scalar(value)


_STEP = re.compile(r"([^.\[]+)|\[(\d+)\]")
_LISTED = re.compile(r"([a-z_]+)\[\d+\]$")


def path_text(content, path: str) -> str:
    """The text of the field at `path`, as the grounding check reads it. A record of a
    list reads with the list's name first: an entry of `my_part.contested` says it was
    contested ('Martin Alvarez contested two weeks of the next sprint ...') as plainly
    as its own keys say who and what."""
    return _text_at(value_at(content, path), path)


def _text_at(value, path: str) -> str:
    text = text_of(value)
    listed = _LISTED.search(path) if isinstance(value, dict) else None
    return f"{listed.group(1).replace('_', ' ')}\n{text}" if listed and text else text


@lru_cache(maxsize=8192)  # a vocabulary of paths: mining reads the same few thousand again and again
def _steps(path: str) -> tuple[tuple[str, int], ...]:
    """A path's keys and list positions: ('timeline', -1), ('', 2), ('description', -1)."""
    return tuple((key, int(index) - 1 if index else -1) for key, index in _STEP.findall(path))


def value_at(content, path: str):
    """The value a path names ('timeline[3].description'), or None."""
    value = content
    for key, i in _steps(path):
        if key:
            value = value.get(key) if isinstance(value, dict) else None
        else:
            value = value[i] if isinstance(value, list) and 0 <= i < len(value) else None
        if value is None:
            return None
    return value


def field_texts(content: dict, title: str = "") -> dict[str, str]:
    """Every text of a document by its path as the editor names it ('impact.how_many',
    'timeline[3].description'), and every record of a list by its own path."""
    out: dict[str, str] = {"title": title} if title else {}

    def walk(value, path: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{path}.{k}" if path else k)
        elif isinstance(value, list | tuple):
            for i, v in enumerate(value, 1):
                walk(v, f"{path}[{i}]")
        if path:
            text = _text_at(value, path)
            if text:
                out[path] = text

    walk(content, "")
    return out


def supporting_field(fields: dict[str, str], sentence: str) -> str | None:
    """The narrowest field that supports the sentence, or None."""
    want = claims(sentence)
    best = None
    for path, text in fields.items():
        if want <= _tokens(text) and (best is None or len(text) < len(fields[best])):
            best = path
    return best


def grounded(story: dict) -> list[tuple[str, str, str]]:
    """(part, sentence, field) for each sentence of a story's STAR text; the field is
    '' for a prompt, or for a sentence the user wrote (the story's text changed)."""
    out = []
    kept = story.get("grounding") or {}
    for part in ("situation", "task", "action", "result"):
        said = sentences(story.get(part) or "")
        fields = kept.get(part, []) if isinstance(kept, dict) else []
        if len(fields) != len(said):
            fields = [""] * len(said)  # rewritten since mining: no longer the miner's sentences
        out += [(part, x, f) for x, f in zip(said, fields, strict=True)]
    return out


def unsupported(story: dict, fields: dict[str, str]) -> list[str]:
    """The sentences of a story's STAR text that no source field supports and that
    are not prompts for the user."""
    out = []
    for part in ("situation", "task", "action", "result"):
        for s in sentences(story.get(part) or ""):
            if not is_prompt(s) and supporting_field(fields, s) is None:
                out.append(s)
    return out
