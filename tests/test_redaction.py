"""Redaction for interview use, and the portfolio."""

from __future__ import annotations

import io
import re

import pytest

from sdmkit.export import render_from
from sdmkit.portfolio import portfolio_markdown, portfolio_pdf
from sdmkit.redaction import Term, redact_text, set_terms, terms
from sdmkit.stories.mine import mine_all

NAMES = ["Priya Raman", "Tomasz Nowak", "Northwind", "payments-api", "Jana Novak"]


def test_redact_text_replaces_names_emails_urls_and_tickets():
    rules = []  # no terms: only the automatic replacements
    text = "Mail priya@northwind.example, see https://dash.example/x and PAY-2041, or www.corp.example/a."
    out = redact_text(text, rules)
    assert "@" not in out and "http" not in out and "PAY-2041" not in out and "www." not in out
    assert out.count("[email]") == 1 and out.count("[ticket]") == 1


def test_the_automatic_patterns_catch_lower_case_tickets_phones_and_handles():
    text = "Ask @elena or call +49 30 5550 1001 / (030) 5550-1002 about cfg-8812 and srch-601."
    out = redact_text(text, [])
    assert out == "Ask [handle] or call [phone] / [phone] about [ticket] and [ticket]."
    # Figures, dates, times, versions and year ranges are not phone numbers or tickets.
    kept = "On 2026-10-14 at 14:10, 18,400 checkouts (0.4%) for 2025-2026 on 8.14.1 and UTF-8, 09:00-16:00."
    assert redact_text(kept, []) == kept


def test_chat_channels_are_replaced_and_what_only_looks_like_one_is_not():
    """'#payments-help (questions) and the PAY intake queue': a charter's intake channel
    printed in every redacted pack, though the Redaction tab said chat names go."""
    text = "Ask in #payments-help or #checkout-team.ops first."
    assert redact_text(text, []) == "Ask in [channel] or [channel] first."
    kept = "In C# and F#, issue #8812, see [Contents](#contents), page#intro, &#39; and # Title."
    assert redact_text(kept, []) == kept


def test_a_listed_name_inside_an_address_does_not_leave_half_of_it():
    out = redact_text(
        "See https://dashboards.northwind.example/payments/5xx?x=1 or ana@northwind.example.",
        [Term("Northwind", "[name]")],
    )
    assert out == "See [link] or [email]."


def test_an_empty_list_is_a_warning_not_a_claim(sqlite_store):
    from sdmkit.redaction import warning

    assert "empty" in warning(terms(sqlite_store))
    set_terms(sqlite_store, [{"term": "Priya Raman", "replacement": "the manager"}])
    assert warning(terms(sqlite_store)) == ""


def test_redaction_rewrites_prose_only_and_the_export_still_validates(sqlite_store):
    """Ids, zones, dates and choices are never rewritten, even when a listed term is
    one of them: the redacted JSON and Markdown import again."""
    from sdmkit.examples import load_examples
    from sdmkit.interchange import parse_text

    load_examples(sqlite_store)
    # 'w1' (a why's id), 'Europe' (in a time zone) and 'open' (a status) on the list on purpose.
    set_terms(sqlite_store, [{"term": n, "replacement": "[name]"} for n in [*NAMES, "w1", "Europe", "open"]])
    for doc in sqlite_store.iter_documents():
        for fmt, suffix in (("json", ".json"), ("md", ".md")):
            text = render_from(sqlite_store, doc, fmt, redacted=True).decode()
            back = parse_text(text, suffix)  # validates the content through the kind's model
            assert back.kind == doc.kind
            for name in NAMES:
                assert name.lower() not in text.lower(), (doc.title, fmt, name)
        if doc.kind == "coe":
            c = back.content
            assert [w["id"] for w in c["whys"]] == [w["id"] for w in doc.content["whys"]]
            assert c["time_zone"] == doc.content["time_zone"]
            assert [a["status"] for a in c["action_items"]] == [
                a["status"] for a in doc.content["action_items"]
            ]
            assert [e["at"] for e in c["timeline"]] == [e["at"] for e in doc.content["timeline"]]
        if doc.kind == "oncall":
            assert "+49" not in text and "@elena" not in text
            assert ("[phone]" in text) == ("+49" in str(doc.content))
            assert back.content["members"][0]["zone"] == doc.content["members"][0]["zone"]


