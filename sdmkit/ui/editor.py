"""The guided editor every kind's page uses: sections with prompts and examples,
the coach beside them, saved/unsaved state, conflicts, history and exports."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from pydantic import BaseModel

from sdmkit.coach import lint, score
from sdmkit.document import shorten
from sdmkit.errors import Conflict, InvalidDocument, NotFound, SdmkitError
from sdmkit.kind import Kind
from sdmkit.registry import get_kind
from sdmkit.stories.text import join  # a finding and its advice as sentences
from sdmkit.ui import drafts, fields
from sdmkit.ui.coach_panel import coach_panel
from sdmkit.ui.conflict import merge_panel, merge_stale_save
from sdmkit.ui.document_views import history_view, settings_view
from sdmkit.ui.kind_index import kind_index
from sdmkit.ui.rows import ROW_TITLE_CHARS
from sdmkit.ui.screens import draw_screen
from sdmkit.ui.state import flash, store, when
from sdmkit.ui.text import esc, plural
from sdmkit.ui.widget_base import Context, forget_widgets


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
        if st.button(f"All {kind.nouns}", help=f"The list of {kind.nouns}"):
            st.query_params.clear()
            st.rerun()
        return
    if found.kind != kind.id:
        # A link to the wrong editor (an old bookmark, a typed URL): open the right one.
        st.switch_page(get_kind(found.kind).page, query_params={"id": str(doc_id)})
    editor(kind, doc_id)


# --- the editor ------------------------------------------------------------------------

VIEWS = ("Write", "Document settings", "History & export")


@dataclass
class Check:
    """What the editor knows of the draft in this run, computed once."""

    model: BaseModel | None
    findings: list
    problems: dict[str, list[str]]  # beside each field: refused-save problems and coach errors
    dirty: bool
    invalid: list  # the model's problems while the draft does not validate


def editor(kind: Kind, doc_id: int | None) -> None:
    draft = drafts.get(kind, doc_id, store())
    key = drafts.draft_key(kind, doc_id)
    drafts.collect(kind, key, draft)  # what the user just typed, before anything is drawn from the draft
    drafts.seed_all(kind, key, draft)  # every widget gets its value from the draft, in every run
    check = _check(kind, draft)
    drafts.persist(kind, draft, store(), check.dirty)

    def on_save():
        _save(kind, key, draft)

    def on_structure(action, field, index, step):
        """A button that reshapes the draft (add, move, delete, refresh...): keep what was
        typed, reshape, then seed the field's widgets anew from the draft."""
        drafts.collect(kind, key, draft)
        if fields.change(field, key, Context(draft), action, index, step):
            forget_widgets(key, field.key)

    title = draft["meta"]["title"] or (f"New {kind.noun}" if doc_id is None else "Untitled")
    st.caption(kind.label.upper())
    heading = shorten(title, ROW_TITLE_CHARS)  # whole in the Title box, and in the tooltip
    st.title(esc(heading), anchor=False, help=esc(title) if heading != title else None)
    _status_line(kind, draft, check)
    _toolbar(kind, key, draft, on_save, check.dirty)
    # Always drawn, so the tabs below keep their place (and the writer's tab) whether
    # or not there is something to say here.
    with st.container():
        _restore_notices(kind, key, draft)
        merge_panel(kind, key, draft)
        _problems_box(kind, draft, check)

    left, right = st.columns([5, 2.4], gap="large")
    with left:
        view = st.segmented_control(
            "View",
            VIEWS,
            default=VIEWS[0],
            key=f"{key}|view",
            label_visibility="collapsed",
            help="Write the sections; set the title, status, tags and coach; or see history and export",
        )
        if view == VIEWS[1]:
            settings_view(kind, key, check.problems)
        elif view == VIEWS[2]:
            history_view(kind, key, draft, check.dirty)
        else:
            _sections(kind, key, draft, check, on_structure)
    with right:
        _coach(kind, draft, check)
    st.divider()
    st.button(
        "Save",
        key=f"{key}|save2",
        type="primary",
        icon=":material/save:",
        on_click=on_save,
        help="Save a new version",
    )


