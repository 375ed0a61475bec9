"""PR/FAQ: each narrative rule fires on text that earns it and stays quiet on text
that does not; the editor and `sdmkit lint --json` agree; review records."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import yaml

from sdmkit import clock
from sdmkit.coach import lint
from sdmkit.compare import html_table, side_by_side
from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.registry import get_kind
from tests.conftest import ROOT

KIND = get_kind("prfaq")
EXAMPLE = ROOT / "examples" / "prfaq" / "matched-payouts.yaml"


def good() -> dict:
    return yaml.safe_load(EXAMPLE.read_text())["content"]


def fired(content: dict, allow=()) -> set[str]:
    return {f.rule for f in lint(KIND, KIND.validate(content), allow=allow)}


def fired_in_solution(content: dict, allow=()) -> set[str]:
    """Rules that fire on the solution paragraph (the example has findings of its own elsewhere)."""
    return {f.rule for f in lint(KIND, KIND.validate(content), allow=allow) if f.location == "solution"}


def findings(content: dict, rule: str):
    return [f for f in lint(KIND, KIND.validate(content)) if f.rule == rule]


def with_(**changes) -> dict:
    c = good()
    c.update(changes)
    return c


def test_the_example_has_no_prfaq_findings():
    assert not {r for r in fired(good()) if r.startswith("prfaq.")}


PAST = (date.today() - timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    "rule, broken, location",
    [
        ("prfaq.headline", {"headline": ""}, "headline"),
        ("prfaq.dateline", {"launch_date": PAST}, "launch_date"),
        ("prfaq.dateline", {"city": ""}, "city"),
        ("prfaq.two_quotes", {"customer_quote": {"text": "", "speaker": ""}}, "customer_quote.text"),
        (
            "prfaq.two_quotes",
            {
                "solution": 'It works. "This is the best thing our shop has ever had, honestly," said a seller.'
            },
            "solution",
        ),
        (
            "prfaq.faq_pairs",
            {"external_faqs": [{"question": "", "answer": "It is free."}]},
            "external_faqs[1].question",
        ),
        (
            "prfaq.softball",
            {"external_faqs": [{"question": "Why will sellers love this?", "answer": "Time."}]},
            "external_faqs[1].question",
        ),
        (
            "prfaq.customer_focus",
            {
                "solution": "We built it. We run it on our platform and we are proud of our team; "
                "we think our work shows."
            },
            "solution",
        ),
        ("prfaq.working_backwards", {"evidence": ""}, "evidence"),
        (
            "prfaq.pr_one_page",
            {"problem_paragraph": " ".join(["Sellers match payouts by hand."] * 120)},
            "summary",
        ),
        (
            "prfaq.faq_five_pages",
            {"internal_faqs": [{"question": "Why?", "answer": " ".join(["word"] * 2800)}]},
            "internal_faqs",
        ),
        (
            "prfaq.hard_questions",
            {"internal_faqs": [{"question": "What will it cost?", "answer": "Two engineers."}]},
            "internal_faqs",
        ),
    ],
)
def test_rule_fires_where_it_should(rule, broken, location):
    hits = findings(with_(**broken), rule)
    assert hits and hits[0].location == location
    assert rule not in fired(good())


def test_bad_input_is_an_error_at_its_field():
    bad = with_(headline="", launch_date=PAST, external_faqs=[{"question": "", "answer": "Free."}])
    errors = {(f.rule, f.location) for f in lint(KIND, KIND.validate(bad)) if f.severity == "error"}
    assert {
        ("prfaq.headline", "headline"),
        ("prfaq.dateline", "launch_date"),
        ("prfaq.faq_pairs", "external_faqs[1].question"),
    } <= errors


def test_today_is_injectable():
    with clock.frozen(datetime(2030, 1, 1, 12, tzinfo=UTC)):
        assert "prfaq.dateline" in fired(good())


@pytest.mark.parametrize(
    "question",
    [
        "What are the three biggest risks?",
        "Why now? What happens if we wait a year?",
        "How much does it cost?",
        "What happens when it does not work?",
    ],
)
def test_hard_questions_are_not_softballs(question):
    assert "prfaq.softball" not in fired(
        with_(external_faqs=[{"question": question, "answer": "An answer."}])
    )


def test_customer_focused_text_passes():
    text = "You connect your tool once. Your payouts arrive matched; customers close the month in minutes."
    assert "prfaq.customer_focus" not in fired(with_(solution=text))


# --- the narrative pack, as this kind sets it --------------------------------------


def test_sentences_over_20_words_are_long_here():
    twenty_one = "Sellers " + " ".join(["connect"] * 19) + " today."
    nineteen = "Sellers " + " ".join(["connect"] * 17) + " today."
    assert "prose.long_sentence" in fired_in_solution(with_(solution=twenty_one))
    assert "prose.long_sentence" not in fired_in_solution(with_(solution=nineteen))


def test_readability_fires_on_dense_prose_only():
    dense = (
        "Organisational interoperability considerations necessitate comprehensive infrastructural "
        "standardisation initiatives, notwithstanding institutional implementation complexities. "
    ) * 8
    assert "prose.readability" in fired(with_(solution=dense, problem_paragraph=dense))
    assert "prose.readability" not in fired(good())


def test_allow_list_silences_a_word_for_this_document():
    text = "Sellers use the PSP dashboard. It is very fast."
    assert {"prose.acronym", "prose.weasel"} <= fired_in_solution(with_(solution=text))
    assert not {"prose.acronym", "prose.weasel"} & fired_in_solution(
        with_(solution=text), allow=["PSP", "very"]
    )


def test_no_findings_inside_code_links_or_quoted_names():
    text = 'Open `SOON_FLAG` at https://x.example/many-soon and pick "Very Fast Payouts" in the menu.'
    assert not {"prose.weasel", "prose.vague_time", "prose.acronym"} & fired_in_solution(with_(solution=text))
    assert {"prose.weasel", "prose.vague_time"} <= fired_in_solution(
        with_(solution="Very many sellers, soon.")
    )


def test_editor_and_cli_report_the_same_findings(workspace):
    """The editor's coach panel and `sdmkit lint --json` come from one function; check the output too."""
    from typer.testing import CliRunner

    from sdmkit.cli import app as cli
    from sdmkit.interchange import read_file
    from tests.test_app import app

    doc = read_file(EXAMPLE)
    stored = workspace.create(
        doc.kind, doc.content, DocumentMeta(title=doc.title, team=doc.team, coach_allow=["EUR"])
    )
    out = json.loads(CliRunner().invoke(cli, ["lint", str(stored.id), "--json"]).output)
    cli_rules = sorted((f["rule"], f["location"]) for f in out["findings"])
    at = app("pages/prfaq.py", id=str(stored.id))
    from sdmkit.ui.coach_panel import _rule_titles

    # A coach card ends with its rule in words, in italics (the id is for the CLI).
    titles = _rule_titles(stored.kind_spec)
    shown = [e.value for e in [*at.error, *at.warning, *at.info] if e.value.rstrip().endswith("*")]
    editor_rules = sorted(re.sub(r"\\(.)", r"\1", s.rstrip().rsplit("*", 2)[-2]) for s in shown)
    assert editor_rules == sorted(titles[r] for r, _ in cli_rules)
    assert titles["prose.acronym"] not in editor_rules  # EUR is allowed in this document, in both places