def test_the_final_html_pass_leaves_styles_and_tags_alone():
    from sdmkit.redaction import final_html

    html = '<style>@page { size: A4 }</style><p>Mail <a href="#x">a@b.example</a> or @elena</p>'
    assert (
        final_html(html)
        == '<style>@page { size: A4 }</style><p>Mail <a href="#x">[email]</a> or [handle]</p>'
    )


def test_a_replacement_is_held_on_one_line_in_the_body_but_not_in_the_title():
    from sdmkit.redaction import final_html

    html = (
        "<html><head><title>Owner [name 2]</title></head>"
        "<body><td>[name 2]</td><p>Mail a@b.example [see the appendix for details]</p></body></html>"
    )
    out = final_html(html)
    # A narrow Owner column broke '[name' from '2]'; the span is kept whole by document.css.
    assert '<td><span class="redacted">[name 2]</span></td>' in out
    assert "<title>Owner [name 2]</title>" in out
    # One-word replacements and long bracketed prose are left to wrap as text does.
    assert "Mail [email] [see the appendix for details]" in out


def test_a_redacted_export_contains_none_of_the_listed_names(sqlite_store):
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    set_terms(sqlite_store, [{"term": n, "replacement": "[name]"} for n in NAMES])
    assert [t.term for t in terms(sqlite_store)] == NAMES
    for doc in sqlite_store.iter_documents():
        # HTML goes through the same redacted document as Markdown; charts (slow to draw) add no text.
        for fmt in ("md", "json") + (("html",) if doc.kind in ("charter", "story") else ()):
            text = render_from(sqlite_store, doc, fmt, redacted=True).decode()
            for name in NAMES:
                assert name.lower() not in text.lower(), (doc.title, fmt, name)
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), (doc.title, fmt)
    # The stored documents keep their words.
    assert any("Priya Raman" in str(d.content) for d in sqlite_store.iter_documents())


def test_redacted_pdf_and_portfolio(sqlite_store):
    from pypdf import PdfReader

    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    set_terms(sqlite_store, [{"term": n, "replacement": "[name]"} for n in NAMES])
    mine_all(sqlite_store)
    ids = [s.id for s in sqlite_store.list(kind="story", limit=3).items]
    md = portfolio_markdown(sqlite_store, ids, redacted=True, owner="A. Manager")
    assert md.startswith("# Interview portfolio of A. Manager") and "## Contents" in md
    assert "\n## 1 " in md and "\n### 1.1 " in md  # each story, then its sources, numbered as an outline
    # under a source's heading (which names its kind): its team, status and version
    assert re.search(
        r"\n### 1\.1 [^\n]+\n\n_[^\n]*status: [a-z ]+ · version \d+, saved \d\d \w+ \d{4}\._\n", md
    )
    for name in NAMES:
        assert name not in md
    pdf = portfolio_pdf(sqlite_store, ids, redacted=True)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(" ".join(pages).split())
    assert "Contents" in pages[0] and "1.1" in pages[0]
    for name in NAMES:
        assert name not in text
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)


def test_a_redacted_portfolio_compares_a_charter_with_its_rotation_by_the_real_names(sqlite_store):
    """The charter part of a redacted pack said nobody on call was a member: the
    redacted members ('[name 3]') were compared with the rotation's real names."""
    from sdmkit.examples import load_examples
    from sdmkit.portfolio import outline, parts_html
    from sdmkit.redaction import unlisted_people

    load_examples(sqlite_store)
    people = unlisted_people(sqlite_store)
    set_terms(sqlite_store, [{"term": n, "replacement": f"[name {i}]"} for i, n in enumerate(people, 1)])
    mine_all(sqlite_store)
    story = next(
        s
        for s in sqlite_store.iter_documents(kind="story")
        if s.title == "Forming the Payments Platform team"
    )
    entries, _ = outline(sqlite_store, [story.id], redacted=True)
    assert [e.doc.kind for e in entries] == ["story", "charter"]
    charter_html = parts_html(sqlite_store, entries, redacted=True)[1][1](0)
    assert "on call now" in charter_html  # the rotation is still shown, redacted
    # As unredacted: everyone on call is a member, and one member (Grace Okafor) is not on call.
    assert "not among this charter" not in charter_html
    grace = next(t.replacement for t in terms(sqlite_store) if t.term == "Grace Okafor")
    assert f'Members not in the rotation: <span class="redacted">{grace}</span>.' in charter_html
    assert "Priya Raman" not in charter_html


