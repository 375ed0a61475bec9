"""The Story bank screen: mine, match, coverage, practice, portfolio, redaction."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import streamlit as st

from sdmkit.document import shorten
from sdmkit.errors import NotFound
from sdmkit.interview import ROUNDS, STUDY_PLAN, all_questions, is_technical
from sdmkit.redaction import saved_terms, terms, unlisted_people
from sdmkit.stories import practice
from sdmkit.stories.match import coverage, match
from sdmkit.stories.mine import mine_all
from sdmkit.ui import cells, redaction_list
from sdmkit.ui.state import flash, kept, kept_copy, restore, stamp, store
from sdmkit.ui.text import esc, label, plural

TABS = ("Mine", "Match a question", "Coverage", "Practice", "Portfolio", "Redaction", "Study plan")
TAB = "sb|tab"  # the open tab


def tabs() -> Sequence[Any]:
    """The page's tabs: the open one kept across reruns and a visit to another page,
    and opened by a button (a match's Practise)."""
    return kept(st.tabs, list(TABS), key=TAB, on_change="rerun")


def _stories():
    return list(store().iter_documents(kind="story"))


def mine_tab() -> None:
    st.caption(
        "Turns every charter, COE, PR/FAQ, rotation and metric review into STAR drafts, each linked to "
        "its source. Offline and repeatable; stories you edited are kept when you mine again."
    )
    if st.button(
        "Mine my documents",
        type="primary",
        icon=":material/auto_awesome:",
        help="Make or update a STAR draft from each document; stories you edited stay as they are",
    ):
        bar = st.progress(0.0, text="Reading documents…")

        def advance(i: int, n: int) -> None:
            bar.progress(i / max(n, 1), text=f"Document {i} of {n}")

        report = mine_all(store(), progress=advance)
        bar.empty()
        st.success(
            f"{plural(report.documents, 'document')} ({report.skipped} unchanged): "
            f"{plural(len(report.created), 'story', 'stories')} "
            f"created, {len(report.updated)} updated, {len(report.kept)} kept as you edited them.",
            icon=":material/task_alt:",
        )
    stories = _stories()
    if stories:
        # Fixed widths that fit a 1400 px window (about 940 px of table): a long title or
        # question no longer pushes Status, Practised and Id out; each is cut at a word.
        cells.table(
            [
                {
                    "Story": shorten(s.title, 46),
                    "Question": shorten(s.content.get("question", ""), 62),
                    "Status": s.status,
                    "Practised": s.content.get("practice_count", 0),
                    "Id": s.id,
                }
                for s in stories
            ],
            hide_index=True,
            width="stretch",
            column_config={
                "Story": st.column_config.TextColumn(
                    "Story", width=310, help="Open it from Stories or the Library"
                ),
                "Question": st.column_config.TextColumn(
                    "Question", width=400, help="The interview question it answers"
                ),
                "Status": st.column_config.TextColumn("Status", width=70),
                "Practised": st.column_config.NumberColumn(
                    "Practised", width=80, help="Times told out loud in Practice"
                ),
                "Id": st.column_config.NumberColumn("Id", width=45, help="The story's number, for the CLI"),
            },
        )


def match_tab() -> None:
    bank = [q for _, q in all_questions()] + practice.custom_questions(store())
    # Set aside while a question of the user's own is typed below: that is the one matched.
    restore("sb|own")  # read here, above its box
    typed = bool((st.session_state.get("sb|own") or "").strip())
    question = kept(
        st.selectbox,
        "Question",
        bank,
        key="sb|q",
        valid=lambda q: q in bank,
        disabled=typed,
        help="Every question of the loop, plus your own; clear the box below to pick one here",
    )
    own = kept(
        st.text_input, "Or your own question", key="sb|own", help="Added to your questions when you match it"
    )
    if own.strip():
        question = own.strip()
    if st.button(
        "Match", icon=":material/search:", help="Find the stories that answer this question, best first"
    ):
        if own.strip():
            practice.add_custom_question(store(), own)
        st.session_state["sb|matched"] = question
    asked = st.session_state.get("sb|matched")
    if asked:
        found = match(asked, _stories(), store().get)
        st.markdown(f"**{esc(asked)}**")
        if is_technical(asked):
            st.info(
                "A system-design question: practise it as a design (requirements, components, trade-offs, "
                "operations), not with a story.",
                icon=":material/architecture:",
            )
        elif not found:
            st.info(
                "No story yet for this question. Mine your documents, or write one.", icon=":material/edit:"
            )
        for m in found[:5]:
            c1, c2, c3 = st.columns([5, 1, 1], vertical_alignment="center")
            c1.markdown(
                f"**{esc(m.title)}** · score {m.score:.2f}  \n<span class='sdm-muted'>{esc(m.reason)}</span>",
                unsafe_allow_html=True,
            )
            if c2.button("Open", key=f"sb|open|{m.story_id}", width="stretch", help="Edit the story"):
                st.switch_page("pages/story.py", query_params={"id": str(m.story_id)})
            c3.button(
                "Practise",
                key=f"sb|practise|{m.story_id}",
                width="stretch",
                help="Practise telling this story for this question: opens the Practice tab",
                on_click=_practise,
                args=(m.story_id, m.title),
            )


def _practise(story_id: int, title: str) -> None:
    """A match's Practise button: the Practice tab opens on this story and question.
    A callback, since the open tab is a widget's state, which a run may not change
    once the tabs are drawn."""
    st.session_state["sb|use_matched"] = True
    st.session_state[PRACTISE_STORY] = story_id
    st.session_state[TAB] = st.session_state[kept_copy(TAB)] = "Practice"
    flash(f"Practising: {title}")


def coverage_tab() -> None:
    cov = coverage(_stories(), store().get)
    st.markdown("**Leadership Principles**")
    cells.table(
        [
            {
                "Principle": p,
                "Stories": len(ids),
                "Covered": "yes"
                if ids
                else ("to check: suggested by the words" if p in cov["principles_to_check"] else "gap"),
            }
            for p, ids in cov["principles"].items()
        ],
        hide_index=True,
        width="stretch",
    )
    if cov["principle_gaps"]:
        st.warning("No story yet for: " + esc(", ".join(cov["principle_gaps"])), icon=":material/warning:")
    if check := cov["principles_to_check"]:
        st.info(
            "Only suggested by the words of a story, not yet shown by what it says you did: "
            + esc(", ".join(check))
            + ". Check the evidence in each story's editor (Principles); set its strength to 2 or more "
            "if it shows the principle, or remove it.",
            icon=":material/fact_check:",
        )
    st.markdown("**The loop's rounds**")
    cells.table(
        [
            {
                "Round": r["round"],
                "Question": q["question"],
                "Best story": q["stories"][0]["title"]
                if q["stories"]
                else ("system design: practise a design" if q["technical"] else "no story yet"),
            }
            for r in cov["rounds"]
            for q in r["questions"]
        ],
        hide_index=True,
        width="stretch",
    )


PRACTISE_STORY = "sb|practise_story"  # the story a match's Practise button chose
OWN = 0  # the Round choice for the user's own questions


def _practice_question(rnd: int, turn: int) -> str | None:
    """The question to practise: the round's in turn, the user's own in turn, or the
    one matched (when the user asks for it)."""
    if rnd == OWN:
        own = practice.custom_questions(store())
        question = own[turn % len(own)] if own else None
    else:
        question = practice.question_for(rnd, turn)
    matched = st.session_state.get("sb|matched")
    if matched and kept(
        st.toggle,
        f"Practise the question I matched: {label(matched)}",  # a label renders Markdown
        key="sb|use_matched",
        help="Instead of the round's questions, the one from 'Match a question'",
    ):
        question = matched
    return question


def _time_so_far() -> None:
    started = st.session_state.get("sb|start")
    if started:
        st.metric("Time so far", f"{int(time.time() - started)} s", help="Aim for 2 to 3 minutes")


def practice_tab() -> None:
    own = practice.custom_questions(store())
    rnd = kept(
        st.selectbox,
        "Round",
        [r.number for r in ROUNDS] + [OWN],
        key="sb|round",
        format_func=lambda n: (
            f"Your own questions ({len(own)})"
            if n == OWN
            else f"{n}. {ROUNDS[n - 1].name} ({ROUNDS[n - 1].minutes} min)"
        ),
        help="Questions come in turn from this round, or from the questions you matched yourself",
    )
    turn = st.session_state.setdefault("sb|turn", 0)
    question = _practice_question(rnd, turn)
    if question is None:
        st.info(
            "No questions of your own yet: type one under 'Or your own question' in Match, then Match.",
            icon=":material/edit:",
        )
        return
    recorded_as, looks_for = practice.yardstick(question, own=rnd == OWN)
    st.markdown(f"### {esc(question)}")
    found = match(question, _stories(), store().get)
    options = [None, *[m.story_id for m in found[:5]]]
    chosen = st.session_state.get(PRACTISE_STORY)
    if chosen and chosen not in options:
        options.append(chosen)  # chosen from a match: offered even below the first five
    titles = {m.story_id: m.title for m in found}
    if chosen and chosen not in titles:
        try:
            titles[chosen] = store().get(chosen).title
        except NotFound:  # deleted since its Practise button was pressed
            options.remove(chosen)
            chosen = None
    story = kept(
        st.selectbox,
        "Story you will tell",
        options,
        start={"index": options.index(chosen) if chosen in options else 0},
        valid=lambda i: i in options,
        key=f"sb|story|{rnd}|{turn}|{question}|{chosen}",
        format_func=lambda i: "no story" if i is None else titles[i],
        help="The stories that match this question, best first (a second story of one document after the others)",
    )
    c1, c2, c3 = st.columns(3)
    if c1.button("Start the timer", icon=":material/timer:", help="Time your answer as you tell it out loud"):
        st.session_state["sb|start"] = time.time()
    with c2:
        # Ticks each second while the timer runs, as a fragment: the rest of the page
        # (the ratings being set) is not run again each second, and nothing ticks
        # while it is stopped.
        st.fragment(_time_so_far, run_every=1.0 if st.session_state.get("sb|start") else None)()
    if c3.button(
        "Next question", icon=":material/skip_next:", help="Another question of this round; the timer stops"
    ):
        st.session_state["sb|turn"] = turn + 1
        st.session_state.pop("sb|start", None)
        st.session_state.pop(PRACTISE_STORY, None)
        st.rerun()
    st.markdown("**Rate yourself against what interviewers look for** (1 to 5)")
    ratings = {
        lf: kept(
            st.slider,
            lf,
            1,
            5,
            start={"value": 3},
            key=f"sb|rate|{rnd}|{turn}|{lf}",
            help="How clearly your answer showed it",
        )
        for lf in looks_for
    }
    note = kept(
        st.text_input, "Note to self", key=f"sb|note|{rnd}|{turn}", help="What to tell differently next time"
    )
    if st.button(
        "Save this practice",
        type="primary",
        icon=":material/save:",
        help="Keep the question, the story told, the time and your ratings in the history below",
    ):
        started = st.session_state.get("sb|start")
        seconds = int(time.time() - started) if started else 0
        practice.record(
            store(),
            practice.Session(practice.now_iso(), recorded_as, question, story, seconds, ratings, note),
        )
        st.session_state.pop("sb|start", None)
        flash(
            "Practice saved"
            + (" and counted on the story" if story else " with no story chosen")
            + ("" if started else "; the timer was not started, so no time is recorded")
        )
        st.rerun()
    _history()


def _history() -> None:
    past = practice.history(store())
    if not past:
        return
    st.markdown("**Practice history**")
    told = practice.story_titles(store(), past[:20])
    cells.table(
        [
            {
                "When": stamp(datetime.fromisoformat(h["when"])),
                "Round": h["round"],
                "Question": h["question"],
                "Story told": told.get(h.get("story_id") or 0, "no story"),
                "Seconds": h["seconds"] or None,  # blank: the timer was not started
                "Rating": round(sum(h["ratings"].values()) / len(h["ratings"]), 1) if h["ratings"] else None,
            }
            for h in past[:20]
        ],
        hide_index=True,
        width="stretch",
        # Fixed widths that add up to the page's 940 px: sized by their text, the
        # question and the story pushed the last columns out of view.
        column_config={
            "When": st.column_config.TextColumn("When", width=150, help="In your time zone"),
            "Round": st.column_config.TextColumn("Round", width=145),
            "Question": st.column_config.TextColumn("Question", width=280),
            "Story told": st.column_config.TextColumn("Story told", width=230),
            "Seconds": st.column_config.NumberColumn(
                "Seconds", width=65, help="How long you talked; blank when the timer was not started"
            ),
            "Rating": st.column_config.NumberColumn(
                "Rating", width=70, help="The average of your ratings for this answer, 1 to 5"
            ),
        },
    )


def portfolio_tab() -> None:
    # On first use: the portfolio brings in WeasyPrint, which only its tab needs.
    from sdmkit.portfolio import not_ready, portfolio_documents, portfolio_markdown, portfolio_pdf

    stories = _stories()
    if not stories:
        st.info("Mine your documents or write stories first.", icon=":material/lightbulb:")
        return
    # Kept, like every choice on this page: a name typed or stories chosen survive a
    # visit to a story's editor and back.
    whole = kept(
        st.toggle, "The whole story bank", key="sb|whole", help="Every story, instead of a chosen few"
    )
    if whole:
        chosen = [s.id for s in stories]
    else:
        ids = {s.id for s in stories}
        if (was := st.session_state.get(kept_copy("sb|port"))) is not None:
            # The stories chosen come back without any deleted since.
            st.session_state[kept_copy("sb|port")] = [i for i in was if i in ids]
        chosen = kept(
            st.multiselect,
            "Stories",
            [s.id for s in stories],
            key="sb|port",
            format_func=lambda i: next(s.title for s in stories if s.id == i),
            help="The stories to take to the interview; their source documents come with them",
        )
    owner = kept(st.text_input, "Your name", key="sb|owner", help="For the portfolio's title")
    redacted = kept(
        st.toggle,
        "Redact",
        start={"value": True},
        key="sb|redact",
        help="Replace the names on your redaction list, e-mail addresses, links and ticket ids",
    )
    if not chosen:
        return
    if redacted and redaction_list.unsaved(st.session_state, saved_terms(store())):
        st.warning(
            "The redaction list has unsaved changes in the Redaction tab: this portfolio uses the list as "
            "last saved. Save it there first to redact what you added.",
            icon=":material/edit_note:",
        )
    if redacted and (missing := unlisted_people(store(), documents=portfolio_documents(store(), chosen))):
        st.warning(
            f"The redacted portfolio would still name {plural(len(missing), 'person', 'people')} not on "
            f"your redaction list: {esc(', '.join(missing[:12]))}{' …' if len(missing) > 12 else ''}. "
            "Add them in the Redaction tab.",
            icon=":material/person_search:",
        )
    if unanswered := not_ready(store(), chosen):
        total = sum(n for _, n in unanswered)
        st.warning(
            f"Not ready yet: {plural(total, '“Your part” question')} only you can answer, in "
            + "; ".join(f"{esc(title)} ({n})" for title, n in unanswered)
            + ". They print as questions, marked not ready. Answer them in each story's editor "
            "(Library, or Mine on this page) before you take the portfolio to an interview.",
            icon=":material/help:",
        )
    c1, c2 = st.columns(2)
    # Written when the button is pressed, not on every run of the page (a third of a
    # second for the examples' whole bank, redacted). The callable runs outside the
    # script, so it gets the store and the choices as they are now, not store().
    workspace, picked = store(), list(chosen)
    c1.download_button(
        "Portfolio (.md)",
        data=lambda: portfolio_markdown(workspace, picked, redacted=redacted, owner=owner).encode("utf-8"),
        file_name="interview-portfolio.md",
        mime="text/markdown",
        icon=":material/download:",
        help="The chosen stories and their source documents as one Markdown file",
    )
    # The PDF made is offered only for what it was made from: after Redact is switched on,
    # another story is chosen or a document or the redaction list changes, it is made again.
    made_from = repr((chosen, redacted, owner, store().fingerprint(), terms(store())))
    if c2.button(
        "Make the PDF",
        icon=":material/picture_as_pdf:",
        help="Typeset the chosen stories and their source documents as one PDF",
    ):
        with st.spinner("Typesetting the portfolio…"):
            st.session_state["sb|pdf"] = (
                made_from,
                portfolio_pdf(store(), chosen, redacted=redacted, owner=owner),
            )
    made = st.session_state.get("sb|pdf")
    if made and made[0] == made_from:
        c2.download_button(
            "Portfolio (.pdf)",
            data=made[1],
            file_name="interview-portfolio.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            type="primary",
            help="The PDF just made" + (", redacted" if redacted else ", not redacted"),
        )


def redaction_tab() -> None:

    st.caption(
        "Names and terms replaced in every redacted export: people, internal service names, customers. "
        "E-mail addresses, links, ticket ids (like PAY-2041 or cfg-8812), phone numbers and chat handles "
        "are replaced automatically. Ids, dates and time zones are never rewritten."
    )
    redaction_list.draw()
    if missing := unlisted_people(store()):
        st.warning(
            f"{plural(len(missing), 'person', 'people')} named in your documents (owners, authors, members, "
            "approvers, speakers) and not on the list, so a redacted export still shows them: "
            + esc(", ".join(missing)),
            icon=":material/person_search:",
        )
        if st.button(
            f"Add {plural(len(missing), 'name')} to the list",
            icon=":material/playlist_add:",
            help=(
                "Each replaced with [name] (numbered in exports: [name 1], [name 2]); "
                "edit the replacement above afterwards if you like"
            ),
        ):
            redaction_list.add_names(missing)
            flash(f"Added {plural(len(missing), 'name')} to the redaction list")
            st.rerun()


def study_plan_tab() -> None:

    done = set(store().setting(PLAN, []) or [])
    st.caption("Six weeks to the loop. Ticks are saved in this workspace.")
    for period, items in STUDY_PLAN:
        st.markdown(f"**{esc(period)}**")
        for item in items:

            def toggle(item=item):
                now = set(store().setting(PLAN, []) or [])
                now.symmetric_difference_update({item})
                store().set_setting(PLAN, sorted(now))

            st.checkbox(
                item,
                value=item in done,
                key=f"sb|plan|{item}",
                on_change=toggle,
                help="Tick it when it is done",
            )
    st.progress(len(done) / sum(len(i) for _, i in STUDY_PLAN), text=f"{len(done)} done")


PLAN = "interview.study_plan_done"
