"""Nothing typed is lost, in real Chromium: for each kind, list entries are filled in,
then the writer leaves for Home and comes back through the list, reloads the page,
and closes the tab and opens the document again. Every entry is still there each
time, and Save stores exactly what was typed. Nothing is ever typed twice: a lost
entry fails the test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser import (
    expand,
    field,
    fill,
    new_page,
    press,
    sdmkit_server,
    select,
    tab,
    type_date,
    visible,
    wait_for_app,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def workspace_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("drafts") / "data"
    with sdmkit_server(data, examples=True) as url:
        yield url, data


def _store(data):
    from sdmkit.store import open_store

    return open_store(f"sqlite:///{data / 'sdmkit.db'}")


def _doc(data, kind: str, title: str):
    store = _store(data)
    try:
        return next(store.get(s.id) for s in store.list(kind=kind, limit=100).items if s.title == title)
    finally:
        store.engine.dispose()


def _kept_draft(data, kind: str) -> dict:
    store = _store(data)
    try:
        (draft,) = store.drafts.all(kind=kind)
        return draft.content
    finally:
        store.engine.dispose()


@dataclass
class Journey:
    kind: str
    slug: str  # the page's address
    list_name: str  # the sidebar link to the kind's list
    title: str  # an example's title, or "" for a new document
    tab: str  # the editor tab the entries are on

    def open_url(self, url: str, doc_id: int | None) -> str:
        return f"{url}/{self.slug}?id={doc_id if doc_id else 'new'}"


def _leave_and_come_back(page, journey: Journey, title: str) -> None:
    """Home through the sidebar, then back through the kind's list and its Open button."""
    page.get_by_role("link", name="Home", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("nothing you typed is lost meanwhile")).to_be_visible()
    page.get_by_role("link", name=journey.list_name, exact=True).click()
    wait_for_app(page)
    row = page.locator("[data-testid='stHorizontalBlock']").filter(has_text=title).last
    expect(row).to_contain_text("unsaved changes")
    row.get_by_role("button", name="Open", exact=True).click()
    wait_for_app(page)
    tab(page, journey.tab)


def _reload(page, journey: Journey) -> None:
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("are back", exact=False)).to_be_visible()
    tab(page, journey.tab)


def _close_and_reopen(page, url: str, journey: Journey, doc_id: int | None):
    """A closed tab: the address with the tab's draft is gone; the document is opened
    again from its plain address (or, for a new one, from Home's list)."""
    context = page.context
    page.close()
    page = context.new_page()
    if doc_id is None:
        page.goto(url)
        wait_for_app(page)
        row = page.locator("[data-testid='stHorizontalBlock']").filter(has_text="not saved yet").first
        row.get_by_role("button", name="Open", exact=True).click()
        wait_for_app(page)
    else:
        page.goto(journey.open_url(url, doc_id))
        wait_for_app(page)
        expect(page.get_by_text("has unsaved changes from")).to_be_visible()
        page.get_by_role("button", name="Restore your unsaved changes", exact=True).click()
        wait_for_app(page)
    tab(page, journey.tab)
    return page


def _saved(page, data, kind: str, doc_id: int | None):
    page.get_by_role("button", name="Save", exact=True).first.click()
    wait_for_app(page)
    expect(page.get_by_text("✓ Saved")).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    store = _store(data)
    try:
        if doc_id is None:
            doc_id = int(re.search(r"id=(\d+)", page.url).group(1))
        assert store.drafts.all(kind=kind) == [], "saving deletes the kept draft"
        return store.get(doc_id)
    finally:
        store.engine.dispose()


def _journey(browser, workspace_server, journey: Journey, edit, on_screen, stored):
    url, data = workspace_server
    doc = _doc(data, journey.kind, journey.title) if journey.title else None
    doc_id = doc.id if doc else None
    page = new_page(browser)
    page.goto(journey.open_url(url, doc_id))
    wait_for_app(page)
    tab(page, journey.tab)
    title = edit(page, doc)
    on_screen(page, doc)
    _leave_and_come_back(page, journey, title)
    on_screen(page, doc)
    _reload(page, journey)
    on_screen(page, doc)
    page = _close_and_reopen(page, url, journey, doc_id)
    on_screen(page, doc)
    stored(_saved(page, data, journey.kind, doc_id), doc)
    page.context.close()


