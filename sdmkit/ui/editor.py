"""The guided editor every kind's page uses: sections with prompts and examples,
the coach beside them, saved/unsaved state, conflicts, history and exports."""

from __future__ import annotations

import streamlit as st

from sdmkit.coach import lint, rule_catalog, score
from sdmkit.errors import Conflict, InvalidDocument, NotFound, SdmkitError
from sdmkit.interchange import to_yaml
from sdmkit.kinds import get_kind
from sdmkit.kinds.base import Kind
from sdmkit.store import Document
from sdmkit.ui import drafts
from sdmkit.ui import fields as W
from sdmkit.ui.coach_panel import coach_panel
from sdmkit.ui.exports import export_buttons
from sdmkit.ui.history import history_panel
from sdmkit.ui.rows import document_row
from sdmkit.ui.state import flash, store, when
from sdmkit.ui.text import esc


def kind_page(kind_id: str) -> None:
    kind = get_kind(kind_id)
    raw = st.query_params.get("id")
    if raw is None:
        kind_index(kind)
        return
    if raw == "new":
        editor(kind, None)
        return
    try:
        doc_id = int(raw)
        found = store().get(doc_id)
    except (ValueError, NotFound):
        st.error(
            f"There is no {kind.noun} with id {esc(raw)}. It may be in the trash (see Library → Trash).",
            icon=":material/search_off:",
        )
        if st.button(f"All {kind.nouns}"):
            st.query_params.clear()
            st.rerun()
        return
    if found.kind != kind.id:
        # A link to the wrong editor (an old bookmark, a typed URL): open the right one.
        st.switch_page(get_kind(found.kind).page, query_params={"id": str(doc_id)})
    editor(kind, doc_id)


# --- the kind's landing page -----------------------------------------------------------


def kind_index(kind: Kind) -> None:
    st.title(kind.plural, anchor=False)
    st.caption(kind.description)
    if st.button(f"New {kind.noun}", type="primary", icon=":material/add:"):
        st.query_params["id"] = "new"
        st.rerun()
    page = store().list(kind=kind.id, limit=50)
    if not page.items:
        st.info(
            f"No {kind.nouns} yet. Start one with the button above; the editor explains "
            "each section as you go. Or load the examples from the Home page to see good ones.",
            icon=":material/lightbulb:",
        )
        return
    for s in page.items:
        detail = f"{s.team or 'no team'} · {s.status} · v{s.version} · updated {when(s.updated_at)}"
        if document_row(s.title, detail, label="Open", key=f"open|{s.id}"):
            st.query_params["id"] = str(s.id)
            st.rerun()
    if page.total > len(page.items):
        st.caption(f"{page.total - len(page.items)} more in the Library.")


# --- the editor ------------------------------------------------------------------------


