"""The Library: every document, filtered, searched and paged; and the trash.

Only one page of rows is read from the database per run (count + a LIMIT query on
indexed columns), so the page costs the same at 10 documents and at 10,000."""

from __future__ import annotations

import streamlit as st

from sdmkit.document import shorten
from sdmkit.errors import NotFound
from sdmkit.registry import all_kinds, get_kind
from sdmkit.store.search import snippet_parts
from sdmkit.ui import cells
from sdmkit.ui.exports import export_buttons
from sdmkit.ui.history import history_panel
from sdmkit.ui.rows import document_row
from sdmkit.ui.state import flash, kept, stamp, store, when
from sdmkit.ui.text import esc, plural

PAGE_SIZE = 25
# The Library counts up to here and then says "more than": an exact count of
# 100,000 documents cost four times the rest of the page on PostgreSQL.
COUNT_UP_TO = 10_000
# The table's columns and its row-selection boxes fit a 1280 px window (the table is about 820 px wide; wider
# windows give the room to the columns) whatever the titles: a title is cut at a word
# to what its column shows, whole when its row is selected, and Updated shows the
# whole time (at 940 px of columns it was cut to '2026-12-07 01:0').
TITLE_CHARS, TITLE_WIDTH = 33, 225
SEARCH_TITLE_CHARS, SEARCH_TITLE_WIDTH, MATCH_WIDTH = 30, 210, 280  # while searching


def _choice(column, label: str, options: list, key: str, everything: str, help: str, name=str):
    """One of the filters: kept across pages (sdmkit.ui.state.kept), since back from a
    document the Library was unfiltered again; None, the first option, is `everything`."""
    with column:
        return kept(
            st.selectbox,
            label,
            options,
            key=key,
            valid=lambda x: x in options,
            format_func=lambda x: everything if x is None else name(x),
            help=help,
        )


def _filters() -> dict:
    kinds = all_kinds()
    c1, c2, c3, c4 = st.columns([1.2, 1.2, 1, 2])
    kind_ids = [None, *[k.id for k in kinds]]
    kind = _choice(
        c1,
        "Kind",
        kind_ids,
        "lib|kind",
        "All kinds",
        "Show one kind of document",
        lambda k: get_kind(k).plural,
    )
    team = _choice(c2, "Team", [None, *store().teams()], "lib|team", "All teams", "Show one team's documents")
    statuses = [None, *sorted({s for k in kinds for s in k.statuses})]
    status = _choice(c3, "Status", statuses, "lib|status", "Any status", "Show one status")
    with c4:  # kept too: the search typed was gone after a look at a document
        query = kept(
            st.text_input,
            "Search",
            key="lib|q",
            placeholder="words in the title or text",
            help="Every word must appear somewhere in the document (a word's beginning is enough); "
            "the best matches come first",
        )
    return {"kind": kind, "team": team, "status": status, "query": query}


def documents_tab() -> None:
    f = _filters()
    signature = repr(f)
    if st.session_state.get("lib|sig") != signature:  # new filters start at page 1
        st.session_state["lib|sig"] = signature
        st.session_state["lib|page"] = 1
    page_no = st.session_state.get("lib|page", 1)
    page = store().list(**f, offset=(page_no - 1) * PAGE_SIZE, limit=PAGE_SIZE, count_up_to=COUNT_UP_TO)
    if page.total == 0:
        if any(f.values()):
            st.info(
                "No document matches these filters. Clear the search or pick 'All'.",
                icon=":material/search_off:",
            )
        else:
            st.info(
                "The workspace is empty. Start a document from the sidebar, or load the examples on Home.",
                icon=":material/lightbulb:",
            )
        return
    pages = (page.total + PAGE_SIZE - 1) // PAGE_SIZE
    more = not page.exact  # more documents than were counted: the last page is not known
    searching = bool(f["query"])
    # A search's passage comes second and wide, where it is read: Team, Status and
    # Version give way to it (a selected row shows the document whole), so the table
    # still fits the window instead of putting the match past its right edge.
    title_chars, title_width = (
        (SEARCH_TITLE_CHARS, SEARCH_TITLE_WIDTH) if searching else (TITLE_CHARS, TITLE_WIDTH)
    )
    rows = [
        {
            "Title": shorten(s.title, title_chars),
            **({"Match": _marked(s.snippet)} if searching else {}),
            "Kind": get_kind(s.kind).label,
            **({} if searching else {"Team": s.team, "Status": s.status, "Version": s.version}),
            "Updated": stamp(s.updated_at),
            "Id": s.id,
        }
        for s in page.items
    ]
    event = cells.table(
        rows,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "Title": st.column_config.TextColumn(
                "Title",
                width=title_width,
                help="A long title is shortened here; select its row to read it whole",
            ),
            "Kind": st.column_config.TextColumn("Kind", width=100),
            "Team": st.column_config.TextColumn("Team", width=125),
            "Status": st.column_config.TextColumn("Status", width=75),
            "Version": st.column_config.NumberColumn("Version", width=60),
            "Updated": st.column_config.TextColumn(
                "Updated", width=150, help="When the newest version was saved, in your time zone"
            ),
            "Id": st.column_config.NumberColumn("Id", width=45, help="The document's number, for the CLI"),
            "Match": st.column_config.TextColumn(
                "Match",
                width=MATCH_WIDTH,
                help="The passage that matched, the searched words between « »; select the row to read it whole",
            ),
        },
        key=f"lib|table|{page_no}|{signature}",
    )
    c1, c2, c3 = st.columns([1, 2, 1], vertical_alignment="center")
    c1.button(
        "← Previous",
        disabled=page_no <= 1,
        key="lib|prev",
        help=f"The {PAGE_SIZE} documents before these",
        on_click=lambda: st.session_state.update({"lib|page": page_no - 1}),
    )
    order = "best match first" if f["query"] else "newest first"
    counted = f"more than {page.total:,} documents" if more else plural(page.total, "document")
    of = f"{max(pages, page_no)}+" if more else f"{pages}"
    c2.caption(f"Page {page_no} of {of} · {counted}, {order} · select a row to act on it")
    c3.button(
        "Next →",
        disabled=(page_no >= pages and not more) or len(page.items) < PAGE_SIZE,
        key="lib|next",
        help=f"The next {PAGE_SIZE} documents",
        on_click=lambda: st.session_state.update({"lib|page": page_no + 1}),
    )
    selected = event.selection.rows if event and event.selection else []
    if selected:
        _actions(page.items[selected[0]].id, page.items[selected[0]].snippet)


