"""Two drafts side by side: line pairs with the changed words marked.

Returns HTML built here from escaped text only, so the user's words stay inert."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import escape

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Row:
    status: str  # "same", "changed", "added", "removed"
    old: str  # HTML
    new: str  # HTML


def _marked(a: str, b: str) -> tuple[str, str]:
    ta, tb = _TOKENS.findall(a), _TOKENS.findall(b)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ta, b=tb, autojunk=False).get_opcodes():
        old, new = escape("".join(ta[i1:i2])), escape("".join(tb[j1:j2]))
        if op == "equal":
            left.append(old)
            right.append(new)
        else:
            if old:
                left.append(f"<del>{old}</del>")
            if new:
                right.append(f"<ins>{new}</ins>")
    return "".join(left), "".join(right)


def side_by_side(old: str, new: str) -> list[Row]:
    a, b = old.splitlines(), new.splitlines()
    rows: list[Row] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [Row("same", escape(x), escape(x)) for x in a[i1:i2]]
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            x = olds[k] if k < len(olds) else None
            y = news[k] if k < len(news) else None
            if x is not None and y is not None:
                rows.append(Row("changed", *_marked(x, y)))
            elif x is not None:
                rows.append(Row("removed", f"<del>{escape(x)}</del>", ""))
            else:
                rows.append(Row("added", "", f"<ins>{escape(y or '')}</ins>"))
    return rows


def html_table(rows: list[Row], old_label: str, new_label: str, *, context: int = 2) -> str:
    """The comparison as a table; unchanged runs longer than 2*context lines are folded."""
    keep = {i for i, r in enumerate(rows) if r.status != "same"}
    near = {j for i in keep for j in range(i - context, i + context + 1)}
    body, folded = [], 0
    for i, r in enumerate(rows):
        if r.status == "same" and i not in near:
            folded += 1
            continue
        if folded:
            body.append(f'<tr class="fold"><td colspan="2">… {folded} unchanged lines …</td></tr>')
            folded = 0
        body.append(f'<tr class="{r.status}"><td>{r.old}</td><td>{r.new}</td></tr>')
    if folded:
        body.append(f'<tr class="fold"><td colspan="2">… {folded} unchanged lines …</td></tr>')
    if not keep:
        body = ['<tr class="fold"><td colspan="2">No differences.</td></tr>']
    return (
        f'<table class="sdm-compare"><thead><tr><th>{escape(old_label)}</th><th>{escape(new_label)}</th></tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table>"
    )


COMPARE_CSS = """
<style>
.sdm-compare { width: 100%; border-collapse: collapse; font-size: 0.9rem; table-layout: fixed; }
.sdm-compare th { text-align: left; background: #eef2f7; padding: 0.3rem 0.5rem; }
.sdm-compare td { vertical-align: top; padding: 0.15rem 0.5rem; border-bottom: 1px solid #f0f0f0;
  white-space: pre-wrap; word-wrap: break-word; }
.sdm-compare tr.changed td, .sdm-compare tr.added td, .sdm-compare tr.removed td { background: #fffbea; }
.sdm-compare del { background: #fde2e2; color: #9b1c1c; text-decoration: line-through; }
.sdm-compare ins { background: #dcf5e4; color: #17663a; text-decoration: none; }
.sdm-compare tr.fold td { color: #6b7280; font-style: italic; text-align: center; }
</style>
"""
