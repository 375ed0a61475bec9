"""The Action items page: every open item across documents, filtered, and marked
done from here (a new version of its document)."""

from __future__ import annotations

import streamlit as st

from sdmkit import clock
from sdmkit.actions import action_items, set_status
from sdmkit.errors import Conflict, SdmkitError
from sdmkit.registry import get_kind
from sdmkit.ui import cells
from sdmkit.ui.state import flash, store
from sdmkit.ui.text import plural


def filters() -> dict:
    c1, c2, c3, c4 = st.columns([2, 2, 1, 1], vertical_alignment="bottom")
    owner = c1.text_input("Owner", key="act|owner", placeholder="any owner", help="Part of the owner's name")
    team = c2.selectbox(
        "Team",
        [None, *store().teams()],
        key="act|team",
        format_func=lambda t: "All teams" if t is None else t,
        help="Only this team's documents",
    )
    overdue = c3.toggle("Overdue only", key="act|overdue", help="Open items past their due date")
    closed = c4.toggle("Show closed", key="act|closed", help="Also items done or won't do")
    return {"owner": owner or None, "team": team, "overdue": overdue, "include_closed": closed}


def action_table(f: dict) -> None:
    today = clock.today()
    items = action_items(store(), **f, today=today)
    if not items:
        if any(v for v in f.values()):
            st.info("No action item matches these filters.", icon=":material/search_off:")
        else:
            st.success(
                "No open action items. Items from your COEs appear here until they are done.",
                icon=":material/task_alt:",
            )
        return
    overdue = sum(i.overdue(today) for i in items)
    st.caption(f"{plural(len(items), 'item')} · {overdue} overdue · select rows to act on them")
    rows = [
        {
            "Due": i.due.isoformat() if i.due else "no date",
            "Overdue": "overdue" if i.overdue(today) else "",
            "Owner": i.owner or "(no owner)",
            "Action": i.what,
            "Status": i.status,
            "Priority": i.priority,
            "Team": i.team,
            "Document": i.doc_title,
            "Ref": f"{i.doc_id}:{i.index}",
        }
        for i in items
    ]
    event = cells.table(
        rows,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=f"act|table|{repr(f)}",
        column_config={
            "Action": st.column_config.TextColumn(width="large"),
            "Ref": st.column_config.TextColumn(help="document id : item number"),
        },
    )
    chosen = [items[r] for r in (event.selection.rows if event and event.selection else [])]
    if not chosen:
        return

    def mark(status: str):
        done, stale = 0, []
        for ref in chosen:
            try:
                set_status(store(), ref.doc_id, ref.index, status, base_version=ref.doc_version)
                done += 1
            except Conflict:
                stale.append(ref.doc_title)
            except SdmkitError as exc:
                stale.append(f"{ref.doc_title} ({exc})")
        if done:
            flash(f"{done} action item{'s' if done > 1 else ''} marked {status}")
        if stale:
            flash(
                "Not changed, because the document was saved meanwhile: "
                + "; ".join(stale)
                + ". Check the item again.",
                ":material/warning:",
            )

    c1, c2, c3 = st.columns(3)
    c1.button(
        f"Mark {len(chosen)} done",
        type="primary",
        icon=":material/task_alt:",
        on_click=mark,
        args=("done",),
        width="stretch",
        help="Saves a new version of each item's document",
    )
    c2.button(
        "Mark won't do",
        icon=":material/block:",
        on_click=mark,
        args=("won't do",),
        width="stretch",
        help="For items the team decided against; say why in the document",
    )
    if len(chosen) == 1 and c3.button(
        "Open the document",
        icon=":material/open_in_new:",
        width="stretch",
        help="Edit the document this item comes from",
    ):
        st.switch_page(get_kind(chosen[0].kind).page, query_params={"id": str(chosen[0].doc_id)})
