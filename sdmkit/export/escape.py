"""Make user text inert inside Markdown.

Everything a user typed goes through one of these filters before it lands in a
Markdown template, so `<script>`, `![x](file:///etc/passwd)` or a stray `#` are shown
as the characters they are, in the .md file and in the HTML/PDF made from it.

Prose fields (md_block) keep a small, safe subset a manager types without thinking:
**bold**, *italics* or _italics_, lists ("- ", "* ", "1. ") and links to http(s) or
mailto addresses. Everything else stays literal: no raw HTML, no images, no headings,
no tables, no code; a link is never fetched, only printed with its address."""

from __future__ import annotations

import re

# Characters Python-Markdown (and CommonMark) give meaning to inside a line.
_INLINE = re.compile(r"([\\`*_\[\]|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+\-=~]|\d+[.)])")


def _inline(text: str) -> str:
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE.sub(r"\\\1", text)


def md_inline(value) -> str:
    """One line of text: newlines become spaces (tables, headings, list items)."""
    if value is None:
        return ""
    return _inline(" ".join(str(value).split()))


def _line(line: str) -> str:
    line = line.strip()
    escaped = _inline(line)
    m = _LINE_START.match(escaped)
    if m:
        marker = m.group(2)
        if marker[0].isdigit():
            escaped = escaped[: m.end() - 1] + "\\" + escaped[m.end() - 1 :]
        elif marker in "=~":
            escaped = f"&#{ord(marker)};" + escaped[1:]  # not backslash-escapable
        else:
            escaped = "\\" + escaped
    return escaped


# The subset's inline constructs, tried left to right. A link's text may hold emphasis;
# an image ("![") is no link and stays literal, so nothing is ever loaded.
_LINK = r"(?<!!)\[(?P<text>[^\[\]\n]+)\]\((?P<url>(?:https?://|mailto:)[^\s()<>\\]+)\)"
_BOLD = r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
_STAR = r"(?<![\w*])\*(?=[^\s*])(?P<star>[^*\n]+?)(?<=\S)\*(?![\w*])"
_UNDER = r"(?<![\w_])_(?=[^\s_])(?P<under>[^_\n]+?)(?<=\S)_(?![\w_])"
_SPAN = re.compile("|".join((_LINK, _BOLD, _STAR, _UNDER)))
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,3}[.)])\s+(?P<text>\S.*)$")


def prose_inline(text: str) -> str:
    """One line of prose: bold, italics and links kept, everything else literal."""
    out, at = [], 0
    for m in _SPAN.finditer(text):
        out.append(_inline(text[at : m.start()]))
        if m.group("url"):
            out.append(f"[{prose_inline(m.group('text'))}]({m.group('url')})")
        elif m.group("bold") is not None:
            out.append(f"**{prose_inline(m.group('bold'))}**")
        else:
            out.append(f"*{prose_inline(m.group('star') or m.group('under'))}*")
        at = m.end()
    out.append(_inline(text[at:]))
    return "".join(out)


def _prose_line(line: str) -> str:
    escaped = prose_inline(line.strip())
    m = _LINE_START.match(escaped)
    if m:  # a line that would start a heading, quote or list by accident stays text
        marker = m.group(2)
        if marker[0].isdigit():
            escaped = escaped[: m.end() - 1] + "\\" + escaped[m.end() - 1 :]
        elif marker in "=~":
            escaped = f"&#{ord(marker)};" + escaped[1:]
        else:
            escaped = "\\" + escaped
    return escaped


def md_block(value) -> str:
    """Multi-line prose: paragraphs and line breaks kept, lists and the inline subset
    rendered, every other character literal."""
    if value is None:
        return ""
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    out = []
    for para in paragraphs:
        runs: list[tuple[str, list[str]]] = []  # ("ul", "ol" or "text", lines)
        for raw in para.splitlines():
            if not raw.strip():
                continue
            item = _ITEM.match(raw)
            if item:
                ordered = item.group("marker")[0].isdigit()
                marker = f"{item.group('marker')[:-1]}." if ordered else "-"
                nested = "    " if len(item.group("indent").expandtabs(4)) >= 2 else ""
                # The item's own text cannot start a heading, quote or list inside it ('* #').
                line = f"{nested}{marker} {_prose_line(item.group('text'))}"
                kind = "ol" if ordered else "ul"
                # A nested item belongs to the list above it; a top-level one of the other
                # kind starts a new list.
                if runs and runs[-1][0] != "text" and (nested or runs[-1][0] == kind):
                    runs[-1][1].append(line)
                else:
                    runs.append((kind, [line]))
            else:
                line = _prose_line(raw)
                if runs and runs[-1][0] == "text":
                    runs[-1][1].append(line)
                else:
                    runs.append(("text", [line]))
        # A hard line break (two trailing spaces) keeps the writer's line breaks in text.
        out += ["  \n".join(lines) if kind == "text" else "\n".join(lines) for kind, lines in runs]
    return "\n\n".join(p for p in out if p)


# A spreadsheet (Excel, Sheets, LibreOffice) runs a cell that starts with one of
# these as a formula: =HYPERLINK(...) in a member's name would be live in the hours
# sheet. OWASP's advice: lead such a cell with an apostrophe, which shows the text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value) -> str:
    """A text cell for CSV that a spreadsheet shows as text, never runs."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