def test_charter_tenets_survive(browser, workspace_server):
    journey = Journey("charter", "charter", "Team charters", "Payments Platform team charter", "Tenets")

    def edit(page, doc):
        n = len(doc.content["tenets"])
        fill(page, "Tenet 1: name", "Correct before fast, always", was=doc.content["tenets"][0]["name"])
        press(page, "Add tenet")
        fill(page, f"Tenet {n + 1}: name", "Written before spoken", was="")
        statements = page.get_by_label("Statement", exact=True).locator("visible=true")
        statements.nth(n).fill("We decide in writing before we decide in a meeting.")
        statements.nth(n).press("Tab")
        wait_for_app(page)
        return doc.title

    def on_screen(page, doc):
        n = len(doc.content["tenets"])
        expect(field(page, "Tenet 1: name")).to_have_value("Correct before fast, always")
        for i, t in enumerate(doc.content["tenets"][1:], 2):
            expect(field(page, f"Tenet {i}: name")).to_have_value(t["name"])
        expect(field(page, f"Tenet {n + 1}: name")).to_have_value("Written before spoken")
        statements = page.get_by_label("Statement", exact=True).locator("visible=true")
        expect(statements.nth(n)).to_have_value("We decide in writing before we decide in a meeting.")

    def stored(saved, doc):
        tenets = saved.content["tenets"]
        assert tenets[0]["name"] == "Correct before fast, always"
        assert tenets[1:-1] == doc.content["tenets"][1:]
        assert tenets[-1] == {
            "name": "Written before spoken",
            "statement": "We decide in writing before we decide in a meeting.",
        }

    _journey(browser, workspace_server, journey, edit, on_screen, stored)


def test_coe_whys_and_timeline_survive(browser, workspace_server):
    journey = Journey("coe", "coe", "COEs", "", "Five whys")
    whys = ("The processor rejected our TLS handshake.", "The certificate reference was removed.")

    def edit(page, doc):
        tab(page, "Overview")
        fill(page, "Title", "Browser draft: card errors at checkout", was="")
        tab(page, "Timeline")
        expand(page, "Add an event")
        fill(page, "When", "2026-10-14 23:50")
        select(page, "Type", "start")
        fill(page, "What happened", "Card errors rise to 31%")
        press(page, "Add event")
        tab(page, "Five whys")
        press(page, "Add a why")
        fill(page, "Why 1 · root cause", whys[0], was="")
        visible(page.get_by_role("button", name="Ask why", exact=True)).click()
        wait_for_app(page)
        fill(page, "Why 1.1 · root cause", whys[1], was="")
        return "Browser draft: card errors at checkout"

    def on_screen(page, doc):
        expect(field(page, "Why 1")).to_have_value(whys[0])
        expect(field(page, "Why 1.1 · root cause")).to_have_value(whys[1])

    def stored(saved, doc):
        assert saved.title == "Browser draft: card errors at checkout"
        assert [(e["at"], e["type"], e["description"]) for e in saved.content["timeline"]] == [
            ("2026-10-14T23:50:00", "start", "Card errors rise to 31%")
        ]
        first, second = saved.content["whys"]
        assert (first["text"], second["text"], second["parent"]) == (*whys, first["id"])

    _journey(browser, workspace_server, journey, edit, on_screen, stored)


def test_prfaq_faq_cards_survive(browser, workspace_server):
    journey = Journey("prfaq", "prfaq", "PR/FAQs", "", "External FAQ")
    qa = [("Does it cost extra?", "No: payouts stay free."), ("When does it start?", "On 1 March 2027.")]

    def edit(page, doc):
        tab(page, "Working backwards")
        fill(page, "Who is the customer?", "Sellers on Northwind who reconcile payouts by hand", was="")
        tab(page, "Press release")
        fill(page, "Headline", "Sellers see every payout matched to its orders", was="")
        tab(page, "External FAQ")
        for i, (question, answer) in enumerate(qa, 1):
            press(page, "Add question")
            fill(page, f"Question {i}: question", question, was="")
            answers = page.get_by_label("Answer", exact=True).locator("visible=true")
            answers.nth(i - 1).fill(answer)
            answers.nth(i - 1).press("Tab")
            wait_for_app(page)
        return "Sellers see every payout matched to its orders"

    def on_screen(page, doc):
        answers = page.get_by_label("Answer", exact=True).locator("visible=true")
        for i, (question, answer) in enumerate(qa, 1):
            expect(field(page, f"Question {i}: question")).to_have_value(question)
            expect(answers.nth(i - 1)).to_have_value(answer)

    def stored(saved, doc):
        assert [(q["question"], q["answer"]) for q in saved.content["external_faqs"]] == qa
        assert saved.content["headline"] == "Sellers see every payout matched to its orders"

    _journey(browser, workspace_server, journey, edit, on_screen, stored)


