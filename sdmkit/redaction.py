"""Redaction for interview use: a workspace list of names and terms to replace
(people, internal services, customers), plus e-mail addresses, links, ticket ids
(of any case: PAY-2041 and cfg-8812), phone numbers, chat channels and handles replaced
automatically.

Only prose is rewritten. A document is redacted field by field through its kind's
model: text fields are redacted, while ids, time zones, dates, numbers and choices
(enums) are left as they are, so a redacted export still validates and imports.
The automatic patterns then run again on the final text of the export (outside HTML
tags and styles), so nothing a template adds slips through. An empty list is said
out loud (`warning`), never reported as a redaction that was applied."""

from __future__ import annotations

import calendar
import copy
import re
import types
import typing
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pydantic import BaseModel

SETTING = "redaction.terms"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\])\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|example|internal|corp)"
    r"(?:/[^\s<>\])\"']*)?",
    re.I,
)
# A ticket: letters (a project key, any case) then a hyphen and at least two digits:
# PAY-2041, cfg-8812, COE-2025-118. Not UTF-8, not a date (it starts with a digit).
TICKET = re.compile(r"\b[A-Za-z][A-Za-z0-9]{1,9}-\d{2,}(?:-\d+)*\b")
# A phone number: an optional +country code, then groups of digits split by spaces,
# dots, hyphens or brackets. Checked by _phone: 8 to 15 digits, and not a date.
PHONE = re.compile(r"(?<![\w.+/:-])(?:\+|\(0?\d)?\d[\d ().-]{6,}\d(?![\w/:-])")
# Dates, times and year ranges look like digit groups too: never a phone number.
_NOT_PHONE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|^\d{4} ?[-/] ?\d{4}$")
# A chat handle (@elena, @sam.k), not the @ of an e-mail address or of CSS.
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z][\w.-]{0,30}[\w]")
# A chat channel (#payments-help, #checkout-team): an internal name as telling as a
# service's. Not C#, a page's #fragment, an HTML entity (&#39;), a Markdown link to
# a heading ([Contents](#contents)), a heading ('# Title') or an issue number (#8812).
CHANNEL = re.compile(r"(?<![\w&#/])(?<!\]\()#[A-Za-z][\w.-]{0,40}\w")
# Content fields that are keys, not prose: never rewritten, or the document breaks.
KEYS = frozenset(
    {
        "id",
        "parent",
        "addresses",
        "zone",
        "time_zone",
        "holiday_country",
        "holiday_subdivision",
        "origin",
        "field",
        "unit",
        "period",
        "handoff_weekday",
        "pattern",
    }
)


@dataclass(frozen=True)
class Term:
    term: str
    replacement: str


def terms(store) -> list[Term]:
    return [
        Term(t["term"], t.get("replacement") or "[redacted]")
        for t in (store.setting(SETTING, []) or [])
        if (t.get("term") or "").strip()
    ]


def clean_terms(rows: list[dict]) -> list[dict]:
    """Rows of a list as they are kept: a term each, trimmed, '[redacted]' for a
    replacement left empty, blank rows dropped. Also what tells typing apart from
    the saved list, since both read the same once cleaned."""
    cells = [(_cell(r.get("term")), _cell(r.get("replacement"))) for r in rows]
    return [{"term": term, "replacement": replacement or "[redacted]"} for term, replacement in cells if term]


