"""The Story bank screen: its tabs, and mine, match, coverage and the study plan.
Practice is in story_practice.py, the portfolio and redaction in story_portfolio.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from sdmkit.document import shorten
from sdmkit.interview import FIRST_STORY_ROUND, ROUNDS, STUDY_PLAN, all_questions, is_technical
from sdmkit.stories import practice
from sdmkit.stories.match import coverage, match
from sdmkit.stories.mine import mine_all
from sdmkit.ui import cells
from sdmkit.ui.state import flash, kept, kept_copy, restore, store
from sdmkit.ui.text import esc, plural

TABS = ("Mine", "Match a question", "Coverage", "Practice", "Portfolio", "Redaction", "Study plan")
TAB = "sb|tab"  # the open tab
PRACTISE_STORY = "sb|practise_story"  # the story a match's Practise button chose


def tabs() -> Sequence[Any]:
    """The page's tabs: the open one kept across reruns and a visit to another page,
    and opened by a button (a match's Practise)."""
    return kept(st.tabs, list(TABS), key=TAB, on_change="rerun")


def bank_stories() -> list:
    """Every story of the workspace, for the tabs that list or rank them."""
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
    stories = bank_stories()
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
        # opens on a question a story answers, not the recruiter's 'Why ... this role?'
        start={"index": bank.index(ROUNDS[FIRST_STORY_ROUND - 1].questions[0])},
        valid=lambda q: q in bank,
        disabled=typed,
        help="Every question of the loop, plus your own; clear the box below to pick one here",
    )
    if typed:
        # Greyed, it still shows a question of the list: say which one is matched.
        st.caption("Set aside: the question you typed below is the one matched. Clear it to pick one here.")
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
        found = match(asked, bank_stories(), store().get)
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
        if found:
            st.caption("Best first. Under each story: why it was matched.")
        for rank, m in enumerate(found[:5], 1):
            c1, c2, c3 = st.columns([5, 1, 1], vertical_alignment="center")
            # The rank and the reason, not the raw score: a number such as 4.37 has no
            # scale a manager could read, and the reason says what the rank rests on.
            c1.markdown(
                f"{rank}. **{esc(m.title)}**  \n<span class='sdm-muted'>{esc(m.reason)}</span>",
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
    cov = coverage(bank_stories(), store().get)
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
    # Principle names hold commas and semicolons ('Are Right, A Lot'): listed with dots.
    check = cov["principles_to_check"]
    if gaps := [p for p in cov["principle_gaps"] if p not in check]:
        st.warning("No story yet for: " + esc(" · ".join(gaps)), icon=":material/warning:")
    if check:
        st.info(
            "No story shows these yet, one only suggests them by its words: "
            + esc(" · ".join(check))
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
