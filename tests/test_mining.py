"""Mining STAR drafts from every kind, re-mining that keeps edits, matching and coverage."""

from __future__ import annotations

import json
import re

import pytest

from sdmkit.document import DocumentMeta
from sdmkit.interview import PRINCIPLES, ROUNDS
from sdmkit.stories.match import coverage, match
from sdmkit.stories.mine import mine_all, star_text
from tests.conftest import mined_outage


def test_every_example_document_yields_a_story_linked_to_its_source(sqlite_store):
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    report = mine_all(sqlite_store)
    stories = list(sqlite_store.iter_documents(kind="story"))
    mined = [s for s in stories if s.content.get("origin")]
    assert len(mined) == len(report.created) > 0
    sources = {int(s.content["origin"].split(":")[0]) for s in mined}
    minable = {d.id for d in sqlite_store.iter_documents() if d.kind != "story"}
    assert sources == minable  # at least one story per document
    for s in mined:
        assert s.content["situation"] and s.content["action"] and s.content["result"]
        assert s.content["sources"] and all(
            x["document_id"] == int(s.content["origin"].split(":")[0]) for x in s.content["sources"]
        )
        # A principle is proposed only with the sentence of the story that shows it.
        said = star_text(s.content)
        for p in s.content["principles"]:
            assert p["principle"] in PRINCIPLES and p["evidence"] and p["evidence"] in said, (s.title, p)
        assert s.content["scope"] in ("team", "multi-team", "org")
    # A fresh draft lists the figures it cites, and the coach does not flag them: each
    # is in the story and in its source document.
    assert any(s.content["numbers"] for s in mined)
    from sdmkit.coach import lint_document

    for s in mined:
        flagged = [
            f
            for f in lint_document(s, sqlite_store.get)
            if f.rule in ("story.numbers", "story.source_figures")
        ]
        assert flagged == [], (s.title, flagged)


def test_mining_is_deterministic(sqlite_store, tmp_path):
    from sdmkit.examples import load_examples
    from sdmkit.store import open_store

    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    texts = []
    for store in (sqlite_store, other):
        load_examples(store)
        mine_all(store)
        texts.append(
            sorted(
                star_text(s.content) for s in store.iter_documents(kind="story") if s.content.get("origin")
            )
        )
    assert texts[0] == texts[1]
    other.engine.dispose()


def test_re_mining_keeps_edits_and_updates_untouched_stories(sqlite_store):
    coe = sqlite_store.create(
        "coe",
        {
            "summary": "Search was stale.",
            "impact": {"how_many": "1.9 million searches", "who": "UK shoppers"},
            "timeline": [
                {"at": "2026-09-09T06:05", "type": "start"},
                {"at": "2026-09-09T11:12", "type": "mitigation", "description": "Rebuilt the index"},
            ],
            "authors": ["Elena"],
        },
        DocumentMeta(title="Search stale", team="Search"),
    )
    first = mine_all(sqlite_store)
    assert len(first.created) == 1
    again = mine_all(sqlite_store)
    assert (again.skipped, again.created, again.updated) == (1, [], [])  # nothing changed: nothing done
    story = sqlite_store.get(first.created[0])
    edited = {**story.content, "action": "I rebuilt the index myself and paged the feed team."}
    sqlite_store.save(story.id, story.version, edited, DocumentMeta(title=story.title, team=story.team))
    sqlite_store.save(
        coe.id,
        coe.version,
        {**coe.content, "lessons": ["Alarm on index age"]},
        DocumentMeta(title=coe.title, team=coe.team),
    )
    report = mine_all(sqlite_store)
    assert report.kept == [story.id] and report.updated == []
    assert (
        sqlite_store.get(story.id).content["action"] == "I rebuilt the index myself and paged the feed team."
    )
    # An untouched story follows its source.
    sqlite_store.save(
        story.id,
        sqlite_store.get(story.id).version,
        story.content,
        DocumentMeta(title=story.title, team=story.team),
    )
    coe = sqlite_store.get(coe.id)
    sqlite_store.save(
        coe.id,
        coe.version,
        {**coe.content, "lessons": ["Alarm on index age, not on the job"]},
        DocumentMeta(title=coe.title, team=coe.team),
    )
    report = mine_all(sqlite_store)
    assert report.updated == [story.id]
    assert "not on the job" in sqlite_store.get(story.id).content["result"]