def editor(kind: Kind, doc_id: int | None) -> None:
    draft = drafts.get(kind, doc_id, store().get)
    key = drafts.draft_key(kind, doc_id)
    drafts.seed_all(kind, key, draft)
    drafts.collect(kind, key, draft)  # what the user just typed, before anything is drawn from the draft

    def on_save():
        _save(kind, key, draft)

    def on_structure(action, field, index, step):
        """Add, move or delete a card or a why: reshape the draft, then re-seed the widgets."""
        drafts.collect(kind, key, draft)
        items = W.get_path(draft["content"], field.key) or []
        if action == "append":  # the quick-add form of a table
            row, problem = W.quick_add_row(field, W.widget_key(key, field.key), draft["content"])
            st.session_state[f"{W.widget_key(key, field.key)}|add|problem"] = problem
            if row is None:
                return  # the typed values stay in the form, with the problem beside them
            W.clear_quick_add(field, W.widget_key(key, field.key))
            items = [*items, row]
        elif action == "refresh":  # the deck's figures, rebuilt from the team's data
            from sdmkit.ui import deck

            items, problems = deck.refresh(store(), draft)
            if problems:
                draft["problems"] = problems
                return
            draft.pop("problems", None)
        elif action == "copy":  # start a press-release part from its working-backwards answer
            items = W.get_path(draft["content"], field.feeds_from) or ""
        elif action == "bank":  # a starter question from the bank, as a new card
            question = st.session_state.get(W.bank_key(W.widget_key(key, field.key)))
            if not question:
                return
            items = [*items, {field.columns[0].key: question, **{c.key: "" for c in field.columns[1:]}}]
        elif field.widget == "tree":
            from sdmkit.ui import tree

            items = tree.edit(items, action, index)
        else:
            items = W.edit_cards(items, action, index, step, {c.key: "" for c in field.columns})
        W.set_path(draft["content"], field.key, items)
        W.forget_widgets(key, field.key)

    title = draft["meta"]["title"] or (f"New {kind.noun}" if doc_id is None else "Untitled")
    st.caption(kind.label.upper())
    st.title(esc(title), anchor=False)
    _status_line(kind, draft)
    _toolbar(kind, key, draft, on_save)
    _conflict_box(kind, key, draft)
    _problems_box(draft)

    left, right = st.columns([5, 2.4], gap="large")
    model, findings = _check(kind, draft)
    problems = _field_problems(kind, draft, findings)
    with left:
        names = [s.title for s in kind.sections] + ["Document", "History & export"]
        tabs = st.tabs(names)
        for tab, section in zip(tabs, kind.sections, strict=False):
            with tab:
                if section.intro:
                    st.caption(section.intro)
                for field in section.fields:
                    W.draw(
                        field,
                        W.widget_key(key, field.key),
                        content=draft["content"],
                        on_structure_change=on_structure,
                        problems=problems.get(field.key, []),
                    )
                if section.charts and model is not None:
                    _charts(kind, model)
                if section.view:
                    from sdmkit.ui.views import draw_view

                    draw_view(section.view, kind, draft, model)
        with tabs[-2]:
            _meta_tab(kind, key, problems)
        with tabs[-1]:
            _history_tab(kind, key, draft)
    drafts.collect(kind, key, draft)  # the draft now holds exactly what is on screen
    with right:
        _coach(kind, draft)
    st.divider()
    st.button(
        "Save",
        key=f"{key}|save2",
        type="primary",
        icon=":material/save:",
        on_click=on_save,
        help="Save a new version",
    )


def _status_line(kind: Kind, draft: dict) -> None:
    if draft.get("conflict"):
        badge = "<span class='sdm-badge sdm-conflict'>Conflict: not saved</span>"
    elif drafts.is_dirty(kind, draft):
        badge = "<span class='sdm-badge sdm-unsaved'>● Unsaved changes</span>"
    elif draft["doc_id"] is None:
        badge = "<span class='sdm-badge sdm-unsaved'>Not saved yet</span>"
    else:
        badge = "<span class='sdm-badge sdm-saved'>✓ Saved</span>"
    detail = ""
    if draft["doc_id"] is not None:
        saved = esc(when(draft["saved_at"]))
        detail = f" <span class='sdm-muted'>version {draft['base_version']} · saved {saved}</span>"
    st.markdown(badge + detail, unsafe_allow_html=True)  # fixed markup; user text escaped


def _toolbar(kind: Kind, key: str, draft: dict, on_save) -> None:
    c1, c2, c3, c4, _ = st.columns([1, 1.3, 1.3, 1.3, 1.7])
    c1.button(
        "Save",
        key=f"{key}|save",
        type="primary",
        icon=":material/save:",
        on_click=on_save,
        width="stretch",
        help="Save a new version; older versions stay in History",
    )

    def discard():
        if draft["saved"] is None:
            st.session_state[key] = drafts.blank(kind)
        else:
            st.session_state[key] = drafts.from_document(store().get(draft["doc_id"]))
        drafts.reseed(key)

    dirty = drafts.is_dirty(kind, draft)
    c2.button(
        "Discard changes",
        key=f"{key}|discard",
        icon=":material/undo:",
        disabled=not dirty,
        on_click=discard,
        width="stretch",
        help="Go back to the last saved version",
    )

    def back():
        st.query_params.clear()

    c3.button(
        f"All {kind.nouns}",
        key=f"{key}|back",
        icon=":material/list:",
        on_click=back,
        width="stretch",
        help="Your unsaved text stays here until you come back",
    )
    if draft["doc_id"] is not None and c4.button(
        "Review mode",
        key=f"{key}|review",
        icon=":material/rate_review:",
        width="stretch",
        help="Read-only, with comments and decisions",
    ):
        st.switch_page("pages/review.py", query_params={"id": str(draft["doc_id"])})


