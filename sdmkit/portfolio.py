"""The interview portfolio: each chosen story, then the source documents it came
from, numbered as a nested outline (1, 1.1, 1.2, 2, ...), in one Markdown file or
one PDF with a contents page.

In the PDF every part is rendered with its own kind's template, as its own export
would be (a COE's charts, a PR/FAQ's press release alone on its page), and the parts
are joined page by page. A source shared by two stories is rendered once; the
second story points to it. Redacted on request: every part goes through the
workspace's redaction, and the header says plainly when the redaction list is
empty instead of claiming names were removed."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from html import escape

from sdmkit import clock, collector
from sdmkit.document import Document
from sdmkit.errors import NotFound
from sdmkit.export.escape import md_inline
from sdmkit.export.html_export import render_html, stylesheet
from sdmkit.export.layout import with_fit
from sdmkit.export.markdown_export import render_body
from sdmkit.export.pdf_export import fitted_layout, fonts, make_fetcher
from sdmkit.redaction import applied_terms, final_html, final_markdown, redact, redact_value, terms
from sdmkit.stories.grounding import open_prompts


@dataclass(frozen=True)
class Entry:
    number: str  # "1", "1.2"
    doc: Document  # the stored document (redacted when asked)
    is_story: bool
    shown_at: str = ""  # for a source already shown under an earlier story: its number
    # The document as stored, for what the kind borrows from the workspace: a redacted
    # charter's members ('[name 1]') compared with a rotation's real names read as if
    # nobody on call were a member.
    stored: Document | None = None


def _demote(md: str, levels: int) -> str:
    """Push a document's headings down, under its own portfolio heading."""
    pad = "#" * levels
    return "\n".join((pad + line) if line.startswith("#") else line for line in md.splitlines())


def outline(store, story_ids: list[int], *, redacted: bool = False) -> tuple[list[Entry], str]:
    """The portfolio's parts in order, and the line that says how it was redacted."""

    rules: list = []  # redacted below, once every document of the pack is known
    entries: list[Entry] = []
    shown: dict[int, str] = {}
    for i, story_id in enumerate(story_ids, 1):
        story = store.get(story_id)
        entries.append(Entry(str(i), story, True, stored=story))
        sources = []
        for src in story.content.get("sources") or []:
            if src.get("document_id") and src["document_id"] not in sources:
                sources.append(src["document_id"])
        j = 0
        for doc_id in sources:
            try:
                doc = store.get(doc_id)
            except NotFound:
                continue  # a source in the trash is not part of the pack
            j += 1
            number = f"{i}.{j}"
            entries.append(Entry(number, doc, False, shown_at=shown.get(doc_id, ""), stored=doc))
            shown.setdefault(doc_id, number)
    if redacted:
        rules = pack_terms(store, entries)
        entries = [replace(e, doc=redact(e.stored or e.doc, rules)) for e in entries]
    if not redacted:
        return entries, ""
    saved = len(terms(store))
    said = [
        ("1 name or term" if saved == 1 else f"{saved} names and terms") + " from your list"
        if saved
        else "your redaction list empty",
    ]
    if auto := len(rules) - saved:
        said.append(
            f"{auto} {'person or service' if auto == 1 else 'people and services'} the documents name"
        )
    note = f"redacted ({'; '.join(said)}; e-mails, links, ticket ids, phones, chat channels and handles)"
    return entries, note


def open_questions(doc: Document) -> int:
    """How many 'Your part' questions a story still holds (0 for any other document)."""
    return len(open_prompts(doc.content)) if doc.kind == "story" else 0


def not_ready(store, story_ids: list[int]) -> list[tuple[str, int]]:
    """The chosen stories that still ask 'Your part' questions, with how many: what
    to answer before the portfolio goes to an interview."""
    out = []
    for story_id in story_ids:
        doc = store.get(story_id)
        if n := open_questions(doc):
            out.append((doc.title, n))
    return out


def portfolio_documents(store, story_ids: list[int]) -> list[Document]:
    """Every document the portfolio prints: the stories and their sources."""
    entries, _ = outline(store, story_ids)
    return [e.doc for e in entries if not e.shown_at]


