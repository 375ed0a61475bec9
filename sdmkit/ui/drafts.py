"""Drafts: the document being edited, one per open document, held by sdmkit.

Widgets are views of the draft (sdmkit.ui.widget_base): they are seeded from it and
write their changes into it, and nothing else writes it. Streamlit drops a widget's
key on a run that does not draw it; the draft stays, so no text is lost by leaving
the page, switching views or a refused save.

A moment after each change the draft is also written to the workspace (the draft
table, not a revision), under a token that the page's address carries: a reload
brings it back at once, and opening the document again later (a closed tab, another
day) offers it. A new document left unsaved is picked up again by the next "New" of
its kind, so abandoned starts do not pile up. Saving or discarding deletes it."""

from __future__ import annotations

import copy
import json

import streamlit as st

from sdmkit.document import Document, DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.kind import Kind
from sdmkit.store import Store
from sdmkit.store.drafts import Draft, new_token
from sdmkit.ui import fields
from sdmkit.ui.widget_base import forget_widgets, widget_key

TOKEN = "draft"  # the query parameter that names this tab's stored draft


def draft_key(kind: Kind, doc_id: int | None) -> str:
    return f"draft|{kind.id}|{doc_id or 'new'}"


def _snapshot(doc: Document) -> dict:
    meta = doc.meta.to_dict()
    meta["coach_off"] = sorted(meta["coach_off"])
    return {"meta": meta, "content": copy.deepcopy(doc.content)}


def meta_of(draft: dict) -> DocumentMeta:
    """The draft's metadata as the store takes it."""
    return DocumentMeta.from_dict(draft["meta"])


def from_document(doc: Document) -> dict:
    snap = _snapshot(doc)
    return {
        "doc_id": doc.id,
        "base_version": doc.version,
        "saved_at": doc.updated_at,
        "meta": copy.deepcopy(snap["meta"]),
        "content": copy.deepcopy(snap["content"]),
        "saved": snap,
        "token": None,
    }


def blank(kind: Kind) -> dict:
    return {
        "doc_id": None,
        "base_version": None,
        "saved_at": None,
        "saved": None,
        "meta": DocumentMeta(status=kind.statuses[0]).to_dict(),
        "content": kind.blank().model_dump(mode="json"),
        "token": None,
    }


def get(kind: Kind, doc_id: int | None, store: Store) -> dict:
    """This tab's draft of the document: the one in session state; else, on a reload,
    the stored draft the address names; else the saved document (or a blank one),
    with an offer of any unsaved draft left behind for it."""
    key = draft_key(kind, doc_id)
    token = st.query_params.get(TOKEN)
    draft = st.session_state.get(key)
    if draft is None or (token and draft.get("token") != token):
        draft = from_document(store.get(doc_id)) if doc_id else blank(kind)
        stored = store.drafts.get(token) if token else None
        if stored is not None and stored.kind == kind.id and stored.document_id == doc_id:
            apply(draft, stored)
            draft["restored_at"] = stored.saved_at
            if doc_id:  # another tab's changes to it are still offered after a reload
                draft["offers"] = [d.token for d in store.drafts.for_document(doc_id) if d.token != token]
        else:
            if token:
                del st.query_params[TOKEN]
            draft["offers"] = [d.token for d in store.drafts.for_document(doc_id)] if doc_id else []
            left = None if doc_id else _claim_left_behind(kind, store)
            if left is not None:
                claimed, draft["claimed_from"] = left
                apply(draft, claimed)
                draft["resumed_at"] = claimed.saved_at
                draft["claimed_fp"] = draft["persisted"]
        st.session_state[key] = draft
    elif draft.get("token") and not token:
        st.query_params[TOKEN] = draft["token"]  # back from another page: a reload still finds it
    return draft


def _claim_left_behind(kind: Kind, store: Store) -> tuple[Draft, str] | None:
    """The newest unsaved new document of this kind, taken over by this tab (and the
    token it had): "New" after a new document was left unsaved goes on with it instead
    of starting another beside it. Claimed under a new token, so a tab still open on it
    keeps writing its own copy instead of overwriting this one."""
    for d in store.drafts.all(kind=kind.id):
        if d.document_id is None and (claimed := store.drafts.claim(d.token)) is not None:
            return claimed, d.token
    return None


def leave(kind: Kind, draft: dict, store: Store) -> None:
    """This tab leaves its draft for a blank one. What it typed stays in the workspace; a
    draft it picked up and did not change is given back as it was, so no copy of it is
    left beside a tab still open on it."""
    untouched = draft.get("persisted") == draft.get("claimed_fp") == _fingerprint(draft)
    if draft.get("claimed_from") and draft.get("token") and untouched:
        store.drafts.release(draft["token"], draft["claimed_from"])
    else:
        persist(kind, draft, store, is_dirty(kind, draft))


def discard_stored(store: Store, token: str) -> None:
    """Discard a stored draft from a list: gone from the workspace, and from this
    session's editor, which would otherwise show it again (and store it again)."""
    store.drafts.drop(token)
    held = [
        key
        for key, value in st.session_state.items()
        if isinstance(key, str)
        and key.startswith("draft|")
        and isinstance(value, dict)
        and value.get("token") == token
    ]
    for key in held:
        del st.session_state[key]
        forget_widgets(key)


def apply(draft: dict, stored: Draft) -> None:
    """Take a stored draft's text into this tab's draft; this tab now keeps it."""
    draft["meta"] = stored.meta.to_dict()
    draft["content"] = copy.deepcopy(stored.content)
    if stored.base_version is not None:
        draft["base_version"] = stored.base_version  # a save on top of a newer version merges
    draft["token"] = stored.token
    draft["persisted"] = _fingerprint(draft)
    draft.pop("offers", None)
    st.query_params[TOKEN] = stored.token


