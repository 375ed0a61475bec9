"""The layout of an exported Markdown file: a document first, its data out of sight.

    ---
    kind: coe
    title: Card payments failed for 47 minutes
    team: Payments Platform
    status: approved
    tags: [payments]
    ---

    # Card payments failed for 47 minutes
    ...the document as a reader sees it on GitHub or in an editor...

    <!-- sdmkit-data
    {"sdmkit": 1, "sections": [["", "3f2a..."], ["Summary", "9b1c..."], ...],
     "document": {...the whole interchange record...}}
    -->

The short front matter is what a reader sees first; the data block at the end, an HTML
comment that no Markdown renderer shows, carries the whole document so export then
import gives it back exactly. It also records a fingerprint of each section of the
text, so a file whose text was edited after export is reported, section by section,
instead of its edits being silently dropped on import."""

from __future__ import annotations

import hashlib
import json
import re

import yaml

from sdmkit.errors import SdmkitError

FENCE = "---"
DATA_OPEN = "<!-- sdmkit-data"
DATA_CLOSE = "-->"
FORMAT = 1
SHORT_FIELDS = ("kind", "title", "team", "status", "tags")

_SECTION = re.compile(r"^## (.*)$", re.M)


class EditedAfterExport(SdmkitError):
    """The text of an exported file was changed; sdmkit imports the data block only.

    `sections` names the sections whose text differs; `data` is the record in the data
    block, for a caller that lets the user import it anyway."""

    def __init__(self, message: str, sections: list[str], data: dict):
        super().__init__(message)
        self.sections = sections
        self.data = data


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, fingerprint) per `## ` section; the part before the first is named ''.
    Line endings and trailing spaces do not count: editors change them unasked."""
    text = "\n".join(_lines(body)).strip("\n")
    starts = [(m.start(), m.group(1).strip()) for m in _SECTION.finditer(text)]
    bounds = [(0, "")] + starts
    out = []
    for i, (start, heading) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        chunk = text[start:end].strip("\n")
        if heading == "" and not chunk:
            continue
        out.append((heading, hashlib.sha256(chunk.encode("utf-8")).hexdigest()[:16]))
    return out


def _data_json(record: dict) -> str:
    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=False)
    # Inside an HTML comment "--" may end it early ("-->", "--!>") and "<" or ">" could
    # read as markup to a careless renderer; \u escapes are the same characters to a
    # JSON reader, and outside strings JSON has none of them.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("--", "-\\u002d")


def write(record: dict, body: str) -> str:
    """The whole file: short front matter, the readable body, the data block."""
    short = {k: record[k] for k in SHORT_FIELDS if k in record}
    front = yaml.safe_dump(short, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    data = {"sdmkit": FORMAT, "sections": [list(s) for s in sections(body)], "document": record}
    body = body.rstrip("\n") + "\n"
    return f"{FENCE}\n{front}{FENCE}\n\n{body}\n{DATA_OPEN}\n{_data_json(data)}\n{DATA_CLOSE}\n"


def _split_front_matter(text: str, source: str) -> tuple[str, str]:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise SdmkitError(
            f"{source}: no front matter: export the document with `sdmkit export --format md` "
            "or write YAML between two '---' lines at the top"
        )
    for i, line in enumerate(lines[1:], 1):
        # Only a '---' at the very start of a line closes it: an indented one belongs to
        # a multi-line value.
        if line.rstrip() == FENCE:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :])
    raise SdmkitError(f"{source}: front matter is not closed by a '---' line at the start of a line")


def _split_data(rest: str, source: str) -> tuple[str, dict | None]:
    at = rest.rfind("\n" + DATA_OPEN + "\n")
    if at < 0 and rest.startswith(DATA_OPEN + "\n"):
        at = -1
    elif at < 0:
        return rest, None
    block = rest[at + 1 + len(DATA_OPEN) + 1 :]
    end = block.find("\n" + DATA_CLOSE)
    if end < 0:
        raise SdmkitError(f"{source}: the sdmkit data block at the end is not closed by '-->'")
    try:
        data = json.loads(block[:end])
    except json.JSONDecodeError as exc:
        raise SdmkitError(
            f"{source}: the sdmkit data block at the end is damaged (line {exc.lineno}: {exc.msg}); "
            "export the document again"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
        raise SdmkitError(f"{source}: the sdmkit data block at the end holds no document")
    return rest[: max(at, 0)], data


def read(text: str, source: str = "") -> dict:
    """The interchange record of a Markdown file: the data block when there is one (the
    front matter's five fields win, being what a reader can see and edit), else the
    front matter alone (a hand-written file, or one exported before the data block)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front_text, rest = _split_front_matter(text, source)
    front = yaml.safe_load(front_text) if front_text.strip() else {}
    body, data = _split_data(rest, source)
    if data is None:
        if isinstance(front, dict) and "content" not in front and body.strip():
            # Text with nothing to carry its data: importing would keep only the title.
            raise SdmkitError(
                f"{source}: the sdmkit data block at the end of the file is missing, so the text "
                "cannot be imported; export the document again, or put its content in the front matter"
            )
        return front if front is not None else {}
    if not isinstance(front, dict):
        raise SdmkitError(f"{source}: the front matter is not a list of 'name: value' lines")
    record = dict(data["document"])
    record.update({k: front[k] for k in SHORT_FIELDS if k in front})
    _check_body(body, data, record, source)
    return record


def _label(heading: str) -> str:
    return f"'{heading}'" if heading else "the opening lines"


def _check_body(body: str, data: dict, record: dict, source: str) -> None:
    recorded = [tuple(s) for s in data.get("sections") or []]
    now = sections(body)
    if now == recorded:
        return
    names_then = {h for h, _ in recorded}
    names_now = {h for h, _ in now}
    then_prints = dict(recorded)
    changed = [h for h, f in now if h in names_then and then_prints[h] != f]
    added = list(names_now - names_then)
    removed = [h for h, _ in recorded if h not in names_now]
    parts = []
    if changed:
        parts.append("changed " + ", ".join(_label(h) for h in changed))
    if added:
        parts.append("added " + ", ".join(_label(h) for h in sorted(added)))
    if removed:
        parts.append("removed " + ", ".join(_label(h) for h in removed))
    if not parts:
        parts.append("reordered the sections")
    raise EditedAfterExport(
        f"{source}: the text was edited after export ({'; '.join(parts)}). sdmkit imports the data "
        "block at the end of the file, so these edits would be lost: make them in sdmkit (or in a "
        "JSON export) and export again.",
        changed + sorted(added) + removed,
        record,
    )