def _source_line(doc) -> str:
    """What the Markdown says under a source document's heading, which already names its
    kind: whose it is, where it stands and which version is printed."""
    parts = [doc.team] if doc.team else []
    if doc.status:
        parts.append(f"status: {doc.status}")
    saved = f", saved {doc.updated_at:%d %B %Y}" if doc.updated_at else ""
    parts.append(f"version {doc.version}{saved}")
    return " · ".join(parts)


def _label(e: Entry) -> str:
    if not e.is_story:
        # A source shown under an earlier story is not printed twice: its row says
        # where it is, so its page number (that earlier page) reads as meant.
        return f"{e.doc.kind_spec.label}: {e.doc.title}" + (
            f" (shown under {e.shown_at})" if e.shown_at else ""
        )
    n = open_questions(e.doc)
    return e.doc.title + (f" (not ready: {n} question{'s' if n > 1 else ''} to answer)" if n else "")


def _summary(entries: list[Entry], note: str) -> str:
    stories = sum(e.is_story for e in entries)
    sources = len({e.doc.id for e in entries if not e.is_story})
    said = f"{stories} {'story' if stories == 1 else 'stories'} and {sources} source "
    said += "document" if sources == 1 else "documents"
    return f"{said}, {clock.today():%d %B %Y}" + (f"; {note}" if note else "")


def portfolio_markdown(store, story_ids: list[int], *, redacted: bool = False, owner: str = "") -> str:
    entries, note = outline(store, story_ids, redacted=redacted)
    lines = [
        f"# Interview portfolio{' of ' + md_inline(owner) if owner else ''}",
        "",
        f"_{md_inline(_summary(entries, note))}._",
        "",
        "## Contents",
        "",
    ]
    for e in entries:
        indent = "" if e.is_story else "    "
        lines.append(f"{indent}- {e.number} {md_inline(_label(e))}")
    lines.append("")
    for e in entries:
        if e.is_story:
            lines += [f"## {e.number} {md_inline(e.doc.title)}", "", _demote(render_body(e.doc), 2), ""]
        elif e.shown_at:
            lines += [f"### {e.number} {md_inline(_label(e))}", ""]
        else:
            lines += [
                f"### {e.number} {md_inline(_label(e))}",
                "",
                f"_{md_inline(_source_line(e.doc))}._",
                "",
                _demote(render_body(e.doc), 3),
                "",
            ]
    md = "\n".join(lines).strip() + "\n"
    if redacted:
        md = final_markdown(md)  # the automatic patterns on the final text too
    return md


def _contents_html(
    entries: list[Entry], pages: dict[str, int], owner: str, summary: str, page_size: str
) -> str:

    rows = "".join(
        f'<li class="{"story" if e.is_story else "source"}"><span class="n">{escape(e.number)}</span> '
        f'{escape(_label(e))}<span class="p">{pages.get(e.number, "")}</span></li>'
        for e in entries
    )
    title = "Interview portfolio" + (f" of {owner}" if owner else "")
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>@page {{ size: {page_size}; }}"
        f"{stylesheet()} .toc ol {{ list-style: none; padding: 0; }} .toc li {{ display: flex; gap: .6em; "
        f"margin: .25em 0; }} .toc li.source {{ margin-left: 2.2em; font-size: 95%; }} .toc li.story "
        f"{{ font-weight: 600; margin-top: .7em; }} .toc .p {{ margin-left: auto; }} .toc .n "
        f'{{ min-width: 2.2em; }}</style></head><body class="kind-portfolio">'
        f'<header class="title-block"><div class="kind-label">Interview portfolio</div>'
        f'<h1 class="doc-title">{escape(title)}</h1><div class="meta"><span>{escape(summary)}</span></div>'
        f'</header><nav class="toc"><h2>Contents</h2><ol>{rows}</ol></nav></body></html>'
    )


def _part_html(
    doc: Document, number: str, extra: dict | None, page_size: str, redacted: bool
) -> Callable[[int], str]:
    """The part's HTML at each fit step (the tighter layouts that save a near-empty
    last page, as a document's own PDF). The steps differ only by a body class, so the
    document is rendered once, however many steps the layout tries, and again for no
    second pass over the parts."""

    @functools.cache
    def rendered() -> str:
        out = render_html(doc, page_size=page_size, for_print=True, extra=extra, part=number)
        return final_html(out) if redacted else out

    return lambda fit: with_fit(rendered(), fit)


