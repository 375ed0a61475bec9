"""The PR/FAQ editor and review mode through AppTest."""

from __future__ import annotations

from datetime import date, timedelta

from sdmkit.document import DocumentMeta
from tests.test_app import app, by_label, save, texts


def test_working_backwards_feeds_the_press_release(workspace):
    at = app("pages/prfaq.py", id="new")
    by_label(at.text_area, "Who is the customer?").input("Owners of small online shops.").run()
    assert "From your answer: Owners of small online shops." in texts(at)
    [b for b in at.button if b.label == "Start from it" and b.key.endswith("subheading|from")][
        0
    ].click().run()
    assert by_label(at.text_area, "Subheading").value == "Owners of small online shops."


def test_faq_bank_adds_a_hard_question(workspace):
    at = app("pages/prfaq.py", id="new")
    internal = [s for s in at.selectbox if s.label == "Starter questions"][1]
    internal.select("Why now? What happens if we wait a year?").run()
    [b for b in at.button if b.label == "Add it"][1].click().run()
    assert by_label(at.text_input, "Question 1: question").value == "Why now? What happens if we wait a year?"


def test_bad_input_gets_field_level_messages_and_keeps_text(workspace):
    past = (date.today() - timedelta(days=3)).isoformat()
    doc = workspace.create(
        "prfaq",
        {
            "headline": "",
            "launch_date": past,
            "city": "Berlin",
            "external_faqs": [{"question": "", "answer": "It is free."}],
        },
        DocumentMeta(title="Draft PR"),
    )
    at = app("pages/prfaq.py", id=str(doc.id))
    errors = " ".join(e.value for e in at.error)
    assert "The press release has no headline" in errors
    assert "is not in the future" in errors
    assert "FAQ 1 has an answer but no question" in errors
    assert by_label(at.text_area, "Answer").value == "It is free."
    by_label(at.text_input, "Headline").input("Sellers close their books in minutes").run()
    save(at)
    assert workspace.get(doc.id).content["external_faqs"] == [{"question": "", "answer": "It is free."}]


def test_review_mode_comments_and_decisions(workspace):
    from sdmkit.examples import load_examples
    from sdmkit.store import review as R

    load_examples(workspace)
    doc = workspace.list(kind="prfaq").items[0]
    at = app("pages/review.py", id=str(doc.id))
    assert not at.exception
    assert "No comments on this version yet." in texts(at)
    by_label(at.text_area, "Comment").input("Is the 20 minutes measured?")
    by_label(at.text_input, "Your name").input("Ana")
    [b for b in at.button if b.label == "Add comment"][0].click().run()
    assert [c.text for c in R.comments(workspace, doc.id)] == ["Is the 20 minutes measured?"]
    by_label(at.text_input, "Decision").input("Build for three tools first")
    [b for b in at.button if b.label.startswith("Record decision")][0].click().run()
    assert [d.decision for d in R.decisions(workspace, doc.id)] == ["Build for three tools first"]
    # The log shows a long decision whole (a table cell cut it at its width), its
    # words inert.
    long = (
        "Build for three tools first, then the other two once the first three hold a 95% "
        "match rate for a month; <b>finance</b> signs off on the cut-over date"
    )
    by_label(at.text_input, "Decision").input(long)
    [b for b in at.button if b.label.startswith("Record decision")][0].click().run()
    assert long in texts(at)
    (entry,) = [m.value for m in at.markdown if "signs off on the cut" in m.value]
    assert r"\<b\>finance\<\/b\>" in entry  # escaped: shown as typed, not made bold


def test_a_comment_and_a_decision_half_written_survive_another_page_and_a_rejection(workspace):
    """They were form fields: a form sends what is typed only with its button, so a
    comment being written was gone after a look at the Library, and a rejected decision
    came back empty."""
    from sdmkit.examples import load_examples
    from sdmkit.store import review as R

    load_examples(workspace)
    doc = workspace.list(kind="prfaq").items[0]
    at = app("pages/review.py", id=str(doc.id))
    by_label(at.text_area, "Comment").input("Is the 20 minutes measured?").run()
    by_label(at.text_input, "Decided by").input("Maria").run()
    assert "Not added yet" in texts(at)
    [b for b in at.button if b.label.startswith("Record decision")][0].click().run()
    assert "Decision: say what was decided" in texts(at)  # named, and Maria is still there
    assert by_label(at.text_input, "Decided by").value == "Maria"

    at.switch_page("pages/library.py")
    at.run()
    at.switch_page("pages/review.py")
    at.run()
    assert not at.exception
    assert by_label(at.text_area, "Comment").value == "Is the 20 minutes measured?"
    assert by_label(at.text_input, "Decided by").value == "Maria"
    assert R.comments(workspace, doc.id) == []  # typed, not added
    [b for b in at.button if b.label == "Add comment"][0].click().run()
    assert [c.text for c in R.comments(workspace, doc.id)] == ["Is the 20 minutes measured?"]
    assert by_label(at.text_area, "Comment").value == ""  # cleared for the next one
    assert "Not added yet" not in texts(at)


def test_the_review_page_offers_the_document_last_reviewed_first(workspace):
    """Back from another page, the Review link opens the picker: on the document being
    reviewed, whose comment being written is there, not on the newest document."""
    from sdmkit.examples import load_examples

    load_examples(workspace)
    docs = workspace.list(limit=100).items
    older = docs[-1]
    at = app("pages/review.py", id=str(older.id))
    by_label(at.text_area, "Comment").input("Is the 20 minutes measured?").run()
    at.query_params.clear()
    at.switch_page("pages/library.py")
    at.run()
    at.switch_page("pages/review.py")
    at.run()
    assert not at.exception
    assert by_label(at.selectbox, "Document").value.id == older.id
    [b for b in at.button if b.label == "Review it"][0].click().run()
    assert by_label(at.text_area, "Comment").value == "Is the 20 minutes measured?"


def test_review_page_without_a_document_offers_a_choice(workspace):
    at = app("pages/review.py")
    assert not at.exception
    assert "Pick a document to review" in texts(at)
