"""The text a document is found by, and the words a search asks for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice
from typing import Any

from sdmkit.errors import SdmkitError

# The search index marks the matched words of a snippet with these two characters
# (Unicode private use, never in a document: index_text strips them), so the
# Library and the CLI can show the hits without ever reading user text as markup.
HIT_START, HIT_END = "\ue000", "\ue001"
_MARKERS = str.maketrans("", "", HIT_START + HIT_END)
# A word is letters and digits, the way both FTS5 (unicode61) and PostgreSQL's
# parser split text; punctuation never reaches a query, so it cannot be syntax.
_WORD = re.compile(r"[^\W_]+")


def _strings(value: object) -> list[str]:
    """Every text inside a JSON-like value, in order. A list filled by one walk: the
    generator chain this replaces passed each text up through every level, and mining
    indexes some 60 texts nested four deep in each of its stories."""
    if isinstance(value, str):
        return [value]
    out: list[str] = []
    if isinstance(value, dict | list):
        _collect(value, out)
    return out


def _collect(value: dict[str, Any] | list[Any], out: list[str]) -> None:
    for v in value.values() if isinstance(value, dict) else value:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict | list):
            _collect(v, out)


def searchable(content: dict[str, Any] | None, unsearched: Sequence[str] = ()) -> dict[str, Any]:
    """The content without the parts its kind keeps out of search (Kind.unsearched:
    'key', or 'key[].sub' for a key of each record of a list). A shallow copy where
    something is left out; the content itself is never changed."""
    content = content or {}
    if not unsearched:
        return content
    out = dict(content)
    for path in unsearched:
        head, _, sub = path.partition("[].")
        if not sub:
            out.pop(head, None)
        elif isinstance(out.get(head), list):
            out[head] = [
                {k: v for k, v in r.items() if k != sub} if isinstance(r, dict) else r for r in out[head]
            ]
    return out


def content_texts(content: dict[str, Any] | None, unsearched: Sequence[str] = ()) -> list[str]:
    """Every text of a document's content that is searched, in order.
    `unsearched`: the kind's Kind.unsearched."""
    return _strings(searchable(content, unsearched))


def document_texts(kind_id: str, content: dict[str, Any] | None) -> list[str]:
    """content_texts of a document of that kind, without what the kind keeps out of
    search; a kind no longer installed keeps all of it."""
    from sdmkit.registry import get_kind  # here, not at the top: the registry reads the kinds

    try:
        unsearched = get_kind(kind_id).unsearched
    except SdmkitError:
        unsearched = ()
    return content_texts(content, unsearched)


# How much of a document's text the index keeps. PostgreSQL refuses a tsvector over
# 1 MB, and a vector can take up to about 10 bytes per character of text (distinct
# hyphenated words of 4-byte letters, each indexed whole and by its parts), so a
# longer document could not be saved there at all, nor a workspace holding one be
# migrated or restored. 100,000 characters is some twenty times the longest example;
# words past it are not found (on SQLite either: both backends find the same).
INDEX_LIMIT = 100_000


def index_text(
    team: str, tags: Sequence[str], content: dict[str, Any], texts: list[str] | None = None
) -> str:
    """The body the full-text index keeps (the title is its own, weightier column):
    case kept, so a snippet reads as the user wrote it; at most INDEX_LIMIT
    characters, cut between words. `texts`: the searched texts of the content
    (document_texts), when the caller has them."""
    strings = content_texts(content) if texts is None else texts
    # What the writer wrote as sentences first, then names, ids and other short values
    # (people, services, a time zone), then the team and tags: a snippet is the first
    # passage holding the most searched words, and read as prose it says why the
    # document matched ('31% of card payments failed'), not 'Priya Raman payments-api'.
    prose: list[str] = []
    short: list[str] = []
    for p in strings:
        # four words or more: a phrase or a sentence (str.split and a regex's \s agree
        # on what a space is; split is the quicker test)
        (prose if len(p.split(None, 3)) > 3 else short).append(p)
    parts = [*prose, *short, team or "", *(tags or [])]
    # Once each: the team is often also the content's team name.
    body = strip_markers("\n".join(dict.fromkeys(p for p in parts if p)))
    if len(body) > INDEX_LIMIT:
        cut = max(body.rfind(" ", 0, INDEX_LIMIT + 1), body.rfind("\n", 0, INDEX_LIMIT + 1))
        body = body[: cut if cut > 0 else INDEX_LIMIT]
    return body


def strip_markers(value: str) -> str:
    return (value or "").translate(_MARKERS)


# The tail of a possessive or a contraction ("ledger's", "don't"): the index splits
# it off as a word of its own, and searched by prefix a lone "s" would match, and
# mark in every snippet, each word that starts with s.
_CLITIC = re.compile(r"(?<=[^\W_])['\u2019](?:s|t|d|m|ll|re|ve)\b", re.IGNORECASE)


def terms(query: str) -> list[str]:
    """The words of a search, lower-cased, in order, each once."""
    seen: list[str] = []
    for word in _WORD.findall(_CLITIC.sub("", (query or "").lower())):
        if word not in seen:
            seen.append(word)
    return seen


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_hit) pieces, for whoever draws it."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet or "")):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


def make_snippet(text: str, words: list[str], length: int = 160) -> str:
    """The passage of `text` (about `length` characters) that holds the most of the
    searched words, matched by prefix as the index matches them, hits marked and
    '…' where it was cut. Made here rather than by snippet()/ts_headline(): the same
    on both backends, and cheap (FTS5's snippet() re-reads the whole match list for
    every row; a regular expression over one page of bodies costs well under 1 ms)."""
    text = text or ""
    if not words:
        return _cut(text, 0, length, None)
    # Longest first, so "ledgers" is not read as "ledger" + "s"; whole words only from their start.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)
    hits = list(islice(pattern.finditer(text), 200))
    start, best = 0, 0
    for hit in hits:
        lo = max(0, hit.start() - length // 4)
        found = {_which(m.group(), words) for m in hits if lo <= m.start() and m.end() <= lo + length}
        if len(found) > best:
            start, best = lo, len(found)
        if best == len(words):
            break
    return _cut(text, start, length, pattern)


def _which(token: str, words: list[str]) -> int:
    low = token.lower()
    return next((k for k, w in enumerate(words) if low.startswith(w)), -1)


def _cut(text: str, start: int, length: int, pattern: re.Pattern[str] | None) -> str:
    end = min(len(text), start + length)
    if start > 0 and not text[start - 1].isspace():  # begin and end on whole words
        gap = re.search(r"\s", text[start:end])
        start = start + gap.end() if gap else start
    if end < len(text):
        last = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        end = last if last > start else end
    piece = text[start:end]
    if pattern is not None:
        piece = pattern.sub(lambda m: f"{HIT_START}{m.group()}{HIT_END}", piece)
    return ("… " if start > 0 else "") + " ".join(piece.split()) + (" …" if end < len(text) else "")
