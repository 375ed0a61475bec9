"""Helpers for the browser tests: a real sdmkit server and headless Chromium.

The server is started the way a user starts it (`sdmkit app`), on a free port and
a workspace of its own, and polled on /_stcore/health until it answers."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Chromium's background services try to reach the internet; this machine has none.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    configured = os.environ.get("SDMKIT_CHROMIUM")
    if configured:
        return configured
    return next((shutil.which(c) for c in CHROMIUM_CANDIDATES if shutil.which(c)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serves(url: str, proc, timeout: float = 60) -> bool:
    """Poll the server's health endpoint until it answers (True) or its process ends
    or the time is up (False)."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@contextmanager
def sdmkit_server(data_dir: Path, *, examples: bool = False):
    port = free_port()
    env = {**os.environ, "SDMKIT_DATA_DIR": str(data_dir)}
    env.pop("SDMKIT_DATABASE_URL", None)
    args = [sys.executable, "-m", "sdmkit.cli", "app", "--port", str(port), "--no-open"]
    if examples:
        args.append("--examples")
    log = open(data_dir.parent / f"server-{port}.log", "w")  # noqa: SIM115 - closed below
    # Its own process group, so teardown can take down the server it starts too.
    proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        if not serves(url, proc):
            log.flush()
            raise RuntimeError("sdmkit app did not start:\n" + Path(log.name).read_text()[-3000:])
        yield url
    finally:
        proc.terminate()
        with suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        with suppress(ProcessLookupError):  # anything left in the group goes now
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        log.close()


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_timeout(250)  # a click's rerun starts a moment after the click
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(150)


def visible(locator):
    """The one match that is on screen (Streamlit keeps hidden tabs in the page)."""
    return locator.locator("visible=true").first


def field(page, label: str):
    """The visible input or text area with this exact label (not its help button)."""
    return visible(page.get_by_label(label, exact=True).and_(page.locator("input, textarea")))


def fill(page, label: str, text: str, *, was: str | None = None) -> None:
    """Type into a box once and commit it (Streamlit commits on blur), as a person does.

    `was`: the text the box shows before typing, waited for first, since Streamlit
    mounts a text box empty and fills it a frame later. After the rerun the box must
    still hold the text: a box that lost it fails the test, it is never typed again."""
    from playwright.sync_api import expect

    box = field(page, label)
    expect(box).to_be_editable()
    if was is not None:
        expect(box).to_have_value(was)
    box.fill(text)
    box.press("Tab")
    wait_for_app(page)
    expect(field(page, label)).to_have_value(text)


def click(page, name: str, nth: int = 0) -> None:
    page.get_by_role("button", name=name, exact=True).locator("visible=true").nth(nth).click()
    wait_for_app(page)


def press(page, name: str) -> None:
    visible(page.get_by_role("button", name=name, exact=True)).click()
    wait_for_app(page)


def select(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by typing it, as a keyboard user would:
    open it, wait for its list, type, wait for the option, pick it."""
    from playwright.sync_api import expect

    box = visible(page.get_by_role("combobox", name=label))
    box.click()
    expect(page.get_by_role("listbox")).to_be_visible()
    expect(box).to_be_focused()
    page.keyboard.type(option)
    choice = page.get_by_role("option", name=option).first
    expect(choice).to_be_visible()
    choice.click()
    wait_for_app(page)


def expand(page, title: str) -> None:
    """Open an expander and wait until it is open and has finished animating, so the
    next click lands on what it shows."""
    from playwright.sync_api import expect

    summary = visible(page.locator("summary").filter(has_text=title))
    summary.click()
    wait_for_app(page)  # a rerun a click starts settles before the open state is read
    details = summary.locator("xpath=..")
    expect(details).to_have_attribute("open", "")
    box = details.locator("[data-testid='stExpanderDetails']")
    expect(box).to_be_visible()
    # The content grows and fades in with CSS transitions and animations; a click
    # while they run is lost by the widget under it. It is ready when none runs.
    page.wait_for_function(
        """el => el.getAnimations({subtree: true}).every(a => a.playState !== 'running')
              && el.getBoundingClientRect().height > 0""",
        arg=details.element_handle(),
    )


def type_date(page, label: str, day) -> None:
    """Type a date into a Streamlit date field (segments that take digits in turn), close
    the calendar that clicking the field opened (it would take the next click), and
    commit the date by leaving the field."""
    box = visible(page.get_by_label(label, exact=True))
    box.locator("[role=spinbutton]").first.click()
    page.keyboard.type(day.strftime("%Y%m%d"))
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    wait_for_app(page)


def tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    wait_for_app(page)


def show(page, view: str) -> None:
    """Switch the editor to a view: 'Write', 'Document settings' or 'History & export'."""
    visible(page.get_by_test_id("stButtonGroup").get_by_text(view, exact=True)).click()
    wait_for_app(page)


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(30_000)
    return context.new_page()


def type_cell(page, grid, row: int, x: float, text: str) -> None:
    """Type into one cell of a data editor (a canvas: the cell is where it is drawn),
    `row` counted from 0 below the header, `x` pixels from the grid's left edge. A
    double click opens the cell's editor; its text box is filled and committed with
    Enter, as a person types and presses Enter, once."""
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + x, box["y"] + 35 * (row + 1) + 17)
    editor = page.locator("textarea.gdg-input")
    editor.wait_for()
    editor.fill(text)
    editor.press("Enter")
    wait_for_app(page)