def _from_page(html: Callable[[int], str], start: int, fit: int) -> str:
    """A part's HTML whose running footer counts the pack's pages from `start`."""
    css = (
        f"<style>@page :first {{ counter-reset: page {start}; }} "
        '@page { @bottom-right { content: "Page " counter(page); } }</style>'
    )
    return html(fit).replace("</head>", css + "</head>", 1)


def pack_terms(store, entries: list[Entry]) -> list:
    """What a redacted pack replaces: the list, and every person and service its
    documents, or what they borrow from the workspace, name (redaction.applied_terms)."""
    docs = [e.stored or e.doc for e in entries if not e.shown_at]
    extras = [d.kind_spec.enrich(store, d) for d in docs if d.kind_spec.enrich]
    return applied_terms(store, docs, extras)


def parts_html(
    store, entries: list[Entry], *, redacted: bool = False, page_size: str = "A4"
) -> list[tuple[str, Callable[[int], str]]]:
    """Each part of the PDF (a part shown earlier is not repeated) as its number and a
    function from a fit step to its HTML: the kind's own print template, redacted when
    asked, with what the kind borrows from the workspace."""

    rules = pack_terms(store, entries) if redacted else []
    parts: list[tuple[str, Callable[[int], str]]] = []
    for e in entries:
        if e.shown_at:
            continue
        kind = e.doc.kind_spec
        extra = kind.enrich(store, e.stored or e.doc) if kind.enrich else None
        if redacted and extra:
            extra = redact_value(extra, rules)
        numbered = e.doc.with_meta(title=f"{e.number}  {e.doc.title}")

        parts.append((e.number, _part_html(numbered, e.number, extra, page_size, redacted)))
    return parts


def portfolio_pdf(
    store, story_ids: list[int], *, redacted: bool = False, owner: str = "", page_size: str = ""
) -> bytes:
    """The portfolio typeset; on the workspace's page size (Settings) unless one is given."""
    page_size = page_size or store.setting("pdf_page_size", "A4")
    with collector.paused():  # typesetting makes many short-lived objects: see sdmkit.collector
        return _portfolio_pdf(store, story_ids, redacted=redacted, owner=owner, page_size=page_size)


def _portfolio_pdf(store, story_ids: list[int], *, redacted: bool, owner: str, page_size: str) -> bytes:
    # On first use: WeasyPrint only for the PDF, not the Markdown portfolio.
    from sdmkit.export import weasy

    HTML = weasy.load().HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    entries, note = outline(store, story_ids, redacted=redacted)
    fetcher, font_config = make_fetcher(), fonts()
    parts = parts_html(store, entries, redacted=redacted, page_size=page_size)

    def layout_cover(pages: dict[str, int]):
        for e in entries:
            if e.shown_at:
                pages[e.number] = pages.get(e.shown_at, 0)
        contents = _contents_html(entries, pages, owner, _summary(entries, note), page_size)
        if redacted:
            contents = final_html(contents)
        contents = _from_page(lambda fit: contents, 1, 0)
        return HTML(string=contents, base_url=None, url_fetcher=fetcher).render(font_config=font_config)

    # How long the contents are does not depend on the page numbers in them: laid out
    # first with stand-ins, then every part numbered on from there (its footer counts
    # the pack's pages, not its own), then the contents again with the real numbers.
    cover = layout_cover({e.number: 999 for e in entries})
    cover_pages = len(cover.pages)
    while True:
        rendered, pages, page = [], {}, cover_pages + 1
        for number, html in parts:
            numbered = functools.partial(_from_page, html, page)
            doc = fitted_layout(numbered, fetcher, font_config)
            rendered.append(doc)
            pages[number] = page
            page += len(doc.pages)
        cover = layout_cover(pages)
        if len(cover.pages) == cover_pages:
            break
        cover_pages = len(cover.pages)  # hardly ever: lay the parts out again from there
    every = [*cover.pages, *(p for doc in rendered for p in doc.pages)]
    return cover.copy(every).write_pdf()
