"""HTML -> PDF through WeasyPrint, with a fetcher that reads nothing it is given.

This module knows HTML and WeasyPrint only (no store, no kinds, no templates), so a
PDF worker process (press.py) that imports it imports no more than it lays out with.

WeasyPrint's default fetcher opens file:// and http(s):// URLs. Exports are made from
user text, so the fetcher here refuses every scheme but data: (and serves only the
packaged assets), and records what it refused for the tests to see."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from urllib.parse import unquote_to_bytes

from sdmkit import resources
from sdmkit.export import weasy
from sdmkit.export.layout import with_fit

ASSET_SCHEME = "sdmkit-asset:"


class RefusedURL(ValueError):
    pass


def make_fetcher():
    weasy.load()
    # On first use: WeasyPrint is imported only when a PDF is made.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if url.startswith(ASSET_SCHEME):
                name = url[len(ASSET_SCHEME) :]
                path = resources.assets_dir() / name
                # Only a plain file name inside the assets folder: no '..', no sub-paths.
                if "/" not in name and "\\" not in name and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(name)})
            elif url.lower().startswith("data:"):
                mime, body = decode_data_url(url)
                return URLFetcherResponse(url, body, {"Content-Type": mime})
            self.refused.append(url)
            raise RefusedURL(f"sdmkit exports load no external resources: {url[:80]}")

    return SafeFetcher()


def decode_data_url(url: str) -> tuple[str, bytes]:
    """RFC 2397 data: URLs, decoded here so that no URL opener is involved at all."""

    header, sep, payload = url[5:].partition(",")
    if not sep:
        raise RefusedURL("malformed data: URL")
    params = header.split(";")
    mime = params[0] or "text/plain"
    if "base64" in params[1:]:
        return mime, base64.b64decode(payload + "=" * (-len(payload) % 4))
    return mime, unquote_to_bytes(payload)


def _mime(name: str) -> str:
    return {"css": "text/css", "svg": "image/svg+xml", "png": "image/png"}.get(
        name.rsplit(".", 1)[-1], "application/octet-stream"
    )


def fonts():
    """A font configuration for the layouts of one export (a document's fit steps, a
    portfolio's parts). Each layout otherwise makes its own, and finds and loads every
    font again: 7% of a ten-story portfolio's time (3.14 s to 2.93 s). One export's, not the
    process's: app sessions export in threads of their own."""
    weasy.load()
    from weasyprint.text.fonts import FontConfiguration  # loaded with WeasyPrint, above

    return FontConfiguration()


def _layout(html: str, fetcher, font_config=None):
    HTML = weasy.load().HTML

    # WeasyPrint logs every refused URL as a warning; they are expected here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return HTML(string=html, base_url=None, url_fetcher=fetcher).render(font_config=font_config)


def html_to_pdf(html: str, fetcher=None) -> bytes:
    return _layout(html, fetcher or make_fetcher()).write_pdf()


NEAR_EMPTY = 0.2  # a last page filled less than this is a page the reader turns for nothing
FIT_STEPS = 2  # tighter layouts tried (body classes fit-1, fit-2 in document.css)


def last_page_fill(document) -> float:
    """How much of the last page's text area the body fills, 0..1."""
    page = document.pages[-1]._page_box
    root = next((c for c in page.children if type(c).__name__ == "BlockBox"), None)
    if root is None or not root.children or not page.height:
        return 1.0
    return min(1.0, root.children[0].margin_height() / page.height)


def _max_pages(html: str) -> int | None:
    m = re.search(r'<meta name="sdmkit-max-pages" content="(\d+)"', html)
    return int(m.group(1)) if m else None


# The fitting step each document's HTML settled on, by the HTML's digest: exporting
# the same document again in this process (the app's download button after a
# preview, a bulk export that repeats) lays it out once instead of trying each step.
_FITTED: dict[str, int] = {}
_FITTED_MAX = 512


def fitted_pdf(make_html, fetcher=None) -> bytes:
    """The PDF of make_html(0), tightened a step or two (make_html(1), make_html(2): the
    same HTML with body class fit-1, fit-2) when that saves a near-empty last page or
    keeps the document inside the page count its template asks for (a charter: two)."""
    return fitted_layout(make_html, fetcher).write_pdf()


def fitted_layout(make_html, fetcher=None, font_config=None):
    """The laid-out pages fitted_pdf writes, for a caller that joins several documents
    page by page (the portfolio, which gives all of them one `font_config`)."""
    fetcher = fetcher or make_fetcher()
    font_config = font_config or fonts()
    html = make_html(0)
    key = hashlib.sha1(html.encode("utf-8")).hexdigest()
    if key in _FITTED:
        step = _FITTED[key]
        return _layout(html if step == 0 else make_html(step), fetcher, font_config)
    best, chosen = _layout(html, fetcher, font_config), 0
    budget = _max_pages(html)

    def needs_fit(d) -> bool:
        over = budget is not None and len(d.pages) > budget
        return over or (len(d.pages) > 1 and last_page_fill(d) < NEAR_EMPTY)

    for step in range(1, FIT_STEPS + 1):
        if not needs_fit(best):
            break
        tighter = _layout(make_html(step), fetcher, font_config)
        if len(tighter.pages) < len(best.pages):
            best, chosen = tighter, step
    if len(_FITTED) >= _FITTED_MAX:
        _FITTED.clear()
    _FITTED[key] = chosen
    return best


def print_pdf(html: str, fetcher=None) -> bytes:
    """The PDF of a document's print HTML, fitted (its tighter layouts are the same HTML
    with a fit class on the body, layout.with_fit)."""
    return fitted_pdf(lambda step: with_fit(html, step), fetcher)