def _save(kind: Kind, key: str, draft: dict) -> None:
    drafts.collect(kind, key, draft)
    meta = draft["meta"]
    try:
        if draft["doc_id"] is None:
            doc = store().create(
                kind.id,
                meta["title"],
                draft["content"],
                team=meta["team"] or None,
                status=meta["status"],
                tags=meta["tags"],
                coach_off=meta["coach_off"],
                coach_allow=meta.get("coach_allow") or [],
            )
        else:
            doc = store().save(
                draft["doc_id"],
                draft["base_version"],
                title=meta["title"],
                content=draft["content"],
                team=meta["team"] or None,
                status=meta["status"],
                tags=meta["tags"],
                coach_off=meta["coach_off"],
                coach_allow=meta.get("coach_allow") or [],
            )
    except Conflict as exc:
        draft["conflict"] = {"version": exc.current_version, "theirs": exc.theirs}
        return
    except InvalidDocument as exc:
        draft["problems"] = [(p.field, p.problem) for p in exc.problems]
        return
    except SdmkitError as exc:
        draft["problems"] = [("", str(exc))]
        return
    new_doc = draft["doc_id"] is None
    drafts.mark_saved(draft, doc)
    drafts.reseed(key)
    if new_doc:  # the draft now belongs to the stored document
        st.session_state[drafts.draft_key(kind, doc.id)] = draft
        del st.session_state[key]
        st.query_params["id"] = str(doc.id)
    flash(f"Saved version {doc.version}")


def _problems_box(draft: dict) -> None:
    problems = draft.get("problems")
    if problems:
        lines = "\n".join(f"- **{esc(f or 'document')}**: {esc(p)}" for f, p in problems)
        st.error(f"Not saved. Fix these and save again; your text is kept:\n{lines}", icon=":material/error:")


def _check(kind: Kind, draft: dict):
    """The draft's model and coach findings, or (None, []) while it does not validate."""
    try:
        model = kind.validate(draft["content"])
    except InvalidDocument:
        return None, []
    return model, lint(
        kind,
        model,
        draft["meta"].get("coach_off") or [],
        draft["meta"].get("coach_allow") or [],
        store().get,
        title=draft["meta"].get("title") or "",
    )


def _field_for(kind: Kind, path: str) -> str:
    """The editor field a problem or finding belongs to: 'timeline[2].at' -> 'timeline'."""
    keys = [f.key for s in kind.sections for f in s.fields]
    root = path.removeprefix("content.").split("[")[0]
    if root in drafts.META_KEYS:
        root = f"meta.{root}"
    if root in keys:
        return root
    return next((k for k in keys if k.startswith(root + ".") or root.startswith(k + ".")), root)


def _field_problems(kind: Kind, draft: dict, findings) -> dict[str, list[str]]:
    """Refused-save problems and the coach's errors, beside the field they are about."""
    out: dict[str, list[str]] = {}
    for field, problem in draft.get("problems") or []:
        out.setdefault(_field_for(kind, field), []).append(esc(f"{field}: {problem}"))
    for f in findings:
        if f.severity == "error":
            out.setdefault(_field_for(kind, f.location), []).append(esc(f"{f.message}. {f.suggestion}"))
    return out


def _charts(kind: Kind, model) -> None:
    charts = kind.charts(model)
    if not charts:
        st.caption("Graphs appear here as you enter data points.")
    for _, spec in charts:
        st.vega_lite_chart(spec, width="stretch")


def _conflict_box(kind: Kind, key: str, draft: dict) -> None:
    conflict = draft.get("conflict")
    if not conflict:
        return
    theirs: Document = conflict["theirs"]
    st.error(
        f"Someone saved version {conflict['version']} while you were editing version "
        f"{draft['base_version']}. Nothing was overwritten: your text is still here, unsaved. "
        "Choose what to do.",
        icon=":material/sync_problem:",
    )
    with st.expander("What changed between their version and your text", expanded=True):
        mine = Document(
            id=theirs.id,
            kind=kind.id,
            title=draft["meta"]["title"],
            team=draft["meta"]["team"],
            status=draft["meta"]["status"],
            tags=draft["meta"]["tags"],
            content=draft["content"],
            coach_off=draft["meta"]["coach_off"],
        )
        import difflib

        diff = "".join(
            difflib.unified_diff(
                to_yaml(theirs).splitlines(True),
                to_yaml(mine).splitlines(True),
                fromfile=f"their version {theirs.version}",
                tofile="your text",
            )
        )
        st.code(diff or "Same content.", language="diff")

    def keep_mine():
        draft["base_version"] = conflict["version"]
        draft.pop("conflict", None)
        _save(kind, key, draft)

    def take_theirs():
        st.session_state[f"{key}|rescued"] = {"meta": dict(draft["meta"]), "content": dict(draft["content"])}
        drafts.mark_saved(draft, store().get(draft["doc_id"]))
        drafts.reseed(key)

    def save_as_copy():
        meta = draft["meta"]
        try:
            doc = store().create(
                kind.id,
                f"{meta['title']} (my version)"[:300],
                draft["content"],
                team=meta["team"] or None,
                status=kind.statuses[0],
                tags=meta["tags"],
                coach_off=meta["coach_off"],
                note="saved from a conflicting edit",
            )
        except SdmkitError as exc:
            draft["problems"] = [("", str(exc))]
            return
        drafts.mark_saved(draft, store().get(draft["doc_id"]))
        drafts.reseed(key)
        flash(f"Your text is saved as a new document (id {doc.id}); this one shows their version")

    c1, c2, c3 = st.columns(3)
    c1.button(
        "Save mine as the newest",
        key=f"{key}|mine",
        on_click=keep_mine,
        width="stretch",
        help="Your text becomes the next version; theirs stays in History",
    )
    c2.button(
        "Save mine as a copy",
        key=f"{key}|copy",
        on_click=save_as_copy,
        width="stretch",
        help="Keep both: yours becomes a new document, this one shows theirs",
    )
    c3.button(
        "Load theirs",
        key=f"{key}|theirs",
        on_click=take_theirs,
        width="stretch",
        help="Show their version here; your text is kept in 'Your discarded text' below",
    )