def test_cli_export_redact(workspace, tmp_path):
    from tests.test_cli import run

    run("init", "--examples")
    set_terms(workspace, [{"term": "Priya Raman", "replacement": "the manager"}])
    out = tmp_path / "out"
    assert run("export", "--all", "--format", "md", "--out", str(out), "--redact").exit_code == 0
    files = list(out.iterdir())
    assert files and all(f.name.endswith("-redacted.md") for f in files)
    assert not any("Priya Raman" in f.read_text() for f in files)


def test_internal_service_names_are_suggested_and_warned_about_like_people(sqlite_store):
    """The Redaction tab said the list is for people, internal service names and
    customers, and suggested only people: a redacted pack still printed 'Services:
    payments-api, processor-gateway, config-service'."""
    from sdmkit.examples import load_examples
    from sdmkit.redaction import before_export, unlisted_services

    load_examples(sqlite_store)
    services = unlisted_services(sqlite_store)
    assert {"payments-api", "processor-gateway", "config-service"} <= set(services)
    coe = next(d for d in sqlite_store.iter_documents(kind="coe") if "payments-api" in d.content["services"])
    assert any("payments-api" in line and "service" in line for line in before_export(sqlite_store, [coe]))
    set_terms(sqlite_store, [{"term": n, "replacement": "[service]"} for n in services])
    md = render_from(sqlite_store, coe, "md", redacted=True).decode()
    assert "payments-api" not in md
    assert re.search(r"\*\*Services:\*\* \\\[service \d+\\\], ", md)  # told apart: [service 3], [service 4]
    assert unlisted_services(sqlite_store) == []
    assert not [line for line in before_export(sqlite_store, [coe]) if "service" in line]


def test_other_names_the_documents_use_are_offered_to_check_not_added(sqlite_store):
    """A redacted pack with every person and service on the list still said 'every
    Northwind checkout' 18 times: nothing suggested the company. A capitalised word
    the documents never write in lower case is offered to check; a word that is
    written in lower case somewhere ('Checkout', 'Platform'), a month, a weekday, a
    time-zone place, a person's name and a Leadership Principle are not."""
    from sdmkit.examples import load_examples
    from sdmkit.redaction import before_export, unlisted_names, unlisted_people

    load_examples(sqlite_store)
    names = unlisted_names(sqlite_store)
    assert names[0] == "Northwind"  # in the most documents
    # a customer's business where its owner is introduced, named once: 'Jana Novak, owner
    # of Kettle & Co. in Leipzig' (a new user found it in a pack redacted otherwise)
    assert "Kettle & Co." in names
    people = {w for n in unlisted_people(sqlite_store) for w in n.split()}
    for never in ("Checkout", "Platform", "Payments", "November", "Tuesday", "Dublin", "Ownership", *people):
        assert never not in names, never
    prfaq = next(d for d in sqlite_store.iter_documents(kind="prfaq") if "Northwind" in d.title)
    assert any("Northwind" in line and "company" in line for line in before_export(sqlite_store, [prfaq]))
    # the list's own terms are never offered again, and then the export no longer names it
    set_terms(sqlite_store, [{"term": "Northwind", "replacement": "[company]"}])
    assert "Northwind" not in unlisted_names(sqlite_store)
    md = render_from(sqlite_store, prfaq, "md", redacted=True).decode()
    assert "Northwind" not in md and "[company]" in md
    # an e-mail address's domain is no lower-case word that hides the name
    from sdmkit.document import Document, DocumentMeta

    doc = Document(id=1, kind="charter", meta=DocumentMeta(title="T"), content={})
    mail = [
        doc.with_content({"mission": f"We run Lumora checkout {i}; write to ops@lumora.example."})
        for i in (1, 2)
    ]
    assert "Lumora" in unlisted_names(sqlite_store, documents=mail)


