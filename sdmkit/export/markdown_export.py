"""content -> Jinja2 Markdown template -> Markdown (laid out by markdown_file for round trips)."""

from __future__ import annotations

import re

from sdmkit.document import Document
from sdmkit.export.escape import md_inline
from sdmkit.export.markdown_file import write
from sdmkit.export.templating import markdown_env
from sdmkit.interchange import to_dict

_EMPTY_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s*$")


def render_body(
    doc: Document, *, standalone: bool = False, chart_token: str = "", extra: dict | None = None
) -> str:
    """The readable part: what a person sees, and what the HTML is made from."""
    kind = doc.kind_spec
    model = kind.model.model_validate(doc.content)
    template = markdown_env().get_template(kind.md_template)
    # chart_token: where the HTML export puts each chart (see html_export); empty in Markdown,
    # where the templates show the chart's data as a table instead.
    text = template.render(
        doc=doc,
        c=model,
        kind=kind,
        derived=kind.derived(model),
        v=kind.template_data(model),
        standalone=standalone,
        chart_token=chart_token,
        x=extra or {},
    )
    # Templates leave blank runs where optional sections are empty; keep one. A list
    # entry left empty is dropped: a bare "-" under a line would make it a heading.
    lines, blank = [], 0
    for line in text.splitlines():
        if _EMPTY_ITEM.match(line):
            continue
        blank = blank + 1 if not line.strip() else 0
        if blank <= 1:
            lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n"


def render_markdown(doc: Document, extra: dict | None = None) -> str:

    body = f"# {md_inline(doc.title)}\n\n{render_body(doc, standalone=True, extra=extra)}"
    return write(to_dict(doc), body)
