"""A stale save, merged the way a careful colleague would: what only one side changed
is merged without a question; each field both changed is shown side by side, in
words, and the writer picks theirs, keeps their own or edits it. Nothing the other
person saved is reverted unless the writer chose that field, and whichever text
loses a clash stays in the document's history."""

from __future__ import annotations

import streamlit as st

from sdmkit.document import Document, DocumentMeta, shorten
from sdmkit.errors import Conflict, SdmkitError
from sdmkit.kind import Kind
from sdmkit.merge import Merge, Path, field_name, resolve, three_way
from sdmkit.store.normalise import TITLE_CHARS
from sdmkit.ui import drafts
from sdmkit.ui.state import flash, store, when
from sdmkit.ui.text import esc


def _side(doc: Document) -> dict:
    return {"meta": drafts._snapshot(doc)["meta"], "content": doc.content}


def merge_stale_save(kind: Kind, key: str, draft: dict, conflict: Conflict) -> None:
    """Called when a save was refused: merge what can be merged; save at once when no
    field clashes, else leave the clashes in the draft for the writer to settle."""
    theirs: Document = conflict.theirs
    base = store().revision(draft["doc_id"], draft["base_version"])
    mine = drafts.normalised(kind, draft) or {"meta": draft["meta"], "content": draft["content"]}
    merge = three_way(_side(base), mine, _side(theirs))
    if not merge.clashes:
        _save_merged(kind, key, draft, merge, {}, theirs)
        return
    draft["merge"] = {"result": merge, "theirs": theirs}


def _words(value) -> str:
    """A field's value as a reader would say it (escaped), not as YAML."""
    if value in (None, "", [], {}):
        return "*(empty)*"
    if isinstance(value, list):
        return "\n".join(f"- {_words(v) if not isinstance(v, dict) else _record(v)}" for v in value)
    if isinstance(value, dict):
        return _record(value)
    return esc(str(value))


def _record(value: dict) -> str:
    return " · ".join(esc(str(v)) for v in value.values() if v not in (None, "", [], {}))


def _choice_key(key: str, i: int) -> str:
    return f"{key}|clash|{i}"


def merge_panel(kind: Kind, key: str, draft: dict) -> None:
    state = draft.get("merge")
    if not state:
        return
    merge: Merge = state["result"]
    theirs: Document = state["theirs"]
    st.warning(
        f"Someone saved version {theirs.version} ({esc(when(theirs.updated_at))}) while you were editing "
        f"version {draft['base_version']}. Their other changes and yours are merged; "
        f"{len(merge.clashes)} {'field was' if len(merge.clashes) == 1 else 'fields were'} changed by both. "
        "Choose for each; nothing is saved until you do.",
        icon=":material/merge:",
    )
    if merge.theirs_taken:
        names = ", ".join(kind.describe(field_name(p)) for p in merge.theirs_taken)
        st.caption(f"Taken from their version without asking (you did not change them): {esc(names)}.")
    for i, clash in enumerate(merge.clashes):
        with st.container(border=True):
            st.markdown(f"**{esc(kind.describe(clash.field))}**, changed by both")
            c1, c2 = st.columns(2)
            c1.caption(f"Their text (version {theirs.version})")
            c1.markdown(_words(clash.theirs))
            c2.caption("Your text")
            c2.markdown(_words(clash.mine))
            options = ["theirs", "mine", "edit"] if isinstance(clash.mine, str) else ["theirs", "mine"]
            labels = {"theirs": "Take theirs", "mine": "Keep mine", "edit": "Edit it"}
            choice = st.radio(
                "Which text to keep",
                options,
                key=_choice_key(key, i),
                index=None,
                horizontal=True,
                format_func=labels.get,
                help="The text you do not keep stays in the document's history",
            )
            if choice == "edit":
                edit_key = f"{_choice_key(key, i)}|text"
                st.session_state.setdefault(edit_key, clash.mine)
                st.text_area("The merged text", key=edit_key, help="Combine both; this is what is saved")

    def save() -> None:
        choices: dict[Path, object] = {}
        for i, clash in enumerate(merge.clashes):
            choice = st.session_state.get(_choice_key(key, i))
            if choice is None:
                draft["problems"] = [("", f"choose a text for {kind.describe(clash.field)} first")]
                return
            if choice == "theirs":
                choices[clash.path] = clash.theirs
            elif choice == "edit":
                choices[clash.path] = st.session_state.get(f"{_choice_key(key, i)}|text", clash.mine)
        _save_merged(kind, key, draft, merge, choices, theirs)

    def cancel() -> None:
        draft.pop("merge", None)

    c1, c2, c3 = st.columns(3)
    c1.button(
        "Save the merged version",
        key=f"{key}|merge",
        type="primary",
        on_click=save,
        width="stretch",
        help="Save the texts you chose as a new version, after theirs",
    )
    c2.button(
        "Save my text as a copy",
        key=f"{key}|copy",
        on_click=save_as_copy,
        args=(kind, key, draft),
        width="stretch",
        help="Keep both whole: yours becomes a new document, this one stays as they saved it",
    )
    c3.button(
        "Keep editing",
        key=f"{key}|merge_cancel",
        on_click=cancel,
        width="stretch",
        help="Close this; your text stays here, unsaved, and the next save merges again",
    )


def _save_merged(kind: Kind, key: str, draft: dict, merge: Merge, choices: dict, theirs: Document) -> None:
    """Save the merge on top of their version. When a clash was settled against the
    writer's text, their whole text is saved first, so it stays in history too."""

    def save_on(version: int, side: dict, note: str) -> Document:
        return store().save(
            draft["doc_id"], version, side["content"], DocumentMeta.from_dict(side["meta"]), note=note
        )

    try:
        version = theirs.version
        if any(choices.get(c.path, c.mine) != c.mine for c in merge.clashes):
            note = f"your side of a conflict with version {version}, kept in history"
            version = save_on(version, merge.merged, note).version
        doc = save_on(version, resolve(merge, choices), f"merged with version {theirs.version}")
    except Conflict as again:  # yet another save came first: merge with that one
        draft["base_version"] = theirs.version
        draft.pop("merge", None)
        merge_stale_save(kind, key, draft, again)
        return
    except SdmkitError as exc:
        draft["problems"] = [("", str(exc))]
        return
    drafts.saved(key, draft, doc, store())
    taken = ", ".join(kind.describe(field_name(p)) for p in merge.theirs_taken)
    flash(
        f"Saved version {doc.version}, merged with version {theirs.version}"
        + (f"; their changes to {taken} are in it" if taken else "")
    )


def save_as_copy(kind: Kind, key: str, draft: dict) -> None:
    meta = drafts.meta_of(draft)
    mine = " (my version)"
    meta = meta.replace(title=shorten(meta.title, TITLE_CHARS - len(mine)) + mine, status=kind.statuses[0])
    try:
        doc = store().create(kind.id, draft["content"], meta, note="saved from a conflicting edit")
    except SdmkitError as exc:
        draft["problems"] = [("", str(exc))]
        return
    drafts.saved(key, draft, store().get(draft["doc_id"]), store())
    flash(f"Your text is saved as a new document (id {doc.id}); this one shows their version")