def test_other_names_are_chosen_in_the_redaction_tab_with_what_they_print_as(workspace):
    from sdmkit.examples import load_examples
    from sdmkit.redaction import terms
    from tests.test_app import app, by_label

    load_examples(workspace)
    at = app("pages/story_bank.py")
    tab = next(t for t in at.tabs if t.label == "Redaction")
    assert any("Northwind" in i.value and "other name" in i.value for i in tab.info)
    add = next(b for b in at.button if b.key == "sb|names|add")
    assert add.disabled  # nothing is added until the user chooses
    by_label(at.multiselect, "Names to hide").select("Northwind").run()
    next(b for b in at.button if b.key == "sb|names|add").click().run()
    assert not at.exception
    assert ("Northwind", "[company]") in {(t.term, t.replacement) for t in terms(workspace)}
    assert not any("Northwind" in i.value for i in at.info if "other name" in i.value)


def test_redact_replaces_the_people_and_services_the_documents_name_even_off_the_list(sqlite_store):
    """Redact, on by default in the portfolio, left all 25 people and 11 services in a
    pack whose list held only the company: a switch that says Redact and leaves the
    names in is trusted and sent. Named people and services are replaced all the same;
    a name in prose only still takes the list."""
    from sdmkit.examples import load_examples
    from sdmkit.redaction import before_export, unlisted_people, unlisted_services

    load_examples(sqlite_store)
    mine_all(sqlite_store)
    people, services = unlisted_people(sqlite_store), unlisted_services(sqlite_store)
    assert terms(sqlite_store) == [] and len(people) > 10 and services
    coe = next(d for d in sqlite_store.iter_documents(kind="coe") if "payments-api" in d.content["services"])
    md = render_from(sqlite_store, coe, "md", redacted=True).decode()
    assert "[name 1]" in md and "[service 1]" in md
    for name in [*people, "payments-api"]:
        assert name not in md, name
    stories = [s.id for s in sqlite_store.iter_documents(kind="story")]
    pack = portfolio_markdown(sqlite_store, stories, redacted=True)
    for name in [*people, *services]:
        assert name not in pack, name
    assert "Northwind" in pack  # prose only: the list's to replace, and the warnings say so
    said = " ".join(before_export(sqlite_store, [coe]))
    assert "replaced as [name 1], [name 2] … all the same" in said and "no customer, company" in said
    # the charter borrows its rotation: the rotation's people are replaced in it too
    charter = next(d for d in sqlite_store.iter_documents(kind="charter") if "Payments" in d.title)
    html = render_from(sqlite_store, charter, "html", redacted=True).decode()
    assert not [n for n in people if n in html]


def test_a_listed_person_is_redacted_by_their_first_name_too():
    """'Aisha at a school event', the reason of a rotation's override, named Aisha
    Bello in a redacted export although she was on the list."""
    rules = [
        Term("Aisha Bello", "[name]"),
        Term("Jonas Weber", "[name]"),
        Term("Grace Okafor", "[name]"),
        Term("Grace Kim", "[name]"),
        Term("Payments Platform", "[team]"),
    ]
    text = "Jonas Weber covers; Aisha at a school event. Grace said grace. Payments are fine. Aisha Bello."
    # Aisha takes Aisha Bello's number; Grace, two people's first name, the plain [name];
    # 'grace' the word and 'Payments' (a team's first word, no person) stay.
    assert redact_text(text, rules) == (
        "[name 2] covers; [name 1] at a school event. [name] said grace. Payments are fine. [name 1]."
    )


def test_the_command_line_adds_the_service_names(workspace):
    from sdmkit.examples import load_examples
    from tests.test_cli import run

    load_examples(workspace)
    assert run("stories", "redaction", "add", "--services").exit_code == 0
    assert {t.term for t in terms(workspace)} >= {"payments-api", "config-service"}
    assert all(t.replacement == "[service]" for t in terms(workspace))