def _cell(value) -> str:
    """A table cell as text: an empty cell of a new row comes as None or NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def saved_terms(store) -> list[dict]:
    return clean_terms([{"term": t.term, "replacement": t.replacement} for t in terms(store)])


def set_terms(store, rows: list[dict]) -> None:
    store.set_setting(SETTING, clean_terms(rows))


def warning(rules: list[Term]) -> str:
    """What to tell the user before a redacted export, or '' when the list has names."""
    if rules:
        return ""
    return (
        "Your redaction list is empty: the people and internal services your documents name are replaced "
        "all the same, as are e-mail addresses, links, ticket ids, phone numbers, chat channels and handles, "
        "but no customer, company or other name is. Add those to hide under Story bank → Redaction."
    )


# Fields that hold a person in every kind (a COE's action item owner, a rotation's
# members, a PR/FAQ quote's speaker ...): a name, then perhaps ', role' or ' (role)'.
_PERSON_KEYS = frozenset({"owner", "owners", "authors", "person", "by_whom", "speaker"})
_NAMED_LISTS = frozenset({"members", "approvers"})


def _person(text: str) -> str:
    """'Amir Haddad, Director of ...' -> 'Amir Haddad'; a single word or a phrase is no name."""
    name = re.split(r"[,(;]", text, maxsplit=1)[0].strip()
    words = name.split()
    return name if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) else ""


def _people_in(value, key: str = "") -> list[str]:
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k in _NAMED_LISTS and isinstance(v, list):
                out += [_person(i.get("name") or "") for i in v if isinstance(i, dict)]
            out += _people_in(v, k)
    elif isinstance(value, list):
        for v in value:
            out += _people_in(v, key)
    elif isinstance(value, str) and key in _PERSON_KEYS:
        out.append(_person(value))
    return [n for n in out if n]


def _services_in(content: dict) -> list[str]:
    """The internal service names a document lists: a COE's services ('payments-api'),
    a charter's owned services. Internal names tell an outsider the architecture."""
    out = []
    for service in (content or {}).get("services") or []:
        name = service.get("name") if isinstance(service, dict) else service
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def _unlisted(store, find, rules: list[Term] | None, documents) -> list[str]:
    rules = terms(store) if rules is None else rules
    listed = [r.term.lower() for r in rules]
    counts: dict[str, int] = {}
    docs = documents if documents is not None else store.iter_documents()
    for doc in docs:
        for name in find(doc.content):
            counts[name] = counts.get(name, 0) + 1
    return sorted(
        (n for n in counts if not any(t in n.lower() for t in listed)), key=lambda n: (-counts[n], n)
    )


def applied_terms(store, documents, extras: Sequence[dict | None] = ()) -> list[Term]:
    """What a redacted export of these documents replaces: the list, then every person
    and internal service the documents (and what they borrow from the workspace,
    `extras`: a charter's rotation) name that the list does not, as [name] and
    [service]. A switch called Redact that left every name in until each was listed
    by hand was trusted, and sent; a name typed in prose only (a customer, the
    company) still takes the list."""
    rules = terms(store)
    found = [*documents, *(types.SimpleNamespace(content=x) for x in extras if x)]
    people = _unlisted(store, _people_in, rules, found)
    services = _unlisted(store, _services_in, rules, found)
    return [*rules, *(Term(n, "[name]") for n in people), *(Term(n, "[service]") for n in services)]


def unlisted_people(store, rules: list[Term] | None = None, documents=None) -> list[str]:
    """The people the documents name in their people fields (owners, authors, members,
    approvers, speakers ...) that the redaction list does not replace, most named
    first: what a redacted export replaces as [name] without the list's say."""
    return _unlisted(store, _people_in, rules, documents)


def unlisted_services(store, rules: list[Term] | None = None, documents=None) -> list[str]:
    """The internal service names the documents list (a COE's services, a charter's
    owned services) that the redaction list does not replace, most listed first."""
    return _unlisted(store, _services_in, rules, documents)


# A capitalised word between lower-case words ('every Northwind checkout', 'sell on
# Northwind.'): a name in running prose. At the start of a sentence or inside a title
# ('Checkout Experience team') a capital says nothing, so those are not read.
# A name of several words is read whole ('Seller Central', 'Kettle & Co.').
_PROSE_NAME = re.compile(
    r"\b[a-z]{2,} ([A-Z][a-z]+(?:[A-Z][a-z]*)*(?: (?:& )?(?:(?:Co|Ltd|Inc)\.|[A-Z][a-z]+))*)"
    r"(?= [a-z]|[,.;:!?)]|$)"
)
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


@lru_cache(maxsize=1)
def _never_names() -> frozenset[str]:
    """Capitalised words that name no one: months and weekdays (and their plurals),
    the places of the time-zone database (Dublin, Los Angeles) a rotation must keep,
    and the words of the Leadership Principles a story is tagged with."""
    # here, not at the top: the interview bank is read only when names are looked for
    from sdmkit.interview import PRINCIPLES

    words = {w for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name) if w}
    words |= {w + "s" for w in calendar.day_name}
    words |= {part for z in zoneinfo.available_timezones() for part in re.split(r"[/_]", z)}
    words |= {w for p in PRINCIPLES for w in p.split()}
    return frozenset(words)


