"""No user text reaches a Markdown-rendering element unescaped.

Streamlit renders labels, help, captions, alerts, tiles and radio options as
Markdown, images included, so a member named `![x](http://host/pixel)` would make
every visitor's browser fetch it. Every document, the metric catalog and the
story bank are filled with such text, every page is drawn, and every
Markdown-bearing field of every element is searched for the live image."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

pytestmark = pytest.mark.fault

ENTRY = str(ROOT / "streamlit_app.py")
CANARY = "![seen](http://canary.invalid/p.png)"
# In Markdown, an image is live unless its bracket or parenthesis is escaped.
LIVE = re.compile(r"(?<!\\)!(?<!\\)\[seen(?<!\\)\](?<!\\)\(http://canary")
LIVE_HTML = re.compile(r"<img\b|\b(?:src|srcset|href|poster|data)\s*=\s*[\"']?\s*http://canary", re.I)
MARKDOWN_FIELDS = {"label", "help", "body", "caption", "placeholder", "text", "delta"}
# Widgets whose options are Markdown too (a selectbox's and a multiselect's are plain).
MARKDOWN_OPTIONS = {"radio", "button_group", "select_slider"}


def _poisoned(kind, content: dict) -> dict:
    """Every text of the content with the canary added, where the kind's model accepts it."""
    import json

    content = json.loads(json.dumps(content))

    def leaves(value, path=()):
        if isinstance(value, dict):
            for k, v in value.items():
                yield from leaves(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from leaves(v, (*path, i))
        elif isinstance(value, str) and value:
            yield path

    for path in list(leaves(content)):
        target = content
        for part in path[:-1]:
            target = target[part]
        before = target[path[-1]]
        target[path[-1]] = f"{before} {CANARY}"
        try:
            kind.validate(content)
        except Exception:
            target[path[-1]] = before
    return kind.validate(content).model_dump(mode="json")


@pytest.fixture
def poisoned_workspace(workspace):
    from sdmkit.examples import load_examples
    from sdmkit.metrics.catalog import Metric, catalog, save_catalog

    load_examples(workspace)
    for summary in workspace.list(limit=100).items:
        doc = workspace.get(summary.id)
        meta = doc.meta.replace(title=f"{doc.title} {CANARY}"[:300], tags=[*doc.tags, CANARY])
        workspace.save(doc.id, doc.version, _poisoned(doc.kind_spec, doc.content), meta)
    for team in ("Payments Platform",):
        metrics = catalog(workspace, team)
        save_catalog(
            workspace,
            team,
            [
                *metrics,
                Metric(f"Pages {CANARY}"[:200], unit=CANARY[:40], owner=CANARY, drives=metrics[0].name),
            ],
        )
    from sdmkit.stories.mine import mine_all

    mine_all(workspace)
    return workspace


def _live_images(at: AppTest) -> tuple[list[str], int]:
    """The live canary images, and how many fields showed the canary at all (escaped)."""
    found = []
    shown = 0

    def walk(node):
        nonlocal shown
        proto = getattr(node, "proto", None)
        if proto is not None:
            for field, value in proto.ListFields():
                texts = value if isinstance(value, str) else None
                if field.name == "options" and getattr(node, "type", "") in MARKDOWN_OPTIONS:
                    texts = " | ".join(x if isinstance(x, str) else getattr(x, "content", "") for x in value)
                elif field.name not in MARKDOWN_FIELDS:
                    continue
                if not texts:
                    continue
                if "canary" in texts:
                    shown += 1
                # st.html's body is HTML, not Markdown: there a live image is a tag or an
                # attribute that loads the canary, and the Markdown image syntax is plain text.
                live = LIVE_HTML if getattr(node, "type", "") == "html" and field.name == "body" else LIVE
                if live.search(texts):
                    found.append(f"{getattr(node, 'type', '?')}.{field.name}: {texts[:120]}")
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found, shown


# Pages that show the user's text only in tables and select boxes, which are plain.
OUTSIDE_MARKDOWN = {
    "pages/library.py",
    "pages/actions.py",
    "pages/review.py",
    "pages/metrics.py",
    "pages/story_bank.py",
    "pages/settings.py",
}


def _pages(store):
    pages = [
        ("pages/home.py", {}),
        ("pages/library.py", {}),
        ("pages/actions.py", {}),
        ("pages/review.py", {}),
        ("pages/metrics.py", {}),
        ("pages/story_bank.py", {}),
        ("pages/settings.py", {}),
    ]
    seen = set()
    for s in store.list(limit=200).items:
        if s.kind not in seen:
            seen.add(s.kind)
            pages.append((f"pages/{s.kind}.py", {"id": str(s.id)}))
    return pages


def test_no_page_renders_an_image_from_user_text(poisoned_workspace):
    problems, silent = [], []
    for page, params in _pages(poisoned_workspace):
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.run()
        for k, v in params.items():
            at.query_params[k] = v
        at.switch_page(page)
        at.run()
        assert not at.exception, (page, at.exception)
        live, shown = _live_images(at)
        problems += [f"{page}: {p}" for p in live]
        if not shown:
            silent.append(page)
    assert not problems, "\n".join(problems)
    # The check means something only where the user's text is on the page: every
    # editor and Home show it in Markdown (the Library and catalogs show it in tables).
    assert not [p for p in silent if p not in OUTSIDE_MARKDOWN], silent
