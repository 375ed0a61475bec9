"""Retake docs/screenshot.png: the example charter's Tenets tab, as the README shows it.

.venv/bin/python docs/make_screenshot.py      (needs the test extras and Chromium)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path, sdmkit_server, wait_for_app

    with (
        tempfile.TemporaryDirectory() as tmp,
        sdmkit_server(Path(tmp) / "data", examples=True) as url,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        page.goto(f"{url}/charter?id=1")
        wait_for_app(page)
        page.get_by_role("tab", name="Tenets").click()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        browser.close()


if __name__ == "__main__":
    main()