def test_match_ranks_with_reasons(sqlite_store):
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    mine_all(sqlite_store)
    stories = list(sqlite_store.iter_documents(kind="story"))
    found = match("Tell me about a time you failed. What did you learn from it?", stories)
    assert found and found[0].title == "The certificate outage and the configuration pipeline"
    assert "written for this question" in found[0].reason and "Ownership" in found[0].reason
    # Ranked by score, with each source document's best story before any second story
    # of a document already listed (a second story of one episode is no alternative).
    origin = {s.id: str(s.content.get("origin") or s.id).split(":")[0] for s in stories}
    seen: set = set()
    firsts = [m for m in found if not (origin[m.story_id] in seen or seen.add(origin[m.story_id]))]
    rest = [m for m in found if m not in firsts]
    assert firsts + rest == found and len({origin[m.story_id] for m in firsts}) == len(firsts)
    for part in (firsts, rest):
        assert [m.score for m in part] == sorted((m.score for m in part), reverse=True)


def test_coverage_lists_every_principle_and_every_round_question(sqlite_store):
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    mine_all(sqlite_store)
    cov = coverage(list(sqlite_store.iter_documents(kind="story")))
    assert list(cov["principles"]) == list(PRINCIPLES)
    assert set(cov["principle_gaps"]) == {p for p, ids in cov["principles"].items() if not ids}
    questions = [q for r in cov["rounds"] for q in r["questions"]]
    assert len(questions) == sum(len(r.questions) for r in ROUNDS)
    for q in questions:  # matched stories, 'no story yet' (a gap), or a design question
        assert q["stories"] or q["question"] in cov["question_gaps"] + cov["technical_questions"]
    # System-design questions are practised as designs: no story 'answers' them.
    design = [q for q in questions if q["technical"]]
    assert len(design) == 4 and all(q["stories"] == [] for q in design)
    assert "Design a URL shortening service like bit.ly." in cov["technical_questions"]


def test_coverage_counts_a_story_as_an_answer_only_when_it_shows_what_the_question_tests(sqlite_store):
    question = "How do you foster career growth for your team members?"
    sqlite_store.create(
        "coe",
        {
            "summary": "Orders failed for 40 minutes after disk growth filled the primary; "
            "the replica was promoted.",
            "went_well": ["The team promoted the replica within 9 minutes."],
            "timeline": [{"at": "2026-01-01T10:00", "type": "start"}],
        },
        DocumentMeta(title="Orders database failover"),
    )
    for name in ("Billing", "Search", "Ledger"):  # other stories, so shared words weigh as they would
        sqlite_store.create(
            "charter",
            {"team_name": name, "mission": f"{name} answers every request within a second."},
            DocumentMeta(title=f"{name} charter"),
        )
    mine_all(sqlite_store)
    stories = list(sqlite_store.iter_documents(kind="story"))
    listed = match(question, stories, sqlite_store.get)
    assert listed and "growth" in listed[0].reason  # Match lists it, and says it is the words
    assert "Hire and Develop the Best" not in listed[0].shows
    rows = {q["question"]: q for r in coverage(stories, sqlite_store.get)["rounds"] for q in r["questions"]}
    assert rows[question]["stories"] == []  # no answer to a career question: a gap, not 'ready'


def test_cli_stories(workspace):
    import json

    from tests.test_cli import run

    run("init", "--examples")
    mined = json.loads(run("stories", "mine", "--json").output)
    assert mined["created"] and mined["documents"] >= 11
    again = json.loads(run("stories", "mine", "--json").output)
    assert again["created"] == [] and again["unchanged_documents"] == again["documents"]
    ranked = json.loads(
        run("stories", "match", "How do you handle conflict within your team?", "--json").output
    )
    assert ranked and {"story_id", "title", "score", "reason"} <= set(ranked[0])
    cov = json.loads(run("stories", "coverage", "--json").output)
    assert len(cov["principles"]) == 16