def section_key(key: str) -> str:
    """The plain session key that remembers which section tab a document is open on."""
    return f"{key}|section"


def _sections(kind: Kind, key: str, draft: dict, check: Check, on_structure) -> None:
    titles = [s.title for s in kind.sections]
    shown, chosen = f"{key}|tabs", section_key(key)
    # The tabs track their state (on_change), so a rerun (a button, a save) keeps the
    # open tab. Streamlit drops their key on a run that does not draw them (another
    # page, another view): the plain key keeps the section and gives it back. Every
    # tab's body still runs in every run (`.open` is never read), and a click on a tab
    # is a rerun like any other: seed_all has given every field its value for it.
    if shown not in st.session_state and st.session_state.get(chosen) in titles:
        st.session_state[shown] = st.session_state[chosen]
    tabs = st.tabs(titles, key=shown, on_change="rerun")
    st.session_state[chosen] = st.session_state.get(shown, titles[0])
    for tab, section in zip(tabs, kind.sections, strict=True):
        with tab:
            if section.intro:
                st.caption(section.intro)
            for field in section.fields:
                fields.draw(field, key, Context(draft, on_structure, check.problems.get(field.key, [])))
            if section.charts and check.model is not None:
                _charts(kind, check.model)
            if section.screen:
                draw_screen(section.screen, kind, draft, check.model)


def _status_line(kind: Kind, draft: dict, check: Check) -> None:
    dirty = check.dirty
    if draft.get("merge"):
        badge = "<span class='sdm-badge sdm-conflict'>Conflict: not saved</span>"
    elif check.invalid:
        # Typed input the document cannot take (letters in a number): it stays as typed,
        # and says so up here as well as beside the field.
        n = len({_field_for(kind, p.field) for p in check.invalid})
        badge = f"<span class='sdm-badge sdm-conflict'>● Unsaved changes · {plural(n, 'field')} to fix</span>"
    elif dirty:
        badge = "<span class='sdm-badge sdm-unsaved'>● Unsaved changes</span>"
    elif draft["doc_id"] is None:
        badge = "<span class='sdm-badge sdm-unsaved'>Not saved yet</span>"
    else:
        badge = "<span class='sdm-badge sdm-saved'>✓ Saved</span>"
    detail = ""
    if draft["doc_id"] is not None:
        saved = esc(when(draft["saved_at"]))
        detail = f" <span class='sdm-muted'>version {draft['base_version']} · saved {saved}</span>"
    if dirty and draft.get("persisted"):
        detail += " <span class='sdm-muted'>· changes kept in this workspace until you save</span>"
    st.markdown(badge + detail, unsafe_allow_html=True)  # fixed markup; user text escaped


