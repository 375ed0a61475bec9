"""Drafts: what the user is typing, kept in session state until it is saved.

A draft outlives its widgets: Streamlit drops widget state when the user visits
another page, but the draft stays, and the widgets are seeded from it on return.
So no typed text is lost by switching pages, and none by a refused save."""

from __future__ import annotations

import copy

import streamlit as st

from sdmkit.document import Document, DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.kinds.base import Kind
from sdmkit.ui import fields as W
from sdmkit.ui.widget_base import forget_widgets, widget_key


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
    }


def blank(kind: Kind) -> dict:
    return {
        "doc_id": None,
        "base_version": None,
        "saved_at": None,
        "saved": None,
        "meta": DocumentMeta(status=kind.statuses[0]).to_dict(),
        "content": kind.blank().model_dump(mode="json"),
    }


def get(kind: Kind, doc_id: int | None, loader) -> dict:
    key = draft_key(kind, doc_id)
    if key not in st.session_state:
        st.session_state[key] = from_document(loader(doc_id)) if doc_id else blank(kind)
    return st.session_state[key]


def mark_saved(draft: dict, doc: Document) -> None:
    fresh = from_document(doc)
    draft.update(fresh)
    draft.pop("conflict", None)
    draft.pop("problems", None)


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
    """Give every widget that Streamlit does not hold a value for its value from the draft."""
    for field in kind.fields():
        W.seed(field, key, draft["content"])
    meta = draft["meta"]
    for name in META_KEYS:
        k = meta_key(key, name)
        if k not in st.session_state:
            st.session_state[k] = ", ".join(meta.get(name) or []) if name in LIST_KEYS else meta[name]


def collect(kind: Kind, key: str, draft: dict) -> None:
    """Copy what the user typed into the draft. Only widgets Streamlit holds a value for
    are read: one it dropped (not drawn last run) leaves the draft as it is."""
    for field in kind.fields():
        W.collect(field, key, draft["content"])
    for name in META_KEYS:
        k = meta_key(key, name)
        if k in st.session_state:
            value = st.session_state[k]
            if name in LIST_KEYS:
                value = [t.strip() for t in (value or "").split(",") if t.strip()]
            draft["meta"][name] = value


def reseed(key: str) -> None:
    forget_widgets(key)