def test_figures_are_checked_against_the_source(sqlite_store):
    from sdmkit.stories.sources import check_figures

    coe = sqlite_store.create(
        "coe",
        {
            "summary": "Down.",
            "impact": {"how_many": "18,400 failed checkouts"},
            "timeline": [{"at": "2026-01-01T10:00", "type": "start"}],
        },
        DocumentMeta(title="Outage"),
    )
    mine_all(sqlite_store)
    story = next(sqlite_store.iter_documents(kind="story"))
    assert [(c.figure, c.found) for c in check_figures(sqlite_store.get, story)] == [("18,400", True)]
    edited = {**story.content, "numbers": ["18,400", "19,000"]}
    story = sqlite_store.save(story.id, story.version, edited, story.meta)
    assert [(c.figure, c.found) for c in check_figures(sqlite_store.get, story)] == [
        ("18,400", True),
        ("19,000", False),
    ]
    assert coe.id in {s["document_id"] for s in story.content["sources"]}


def test_the_coach_flags_a_figure_that_drifted_from_its_source(sqlite_store):
    """The story's own checks (editor, `sdmkit lint`) include its figures against the source."""
    from sdmkit.coach import lint_document

    sqlite_store.create(
        "coe",
        {
            "summary": "Down.",
            "impact": {"how_many": "18,400 failed checkouts"},
            "timeline": [{"at": "2026-01-01T10:00", "type": "start"}],
        },
        DocumentMeta(title="Outage"),
    )
    mine_all(sqlite_store)
    story = next(sqlite_store.iter_documents(kind="story"))
    assert not [f for f in lint_document(story, sqlite_store.get) if f.rule == "story.source_figures"]
    content = {
        **story.content,
        "numbers": ["18,400", "19,000"],
        "result": story.content["result"] + " We saved 19,000 checkouts.",
    }
    story = sqlite_store.save(story.id, story.version, content, story.meta)
    drifted = [f for f in lint_document(story, sqlite_store.get) if f.rule == "story.source_figures"]
    assert [(f.location, f.severity) for f in drifted] == [("numbers[2]", "warning")]
    assert "19,000" in drifted[0].message
    # Without the workspace (a file linted on its own) there is nothing to check against.
    assert not [f for f in lint_document(story) if f.rule == "story.source_figures"]


def test_portfolio_of_the_whole_bank(workspace, tmp_path):
    from tests.test_cli import run

    run("init", "--examples")
    run("stories", "mine")
    out = tmp_path / "bank.md"
    assert run("stories", "portfolio", "--all", "--out", str(out)).exit_code == 0
    text = out.read_text()
    assert text.count("\n## ") >= 6 and re.search(r"\n### \d+\.1 ", text) and "## Contents" in text
    # a source document of two stories is printed under the first; the second's row says where
    again = re.findall(r"\n {4}- (\d+\.\d+) (.+) \(shown under (\d+\.\d+)\)", text)
    assert again, "the examples' COEs each give two stories"
    for number, label, first in again:
        assert f"    - {first} {label}\n" in text and int(first.split(".")[0]) < int(number.split(".")[0])


def test_a_portfolio_part_leaves_out_the_workspaces_status_and_version(workspace):
    from sdmkit.export.html_export import render_html
    from sdmkit.portfolio import outline, parts_html

    coe, story = mined_outage(workspace)
    entries, _ = outline(workspace, [story.id])
    html = "".join(part(0) for _, part in parts_html(workspace, entries))
    assert "Status:" not in html and "Version " not in html
    # the document's own export still says them
    assert "Status:" in render_html(coe) and f"Version {coe.version}" in render_html(coe)


def test_a_principle_only_its_words_suggest_is_printed_as_a_suggestion_to_check(workspace):
    from sdmkit.export.markdown_export import render_body

    story = workspace.create(
        "story",
        {
            "question": "Tell me about a time you failed.",
            "situation": "Checkout failed.",
            "action": "I rolled back.",
            "result": "Errors fell to 0.1%.",
            "principles": [
                {"principle": "Ownership", "evidence": "I rolled back.", "strength": 3},
                {"principle": "Frugality", "evidence": "Checkout failed.", "strength": 1},
            ],
        },
        DocumentMeta(title="Rollback"),
    )
    body = render_body(story)
    assert "| Frugality _(suggested by its words: check that the evidence shows it)_ |" in body
    assert "| Ownership | I rolled back. |" in body


