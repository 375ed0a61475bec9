"""Print layout: keep a heading with what it introduces, and keep small blocks whole.

Python-Markdown writes a flat run of top-level blocks (h2, p, table, ul, figure...), so
CSS alone cannot say "this heading, its one-line intro and its chart travel together":
`break-after: avoid` holds only between two neighbours. Here each heading is wrapped
with the blocks it introduces in a `<div class="keep">` (break-inside: avoid), and a
long table is cut into row groups so that no page holds fewer than three of its rows.
This runs on sanitized HTML and adds only divs, classes and tbody tags."""

from __future__ import annotations

import re
from html.parser import HTMLParser

SMALL_TABLE_ROWS = 14  # a table this short moves whole rather than split
SMALL_LIST_ITEMS = 6
SHORT_INTRO = 320  # characters of a paragraph read as an introduction to what follows
GROUP_TEXT = 900  # a group never grows past this much text: it would leave a gap when it moves
MIN_ROWS = 3  # rows kept together at each end of a long table

_BODY = re.compile(r'<body class="([^"]*)"')


def with_fit(html: str, step: int) -> str:
    """The page with tighter layout `step`: 0 as designed, 1 or 2 the body classes fit-1
    and fit-2 of document.css, which the PDF export tries when a last page would be
    near empty or a document runs past its page budget (pdf_export.fitted_pdf)."""
    if not step:
        return html
    return _BODY.sub(lambda m: f'<body class="{m.group(1)} fit-{step}"', html, count=1)


_VOID = {"br", "hr", "img", "wbr", "col", "input", "meta"}
_HEADING = re.compile(r"<h([2-6])\b")
_TAG = re.compile(r"<([a-z0-9]+)")
_TEXT = re.compile(r"<[^>]+>")


class _Splitter(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.starts = [0]
        for line in html.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.html = html
        self.depth = 0
        self.begin = 0
        self.blocks: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.begin = self._offset()
            if tag in _VOID:
                self.blocks.append((self.begin, self.html.index(">", self.begin) + 1))
                return
        if tag not in _VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            start = self._offset()
            self.blocks.append((start, self.html.index(">", start) + 1))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        self.depth = max(0, self.depth - 1)
        if self.depth == 0:
            self.blocks.append((self.begin, self.html.index(">", self._offset()) + 1))


def blocks(html: str) -> list[str]:
    """The top-level elements of an HTML fragment, in order (text between them dropped)."""
    parser = _Splitter(html)
    parser.feed(html)
    parser.close()
    return [html[a:b] for a, b in parser.blocks]


def _tag(block: str) -> str:
    m = _TAG.match(block)
    return m.group(1) if m else ""


def _text_length(block: str) -> int:
    return len(_TEXT.sub("", block).strip())


def _rows(table: str) -> int:
    return len(re.findall(r"<tr\b", table.split("</thead>", 1)[-1]))


def _small(block: str) -> bool:
    tag = _tag(block)
    if tag == "figure":
        return True
    if tag == "table":
        return _rows(block) <= SMALL_TABLE_ROWS
    if tag in ("ul", "ol"):
        return block.count("<li") <= SMALL_LIST_ITEMS and _text_length(block) < 900
    return _text_length(block) < 600


def split_table(table: str) -> str:
    """A long table whose first and last MIN_ROWS rows hold together, so a page break
    leaves at least three rows on either side (the header repeats on the next page).
    WeasyPrint honours break-after/break-before between rows, not break-inside on a
    row group, hence classes on the rows themselves."""
    head, sep, rest = table.partition("<tbody>")
    if not sep:
        return table
    body, _, tail = rest.rpartition("</tbody>")
    rows = re.findall(r"<tr\b.*?</tr>", body, flags=re.S)
    if len(rows) < 2 * MIN_ROWS:
        return table
    marked = []
    for i, row in enumerate(rows):
        if i < MIN_ROWS - 1:
            row = row.replace("<tr", '<tr class="keep-next"', 1)
        elif i > len(rows) - MIN_ROWS:
            row = row.replace("<tr", '<tr class="keep-prev"', 1)
        marked.append(row)
    return f"{head}<tbody>{chr(10).join(marked)}</tbody>{tail}"


def keep_together(html: str) -> str:
    """Group each heading with its introduction and its first table, chart or list."""
    parts = blocks(html)
    out: list[str] = []
    group: list[str] = []

    def close(keep_next: bool = False) -> None:
        if group:
            cls = "keep keep-next" if keep_next else "keep"
            out.append(f'<div class="{cls}">\n' + "\n".join(group) + "\n</div>")
            group.clear()

    for i, block in enumerate(parts):
        tag = _tag(block)
        following = _tag(parts[i + 1]) if i + 1 < len(parts) else ""
        if tag == "table" and _rows(block) > SMALL_TABLE_ROWS:
            block = split_table(block)
        if _HEADING.match(block):
            if group and not all(_HEADING.match(b) for b in group):
                close()
            group.append(block)
            continue
        if not group:
            out.append(f'<div class="keep">{block}</div>' if tag == "table" and _small(block) else block)
            continue
        if tag == "p" and _text_length(block) <= SHORT_INTRO:
            group.append(block)  # an introduction: stays with the heading and what follows
            if sum(_text_length(b) for b in group) > GROUP_TEXT:
                close()
            continue
        if tag in ("ul", "ol") and _small(block) and following in ("figure", "table"):
            group.append(block)  # a short list of links before a chart: the chart is what it leads to
            continue
        if _small(block):
            group.append(block)
            close()
        else:
            close(keep_next=True)  # too long to move whole: at least start it on this page
            out.append(block)
    close()
    return "\n".join(out)