LEAD_CHARS = 24  # of the text before the first hit that the Match cell keeps


def _marked(snippet: str) -> str:
    """A table cell: plain text (tables render nothing), the hits between « ». The cell
    shows its first line only, so it starts a few words before the first hit: the
    passage's lead-in would otherwise push the hit past the cell's edge."""
    parts = snippet_parts(snippet)
    if parts and not parts[0][1] and len(parts) > 1 and len(parts[0][0]) > LEAD_CHARS:
        lead = parts[0][0]
        cut = lead.find(" ", len(lead) - LEAD_CHARS)
        parts[0] = ("… " + lead[cut + 1 :] if cut >= 0 else lead, False)
    return "".join(f"«{text}»" if hit else text for text, hit in parts)


def _highlighted(snippet: str) -> str:
    """Markdown: every piece of user text escaped, the hits in bold."""
    out = []
    for text, hit in snippet_parts(snippet):
        # esc() trims; the spaces around a hit are what keep it a word of its own.
        lead, trail = " " if text[:1].isspace() else "", " " if text[-1:].isspace() else ""
        out.append(f"**{esc(text)}**" if hit else f"{lead}{esc(text)}{trail}")
    return "".join(out)


def _actions(doc_id: int, snippet: str = "") -> None:
    try:
        doc = store().get(doc_id)
    except NotFound:
        return
    kind = get_kind(doc.kind)
    st.subheader(esc(doc.title), anchor=False)
    st.caption(
        f"{kind.label} · {esc(doc.team) or 'no team'} · {doc.status} · version {doc.version} · "
        f"updated {esc(when(doc.updated_at))}"
    )
    if snippet:
        st.markdown(_highlighted(snippet))
    c1, c2, c3 = st.columns(3)
    if c1.button(
        "Open in editor",
        type="primary",
        icon=":material/edit:",
        width="stretch",
        help=f"Edit it in the {kind.label.lower()} editor",
    ):
        st.switch_page(kind.page, query_params={"id": str(doc.id)})

    def duplicate():
        new = store().duplicate(doc_id)
        flash(f"Duplicated as document {new.id}")

    def trash():
        store().delete(doc_id)
        flash("Moved to the trash; restore it from the Trash tab", ":material/delete:")

    c2.button(
        "Duplicate",
        icon=":material/content_copy:",
        on_click=duplicate,
        width="stretch",
        help="A new draft with the same content",
    )
    c3.button(
        "Move to trash",
        icon=":material/delete:",
        on_click=trash,
        width="stretch",
        help="Recoverable: the Trash tab brings it back with its history",
    )
    export_buttons(doc, key=f"lib|export|{doc.id}")
    with st.expander("History and differences"):
        history_panel(doc, key=f"lib|history|{doc.id}")


def trash_tab() -> None:
    page = store().list(deleted=True, limit=200)
    if not page.items:
        st.info(
            "The trash is empty. Deleted documents wait here, with their history, until you restore them.",
            icon=":material/delete:",
        )
        return
    for s in page.items:

        def restore(doc_id=s.id):
            store().restore_from_trash(doc_id)
            flash("Restored from the trash")

        document_row(
            s.title,
            f"{get_kind(s.kind).label} · deleted {when(s.deleted_at)}",
            label="Restore",
            key=f"restore|{s.id}",
            help="Back to the library, with its history",
            on_click=restore,
            icon=":material/restore_from_trash:",
        )