def unlisted_names(store, rules: list[Term] | None = None, documents=None) -> list[str]:
    """Other names the documents use in their prose and the list does not replace: a
    capitalised word or run of words ('Northwind', 'Seller Central') with a word never
    written in lower case anywhere in them ('Checkout' is), found in two documents or
    three times or where a person is introduced ('Jana Novak, owner of Kettle & Co.'),
    and holding no person's name, listed service, month, weekday or time-zone place. Perhaps the company,
    a customer or a product: sdmkit cannot tell which are sensitive, so these are
    offered to check, never added on their own. Most documents first."""
    # here, not at the top: the store package brings SQLAlchemy, which redacting a text does not need
    from sdmkit.store.search import content_texts

    rules = terms(store) if rules is None else rules
    listed = [r.term.lower() for r in rules]
    lower: set[str] = set()
    found: dict[str, set[int]] = {}
    mentions: dict[str, int] = {}
    known = set(_never_names())
    # named where a person is introduced ('Jana Novak, owner of Kettle & Co. in Leipzig'):
    # the customer's business, offered however rarely it is named
    introduced: set[str] = set()
    docs = documents if documents is not None else store.iter_documents()
    for n, doc in enumerate(docs):
        people = _people_in(doc.content)
        known |= {w for name in people for w in name.split()}
        known |= {w for name in _services_in(doc.content) for w in re.split(r"[\s-]+", name)}
        for text in (doc.title, *content_texts(doc.content)):
            text = scrub(text)  # 'priya@northwind.example' does not make 'northwind' a word
            lower.update(_LOWER_WORD.findall(text))
            affiliation = any(text.startswith(f"{name},") for name in people)
            for m in _PROSE_NAME.finditer(text):
                found.setdefault(m.group(1), set()).add(n)
                mentions[m.group(1)] = mentions.get(m.group(1), 0) + 1
                if affiliation:
                    introduced.add(m.group(1))

    def a_name(run: str) -> bool:
        # some word of it never written in lower case, and none a person's, month's or place's
        words = re.findall(r"[A-Za-z]+", run)
        return any(w.lower() not in lower for w in words) and not any(w in known for w in words)

    names = [
        w
        for w, where in found.items()
        if (len(where) >= 2 or mentions[w] >= 3 or w in introduced)
        and a_name(w)
        and not any(t in w.lower() or w.lower() in t.split() for t in listed)
    ]
    return sorted(names, key=lambda w: (-len(found[w]), -mentions[w], w))


def first_few(names: list[str], n: int = 12) -> str:
    """'Aisha Bello, Mei Chen and 13 more': a warning names a few, and counts the rest
    (a trailing '…' before the sentence's full stop read as '….')."""
    if len(names) <= n:
        return ", ".join(names)
    return f"{', '.join(names[:n])} and {len(names) - n} more"


def export_notices(store, documents) -> list[tuple[str, bool]]:
    """What to tell the user before a redacted export of these documents: an empty
    list, and the people, services and other names they use that the list does not
    replace; each with whether it warns (a name the export would show) or informs
    (names replaced all the same). The app says them beside its export buttons."""
    rules = terms(store)
    said = [(w, True)] if (w := warning(rules)) else []
    for found, noun, nouns, verb, replacement, flag in (
        (unlisted_people(store, rules, documents), "person", "people", "named", "name", "--people"),
        (
            unlisted_services(store, rules, documents),
            "internal service name",
            "internal service names",
            "listed",
            "service",
            "--services",
        ),
    ):
        if found:
            said.append(
                (
                    f"{len(found)} {noun if len(found) == 1 else nouns} {verb} in the exported documents "
                    f"{'is' if len(found) == 1 else 'are'} not on the redaction list, and replaced as "
                    f"[{replacement} 1], [{replacement} 2] … all the same: {first_few(found)}. Add them under "
                    "Story bank → Redaction to keep their numbers from one export to the next, or with "
                    f"`sdmkit stories redaction add {flag}`.",
                    False,
                )
            )
    if names := unlisted_names(store, rules, documents):
        shown = first_few(names)
        said.append(
            (
                f"Other names the exported documents use and the redaction list does not replace: {shown}. "
                "Perhaps your company, a customer or a product: add the ones to hide under Story bank → "
                "Redaction, or with `sdmkit stories redaction add NAME --as '[company]'`.",
                True,
            )
        )
    return said