def _toolbar(kind: Kind, key: str, draft: dict, on_save, dirty: bool) -> None:
    # room for the longest list button, "All on-call rotations", on one line
    c1, c2, c3, c4, _ = st.columns([1, 1.3, 1.8, 1.3, 1.2])
    c1.button(
        "Save",
        key=f"{key}|save",
        type="primary",
        icon=":material/save:",
        on_click=on_save,
        width="stretch",
        help="Save a new version; older versions stay in History",
    )
    c2.button(
        "Discard changes",
        key=f"{key}|discard",
        icon=":material/undo:",
        disabled=not dirty,
        on_click=_discard,
        args=(kind, key, draft),
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


def _discard(kind: Kind, key: str, draft: dict) -> None:
    drafts.forget_stored(draft, store())
    if draft["saved"] is None:
        st.session_state[key] = drafts.blank(kind)
    else:
        st.session_state[key] = drafts.from_document(store().get(draft["doc_id"]))
    drafts.reseed(key)


def _start_blank(kind: Kind, key: str, draft: dict) -> None:
    """A blank new document instead of the one picked up, which stays in the workspace
    with what was just typed (Home lists it)."""
    drafts.collect(kind, key, draft)
    drafts.leave(kind, draft, store())
    st.session_state[key] = drafts.blank(kind)
    drafts.reseed(key)
    if drafts.TOKEN in st.query_params:
        del st.query_params[drafts.TOKEN]
    flash(f"A blank {kind.noun}; the one you left is under Unsaved changes on Home", ":material/add:")


def _restore_notices(kind: Kind, key: str, draft: dict) -> None:
    if draft.get("resumed_at"):
        c1, c2 = st.columns([5, 1.4], vertical_alignment="center")
        c1.info(
            f"This new {kind.noun} was left unsaved (last change {esc(when(draft['resumed_at']))}) and is "
            "back as it was. Go on and save it, or start a blank one: this one then stays under Unsaved "
            "changes on Home.",
            icon=":material/restore:",
        )
        c2.button(
            f"Start a blank {kind.noun}",
            key=f"{key}|blank",
            icon=":material/add:",
            on_click=_start_blank,
            args=(kind, key, draft),
            width="stretch",
            help="This one stays under Unsaved changes on Home",
        )
    if draft.get("restored_at"):
        c1, c2 = st.columns([5, 1.4], vertical_alignment="center")
        c1.info(
            f"Your unsaved changes from {esc(when(draft['restored_at']))} are back. Save to keep them as a "
            "version, or discard them.",
            icon=":material/restore:",
        )
        c2.button(
            "Discard them",
            key=f"{key}|restored_discard",
            on_click=_discard,
            args=(kind, key, draft),
            width="stretch",
            help="Go back to the last saved version",
        )
    stored = drafts.offered(draft, store())
    if stored is None:
        return
    on = f", made on version {stored.base_version}" if stored.base_version else ""
    st.info(
        f"This {kind.noun} has unsaved changes from {esc(when(stored.saved_at))}{on}, left in another tab "
        "or before a restart. Restore them to go on where they stopped, or discard them.",
        icon=":material/history:",
    )

    def restore():
        own = draft.get("token")  # what this tab typed meanwhile, kept under its own token
        if not drafts.take_offer(draft, store(), stored):
            flash("Those unsaved changes are gone meanwhile (saved, discarded or restored in another tab)")
            return
        drafts.reseed(key)
        flash(
            "Unsaved changes restored"
            + ("; what you typed in this tab is kept too, offered the next time it opens" if own else "")
        )

    def discard():
        drafts.discard_offer(draft, store(), stored.token)

    c1, c2, _ = st.columns([1.6, 1.6, 3])
    c1.button(
        "Restore your unsaved changes",
        key=f"{key}|offer_restore",
        type="primary",
        on_click=restore,
        width="stretch",
        help="Bring them back into the editor; Save keeps them as a version",
    )
    c2.button(
        "Discard them",
        key=f"{key}|offer_discard",
        on_click=discard,
        width="stretch",
        help="Drop them; the saved version stays as it is",
    )


def _save(kind: Kind, key: str, draft: dict) -> None:
    drafts.collect(kind, key, draft)
    draft.pop("problems", None)
    draft.pop("refused", None)
    try:
        meta = drafts.meta_of(draft)
        if draft["doc_id"] is None:
            doc = store().create(kind.id, draft["content"], meta)
        else:
            doc = store().save(draft["doc_id"], draft["base_version"], draft["content"], meta)
    except Conflict as exc:
        merge_stale_save(kind, key, draft, exc)
        return
    except InvalidDocument as exc:
        # What the kind's model refuses is checked on every run (_check) and goes away
        # once fixed; the rest (a missing title...) is kept until the next save.
        live = set(_model_problems(kind, draft))
        draft["refused"] = True
        draft["problems"] = [(p.field, p.problem) for p in exc.problems if (p.field, p.problem) not in live]
        return
    except SdmkitError as exc:
        draft["problems"] = [("", str(exc))]
        return
    new_doc = draft["doc_id"] is None
    drafts.saved(key, draft, doc, store())
    if new_doc:  # the draft now belongs to the stored document, and so does its open tab
        new_key = drafts.draft_key(kind, doc.id)
        st.session_state[new_key] = draft
        del st.session_state[key]
        if section_key(key) in st.session_state:
            st.session_state[section_key(new_key)] = st.session_state.pop(section_key(key))
        st.query_params["id"] = str(doc.id)
    flash(f"Saved version {doc.version}")


def _say(kind: Kind, field: str, problem: str) -> str:
    """A problem in the writer's words, naming the field as the screen labels it:
    'Team name is required', 'Week ending: 2026-11-09 is a Monday; ...'."""
    name = kind.describe(field) if field else "The document"
    joiner = " " if problem.startswith(("is ", "must ", "should ")) else ": "
    return f"{name}{joiner}{problem}"


def _model_problems(kind: Kind, draft: dict) -> list[tuple[str, str]]:
    try:
        kind.validate(draft["content"])
    except InvalidDocument as exc:
        return [(p.field, p.problem) for p in exc.problems]
    return []


def _problems_box(kind: Kind, draft: dict, check: Check) -> None:
    """After a refused save: what is still to fix (the model's problems as they are now)."""
    problems = list(draft.get("problems") or [])
    if draft.get("refused"):
        problems = [(p.field, p.problem) for p in check.invalid] + problems
        if not problems:  # all fixed: nothing stands in the way of the next save
            draft.pop("refused", None)
    if problems:
        lines = "\n".join(f"- {esc(_say(kind, f, p))}" for f, p in problems)
        st.error(f"Not saved. Fix these and save again; your text is kept:\n{lines}", icon=":material/error:")


def _check(kind: Kind, draft: dict) -> Check:
    """The draft's model, coach findings, field problems and dirty state, once per run."""
    try:
        model = kind.validate(draft["content"])
    except InvalidDocument as exc:
        model, findings, invalid = None, [], exc.problems
    else:
        meta = draft["meta"]
        findings = lint(
            kind,
            model,
            meta.get("coach_off") or [],
            meta.get("coach_allow") or [],
            store().get,
            title=meta.get("title") or "",
        )
        invalid = []
    problems = _field_problems(kind, draft, invalid, findings)
    return Check(model, findings, problems, drafts.is_dirty(kind, draft), invalid)


def _field_for(kind: Kind, path: str) -> str:
    """The editor field a problem or finding belongs to: 'timeline[2].at' -> 'timeline'."""
    keys = [f.key for s in kind.sections for f in s.fields]
    root = path.removeprefix("content.").split("[")[0]
    if root in drafts.META_KEYS:
        root = f"meta.{root}"
    if root in keys:
        return root
    return next((k for k in keys if k.startswith(root + ".") or root.startswith(k + ".")), root)


def _field_problems(kind: Kind, draft: dict, invalid, findings) -> dict[str, list[str]]:
    """What the document cannot take as typed (letters in a number), refused-save
    problems and the coach's errors, beside the field they are about."""
    out: dict[str, list[str]] = {}
    pairs = [(p.field, p.problem) for p in invalid] + list(draft.get("problems") or [])
    for field, problem in dict.fromkeys(pairs):
        out.setdefault(_field_for(kind, field), []).append(esc(_say(kind, field, problem)))
    for f in findings:
        if f.severity == "error":
            out.setdefault(_field_for(kind, f.location), []).append(esc(join(f.message, f.suggestion)))
    return out


def _charts(kind: Kind, model) -> None:
    charts = kind.charts(model)
    if not charts:
        st.caption("Graphs appear here as you enter data points.")
    for _, spec in charts:
        st.vega_lite_chart(spec, width="stretch")


def _coach(kind: Kind, draft: dict, check: Check) -> None:
    if check.model is None:
        st.subheader("Coach", anchor=False)
        st.warning(
            "The coach waits until these are fixed:\n"
            + "\n".join(f"- {esc(_say(kind, p.field, p.problem))}" for p in check.invalid),
            icon=":material/warning:",
        )
        return
    off = draft["meta"].get("coach_off") or []
    coach_panel(kind, check.findings, kind.derived(check.model), score(kind, check.findings, off))