# --- comparison and review --------------------------------------------------------


def test_side_by_side_marks_changed_words_and_escapes_text():
    rows = side_by_side("Launch <b>soon</b>.\nSame line", "Launch on 14 April.\nSame line\nNew line")
    assert [r.status for r in rows] == ["changed", "same", "added"]
    assert "<del>&lt;b&gt;soon&lt;/b&gt;</del>" in rows[0].old and "<ins>on 14 April</ins>" in rows[0].new
    table = html_table(rows, "Version 1", "Version <2>")
    assert "<b>" not in table and "Version &lt;2&gt;" in table


def test_comments_stay_with_their_revision(store):
    from sdmkit.store import review as R

    doc = store.create("prfaq", good(), DocumentMeta(title="PR"))
    R.add_comment(store, doc.id, 1, "Is 20 minutes measured or hoped?", anchor="Press release", author="Ana")
    store.save(doc.id, 1, with_(summary="Shorter summary."), doc.meta)
    R.add_comment(store, doc.id, 2, "Better.", author="Ana")
    assert [c.text for c in R.comments(store, doc.id, version=1)] == ["Is 20 minutes measured or hoped?"]
    assert [c.version for c in R.comments(store, doc.id)] == [1, 2]
    first = R.comments(store, doc.id)[0]
    R.set_resolved(store, first.id)
    assert R.comments(store, doc.id, version=1)[0].resolved
    with pytest.raises(InvalidDocument, match="comment"):
        R.add_comment(store, doc.id, 2, "   ")