def test_sdmkit_lint_checks_a_stored_story_against_its_source(workspace):
    from tests.test_cli import run

    coe = workspace.create(
        "coe",
        {
            "summary": "Down.",
            "impact": {"how_many": "18,400 failed checkouts"},
            "timeline": [{"at": "2026-01-01T10:00", "type": "start"}],
        },
        DocumentMeta(title="Outage"),
    )
    mine_all(workspace)
    story = next(
        s
        for s in workspace.iter_documents(kind="story")
        if coe.id in {src["document_id"] for src in s.content["sources"]}
    )
    content = {**story.content, "numbers": ["18,500"], "result": "We kept 18,500 checkouts."}
    workspace.save(story.id, story.version, content, story.meta)
    out = json.loads(run("lint", str(story.id), "--json").output)
    assert ("story.source_figures", "numbers[1]") in {(f["rule"], f["location"]) for f in out["findings"]}


def test_figures_are_whole_numbers_with_their_units():
    """The figures a mined story lists must be ones a reader would quote: never a
    word's tail ('der 60' from 'under 60') nor a unit cut from a word ('3 h' of 'helpers')."""
    from sdmkit.stories.text import figures

    text = (
        "Pages stayed under 60 minutes, down 50% this year; we saved USD 1,200 and $3.4 million. "
        "p99 fell to 180 ms for 12 helpers, 18 h of toil went, builds are 4x faster by 14 October."
    )
    assert figures(text, limit=20) == [
        "60 minutes",
        "50%",
        "USD 1,200",
        "$3.4 million",
        "180 ms",
        "12",
        "18 h",
        "4x",
    ]
    # Not a figure: the day of '10 and 12 November', a release's name, three capitals
    # taken for a currency ('API 3x' was read as an amount in 'API' money).
    told = (
        "Load tests on 10 and 12 November at 3x traffic after gateway 4.2 and release 8; the API 2x faster; "
        "every screen meets WCAG 2.2 AA over TLS 1.3, for EUR 3.4 million."
    )
    assert figures(told, limit=20) == ["3x", "2x", "EUR 3.4 million"]


def test_every_behaviour_of_the_lexicon_can_be_found_in_a_sentence():
    """A phrase that can never match (a star in the middle of several words, say) is a
    behaviour the miner silently never proposes."""
    from sdmkit.stories.behaviours import sentence_strengths
    from sdmkit.stories.principle_behaviours import BEHAVIOURS

    for principle, rows in BEHAVIOURS.items():
        for weight, phrases in rows:
            for phrase in phrases:
                words = " then ".join(p.strip() for p in phrase.split("+"))
                sentence = f"Then {words.replace('*', 'ing')} today."
                assert sentence_strengths(sentence).get(principle, 0) >= weight, (principle, phrase)


def test_the_stories_of_one_document_do_not_crowd_out_other_documents(sqlite_store):
    """The best story of each document comes first: a second story of the same
    document, which shares its text, is no alternative to another episode."""
    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    mine_all(sqlite_store)
    stories = [s for s in sqlite_store.iter_documents(kind="story") if s.content.get("origin")]
    ranked = match("Tell me about a time you fixed a recurring outage", stories, sqlite_store.get)
    docs = [sqlite_store.get(m.story_id).content["origin"].split(":")[0] for m in ranked]
    distinct = list(dict.fromkeys(docs))
    assert docs[: len(distinct)] == distinct


def test_a_hyphenated_synonym_is_split_as_the_stories_are():
    """'trade-off' stands for a prioritisation question; a story says 'trade-off', which
    its terms split in two, so the question's expansion must split it too."""
    from sdmkit.stories.questions import query_terms, terms

    story = set(terms("The trade-off: we slipped the date by a week."))
    asked = set(query_terms("How do you prioritise when everything is urgent?"))
    assert "trade" in story and "trade" in asked


