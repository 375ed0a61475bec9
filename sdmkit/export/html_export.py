"""Markdown -> HTML (Python-Markdown, then nh3) -> the kind's HTML layout.

Python-Markdown does not sanitize, so its output goes through nh3 with a short
allow-list: no <img>, no <script>, no style attributes, links only to http(s) and
mailto. User text was already made literal by escape.py; this is the second wall."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from functools import cache
from html import escape

import nh3
from markupsafe import Markup

from sdmkit import resources
from sdmkit.document import Document
from sdmkit.export.layout import keep_together, with_fit
from sdmkit.export.markdown_export import render_body
from sdmkit.export.templating import html_env

PAGE_SIZES = ("A4", "Letter")
TOC_MIN_WORDS = 1200  # below this a document reads in one sitting and needs no contents

_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "span",
    "div",
    "del",
}
_ATTRS = {
    "a": {"href", "title"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "span": {"class"},
    "div": {"class"},
    "td": {"class"},
    "th": {"class"},
}


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


def markdown_to_html(text: str) -> tuple[str, list[Heading]]:
    # On first use: only prose with Markdown in it needs the Markdown library.
    import markdown

    md = markdown.Markdown(
        extensions=["tables", "sane_lists", "toc"],
        extension_configs={"toc": {"permalink": False, "toc_depth": "2-3"}},
    )
    html = md.convert(text)
    headings: list[Heading] = []

    def walk(tokens):
        for t in tokens:
            headings.append(Heading(t["level"], t["id"], t["name"]))
            walk(t.get("children", []))

    walk(md.toc_tokens)  # type: ignore[attr-defined]  # set by the toc extension
    return sanitize(html), headings


def _place_charts(body: str, token: str, charts: list[tuple[str, dict]]) -> str:
    """Swap each chart's placeholder paragraph for the chart, as an SVG data: image.

    Inserted after sanitizing: the SVG comes from vl-convert, not from the user, and as an
    <img> it can neither run script nor load anything."""

    # On first use: charts (Altair, vl-convert) only for a kind that draws them.
    from sdmkit.charts import svg_data_url

    for i, (title, spec) in enumerate(charts):
        figure = f'<figure class="chart"><img src="{svg_data_url(spec)}" alt="{escape(title)}"></figure>'
        body = body.replace(f"<p>{token}-{i}</p>", figure)
    return re.sub(rf"<p>{token}-\d+</p>", "", body)


@cache
def stylesheet() -> str:
    return (resources.assets_dir() / "document.css").read_text(encoding="utf-8")


def reading_html(doc: Document, extra: dict | None = None) -> tuple[str, list[Heading], str]:
    """The document body as sanitized HTML with its charts, its headings, and its Markdown."""
    kind = doc.kind_spec
    model = kind.model.model_validate(doc.content)
    token = "SDMKITCHART" + secrets.token_hex(8)  # unguessable, so user text cannot place a chart
    body_md = render_body(doc, chart_token=token, extra=extra)
    body, headings = markdown_to_html(body_md)
    return _place_charts(body, token, kind.charts(model)), headings, body_md


def render_html(
    doc: Document,
    *,
    page_size: str = "A4",
    for_print: bool = False,
    extra: dict | None = None,
    fit: int = 0,
    part: str = "",
) -> str:
    """fit: 0 for the normal layout, 1 or 2 for a tighter one (see pdf_export).
    part: the document's number as a part of an interview portfolio ('6.1'), whose
    reader has no use for the workspace's status and version of it ('Status: draft ·
    Version 3'). The title carries the number; a template that hides its title (a
    PR/FAQ's headline stands in for it) shows the number beside the kind."""
    kind = doc.kind_spec
    model = kind.model.model_validate(doc.content)
    body, headings, body_md = reading_html(doc, extra)
    body = keep_together(body)
    words = len(re.findall(r"\w+", body_md))
    toc = [h for h in headings if h.level == 2] if words >= TOC_MIN_WORDS else []
    size = page_size if page_size in PAGE_SIZES else "A4"
    template = html_env().get_template(kind.html_template)

    html = template.render(
        doc=doc,
        c=model,
        kind=kind,
        derived=kind.derived(model),
        v=kind.template_data(model),
        body=Markup(body),
        toc=toc,
        css=Markup(stylesheet()),
        page_size=size,
        for_print=for_print,
        part=part,
    )
    return with_fit(html, fit)