def test_decision_log(store):
    from sdmkit.store import review as R

    doc = store.create("prfaq", good(), DocumentMeta(title="PR"))
    R.add_decision(
        store,
        doc.id,
        1,
        "Build it for three tools first",
        outcome="approved",
        decided_by="Maria Santos",
        decided_on=date(2026, 11, 20),
    )
    log = R.decisions(store, doc.id)
    assert [(d.decision, d.outcome, d.version) for d in log] == [
        ("Build it for three tools first", "approved", 1)
    ]
    with pytest.raises(InvalidDocument) as caught:
        R.add_decision(store, doc.id, 1, "", outcome="maybe")
    assert {p.field for p in caught.value.problems} == {"decision", "outcome"}


def test_backup_keeps_comments_and_decisions(sqlite_store, tmp_path):
    from sdmkit.backup import dump, restore
    from sdmkit.store import open_store
    from sdmkit.store import review as R

    doc = sqlite_store.create("prfaq", good(), DocumentMeta(title="PR", coach_allow=["EUR"]))
    R.add_comment(sqlite_store, doc.id, 1, "A comment", anchor="Press release")
    R.add_decision(sqlite_store, doc.id, 1, "Go", outcome="approved")
    data = json.loads(json.dumps(dump(sqlite_store)))
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    restore(other, data)
    assert dump(other) == dump(sqlite_store)
    assert other.get(doc.id).coach_allow == ["EUR"]
    other.engine.dispose()


def test_an_approval_in_the_log_sets_the_status_only_of_the_version_approved(store):
    """A document the log says was approved but whose status still says draft prints
    'Status: draft' on every export: the review offers to set it, as a new version of the
    same text, but only when the approval was of the version the document is at now."""
    from sdmkit.errors import Conflict
    from sdmkit.store import review as R

    doc = store.create("prfaq", good(), DocumentMeta(title="PR"))
    assert R.status_due(store, doc.id) is None  # no decision yet
    R.add_decision(store, doc.id, 1, "Needs a pricing FAQ", outcome="needs more work")
    assert R.status_due(store, doc.id) is None
    R.add_decision(store, doc.id, 1, "Go for Q2", outcome="approved", decided_on=date(2026, 11, 20))
    due = R.status_due(store, doc.id)
    assert due is not None and (due.status, due.stale, due.decision.decision) == (
        "approved",
        False,
        "Go for Q2",
    )
    with pytest.raises(Conflict):  # the page read version 1; a stale page changes nothing
        R.set_status_from_decision(store, doc.id, 0)
    saved = R.set_status_from_decision(store, doc.id, 1)
    assert (saved.version, saved.status, saved.content) == (2, "approved", store.revision(doc.id, 1).content)
    assert store.history(doc.id)[0].note == "status set to approved: decision of 2026-11-20"
    assert R.status_due(store, doc.id) is None  # it agrees now
    with pytest.raises(InvalidDocument):
        R.set_status_from_decision(store, doc.id, 2)

    # Approved at version 1, edited since: what was approved is not what it says now.
    other = store.create("prfaq", good(), DocumentMeta(title="Other", status="in review"))
    R.add_decision(store, other.id, 1, "Go", outcome="approved")
    edited = store.update(other.with_meta(title="Other, edited"))
    due = R.status_due(store, other.id)
    assert due is not None and due.stale and due.current_version == edited.version == 2
    with pytest.raises(InvalidDocument) as caught:
        R.set_status_from_decision(store, other.id, 2)
    assert "version 1" in caught.value.problems[0].problem
    assert store.get(other.id).status == "in review"

    # A launched PR/FAQ is past approval: nothing to set.
    launched = store.create("prfaq", good(), DocumentMeta(title="Live", status="launched"))
    R.add_decision(store, launched.id, 1, "Go", outcome="approved")
    assert R.status_due(store, launched.id) is None