def test_a_story_with_unanswered_questions_is_marked_not_ready_until_they_are_answered(sqlite_store):
    from sdmkit.portfolio import not_ready, portfolio_markdown

    _, story = mined_outage(sqlite_store)
    asks = story.kind_spec.validate(story.content).open_questions()
    assert asks and all(q.startswith("Your part:") for q in asks)
    assert not_ready(sqlite_store, [story.id]) == [(story.title, len(asks))]
    md = portfolio_markdown(sqlite_store, [story.id])
    assert f"- 1 {story.title} (not ready: {len(asks)} questions to answer)" in md
    assert f'**Not ready to tell yet:** {len(asks)} "Your part" questions below are still to answer' in md

    answered = dict(story.content)
    for part in ("situation", "task", "action", "result"):
        for q in asks:
            answered[part] = answered[part].replace(q, "I led the response and we were back in 40 minutes.")
    sqlite_store.save(story.id, story.version, answered, story.meta)
    assert not_ready(sqlite_store, [story.id]) == []
    assert "Not ready" not in portfolio_markdown(sqlite_store, [story.id])


def test_a_questions_phrase_found_as_a_phrase_ranks_above_its_words_scattered(sqlite_store):
    def story(title, action):
        return sqlite_store.create(
            "story",
            {"question": "", "situation": "A quarter of planning.", "action": action, "result": ""},
            DocumentMeta(title=title),
        )

    scattered = story(
        "Scattered",
        "I cut the cost of the short sync and took the term sheet to the long planning call.",
    )
    phrase = story(
        "Phrase",
        "I made the call to take a short-term cost for the platform and planned for the long term.",
    )
    ranked = match("Describe a time you made a long-term call at a short-term cost.", [scattered, phrase])
    assert [m.title for m in ranked][:1] == ["Phrase"]


def test_a_hyphenated_word_of_the_question_counts_as_one_word(sqlite_store):
    """'on-call' in a question names the rotation: of two stories sharing as many of its
    words, the one about on-call ranks above the one that says 'on' and 'call' apart,
    and the reason names 'on-call' as the question says it."""

    def story(title, action):
        return sqlite_store.create(
            "story",
            {"question": "", "situation": "A team of six.", "action": action, "result": ""},
            DocumentMeta(title=title),
        )

    loose = story("Loose", "I made the call on Monday to move the pages.")
    rotation = story("Rotation", "I moved the on-call rota to send the pages.")
    # a bank's other stories, sharing no word with the question: BM25 weighs a word by
    # how few stories hold it, and two stories alone make every word common
    others = [story(f"Other {i}", f"I hired engineer number {i} for the billing team.") for i in range(8)]
    asked = "Tell me about a time you redesigned on-call so urgent pages came first."
    ranked = match(asked, [loose, rotation, *others])
    assert [m.title for m in ranked][:1] == ["Rotation"]
    assert "on-call" in ranked[0].reason


def test_sdmkit_stories_coverage_marks_a_design_question_as_one_to_design_not_a_gap(workspace):
    from tests.test_cli import run

    run("init", "--examples")
    run("stories", "mine")
    out = run("stories", "coverage").output
    assert "  - Design a URL shortening service like bit.ly.\n      system design: practise a design\n" in out


def test_a_principle_only_suggested_by_the_words_is_to_check_not_covered(sqlite_store):
    def story(title, action, principles):
        return sqlite_store.create(
            "story",
            {
                "question": "",
                "situation": "Checkout failed.",
                "action": action,
                "result": "",
                "principles": principles,
            },
            DocumentMeta(title=title),
        )

    checked = story(
        "Rollback",
        "I rolled back the release and told the customers what happened.",
        [{"principle": "Ownership", "evidence": "I rolled back the release.", "strength": 3}],
    )
    guessed = story(
        "Cloud bill",
        "I moved the nightly batch to spot instances, which cut the cost of the cloud bill by a third.",
        [{"principle": "Frugality", "evidence": "Checkout failed.", "strength": 1}],
    )
    cov = coverage([checked, guessed])
    assert cov["principles"]["Ownership"] == [checked.id]
    assert cov["principles"]["Frugality"] == [] and "Frugality" in cov["principle_gaps"]
    assert cov["principles_to_check"] == {"Frugality": [guessed.id]}
    # Match still ranks it, and says why in words that do not claim it shows the principle.
    ranked = match("Tell me how you cut the cost of the cloud bill.", [checked, guessed])
    (m,) = [m for m in ranked if m.story_id == guessed.id]
    assert "may show Frugality (suggested by its words: check it)" in m.reason
    assert not m.reason.startswith("shows") and m.shows == ()