def before_export(store, documents) -> list[str]:
    """export_notices' texts, for the command line's stderr."""
    return [text for text, _ in export_notices(store, documents)]


def _phone(m: re.Match) -> str:
    text = m.group(0)
    digits = sum(c.isdigit() for c in text)
    if not 8 <= digits <= 15 or _NOT_PHONE.search(text.strip()):
        return text
    if not text.startswith(("+", "(")) and not re.search(r"\d[ ./-]\d", text):
        return text  # one run of digits is a figure, not a phone number
    return "[phone]"


def scrub(text: str) -> str:
    """The automatic replacements alone: e-mails, links, tickets, phones, channels, handles."""
    if not text:
        return text
    text = EMAIL.sub("[email]", text)
    text = URL.sub("[link]", text)
    text = TICKET.sub("[ticket]", text)
    text = PHONE.sub(_phone, text)
    text = CHANNEL.sub("[channel]", text)
    return HANDLE.sub("[handle]", text)


def _words(term: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.I)


def told_apart(rules: Sequence[Term]) -> list[Term]:
    """The rules as an export applies them: terms that share a replacement are
    numbered in the order of the list ('[name 1]', '[name 2]'), so a redacted
    document still tells its people apart. With one '[name]' for everyone, a
    rotation's members become one person, on leave whenever any of them is, and the
    schedule computed from it says nobody is on call; a timeline no longer says who
    did what. A term inside another of the same replacement ('Priya' in 'Priya
    Raman') names the same person, and takes the same number."""
    groups: dict[str, list[Term]] = {}
    for t in rules:
        groups.setdefault(t.replacement, []).append(t)
    numbered: dict[Term, str] = {}
    for replacement, group in groups.items():
        seen: list[tuple[str, int]] = []  # (term, its number)
        for t in group:
            same = next(
                (n for other, n in seen if _words(t.term).search(other) or _words(other).search(t.term)),
                None,
            )
            seen.append((t.term, same or 1 + max((n for _, n in seen), default=0)))
        if len({n for _, n in seen}) > 1:
            for t, (_, n) in zip(group, seen, strict=True):
                numbered[t] = (
                    f"{replacement[:-1]} {n}]" if replacement.endswith("]") else f"{replacement} {n}"
                )
    return [replace(t, replacement=numbered.get(t, t.replacement)) for t in rules]


@lru_cache(maxsize=16)
def _plan(rules: tuple[Term, ...]) -> tuple[tuple[re.Pattern, str], ...]:
    """What redact_text replaces, in order: longest term first, so 'Priya Raman' goes
    before 'Priya'. Worked out once per list, not once per field."""
    applied = told_apart(rules)
    ordered = sorted(applied, key=lambda t: len(t.term), reverse=True)
    # A replacement is inserted as it is: '\1' or '\g<0>' in it is text, not a group.
    plan = [(_words(t.term), t.replacement.replace("\\", "\\\\")) for t in ordered]
    return tuple(plan + _first_names(rules, applied))


_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){1,3}")


def _first_names(rules: Sequence[Term], applied: Sequence[Term]) -> list[tuple[re.Pattern, str]]:
    """A person on the list as '[name]' is also replaced by their first name alone,
    written with its capital ('Aisha at a school event' named Aisha Bello in a redacted
    rotation): prose calls colleagues by their first names. Only for the '[name]'
    rules (a team or a product is no person), only a first name the list does not hold
    already, and a first name two listed people share takes the plain '[name]', since
    its number would say which one."""
    people = [
        (t, a)
        for t, a in zip(rules, applied, strict=True)
        if t.replacement.startswith("[name") and _PERSON_NAME.fullmatch(t.term.strip())
    ]
    listed = {t.term.strip().lower() for t in rules}
    firsts: dict[str, list[str]] = {}
    for t, a in people:
        first = re.split(r"[ -]", t.term.strip(), maxsplit=1)[0]
        if len(first) >= 3 and first.lower() not in listed:
            firsts.setdefault(first, []).append(a.replacement)
    out = []
    for first, replacements in firsts.items():
        replacement = replacements[0] if len(set(replacements)) == 1 else "[name]"
        # Case-sensitive: 'Grace' the colleague, not 'grace' the word.
        out.append((re.compile(rf"(?<!\w){re.escape(first)}(?!\w)"), replacement.replace("\\", "\\\\")))
    return out


