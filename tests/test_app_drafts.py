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


# --- a reload, a closed tab: the draft kept in the workspace -----------------------------


def _reload(at, page: str):
    """A new browser session on the same address, as F5 gives (session state is gone)."""
    again = app(page, **dict(at.query_params.items()))
    return again


def _query(at) -> dict:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_a_reload_brings_back_a_new_documents_typing(workspace):
    at = app("pages/prfaq.py", id="new")
    by_label(at.text_input, "Headline").input("Sellers close their books in minutes").run()
    params = _query(at)
    assert params.get("draft"), "the address names the tab's stored draft"
    again = app("pages/prfaq.py", **params)
    assert by_label(again.text_input, "Headline").value == "Sellers close their books in minutes"
    assert "Unsaved changes" in texts(again) and "are back" in texts(again)
    save(again)
    assert workspace.list(kind="prfaq").items[0].title == "Sellers close their books in minutes"
    assert workspace.drafts.all() == []  # saved: the stored draft is gone


def test_reopening_a_document_offers_its_unsaved_changes(workspace):
    doc = _load(workspace, ROOT / "examples/charter/payments-platform.yaml")
    at = app("pages/charter.py", id=str(doc.id))
    by_label(at.text_input, "Tenet 1: name").input("Typed before the tab closed").run()
    assert [d.document_id for d in workspace.drafts.all()] == [doc.id]

    home = app()  # a new tab: Home lists the unsaved changes
    assert "nothing you typed is lost meanwhile" in texts(home)
    assert "Payments Platform team charter" in texts(home)
    again = app("pages/charter.py", id=str(doc.id))  # opened again without the old address
    assert "has unsaved changes from" in texts(again)
    assert by_label(again.text_input, "Tenet 1: name").value == doc.content["tenets"][0]["name"]
    [b for b in again.button if b.label == "Restore your unsaved changes"][0].click().run()
    assert by_label(again.text_input, "Tenet 1: name").value == "Typed before the tab closed"
    tenet_names = [t["name"] for t in doc.content["tenets"]]
    for i, name in enumerate(tenet_names[1:], 2):
        assert by_label(again.text_input, f"Tenet {i}: name").value == name
    save(again)
    assert workspace.get(doc.id).content["tenets"][0]["name"] == "Typed before the tab closed"
    assert workspace.drafts.all() == []


def test_discarding_an_offered_draft_removes_it(workspace):
    doc = _load(workspace, ROOT / "examples/charter/payments-platform.yaml")
    at = app("pages/charter.py", id=str(doc.id))
    by_label(at.text_area, "Mission").input("Abandoned.").run()
    again = app("pages/charter.py", id=str(doc.id))
    [b for b in again.button if b.label == "Discard them"][0].click().run()
    assert workspace.drafts.all() == []
    assert by_label(again.text_area, "Mission").value == doc.content["mission"]
    assert "has unsaved changes" not in texts(again)


def test_the_list_marks_documents_with_unsaved_changes(workspace):
    doc = _load(workspace, ROOT / "examples/charter/payments-platform.yaml")
    at = app("pages/charter.py", id=str(doc.id))
    by_label(at.text_area, "Mission").input("Typed.").run()
    listing = app("pages/charter.py")
    assert "unsaved changes from" in texts(listing)


# --- "New" left unsaved: picked up again, not piled up ------------------------------------


def _titles(workspace) -> list[str]:
    return [d.meta.title for d in workspace.drafts.all()]


def test_a_new_document_left_unsaved_is_picked_up_by_the_next_new(workspace):
    first = app("pages/coe.py", id="new")
    by_label(first.text_input, "Title").input("Checkout failed for 47 minutes").run()
    # The writer leaves without saving (closes the tab); later they start a New COE.
    again = app("pages/coe.py", id="new")
    assert by_label(again.text_input, "Title").value == "Checkout failed for 47 minutes"
    assert "This new COE was left unsaved" in texts(again) and "is back as it was" in texts(again)
    by_label(again.text_input, "Title").input("Checkout failed for 47 minutes on 14 March").run()
    third = app("pages/coe.py", id="new")
    assert by_label(third.text_input, "Title").value == "Checkout failed for 47 minutes on 14 March"
    assert _titles(workspace) == ["Checkout failed for 47 minutes on 14 March"]  # one, not three
    home = app()
    assert texts(home).count("Checkout failed for 47 minutes") == 1
    save(third)
    assert [s.title for s in workspace.list(kind="coe").items] == [
        "Checkout failed for 47 minutes on 14 March"
    ]
    assert workspace.drafts.all() == []
    assert by_label(app("pages/coe.py", id="new").text_input, "Title").value == ""  # saved: New is blank