def test_people_named_in_people_fields_and_not_on_the_list_are_suggested(sqlite_store):
    from sdmkit.examples import load_examples
    from sdmkit.redaction import set_terms, unlisted_people

    load_examples(sqlite_store)
    missing = unlisted_people(sqlite_store)
    # owners, authors, approvers, members, by_whom with its role, a quote's speaker with hers
    for name in ("Priya Raman", "Grace Okafor", "Martin Alvarez", "Maria Santos", "Aisha Bello"):
        assert name in missing
    assert not [n for n in missing if "(" in n or "," in n]  # the name, without the role
    set_terms(sqlite_store, [{"term": "Priya Raman", "replacement": "[name]"}])
    assert "Priya Raman" not in unlisted_people(sqlite_store)
    set_terms(sqlite_store, [{"term": n, "replacement": "[name]"} for n in missing])
    assert unlisted_people(sqlite_store) == []


def test_a_redacted_export_from_the_command_line_says_who_it_still_names(workspace, tmp_path):
    """`--redact` with an empty list, or one that misses people the documents name,
    wrote files called '...-redacted' that named everyone, and said nothing."""
    from sdmkit.examples import load_examples
    from tests.test_cli import run

    load_examples(workspace)
    rotation = next(d for d in workspace.iter_documents(kind="oncall"))
    result = run("export", str(rotation.id), "--redact", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert "Your redaction list is empty" in result.stderr
    assert "Priya Raman" in result.stderr and "not on the redaction list" in result.stderr
    set_terms(
        workspace, [{"term": n, "replacement": "[name]"} for n in unlisted_people_of(workspace, rotation)]
    )
    result = run("export", str(rotation.id), "--redact", "--out", str(tmp_path), "--overwrite")
    assert result.exit_code == 0 and result.stderr == ""
    run("stories", "mine")
    story = next(s for s in workspace.iter_documents(kind="story") if s.content.get("origin"))
    result = run("stories", "portfolio", str(story.id), "--redact", "--out", str(tmp_path / "pack.md"))
    assert result.exit_code == 0 and "not on the redaction list" in result.stderr


def unlisted_people_of(store, doc):
    from sdmkit.redaction import unlisted_people

    return unlisted_people(store, documents=[doc])


def test_the_redaction_list_is_kept_from_the_command_line(workspace):
    from sdmkit.examples import load_examples
    from sdmkit.redaction import unlisted_people
    from tests.test_cli import run

    load_examples(workspace)
    assert "the redaction list is empty" in run("stories", "redaction", "list").output
    assert run("stories", "redaction", "add", "Northwind", "--as", "[company]").exit_code == 0
    assert [(t.term, t.replacement) for t in terms(workspace)] == [("Northwind", "[company]")]
    run("stories", "redaction", "add", "--people")
    assert unlisted_people(workspace) == []
    assert all(t.replacement == "[name]" for t in terms(workspace) if t.term != "Northwind")
    from sdmkit.errors import SdmkitError

    with pytest.raises(SdmkitError, match="not on the redaction list: Nobody"):  # one line on stderr, exit 1
        run("stories", "redaction", "remove", "Northwind", "Nobody")
    assert "Northwind" in {t.term for t in terms(workspace)}  # nothing removed on a refusal
    assert run("stories", "redaction", "remove", "Northwind").exit_code == 0
    assert "Northwind" not in {t.term for t in terms(workspace)}


def test_terms_sharing_a_replacement_are_numbered_so_people_stay_apart():
    from sdmkit.redaction import told_apart

    rules = [
        Term("Priya Raman", "[name]"),
        Term("Tomasz Nowak", "[name]"),
        Term("Priya", "[name]"),  # the same person as 'Priya Raman': the same number
        Term("Northwind", "[customer]"),  # alone with its replacement: left as written
        Term("Jana Novak", "the director"),
        Term("Ola Berg", "the director"),
    ]
    assert [t.replacement for t in told_apart(rules)] == [
        "[name 1]",
        "[name 2]",
        "[name 1]",
        "[customer]",
        "the director 1",
        "the director 2",
    ]
    out = redact_text("Priya Raman paged Tomasz Nowak; Priya told Northwind.", rules)
    assert out == "[name 1] paged [name 2]; [name 1] told [customer]."


def test_a_replacement_is_inserted_as_written():
    """A backslash in a replacement is text, not a group reference (it used to stop the export)."""
    assert redact_text("Priya Raman paged.", [Term("Priya Raman", r"P\1 \g<0>")]) == r"P\1 \g<0> paged."


def test_a_rotation_redacted_with_one_replacement_for_everyone_keeps_its_schedule(sqlite_store):
    """Every person on the list as '[name]' (what 'Add the names to the list' writes):
    the redacted rotation must be on call exactly as the real one is. It used to merge
    its members into one person, on leave whenever any of them was, and print weeks
    with nobody on call."""
    from sdmkit.examples import load_examples
    from sdmkit.kinds.oncall.model import Rotation
    from sdmkit.kinds.oncall.rules import schedule_for
    from sdmkit.redaction import redact, unlisted_people

    load_examples(sqlite_store)
    set_terms(sqlite_store, [{"term": p, "replacement": "[name]"} for p in unlisted_people(sqlite_store)])
    rotations = list(sqlite_store.iter_documents(kind="oncall"))
    assert rotations
    for doc in rotations:
        real = schedule_for(Rotation.model_validate(doc.content))
        hidden = schedule_for(Rotation.model_validate(redact(doc, terms(sqlite_store)).content))
        pairs = {(a.person, b.person) for a, b in zip(real.shifts, hidden.shifts, strict=True)}
        assert all(bool(a) == bool(b) for a, b in pairs), doc.title  # staffed where the real one is
        # one redacted name for each real person, and no two people under one name
        assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs}), doc.title
        assert len(hidden.warnings) == len(real.warnings), doc.title
        md = render_from(sqlite_store, doc, "md", redacted=True).decode()
        assert md.count("nobody") == render_from(sqlite_store, doc, "md").decode().count("nobody"), doc.title
        for member in Rotation.model_validate(doc.content).members:
            assert member.name not in md


