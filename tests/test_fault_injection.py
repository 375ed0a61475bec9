"""User text stays inert where it is a label: a metric's unit and a period in the
review's Markdown, HTML and PDF, and chart titles."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from sdmkit.document import DocumentMeta
from sdmkit.export import render
from tests.conftest import ROOT

pytestmark = pytest.mark.fault

CANARY = "![seen](http://canary.invalid/x.png)<img src=http://canary.invalid/y.png>"


@pytest.fixture
def hostile_review(store):
    data = yaml.safe_load((ROOT / "examples" / "metric_review" / "payments-week-2026-11-15.yaml").read_text())
    content = copy.deepcopy(data["content"])
    metric = content["metrics"][0]
    metric["unit"] = "ms\n" + CANARY
    metric["weekly"][0]["period"] = "2026-10-11 | " + CANARY
    return store.create("metric_review", content, DocumentMeta(title=data["title"], team=data["team"]))


def test_unit_and_period_are_escaped_in_the_review_markdown(hostile_review):
    md = render(hostile_review, "md").decode()
    # The short front matter and the data block at the end (an HTML comment) carry the
    # raw values; the text between them is what a reader's renderer shows.
    body, data = md.split("\n---\n", 1)[1].split("\n<!-- sdmkit-data\n")
    assert "<" not in data and "--" not in data.removesuffix("-->\n")
    assert not re.search(r"(?<!\\)\]\(http://canary", body), "an image link survived unescaped"
    assert "<img" not in body
    assert "!\\[seen\\](http://canary.invalid/x.png)&lt;img" in body


def test_a_newline_in_a_unit_does_not_break_the_chart_or_the_pdf(hostile_review):
    html = render(hostile_review, "html").decode()
    assert "<img src=http://canary" not in html and 'src="http://canary' not in html
    pdf = render(hostile_review, "pdf")
    assert pdf.startswith(b"%PDF")
