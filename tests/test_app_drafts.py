"""The draft is the document being edited: leaving the page, coming back or reshaping a
list never changes it. Through Streamlit's AppTest, which drops the keys of widgets a
run does not draw exactly as a browser session does; the browser tests repeat the
journeys in Chromium, with reloads and closed tabs."""

from __future__ import annotations

import pytest

from sdmkit.interchange import read_file
from tests.conftest import ROOT, example_paths
from tests.test_app import app, by_label, save, texts


def _load(workspace, path):
    doc = read_file(path)
    return workspace.create(doc.kind, doc.content, doc.meta)


def _leave_and_return(at, page: str, doc_id: int):
    at.switch_page("pages/home.py").run()
    assert not at.exception
    at.query_params["id"] = str(doc_id)
    at.switch_page(page).run()
    assert not at.exception


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_example_survives_leaving_its_editor_untouched(workspace, path):
    doc = _load(workspace, path)
    page = doc.kind_spec.page
    at = app(page, id=str(doc.id))
    _leave_and_return(at, page, doc.id)
    assert "Unsaved changes" not in texts(at)
    save(at)
    assert workspace.get(doc.id).content == doc.content


def test_typed_tenet_survives_leaving_and_a_reorder(workspace):
    doc = _load(workspace, ROOT / "examples/charter/payments-platform.yaml")
    at = app("pages/charter.py", id=str(doc.id))
    by_label(at.text_input, "Tenet 2: name").input("Typed, not saved").run()
    _leave_and_return(at, "pages/charter.py", doc.id)
    assert by_label(at.text_input, "Tenet 2: name").value == "Typed, not saved"
    assert "Unsaved changes" in texts(at)
    [b for b in at.button if b.key.endswith("|1|up")][0].click().run()
    _leave_and_return(at, "pages/charter.py", doc.id)
    assert by_label(at.text_input, "Tenet 1: name").value == "Typed, not saved"
    save(at)
    tenets = workspace.get(doc.id).content["tenets"]
    assert [t["name"] for t in tenets[:2]] == ["Typed, not saved", doc.content["tenets"][0]["name"]]
    assert len(tenets) == len(doc.content["tenets"])


def test_typed_why_and_commentary_status_survive_leaving(workspace):
    from sdmkit.examples import load_examples

    load_examples(workspace)
    coe = next(s for s in workspace.list(kind="coe").items)
    at = app("pages/coe.py", id=str(coe.id))
    by_label(at.text_area, "Why 1").input("Typed why.").run()
    _leave_and_return(at, "pages/coe.py", coe.id)
    assert by_label(at.text_area, "Why 1").value == "Typed why."

    review = workspace.list(kind="metric_review").items[0]
    at = app("pages/metric_review.py", id=str(review.id))
    status = next(w for w in at.selectbox if w.label.startswith("Status of "))
    label = status.label
    status.select("still investigating").run()
    _leave_and_return(at, "pages/metric_review.py", review.id)
    assert by_label(at.selectbox, label).value == "still investigating"
    save(at)
    name = label.removeprefix("Status of ")
    metric = next(m for m in workspace.get(review.id).content["metrics"] if m["name"] == name)
    assert metric["status"] == "still investigating"
