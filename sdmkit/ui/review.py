"""Review mode: the document alone for silent reading, margin comments on the
revision they were made on, and the decision log."""

from __future__ import annotations

import streamlit as st

from sdmkit import clock
from sdmkit.errors import Conflict, InvalidDocument, NotFound
from sdmkit.export.html_export import reading_html
from sdmkit.registry import get_kind
from sdmkit.store import review as reviews
from sdmkit.ui.state import flash, kept, store, when
from sdmkit.ui.text import esc, plural

GENERAL = "General"
LAST = "rev|last"  # the document last reviewed in this session

READING_CSS = """
<style>
.sdm-read { font-family: Georgia, "DejaVu Serif", serif; font-size: 1.08rem; line-height: 1.65; color: #1f2937;
  max-width: 44rem; }
.sdm-read h2 { font-family: inherit; font-size: 1.35rem; margin: 1.6rem 0 0.5rem; color: #1e3a5f; }
.sdm-read h3 { font-family: inherit; font-size: 1.12rem; margin: 1.1rem 0 0.4rem; }
.sdm-read table { border-collapse: collapse; font-size: 0.92rem; margin: 0.6rem 0; }
.sdm-read th, .sdm-read td { border: 1px solid #e5e7eb; padding: 0.25rem 0.5rem; vertical-align: top; }
.sdm-read th { background: #f5f7fa; }
.sdm-read figure img { max-width: 100%; }
</style>
"""


def choose_document() -> None:
    st.info(
        "Pick a document to review. Review mode shows it read-only, for the silent reading at the start of "
        "the meeting, with margin comments and a decision log.",
        icon=":material/rate_review:",
    )
    docs = store().list(limit=100).items
    if not docs:
        st.caption("No documents yet.")
        return
    # The document last reviewed in this session first: back from another page, its
    # comment being written is one press away.
    last = st.session_state.get(LAST)
    choice = st.selectbox(
        "Document",
        docs,
        index=next((i for i, d in enumerate(docs) if d.id == last), 0),
        format_func=lambda s: f"{get_kind(s.kind).label}: {s.title}",
        help="The 100 most recently updated documents",
    )
    if st.button(
        "Review it",
        type="primary",
        icon=":material/rate_review:",
        help="Read it with comments and decisions beside it",
    ):
        st.query_params["id"] = str(choice.id)
        st.rerun()


def review(doc_id: int) -> None:
    try:
        current = store().get(doc_id)
        st.session_state[LAST] = doc_id
    except NotFound as exc:
        st.error(esc(str(exc)))
        return
    versions = [r.version for r in store().history(doc_id)]
    kind = get_kind(current.kind)
    st.caption(f"REVIEW MODE · {kind.label.upper()} · READ-ONLY")
    st.title(esc(current.title), anchor=False)
    c1, c2, _ = st.columns([1.4, 1.4, 3])
    version = c1.selectbox(
        "Version",
        versions,
        key=f"rev|{doc_id}|version",
        help="Comments belong to the version they were made on",
    )
    if c2.button(
        "Open in editor",
        icon=":material/edit:",
        width="stretch",
        help="Leave review mode and edit the document",
    ):
        st.switch_page(kind.page, query_params={"id": str(doc_id)})
    doc = store().revision(doc_id, version)
    body, headings, _ = reading_html(doc)
    left, right = st.columns([3, 1.5], gap="large")
    with left:
        # Sanitized by the export pipeline (nh3) and built from escaped user text.
        st.html(READING_CSS + f'<div class="sdm-read">{body}</div>')
    with right:
        _comments(doc_id, version, [GENERAL, *[h.text for h in headings if h.level == 2]])
    st.divider()
    _decisions(doc_id, version)


def _comments(doc_id: int, version: int, sections: list[str]) -> None:
    st.subheader("Comments", anchor=False)
    mine = reviews.comments(store(), doc_id, version=version)
    earlier = [c for c in reviews.comments(store(), doc_id) if c.version < version]
    for section in sections:
        for c in [c for c in mine if (c.anchor or GENERAL) == section]:
            with st.container(border=True):
                st.markdown(
                    f"**{esc(section)}** · {esc(c.author) or 'anonymous'} · {esc(when(c.created_at))}"
                )
                st.markdown(esc(c.text) if not c.resolved else f"~~{esc(c.text)}~~")
                st.checkbox(
                    "Resolved",
                    value=c.resolved,
                    key=f"rev|c|{c.id}",
                    help="Done with: the comment stays, struck through",
                    on_change=lambda cid=c.id: reviews.set_resolved(
                        store(), cid, st.session_state[f"rev|c|{cid}"]
                    ),
                )
    if not mine:
        st.caption("No comments on this version yet.")
    # Plain widgets, not a form: a form sends what is typed only with its button, so a
    # comment half written was lost on a visit to another page, and on a rejected submit.
    # The box is keyed by how many comments this session has added here: once one is
    # added the next is a new, empty box. (Deleting a box's key does not empty it: the
    # browser sends its text back with the next run.) Counted in the session, not in
    # the store, so another reviewer's comment does not empty a box being written.
    added = f"rev|added|{doc_id}|{version}"
    draft = f"rev|new|{doc_id}|{version}|{st.session_state.get(added, 0)}"
    with st.container(border=True):
        anchor = kept(
            st.selectbox,
            "Section",
            sections,
            key=f"{draft}|section",
            valid=lambda v: v in sections,
            help="The part of the document the comment is about",
        )
        author = kept(st.text_input, "Your name", key="rev|author", help="Shown with the comment")
        text = kept(
            st.text_area,
            "Comment",
            key=f"{draft}|text",
            height=90,
            help="A question or a suggestion for the authors",
        )
        if st.button(
            "Add comment", icon=":material/add_comment:", help="Pin it to this version of the document"
        ):
            try:
                reviews.add_comment(
                    store(), doc_id, version, text, anchor="" if anchor == GENERAL else anchor, author=author
                )
            except InvalidDocument as exc:
                _problems(exc)
            else:
                st.session_state[added] = st.session_state.get(added, 0) + 1
                flash("Comment added")
                st.rerun()
        elif (text or "").strip():
            st.caption("Not added yet: the comment stays here, on other pages too, until you add it.")
    if earlier:
        with st.expander(f"{plural(len(earlier), 'comment')} on earlier versions"):
            for c in earlier:
                st.markdown(
                    f"v{c.version} · **{esc(c.anchor or GENERAL)}** · {esc(c.author) or 'anonymous'}: "
                    f"{esc(c.text)}" + (" (resolved)" if c.resolved else "")
                )


