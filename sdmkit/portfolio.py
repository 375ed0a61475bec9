"""The interview portfolio: chosen stories, then the documents they came from, in
one Markdown file or one PDF with a table of contents; redacted on request."""

from __future__ import annotations

from sdmkit import clock
from sdmkit.export.escape import md_inline
from sdmkit.export.markdown_export import render_body


def _demote(md: str) -> str:
    """Push a document's headings one level down, under its own portfolio heading."""
    return "\n".join(("#" + line) if line.startswith("#") else line for line in md.splitlines())


def portfolio_markdown(store, story_ids: list[int], *, redacted: bool = False, owner: str = "") -> str:
    from sdmkit.redaction import redact, terms

    rules = terms(store) if redacted else []
    stories = [store.get(i) for i in story_ids]
    sources: list[int] = []
    for s in stories:
        for src in s.content.get("sources") or []:
            if src.get("document_id") and src["document_id"] not in sources:
                sources.append(src["document_id"])
    docs = []
    for i in sources:
        try:
            docs.append(store.get(i))
        except Exception:
            continue
    if redacted:
        stories = [redact(s, rules) for s in stories]
        docs = [redact(d, rules) for d in docs]
    lines = [
        f"# Interview portfolio{' of ' + md_inline(owner) if owner else ''}",
        "",
        f"_{len(stories)} stories and {len(docs)} source documents, {clock.today():%d %B %Y}"
        f"{', redacted' if redacted else ''}._",
        "",
    ]
    lines += ["## Stories", ""]
    for s in stories:
        lines += [f"### {md_inline(s.title)}", "", _demote(_demote(render_body(s))), ""]
    if docs:
        lines += ["## Source documents", ""]
        for d in docs:
            lines += [
                f"### {md_inline(d.title)}",
                "",
                f"_{d.kind_spec.label}, version {d.version}._",
                "",
                _demote(_demote(render_body(d))),
                "",
            ]
    return "\n".join(lines).strip() + "\n"


def portfolio_pdf(
    store, story_ids: list[int], *, redacted: bool = False, owner: str = "", page_size: str = "A4"
) -> bytes:
    from html import escape

    from markupsafe import Markup

    from sdmkit.export.html_export import markdown_to_html, stylesheet
    from sdmkit.export.layout import keep_together
    from sdmkit.export.pdf_export import fitted_pdf

    md = portfolio_markdown(store, story_ids, redacted=redacted, owner=owner)
    md = md.split("\n", 1)[1]  # the title block carries the title
    body, headings = markdown_to_html(md)
    body = keep_together(body)  # headings with their tables, no table split to a row or two
    toc = "".join(
        f'<li class="l{h.level}"><a href="#{escape(h.id)}">{escape(h.text)}</a></li>'
        for h in headings
        if h.level in (2, 3)
    )

    def html(fit: int) -> str:  # fit: a tighter layout, to save a near-empty last page
        body_class = f"kind-portfolio fit-{fit}" if fit else "kind-portfolio"
        return (
            f'<!doctype html><html><head><meta charset="utf-8"><style>@page {{ size: {page_size}; }}'
            f'{stylesheet()} .toc li.l3 {{ margin-left: 1.2em; }}</style></head><body class="{body_class}">'
            f'<header class="title-block"><div class="kind-label">Interview portfolio</div>'
            f'<h1 class="doc-title">{escape("Interview portfolio" + (" of " + owner if owner else ""))}</h1></header>'
            f'<nav class="toc"><h2>Contents</h2><ol>{toc}</ol></nav><main class="body">{Markup(body)}</main>'
            f"</body></html>"
        )

    return fitted_pdf(html)