def test_a_blank_one_on_request_keeps_the_one_left(workspace):
    first = app("pages/coe.py", id="new")
    by_label(first.text_input, "Title").input("Checkout failed").run()
    token = _query(first)["draft"]
    again = app("pages/coe.py", id="new")
    [b for b in again.button if b.label == "Start a blank COE"][0].click().run()
    assert not again.exception
    assert by_label(again.text_input, "Title").value == ""
    # Given back as it was, under the token of the tab that wrote it (still open here).
    assert [(d.token, d.meta.title) for d in workspace.drafts.all()] == [(token, "Checkout failed")]
    by_label(first.text_input, "Title").input("Checkout failed for 47 minutes").run()
    by_label(again.text_input, "Title").input("Search index stale").run()
    assert sorted(_titles(workspace)) == ["Checkout failed for 47 minutes", "Search index stale"]
    page = texts(app())
    assert "Checkout failed" in page and "Search index stale" in page


def test_home_discards_an_unsaved_draft_after_asking(workspace):
    at = app("pages/coe.py", id="new")
    by_label(at.text_input, "Title").input("Checkout failed").run()
    other = app("pages/prfaq.py", id="new")
    by_label(other.text_input, "Headline").input("Sellers close their books in minutes").run()
    at.switch_page("pages/home.py").run()
    # Discard opens a question with the button that acts; nothing goes on one click.
    asks = at.get("popover")
    assert [p.proto.popover.label for p in asks] == ["Discard", "Discard"]
    assert all("cannot be brought back" in p.markdown[0].value for p in asks)
    discard = [b for p in asks for b in p.button]
    assert [b.label for b in discard] == ["Discard for good", "Discard for good"]
    row = next(i for i, m in enumerate(at.markdown) if "Checkout failed" in m.value)
    # Rows are newest first: the PR/FAQ, then the COE.
    assert row > next(i for i, m in enumerate(at.markdown) if "Sellers close" in m.value)
    discard[1].click().run()
    assert not at.exception
    assert _titles(workspace) == [""]  # the PR/FAQ's draft (titled by its headline) is kept
    assert workspace.drafts.all()[0].content["headline"] == "Sellers close their books in minutes"
    assert "Checkout failed" not in texts(at)
    # The editor this session had open on it does not bring the discarded text back.
    at.query_params["id"] = "new"
    at.switch_page("pages/coe.py").run()
    assert by_label(at.text_input, "Title").value == ""
    assert len(workspace.drafts.all()) == 1


def test_typing_beside_an_offered_draft_is_kept_through_a_reload(workspace):
    doc = _load(workspace, ROOT / "examples/charter/payments-platform.yaml")
    first = app("pages/charter.py", id=str(doc.id))
    by_label(first.text_area, "Mission").input("Typed in the first tab.").run()
    second = app("pages/charter.py", id=str(doc.id))  # another tab: the first tab's changes are offered
    assert "has unsaved changes from" in texts(second)
    by_label(second.text_input, "Tenet 1: name").input("Typed in the second tab").run()
    again = _reload(second, "pages/charter.py")
    assert by_label(again.text_input, "Tenet 1: name").value == "Typed in the second tab"
    # the first tab's changes are still there for it, untouched
    (kept,) = [d for d in workspace.drafts.all() if d.content["mission"] == "Typed in the first tab."]
    assert kept.content["tenets"][0]["name"] == doc.content["tenets"][0]["name"]
    # restoring the first tab's changes in the second keeps the second tab's typing too
    [b for b in again.button if b.label == "Restore your unsaved changes"][0].click().run()
    assert by_label(again.text_area, "Mission").value == "Typed in the first tab."
    assert any(d.content["tenets"][0]["name"] == "Typed in the second tab" for d in workspace.drafts.all())


def test_two_tabs_on_one_restored_draft_do_not_overwrite_each_others_typing(workspace):
    """The first tab is still open and types on after the second restored its changes:
    each tab's typing is kept in the workspace, neither overwriting the other's."""
    doc = _load(workspace, ROOT / "examples/charter/payments-platform.yaml")
    first = app("pages/charter.py", id=str(doc.id))
    by_label(first.text_area, "Mission").input("Typed in the first tab.").run()
    second = app("pages/charter.py", id=str(doc.id))
    [b for b in second.button if b.label == "Restore your unsaved changes"][0].click().run()
    assert by_label(second.text_area, "Mission").value == "Typed in the first tab."
    by_label(second.text_input, "Tenet 1: name").input("Typed in the second tab").run()
    by_label(first.text_area, "Mission").input("The first tab typed on.").run()
    by_label(second.text_input, "Tenet 1: name").input("The second tab typed on too").run()
    kept = {(d.content["mission"], d.content["tenets"][0]["name"]) for d in workspace.drafts.all()}
    assert ("Typed in the first tab.", "The second tab typed on too") in kept
    assert ("The first tab typed on.", doc.content["tenets"][0]["name"]) in kept
