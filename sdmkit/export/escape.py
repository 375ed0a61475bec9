"""Make user text inert inside Markdown.

Everything a user typed goes through one of these filters before it lands in a
Markdown template, so `<script>`, `![x](file:///etc/passwd)` or a stray `#` are shown
as the characters they are, in the .md file and in the HTML/PDF made from it."""

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


def md_block(value) -> str:
    """Multi-line text: paragraphs kept, every line made literal."""
    if value is None:
        return ""
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    out = []
    for para in paragraphs:
        lines = [_line(x) for x in para.splitlines() if x.strip()]
        # A hard line break (two trailing spaces) keeps the writer's line breaks.
        out.append("  \n".join(lines))
    return "\n\n".join(p for p in out if p)


# A spreadsheet (Excel, Sheets, LibreOffice) runs a cell that starts with one of
# these as a formula: =HYPERLINK(...) in a member's name would be live in the hours
# sheet. OWASP's advice: lead such a cell with an apostrophe, which shows the text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value) -> str:
    """A text cell for CSV that a spreadsheet shows as text, never runs."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