def redact_text(text: str, rules: Sequence[Term]) -> str:
    if not text:
        return text
    # Addresses first: a listed name inside one ('dashboards.northwind.example') would
    # otherwise break it up, and the rest of the address would survive.
    text = URL.sub("[link]", EMAIL.sub("[email]", text))
    for pattern, replacement in _plan(tuple(rules)):
        text = pattern.sub(replacement, text)
    return scrub(text)


def redact_value(value, rules, key: str = ""):
    """Every prose string inside a structure of dicts, lists and tuples, redacted
    (keys such as ids and time zones left alone)."""
    if key in KEYS:
        return value
    if isinstance(value, str):
        return redact_text(value, rules)
    if isinstance(value, list | tuple):
        return type(value)(redact_value(v, rules, key) for v in value)
    if isinstance(value, dict):
        return {k: redact_value(v, rules, k) for k, v in value.items()}
    return value


def _typed(tp, value, rules, key: str):
    """Redact a value by the type its model declares: only str fields are prose."""

    if key in KEYS or value is None:
        return value
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return value  # a choice: 'open', 'mitigation', 'weekly'
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                return _typed(arg, value, rules, key)
        return value
    if origin in (list, tuple) and isinstance(value, list):
        args = typing.get_args(tp)
        return [_typed(args[0] if args else str, v, rules, key) for v in value]
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(value, dict):
        return _model(tp, value, rules)
    if tp is str and isinstance(value, str):
        return redact_text(value, rules)
    return value  # dates, numbers, booleans


def _model(model, data: dict, rules) -> dict:
    fields = model.model_fields
    return {k: _typed(fields[k].annotation, v, rules, k) if k in fields else v for k, v in data.items()}


def redact_content(kind, content: dict, rules: list[Term]) -> dict:
    return _model(kind.model, copy.deepcopy(content or {}), rules)


def redact(doc, rules: list[Term]):
    """A redacted copy of a document: title, team, tags and the prose of its content."""
    meta = doc.meta.replace(
        title=redact_text(doc.title, rules),
        team=redact_text(doc.team, rules),
        tags=[redact_text(t, rules) for t in doc.tags],
    )
    return replace(doc, meta=meta, content=redact_content(doc.kind_spec, doc.content, rules))


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_HTML_SKIP = re.compile(r"(<style\b.*?</style>|<script\b.*?</script>|<[^>]*>)", re.S | re.I)


_COMMENT = re.compile(r"(<!--.*?-->)", re.S)


def final_markdown(md: str) -> str:
    """The automatic patterns on a Markdown export's text. The front matter and the
    record kept in an HTML comment were redacted field by field and stay valid (a
    '[link]' put into YAML would read back as a list), so they are left alone."""
    m = _FRONT.match(md)
    head, body = (md[: m.end()], md[m.end() :]) if m else ("", md)
    parts = _COMMENT.split(body)
    return head + "".join(p if i % 2 else scrub(p) for i, p in enumerate(parts))


# A replacement of a few words in brackets ('[name 2]', '[redacted name]'): kept on one
# line, since a narrow column (an action item's owner) broke '[name' from '2]'.
_PLACEHOLDER = re.compile(r"\[[^\[\]<>&\s]{1,22} [^\[\]<>&\s]{1,22}\]")


def _unbroken(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: f'<span class="redacted">{m.group(0)}</span>', text)


def final_html(html: str) -> str:
    """The automatic patterns on an HTML export's text, outside tags, styles and
    scripts (CSS has its own @ rules; a chart is a data: image in a tag), and each
    bracketed replacement held on one line (document.css, .redacted)."""
    # Not in the head: a <title> is plain text, where a span would show as written.
    cut = html.find("<body")
    head, body = (html[:cut], html[cut:]) if cut >= 0 else ("", html)
    parts = _HTML_SKIP.split(head)
    out = "".join(p if i % 2 else scrub(p) for i, p in enumerate(parts))
    parts = _HTML_SKIP.split(body)
    return out + "".join(p if i % 2 else _unbroken(scrub(p)) for i, p in enumerate(parts))