def test_rotation_members_and_leave_survive(browser, workspace_server):
    journey = Journey("oncall", "oncall", "On-call rotations", "", "Members")
    monday = date.today() - timedelta(days=date.today().weekday())

    def edit(page, doc):
        tab(page, "Rotation")
        fill(page, "Rotation name", "Checkout primary", was="")
        tab(page, "Members")
        expand(page, "Add a member")
        for name in ("Ana", "Ben"):
            fill(page, "Name", name)
            press(page, "Add member")
        tab(page, "Holidays and leave")
        expand(page, "Add a leave")
        select(page, "Person", "Ana")
        type_date(page, "First day", monday)
        type_date(page, "Last day", monday + timedelta(days=4))
        press(page, "Add leave")
        tab(page, "Members")
        return "Checkout primary"

    def on_screen(page, doc):
        # A table draws on a canvas, which a test cannot read: what it shows is the
        # draft, so the draft the workspace keeps for this tab is read instead.
        expect(visible(page.get_by_test_id("stDataFrame"))).to_be_visible()
        kept = _kept_draft(workspace_server[1], "oncall")
        assert [m["name"] for m in kept["members"]] == ["Ana", "Ben"]
        assert [x["person"] for x in kept["leave"]] == ["Ana"]

    def stored(saved, doc):
        assert [m["name"] for m in saved.content["members"]] == ["Ana", "Ben"]
        assert [(x["person"], x["start"], x["end"]) for x in saved.content["leave"]] == [
            ("Ana", monday.isoformat(), (monday + timedelta(days=4)).isoformat())
        ]

    _journey(browser, workspace_server, journey, edit, on_screen, stored)


def test_metric_review_commentary_survives(browser, workspace_server):
    journey = Journey(
        "metric_review",
        "metric_review",
        "Metric reviews",
        "Payments Platform weekly review, week ending 15 November 2026",
        "Metrics",
    )
    text = "Gateway 4.2 added a synchronous fraud call; rolled back on 16 Nov."

    def edit(page, doc):
        signal = next(m for m in doc.content["metrics"] if m["signal"])
        fill(page, f"Commentary on {signal['name']}", text, was=signal.get("commentary") or "")
        select(page, f"Status of {signal['name']}", "still investigating")
        return doc.title

    def on_screen(page, doc):
        signal = next(m for m in doc.content["metrics"] if m["signal"])
        expect(field(page, f"Commentary on {signal['name']}")).to_have_value(text)
        status = visible(page.get_by_role("combobox", name=f"Status of {signal['name']}"))
        expect(status).to_have_value("still investigating")

    def stored(saved, doc):
        signal = next(m for m in doc.content["metrics"] if m["signal"])
        after = next(m for m in saved.content["metrics"] if m["name"] == signal["name"])
        assert (after["commentary"], after["status"]) == (text, "still investigating")
        others = [m for m in saved.content["metrics"] if m["name"] != signal["name"]]
        assert others == [m for m in doc.content["metrics"] if m["name"] != signal["name"]]

    _journey(browser, workspace_server, journey, edit, on_screen, stored)


def test_story_principles_survive(browser, workspace_server):
    journey = Journey("story", "story", "Stories", "", "Principles and scope")
    evidence = "I rolled back the change myself and paged the processor's team."

    def edit(page, doc):
        tab(page, "STAR")
        fill(page, "The question it answers", "Tell me about a time you fixed an outage fast.", was="")
        tab(page, "Principles and scope")
        expand(page, "Add a principle")
        select(page, "Principle", "Bias for Action")
        fill(page, "Evidence", evidence)
        press(page, "Add principle")
        return "Tell me about a time you fixed an outage fast."

    def on_screen(page, doc):
        expect(visible(page.get_by_test_id("stDataFrame"))).to_be_visible()
        kept = _kept_draft(workspace_server[1], "story")
        assert kept["principles"] == [{"principle": "Bias for Action", "evidence": evidence}]

    def stored(saved, doc):
        # A principle added by hand has no strength: only mining scores the evidence.
        mine = {"principle": "Bias for Action", "evidence": evidence, "strength": None}
        assert saved.content["principles"] == [mine]
        assert saved.content["question"] == "Tell me about a time you fixed an outage fast."

    _journey(browser, workspace_server, journey, edit, on_screen, stored)