def offered(draft: dict, store: Store) -> Draft | None:
    """The unsaved draft left behind for this document that the writer has not yet
    restored or discarded, if any."""
    for token in draft.get("offers") or []:
        stored = store.drafts.get(token)
        if stored is not None:
            return stored
    draft.pop("offers", None)
    return None


def take_offer(draft: dict, store: Store, stored: Draft) -> bool:
    """Restore an offered draft into this tab, claimed under a new token: a tab still
    open on it, which typed on, writes a draft of its own again (offered here after a
    reload) instead of both tabs overwriting one stored draft in turn, each losing the
    other's typing. False when it went meanwhile (saved, discarded or taken)."""
    claimed = store.drafts.claim(stored.token)
    if claimed is None:
        draft["offers"] = [t for t in draft.get("offers") or [] if t != stored.token]
        return False
    apply(draft, claimed)
    return True


def discard_offer(draft: dict, store: Store, token: str) -> None:
    store.drafts.drop(token)
    draft["offers"] = [t for t in draft.get("offers") or [] if t != token]


def _fingerprint(draft: dict) -> str:
    return json.dumps([draft["meta"], draft["content"], draft["base_version"]], sort_keys=True, default=str)


def persist(kind: Kind, draft: dict, store: Store, dirty: bool) -> None:
    """Keep the draft in the workspace while it has unsaved changes (called once per run,
    after the widgets' changes are collected). Also while an earlier draft is offered:
    what this tab types is kept under its own token, beside the offered one, which it
    never overwrites, so a reload before the writer chooses loses neither."""
    token = draft.get("token")
    if not dirty:
        if token:
            forget_stored(draft, store)
        return
    fingerprint = _fingerprint(draft)
    if fingerprint == draft.get("persisted"):
        return
    if not token:
        token = draft["token"] = new_token()
        st.query_params[TOKEN] = token
    store.drafts.put(token, kind.id, draft["doc_id"], draft["base_version"], meta_of(draft), draft["content"])
    draft["persisted"] = fingerprint


def forget_stored(draft: dict, store: Store) -> None:
    """The changes are saved or discarded: the stored draft goes."""
    if draft.get("token"):
        store.drafts.drop(draft["token"])
    draft["token"] = None
    draft.pop("persisted", None)
    draft.pop("restored_at", None)
    for picked_up in ("resumed_at", "claimed_from", "claimed_fp"):
        draft.pop(picked_up, None)
    if TOKEN in st.query_params:
        del st.query_params[TOKEN]


def mark_saved(draft: dict, doc: Document) -> None:
    token = draft.get("token")
    draft.update(from_document(doc))
    draft["token"] = token  # the caller forgets the stored draft
    for stale in ("conflict", "problems", "refused", "merge", "restored_at", "resumed_at"):
        draft.pop(stale, None)


def saved(key: str, draft: dict, doc: Document, store: Store) -> None:
    """The draft's changes are now version `doc`: the draft shows it, the kept draft
    goes, and the widgets are seeded from it again."""
    mark_saved(draft, doc)
    forget_stored(draft, store)
    reseed(key)


def normalised(kind: Kind, draft: dict) -> dict | None:
    """The draft as it would be stored, for comparing with the saved version."""
    try:
        content = kind.validate(draft["content"]).model_dump(mode="json")
    except InvalidDocument:
        return None
    meta = dict(draft["meta"])
    meta["title"] = (meta.get("title") or "").strip()
    meta["team"] = (meta.get("team") or "").strip()
    meta["coach_off"] = sorted(meta.get("coach_off") or [])
    return {"meta": meta, "content": content}


def is_dirty(kind: Kind, draft: dict) -> bool:
    now = normalised(kind, draft)
    if draft["saved"] is None:
        return now != normalised(kind, blank(kind))
    return now != draft["saved"]


# --- widgets <-> draft ---------------------------------------------------------------

META_KEYS = DocumentMeta.names()
LIST_KEYS = ("tags", "coach_allow")  # typed as comma-separated text (coach_off is a multiselect)


def meta_key(key: str, name: str) -> str:
    return widget_key(key, f"meta.{name}")


def seed_all(kind: Kind, key: str, draft: dict) -> None:
    """Write every widget's key, after `collect`: the draft's value where Streamlit holds
    none, else the value it holds (which the draft now holds too). Every run, not only
    when a key was dropped: Streamlit sends the value to the browser only in a run that
    writes the key, and a browser that draws the widget from a later run's message shows
    its default instead, then sends it back as the user's edit (sdmkit.ui.widget_base)."""
    for field in kind.fields():
        fields.seed(field, key, draft["content"])
    meta = draft["meta"]
    for name in META_KEYS:
        k = meta_key(key, name)
        shown = ", ".join(meta.get(name) or []) if name in LIST_KEYS else meta[name]
        st.session_state[k] = st.session_state.get(k, shown)


def collect(kind: Kind, key: str, draft: dict) -> None:
    """Copy what the user typed into the draft. Only widgets Streamlit holds a value for
    are read: one it dropped (not drawn last run) leaves the draft as it is."""
    for field in kind.fields():
        fields.collect(field, key, draft["content"])
    for name in META_KEYS:
        k = meta_key(key, name)
        if k in st.session_state:
            value = st.session_state[k]
            if name in LIST_KEYS:
                value = [t.strip() for t in (value or "").split(",") if t.strip()]
            draft["meta"][name] = value


def reseed(key: str) -> None:
    forget_widgets(key)
