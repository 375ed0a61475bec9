"""History of a document: its versions, a diff between any two, and restore."""

from __future__ import annotations

import streamlit as st

from sdmkit.compare import COMPARE_CSS, html_table, side_by_side
from sdmkit.errors import Conflict
from sdmkit.export.markdown_export import render_body
from sdmkit.interchange import revision_diff
from sdmkit.store import Document
from sdmkit.ui import cells
from sdmkit.ui.state import flash, stamp, store, when
from sdmkit.ui.text import esc


def history_panel(doc: Document, *, key: str, on_restored=None) -> None:
    revisions = store().history(doc.stored_id)
    rows = [
        {"Version": r.version, "Saved": stamp(r.saved_at), "Status": r.status, "Note": r.note}
        for r in revisions
    ]
    cells.table(rows, hide_index=True, width="stretch")
    if len(revisions) < 2:
        st.caption("Only one version so far. Every save adds one here.")
        return
    versions = [r.version for r in revisions]
    c1, c2 = st.columns(2)
    new = c1.selectbox(
        "Compare version", versions, index=0, key=f"{key}|new", help="The newer side of the comparison"
    )
    old = c2.selectbox(
        "with version", versions, index=1, key=f"{key}|old", help="The older side of the comparison"
    )
    side, raw = st.tabs(["Side by side", "Data (YAML diff)"])
    with side:
        a, b = store().revision(doc.stored_id, old), store().revision(doc.stored_id, new)
        # Built from escaped text only (sdmkit.compare), so it is safe to show as HTML.
        st.html(
            COMPARE_CSS
            + html_table(side_by_side(render_body(a), render_body(b)), f"Version {old}", f"Version {new}")
        )
    with raw:
        text = revision_diff(store(), doc.stored_id, old, new)
        if text:
            st.code(text, language="diff")
        else:
            st.caption("These two versions are the same.")
    target = st.selectbox(
        "Restore version",
        versions[1:],
        key=f"{key}|restore",
        help="Makes that version the newest again. The versions after it stay in history.",
    )

    def _restore():
        try:
            restored = store().restore_revision(doc.stored_id, target, doc.version)
        except Conflict as exc:
            flash(
                f"Not restored: version {exc.current_version} was saved meanwhile. Reload and try again.",
                ":material/warning:",
            )
            return
        flash(f"Version {target} restored as version {restored.version}")
        if on_restored:
            on_restored(restored)

    st.button(
        f"Restore version {target}",
        key=f"{key}|restorebtn",
        icon=":material/history:",
        on_click=_restore,
        help="Saved as a new version on top; nothing in the history is lost",
    )
    st.caption(f"Current: version {doc.version}, saved {esc(when(doc.updated_at))}")
