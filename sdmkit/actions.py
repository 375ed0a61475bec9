"""Action items across documents: every open item from every document whose kind
carries action items (COEs now; metric reviews later), and marking one done, which
saves a new revision of its document."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sdmkit import clock
from sdmkit.errors import SdmkitError
from sdmkit.registry import all_kinds, get_kind


def is_overdue(item: dict, today: date) -> bool:
    """An action item (as a kind's reader gives it) still open after its due date:
    this page and Home's attention list both count by this."""
    return item["status"] == "open" and item["due"] is not None and item["due"] < today


@dataclass(frozen=True)
class ActionRef:
    doc_id: int
    doc_version: int
    doc_title: str
    kind: str
    team: str
    index: int  # from 1, within its document
    what: str
    owner: str
    due: date | None
    status: str
    priority: str
    ticket: str

    def overdue(self, today: date) -> bool:
        return is_overdue({"status": self.status, "due": self.due}, today)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["due"] = self.due.isoformat() if self.due else None
        return data


def _kinds_with_actions() -> list[str]:
    return [k.id for k in all_kinds() if k.action_items is not None]


def action_items(
    store,
    *,
    owner: str | None = None,
    team: str | None = None,
    overdue: bool = False,
    include_closed: bool = False,
    today: date | None = None,
) -> list[ActionRef]:
    """Open action items (all of them with include_closed), most urgent first: overdue, then by due date."""
    today = today or clock.today()
    owner_q = (owner or "").strip().lower()
    out: list[ActionRef] = []
    for kind_id in _kinds_with_actions():
        kind = get_kind(kind_id)
        read = kind.action_items
        if read is None:
            continue
        for doc in store.iter_documents(kind=kind_id):
            if team and doc.team != team:
                continue
            for item in read(kind.validate(doc.content)):
                ref = ActionRef(
                    doc.id,
                    doc.version,
                    doc.title,
                    kind_id,
                    doc.team,
                    item["index"],
                    item["what"],
                    item["owner"],
                    item["due"],
                    item["status"],
                    item["priority"],
                    item["ticket"],
                )
                if not include_closed and ref.status != "open":
                    continue
                if owner_q and owner_q not in ref.owner.lower():
                    continue
                if overdue and not ref.overdue(today):
                    continue
                out.append(ref)
    out.sort(key=lambda r: (r.due is None, r.due or date.max, r.doc_id, r.index))
    return out


def set_status(store, doc_id: int, index: int, status: str, *, base_version: int | None = None):
    """Set one action item's status; a new revision of its document, refused if stale."""
    doc = store.get(doc_id)
    kind = get_kind(doc.kind)
    if kind.set_action_status is None:
        raise SdmkitError(f"document {doc_id} is a {kind.noun}, which has no action items")
    try:
        content = kind.set_action_status(doc.content, index, status)
    except ValueError as exc:
        raise SdmkitError(f"document {doc_id}: {exc}") from None
    return store.save(
        doc.id,
        base_version if base_version is not None else doc.version,
        content,
        doc.meta,
        note=f"action item {index} marked {status}",
    )