def _decisions(doc_id: int, version: int) -> None:
    st.subheader("Decision log", anchor=False)
    log = reviews.decisions(store(), doc_id)
    if log:
        # Each decision whole, as the meeting wrote it: a table cell cut a long one at
        # its width, and a decision is the part of the record read most closely.
        for d in log:
            by = f" · decided by {esc(d.decided_by)}" if d.decided_by else ""
            st.markdown(
                f"**{d.decided_on.isoformat()}** · version {d.version} · **{esc(d.outcome)}**{by}  \n"
                f"{esc(d.decision)}"
            )
        _status_due(doc_id)
    else:
        st.caption("No decisions recorded yet. Record what the meeting decided, and who decided it.")
    # Plain widgets, as the comments: what is typed survives another page and a
    # rejection, and once recorded the next decision is a new, empty row of boxes.
    recorded = f"rev|recorded|{doc_id}"
    draft = f"rev|decision|{doc_id}|{st.session_state.get(recorded, 0)}"
    with st.container(border=True):
        c1, c2, c3 = st.columns([3, 1.3, 1.3])
        with c1:
            decision = kept(
                st.text_input, "Decision", key=f"{draft}|text", help="What was decided, in one sentence"
            )
        with c2:
            outcome = kept(
                st.selectbox,
                "Outcome",
                reviews.OUTCOMES,
                key=f"{draft}|outcome",
                valid=lambda v: v in reviews.OUTCOMES,
                help="Approved, rejected, needs more work, or a decision",
            )
        with c3:
            decided_on = kept(
                st.date_input,
                "Date",
                key=f"{draft}|date",
                start={"value": clock.today()},
                help="When it was decided",
            )
        decided_by = kept(st.text_input, "Decided by", key=f"{draft}|by", help="Who made the call")
        if st.button(
            f"Record decision on version {version}",
            icon=":material/gavel:",
            help="Add it to the decision log above, with who decided and when",
        ):
            try:
                reviews.add_decision(
                    store(),
                    doc_id,
                    version,
                    decision,
                    outcome=outcome,
                    decided_by=decided_by,
                    decided_on=decided_on,
                )
            except InvalidDocument as exc:
                _problems(exc)
            else:
                st.session_state[recorded] = st.session_state.get(recorded, 0) + 1
                flash("Decision recorded")
                st.rerun()
        elif (decision or "").strip():
            st.caption("Not recorded yet: the decision stays here, on other pages too, until you record it.")


def _status_due(doc_id: int) -> None:
    """When the log's last word is 'approved' and the document still says draft or in
    review, say so, and offer to set the status as a new version (the content as it
    is), but only if the approval was of the version the document is at now."""
    due = reviews.status_due(store(), doc_id)
    if due is None:
        return
    current = store().get(doc_id)
    said = f"The decision log says approved on {due.decision.decided_on.isoformat()}"
    if due.stale:
        st.warning(
            esc(
                f"{said}, of version {due.decision.version}, but the document has changed since "
                f"(version {due.current_version}) and its status is still '{current.status}'. "
                "Review this version and record a decision on it to mark it approved."
            ),
            icon=":material/history:",
        )
        return
    st.warning(
        esc(f"{said}, but the document's status is still '{current.status}'."), icon=":material/sync_problem:"
    )
    if st.button(
        "Set status to approved",
        icon=":material/verified:",
        key=f"rev|status|{doc_id}",
        help=f"Saves version {due.current_version + 1} with the status approved; the text is unchanged",
    ):
        try:
            reviews.set_status_from_decision(store(), doc_id, due.current_version)
        except Conflict:
            st.error(
                "Someone saved this document meanwhile: nothing was changed. Look at the newest version first."
            )
        except InvalidDocument as exc:
            _problems(exc)
        else:
            # The version picker back on the newest, the one just saved: a next
            # decision is recorded on what the document is now.
            st.session_state.pop(f"rev|{doc_id}|version", None)
            flash(f"Status set to approved (version {due.current_version + 1})")
            st.rerun()


def _problems(exc: InvalidDocument) -> None:
    """Each problem with the field it is about, as the form labels name it."""
    for p in exc.problems:
        st.error(esc(f"{p.field[:1].upper()}{p.field[1:].replace('_', ' ')}: {p.problem}"))