def test_mining_gives_the_cycle_collector_back_as_it_found_it(sqlite_store, monkeypatch):
    """Mining turns Python's cycle collector off while it runs (bench/mining.py): the
    app's other sessions must find it as it was afterwards, even when mining fails."""
    import gc

    from sdmkit.examples import load_examples

    load_examples(sqlite_store)
    seen: list[bool] = []
    original = sqlite_store.create_many

    def create_many(items, **kw):
        seen.append(gc.isenabled())
        return original(items, **kw)

    monkeypatch.setattr(sqlite_store, "create_many", create_many)
    assert gc.isenabled()
    mine_all(sqlite_store)
    assert seen == [False] and gc.isenabled()

    def failing(*args, **kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sqlite_store, "iter_documents", failing)
    sqlite_store.set_setting("stories.mined_versions", {})
    with pytest.raises(RuntimeError, match="disk full"):
        mine_all(sqlite_store)
    assert gc.isenabled()
    monkeypatch.undo()
    gc.disable()
    try:
        sqlite_store.set_setting("stories.mined_versions", {})
        mine_all(sqlite_store)
        assert not gc.isenabled()  # it was off before: mining leaves it off
    finally:
        gc.enable()


def test_charter_stories_are_titled_as_a_candidate_would_say_them(sqlite_store):
    decision = (
        "I decided we would give up ownership of motion control and safety stops entirely, "
        "which the team had held informally since 2023"
    )
    for name in ("Payments Platform", "The Search team"):
        sqlite_store.create(
            "charter",
            {
                "team_name": name,
                "mission": f"{name} answers every request within a second.",
                "my_part": {"decisions": [{"decision": decision}]},
            },
            DocumentMeta(title=f"{name} charter"),
        )
    mine_all(sqlite_store)
    titles = {s.title for s in sqlite_store.iter_documents(kind="story")}
    assert {"Forming the Payments Platform team", "Forming the Search team"} <= titles
    # A decision's story is titled by the decision, cut at a word (it was cut at the
    # 80th character: "... safety stops entirel").
    (cut,) = {t for t in titles if t.startswith("I decided")}
    assert cut.endswith("safety stops…") and len(cut) <= 80


def test_the_words_a_questions_answers_hold_rank_a_story_the_question_never_names(sqlite_store, monkeypatch):
    """'Someone you helped grow into a bigger role': the story of the engineer put forward
    for promotion says none of the question's words, the story that does says 'role' of
    a service. The answer cues learned for the question (question_cues.json) rank the
    first above, and the reason says so."""
    from sdmkit.stories import match as ranking

    def story(title, action):
        return sqlite_store.create(
            "story",
            {"question": "", "situation": "A team of six.", "action": action, "result": ""},
            DocumentMeta(title=title),
        )

    grown = story("Grown", "I asked the graduate to own the canary and put her forward for promotion.")
    worded = story("Worded", "I gave the billing service a bigger role in checkout.")
    others = [story(f"Other {i}", f"I moved dashboard number {i} to the new cluster.") for i in range(8)]
    asked = "Tell me about someone you helped grow into a bigger role."
    monkeypatch.setattr(ranking, "ANSWER_CUES", {})
    assert [m.title for m in match(asked, [grown, worded, *others])][:1] == ["Worded"]
    cues = {"promotion": 3.0, "graduate": 2.5, "mentor": 2.0}
    monkeypatch.setattr(ranking, "ANSWER_CUES", {ranking.question_key(asked): cues})
    ranked = match(asked.lower().rstrip("."), [grown, worded, *others])  # as a user may type it
    assert [m.title for m in ranked][:1] == ["Grown"]
    assert (
        "uses words typical of good answers to this question (learned from labelled examples)"
        in ranked[0].reason
    )
