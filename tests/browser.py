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
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                raise RuntimeError("sdmkit app did not start:\n" + Path(log.name).read_text()[-3000:])
            time.sleep(0.3)
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


def field(page, label: str):
    """The input or text area with this exact label (not its help button)."""
    return page.get_by_label(label, exact=True).and_(page.locator("input, textarea"))


def type_into(page, label: str, text: str) -> None:
    _commit(page, lambda: field(page, label), text)


def _commit(page, find, text: str) -> None:
    """Type into a box and commit it (Streamlit commits on blur), then check that the
    rerun kept the text: a box Streamlit re-mounted meanwhile comes back empty, and
    then it is typed again. A box the app rewrites on purpose is left to the test."""

    def type_it():
        box = find()
        _fill(box, text)
        box.press("Tab")

    for _ in range(3):
        retried(type_it)
        wait_for_app(page)
        if retried(lambda: find().input_value()) == text:
            return


def _fill(box, text: str) -> None:
    """Streamlit mounts a text box empty and sets its value a frame later, which would
    overwrite text typed in between: fill again until the text stays."""
    for _ in range(3):
        box.fill(text)
        box.page.wait_for_timeout(100)
        if box.input_value() == text:
            break


def click(page, name: str, nth: int = 0) -> None:
    retried(lambda: page.get_by_role("button", name=name, exact=True).nth(nth).click())
    wait_for_app(page)


def retried(action, attempts: int = 3):
    """Run a browser action again when Streamlit replaced its element mid-way (a rerun
    re-renders the page); a real failure still fails after the last attempt."""
    from playwright.sync_api import Error

    for i in range(attempts):
        try:
            return action()
        except Error as exc:
            if i == attempts - 1 or "detached" not in str(exc) and "not attached" not in str(exc):
                raise
            time.sleep(0.5)


def visible(locator):
    """The one match that is on screen (Streamlit keeps hidden tabs in the page)."""
    return locator.locator("visible=true").first


def select(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by typing it, as a keyboard user would."""

    def pick():
        visible(page.get_by_role("combobox", name=label)).click()
        # Replace what is in the search box: a retried pick would otherwise type the
        # option a second time ('AnaAna') and find nothing.
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(option)
        page.get_by_role("option", name=option).first.click()

    retried(pick)
    wait_for_app(page)


def fill(page, label: str, text: str) -> None:
    """Type into the visible input or text area with this label and commit it."""
    _commit(
        page,
        lambda: visible(page.get_by_label(label, exact=True).and_(page.locator("input, textarea"))),
        text,
    )


def tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    wait_for_app(page)


def press(page, name: str) -> None:
    retried(lambda: visible(page.get_by_role("button", name=name, exact=True)).click())
    wait_for_app(page)