def test_every_part_of_a_portfolio_shows_its_number_a_pr_faq_too(sqlite_store):
    """The contents say 2.1; the page must too. A PR/FAQ hides its title (which carries
    the number) for the press release's headline, so its number used to be nowhere."""
    from pypdf import PdfReader

    from sdmkit.examples import load_examples
    from sdmkit.portfolio import outline

    load_examples(sqlite_store)
    mine_all(sqlite_store)
    stories = list(sqlite_store.iter_documents(kind="story"))
    prfaq = next(s for s in stories if s.content.get("origin", "").endswith(":prfaq"))
    coe = next(s for s in stories if s.content.get("origin", "").endswith(":coe"))
    ids = [coe.id, prfaq.id]
    numbers = [e.number for e in outline(sqlite_store, ids)[0]]
    assert "2.1" in numbers
    pdf = portfolio_pdf(sqlite_store, ids, owner="Ana Diaz")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Interview portfolio of Ana Diaz"  # what a PDF viewer shows
    pages = [p.extract_text() for p in reader.pages]
    body = " ".join(pages[1:])  # after the contents page
    for number in numbers:
        assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", body), number
    assert "2.1 · PR/FAQ" in body


def test_a_portfolio_pauses_the_cycle_collector_and_gives_it_back(sqlite_store, monkeypatch):
    """Typesetting runs with the collector paused (a sixth of a portfolio's time,
    sdmkit.collector); the app's other sessions find it on again, even when it fails."""
    import gc

    from sdmkit import portfolio
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    story = next(iter(sqlite_store.iter_documents(kind="story")))
    seen: list[bool] = []
    original = portfolio.fitted_layout

    def fitted_layout(*args, **kw):
        seen.append(gc.isenabled())
        return original(*args, **kw)

    monkeypatch.setattr(portfolio, "fitted_layout", fitted_layout)
    assert portfolio_pdf(sqlite_store, [story.id]).startswith(b"%PDF")
    assert seen and not any(seen) and gc.isenabled()

    def failing(*args, **kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(portfolio, "fitted_layout", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        portfolio_pdf(sqlite_store, [story.id])
    assert gc.isenabled()