def _meta_tab(kind: Kind, key: str, problems: dict) -> None:
    shown = kind.meta_fields_in_sections()  # a kind may put title or status in its own sections
    if "title" not in shown:
        st.text_input(
            "Title",
            key=drafts.meta_key(key, "title"),
            help="How the document appears in lists and exports. Left empty, it is made from the team name.",
        )
        for p in problems.get("meta.title", []):
            st.error(p)
    if "status" not in shown:
        st.selectbox(
            "Status",
            kind.statuses,
            key=drafts.meta_key(key, "status"),
            help="Where the document is in its life: drafts are yours, approved ones are the team's.",
        )
    if "team" not in shown:
        st.text_input(
            "Team",
            key=drafts.meta_key(key, "team"),
            help="Used to filter the Library. Left empty, it is taken from the document.",
        )
    st.text_input("Tags", key=drafts.meta_key(key, "tags"), help="Comma-separated words to find this by.")
    rules = rule_catalog(kind)
    st.multiselect(
        "Coach rules switched off for this document",
        [r.id for r in rules],
        key=drafts.meta_key(key, "coach_off"),
        format_func=lambda rid: next(f"{r.title} ({r.id})" for r in rules if r.id == rid),
        help="Switch off a rule that does not fit this document; it stays on for the others.",
    )
    st.text_input(
        "Words the coach accepts here",
        key=drafts.meta_key(key, "coach_allow"),
        help="Comma-separated: a product name in capitals, a term of art, a word the coach flags but "
        "this document needs. Only for this document.",
    )
    rescued = st.session_state.get(f"{key}|rescued")
    if rescued:
        with st.expander("Your discarded text (from the conflict)"):
            st.code(
                to_yaml(
                    Document(
                        id=None, kind=kind.id, title=rescued["meta"]["title"], content=rescued["content"]
                    )
                ),
                language="yaml",
            )


def _history_tab(kind: Kind, key: str, draft: dict) -> None:
    if draft["doc_id"] is None:
        st.info("Save the document to export it and to start its history.", icon=":material/info:")
        return
    doc = store().get(draft["doc_id"])
    st.markdown("**Export**")
    if drafts.is_dirty(kind, draft):
        st.caption(f"Exports use the saved version {doc.version}; save first to include your changes.")
    export_buttons(doc, key=f"{key}|export")
    st.markdown("**History**")

    def restored(new_doc):
        drafts.mark_saved(draft, new_doc)
        drafts.reseed(key)

    history_panel(doc, key=f"{key}|history", on_restored=restored)


def _coach(kind: Kind, draft: dict) -> None:
    try:
        model = kind.validate(draft["content"])
    except InvalidDocument as exc:
        st.subheader("Coach", anchor=False)
        st.warning(
            "The coach waits until these are fixed:\n" + "\n".join(f"- {esc(p)}" for p in exc.problems),
            icon=":material/warning:",
        )
        return
    off = draft["meta"].get("coach_off") or []
    findings = lint(
        kind,
        model,
        off,
        draft["meta"].get("coach_allow") or [],
        store().get,
        title=draft["meta"].get("title") or "",
    )
    coach_panel(kind, findings, kind.derived(model), score(kind, findings, off))
