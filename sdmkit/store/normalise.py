"""What a save may write: a document's content and metadata checked and made whole
(a title made from the content, the first status, tags without repeats), or refused
with every problem named by its field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sdmkit.document import Document, DocumentMeta, shorten
from sdmkit.errors import FieldProblem, InvalidDocument
from sdmkit.registry import get_kind  # names the kinds; loads one on first use
from sdmkit.store.limits import check_row, check_value, storable_input, text_limit
from sdmkit.store.tables import DOCUMENTS

# How long a title and a team name may be: the editor's boxes stop there while typing.
TITLE_CHARS = text_limit(DOCUMENTS, "title")
TEAM_CHARS = text_limit(DOCUMENTS, "team")


def clean_tags(tags: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for t in tags or ():
        t = str(t).strip()
        if t and t not in seen:
            seen.append(t)
    return seen


def normalise(
    kind_id: str,
    content: dict[str, Any] | None,
    meta: DocumentMeta = DocumentMeta(),
    *,
    built: bool = False,
) -> Document:
    """Validate everything a save would write; raises InvalidDocument naming each field.

    `built`: the content was built by sdmkit from stored documents (a mined story), not
    handed over by a user or a file, so its raw value is not checked before the model
    reads it; what the model would write is checked all the same, below."""
    kind = get_kind(kind_id)
    # What any database can store (no NUL, finite numbers), checked on the raw value
    # before the model sees it, so a file's bad value is named as the file has it;
    # see store.limits.
    problems = storable_input(meta, None if built else content)
    if problems:
        raise InvalidDocument(problems)
    model = kind.validate(content)
    stored = model.model_dump(mode="json")
    # The model can turn an input into a value no database keeps exactly (9e15 as a
    # float becomes a whole number past 2**53): checked again on what would be written,
    # so reading a file and importing it refuse the same files.
    problems = check_value(stored, "content")
    if problems:
        raise InvalidDocument(problems)
    title = (meta.title or "").strip()
    if not title:
        # Made from the document (a story's question, a team's name): shortened to fit,
        # since the writer typed no title that could be refused.
        title = kind.title_of(model).strip()
        if not title:
            derived_team = kind.team_of(model)
            title = f"{derived_team} {kind.label.lower()}".strip() if derived_team else ""
        title = shorten(title, TITLE_CHARS)
    if not title:
        named_by = f"content.{kind.title_field}" if kind.title_field else "title"
        problems.append(FieldProblem(named_by, "is required"))
    elif len(title) > TITLE_CHARS:
        problems.append(
            FieldProblem("title", f"at most {TITLE_CHARS} characters (this one has {len(title)})")
        )
    status = meta.status or kind.statuses[0]
    if status not in kind.statuses:
        problems.append(FieldProblem("status", f"'{status}' is not one of: {', '.join(kind.statuses)}"))
    if problems:
        raise InvalidDocument(problems)
    team = (meta.team.strip() if meta.team and meta.team.strip() else kind.team_of(model) or "").strip()
    problems = check_row(DOCUMENTS, {"title": title, "team": team, "status": status})
    if problems:
        raise InvalidDocument(problems)
    return Document(
        id=None,
        kind=kind_id,
        meta=meta.replace(
            title=title,
            team=team,
            status=status,
            tags=clean_tags(meta.tags),
            coach_off=sorted(set(meta.coach_off)),
            coach_allow=clean_tags(meta.coach_allow),
        ),
        content=stored,
    )
