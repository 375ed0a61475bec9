"""Mining: every document whose kind can tell a story becomes STAR drafts.

Deterministic and offline: the same documents give the same drafts. Each draft
remembers its origin (document and slot), the document version it came from and
the text it generated. Re-mining skips documents whose version it has already
mined; for a changed document it updates stories nobody edited and keeps the ones
the user rewrote."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sdmkit import collector
from sdmkit.document import Document, DocumentMeta
from sdmkit.registry import all_kinds
from sdmkit.stories.sources import document_text

MINED = "stories.mined_versions"  # setting: {document id: version mined}


@dataclass
class MineReport:
    documents: int = 0
    skipped: int = 0  # unchanged since the last mining
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "unchanged_documents": self.skipped,
            "created": self.created,
            "updated": self.updated,
            "kept": self.kept,
        }


def star_text(content: dict) -> str:
    return "\n".join(content.get(k) or "" for k in ("situation", "task", "action", "result"))


def fingerprint(text: str) -> str:
    """What a story remembers of the text mining wrote: a digest, not a second copy of
    the story (every byte of a story is written twice, to the document and its revision)."""

    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def untouched(content: dict) -> bool:
    """Whether the user left the mined text as it was (older stories kept the text itself)."""
    generated = content.get("generated", "")
    text = star_text(content)
    return (fingerprint(text) if generated.startswith("sha256:") else text) == generated


def _cited(content: dict, source_text: str) -> list[str]:
    """The figures a draft lists: those its grounded sentences say, as the source
    says them (the miner found them there), and that the source document's text holds."""
    return [f for f in content.get("numbers") or [] if f in source_text][:6]


def _principles_kept(old: dict, fresh: dict) -> dict:
    """The principles of a re-mined story: the fresh proposals without those the user
    took off (now or before), plus those the user added by hand."""
    current = [p for p in old.get("principles") or [] if p.get("principle")]
    names = {p["principle"] for p in current}
    rejected = set(old.get("rejected_principles") or []) | (set(old.get("proposed_principles") or []) - names)
    proposed = set(old.get("proposed_principles") or [])
    added = [p for p in current if p["principle"] not in proposed]
    kept = [p for p in fresh.get("principles") or [] if p["principle"] not in rejected]
    kept += [p for p in added if p["principle"] not in {k["principle"] for k in kept}]
    return {"principles": kept, "rejected_principles": sorted(rejected)}


def mine_all(store, progress: Callable[[int, int], None] | None = None) -> MineReport:
    with collector.paused():  # mining makes many short-lived objects: see sdmkit.collector
        return _mine_all(store, progress)


def _mine_all(store, progress: Callable[[int, int], None] | None) -> MineReport:
    kinds = {k.id: k for k in all_kinds() if k.mine is not None}
    mined: dict[str, int] = dict(store.setting(MINED, {}) or {})
    versions = store.versions(kinds)  # ids and versions only: an unchanged workspace costs one query
    changed = {i for i, v in versions.items() if mined.get(str(i)) != v}
    report = MineReport(documents=len(versions), skipped=len(versions) - len(changed))
    if not changed:
        if progress:
            progress(len(versions), len(versions))
        return report
    stories = {
        d.content.get("origin"): d for d in store.iter_documents(kind="story") if d.content.get("origin")
    }
    docs = [d for kid in kinds for d in store.iter_documents(kind=kid) if d.id in changed]
    pending: list[Document] = []  # new stories, written together: one transaction, not one each
    notes: list[str] = []
    for i, doc in enumerate(docs, 1):
        if progress:
            progress(i, len(docs))
        kind = kinds[doc.kind]
        mine = kind.mine
        if mine is None:  # kinds holds only the kinds that mine; this tells mypy so
            continue
        source_text = document_text(doc)
        for slot, title, content in mine(doc, kind.validate(doc.content)):
            origin = f"{doc.id}:{slot}"
            fresh = {
                **content,
                "numbers": _cited(content, source_text),
                "origin": origin,
                "origin_version": doc.version,
                "generated": fingerprint(star_text(content)),
                "proposed_principles": [p["principle"] for p in content.get("principles") or []],
            }
            existing = stories.get(origin)
            if existing is None:
                meta = DocumentMeta(title=title[:300], team=doc.team, tags=("mined", doc.kind, *doc.tags))
                pending.append(Document(id=None, kind="story", meta=meta, content=fresh))
                notes.append(f"mined from document {doc.id} version {doc.version}")
            elif not untouched(existing.content):
                report.kept.append(existing.id)  # the user rewrote it: theirs stands
            elif (
                fresh["generated"] != existing.content.get("generated")
                or existing.content.get("origin_version") != doc.version
            ):
                keep = {
                    k: existing.content.get(k) for k in ("practice_count", "last_practised", "follow_ups")
                }
                keep.update(_principles_kept(existing.content, fresh))
                saved = store.update(
                    existing.with_content({**fresh, **keep}),
                    note=f"re-mined from document {doc.id} version {doc.version}",
                )
                report.updated.append(saved.id)
        mined[str(doc.id)] = doc.version
        if len(pending) >= 500:
            report.created += store.create_many(pending, notes=notes)
            pending, notes = [], []
    if pending:
        report.created += store.create_many(pending, notes=notes)
    store.set_setting(MINED, mined)
    return report
