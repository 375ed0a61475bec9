"""The app in real headless Chromium, as a manager uses it. Required in CI."""

from __future__ import annotations

import io

import pytest

from tests.browser import CHROMIUM_ARGS, chromium_path, click, field, sdmkit_server, type_into, wait_for_app
from tests.conftest import need

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    need(path is not None, "browser tests need Chromium (apt-get install chromium) or SDMKIT_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "browser tests need playwright (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def server(tmp_path):
    with sdmkit_server(tmp_path / "data") as url:
        yield url


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    return context.new_page()


def test_create_save_reload_and_download_pdf(browser, server):
    page = new_page(browser)
    page.goto(server)
    wait_for_app(page)
    assert page.get_by_text("Your workspace is empty").is_visible()
    click(page, "New team charter")
    assert "id=new" in page.url
    type_into(page, "Team name", "Search Relevance")
    type_into(page, "Mission", "We help shoppers find what they meant in the first five results.")
    page.get_by_role("tab", name="Tenets").click()
    click(page, "Add tenet")
    type_into(page, "Tenet 1: name", "Relevance over recency")
    type_into(page, "Statement", "We rank what customers meant over what is newest, unless they sort by date.")
    assert page.get_by_text("● Unsaved changes").is_visible()
    click(page, "Save")
    assert page.get_by_text("✓ Saved").is_visible()
    assert "id=1" in page.url

    page.reload()
    wait_for_app(page)
    assert page.get_by_role("heading", name="Search Relevance team charter").is_visible()
    assert field(page, "Mission").input_value().startswith("We help shoppers")
    page.get_by_role("tab", name="Tenets").click()
    assert field(page, "Tenet 1: name").input_value() == "Relevance over recency"

    page.get_by_role("tab", name="History & export").click()
    click(page, "Make PDF")
    with page.expect_download() as info:
        page.get_by_role("button", name="PDF", exact=True).click()
    download = info.value
    assert download.suggested_filename == "search-relevance-team-charter.pdf"
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Search Relevance team charter" in text and "Relevance over recency" in text
    assert page.locator("[data-testid='stException']").count() == 0


def test_two_sessions_editing_one_charter(browser, tmp_path):
    with sdmkit_server(tmp_path / "data", examples=True) as url:
        alice, bob = new_page(browser), new_page(browser)
        for p in (alice, bob):
            p.goto(f"{url}/charter?id=1")
            wait_for_app(p)
        type_into(alice, "Mission", "Alice's mission for the team.")
        click(alice, "Save")
        assert alice.get_by_text("✓ Saved").is_visible()

        type_into(bob, "Mission", "Bob's mission for the team.")
        click(bob, "Save")
        assert bob.get_by_text("while you were editing version 1").is_visible()
        assert field(bob, "Mission").input_value() == "Bob's mission for the team."
        click(bob, "Save mine as a copy")
        assert bob.locator("[data-testid='stException']").count() == 0

        # Both texts survive: Alice's as the charter, Bob's as a copy.
        from sdmkit.store import open_store

        store = open_store(f"sqlite:///{tmp_path / 'data' / 'sdmkit.db'}")
        charter = store.get(1)
        assert charter.content["mission"] == "Alice's mission for the team."
        copies = [s for s in store.list().items if s.title.endswith("(my version)")]
        assert store.get(copies[0].id).content["mission"] == "Bob's mission for the team."
        store.engine.dispose()
