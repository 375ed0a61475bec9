"""The Story bank's Practice tab: a question of a round (or the user's own, or the one
matched), a story to tell, a timer, ratings against what the round looks for, and
the history of sessions."""

from __future__ import annotations

import time
from datetime import datetime

import streamlit as st

from sdmkit.errors import NotFound
from sdmkit.interview import FIRST_STORY_ROUND, ROUNDS
from sdmkit.stories import practice
from sdmkit.stories.match import match
from sdmkit.ui import cells
from sdmkit.ui.state import flash, kept, stamp, store
from sdmkit.ui.story_bank import PRACTISE_STORY, bank_stories
from sdmkit.ui.text import esc, label

OWN = 0  # the Round choice for the user's own questions
# Practice opens on interview.FIRST_STORY_ROUND, the first round whose questions ask for
# a story ("Tell me about a time..."): it opened on the recruiter screen, whose "Why
# Amazon?" no story answers.


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


START, STOPPED = "sb|start", "sb|stopped"  # when the timer started; the seconds it stopped at


def _seconds() -> int | None:
    """The answer's time: where the timer was stopped, else so far; None if not started."""
    if STOPPED in st.session_state:
        return st.session_state[STOPPED]
    started = st.session_state.get(START)
    return int(time.time() - started) if started else None


def _time_so_far() -> None:
    seconds = _seconds()
    if seconds is not None:
        stopped = STOPPED in st.session_state
        st.metric(
            "Time (stopped)" if stopped else "Time so far",
            f"{seconds // 60}:{seconds % 60:02d}",
            help="Aim for 2 to 3 minutes" + ("; this time is saved with the practice" if stopped else ""),
        )


def _reset_timer() -> None:
    st.session_state.pop(START, None)
    st.session_state.pop(STOPPED, None)


def _start_timer() -> None:
    _reset_timer()
    st.session_state[START] = time.time()


def _stop_timer() -> None:
    if START in st.session_state:
        st.session_state[STOPPED] = int(time.time() - st.session_state[START])


def _timer_button(column) -> None:
    """Start, or stop at the end of the answer (the time saved is the time told, not
    the time the ratings took), or start again. As callbacks, which run before the
    page: the button drawn is already the one for the timer's new state."""
    if START in st.session_state and STOPPED not in st.session_state:
        column.button(
            "Stop the timer",
            icon=":material/stop_circle:",
            help="At the end of your answer",
            on_click=_stop_timer,
        )
    else:
        column.button(
            "Start again" if STOPPED in st.session_state else "Start the timer",
            icon=":material/timer:",
            help="Time your answer as you tell it out loud",
            on_click=_start_timer,
        )


def practice_tab() -> None:
    own = practice.custom_questions(store())
    rounds = [r.number for r in ROUNDS] + [OWN]
    rnd = kept(
        st.selectbox,
        "Round",
        rounds,
        key="sb|round",
        start={"index": rounds.index(FIRST_STORY_ROUND)},
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
    found = match(question, bank_stories(), store().get)
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
        # The story chosen from a match, or else the best match: the one a candidate
        # would tell ('no story' stays in the list for a question none answers yet).
        start={"index": options.index(chosen) if chosen in options[1:] else min(1, len(options) - 1)},
        valid=lambda i: i in options,
        key=f"sb|story|{rnd}|{turn}|{question}|{chosen}",
        format_func=lambda i: "no story" if i is None else titles[i],
        placeholder="no story",  # what a None choice shows (else 'Choose an option')
        help="The stories that match this question, best first (a second story of one document after the others)",
    )
    c1, c2, c3 = st.columns(3)
    _timer_button(c1)
    with c2:
        # Ticks each second while the timer runs, as a fragment: the rest of the page
        # (the ratings being set) is not run again each second, and nothing ticks
        # while it is stopped.
        running = START in st.session_state and STOPPED not in st.session_state
        st.fragment(_time_so_far, run_every=1.0 if running else None)()
    if c3.button(
        "Next question", icon=":material/skip_next:", help="Another question of this round; the timer stops"
    ):
        st.session_state["sb|turn"] = turn + 1
        _reset_timer()
        st.session_state.pop(PRACTISE_STORY, None)
        st.rerun()
    if earlier := practice.last_note(store(), question):
        # The note was written for the next telling: it is shown when that comes.
        st.info(
            f"Your note from {stamp(datetime.fromisoformat(earlier['when']))}: {esc(earlier['note'])}",
            icon=":material/sticky_note_2:",
        )
    st.markdown("**Rate yourself against what interviewers look for** (1 to 5)")
    # Keyed by the practices saved in this session too: once one is saved, the next
    # telling of the same question starts from fresh ratings and an empty note, and a
    # second press cannot save the same one twice.
    take = st.session_state.get("sb|take", 0)
    ratings = {
        lf: kept(
            st.slider,
            lf,
            1,
            5,
            start={"value": 3},
            key=f"sb|rate|{rnd}|{turn}|{take}|{lf}",
            help="How clearly your answer showed it",
        )
        for lf in looks_for
    }
    note = kept(
        st.text_input,
        "Note to self",
        key=f"sb|note|{rnd}|{turn}|{take}",
        help="What to tell differently next time",
    )
    if st.button(
        "Save this practice",
        type="primary",
        icon=":material/save:",
        help="Keep the question, the story told, the time and your ratings in the history below",
    ):
        timed = _seconds()
        seconds = timed or 0
        practice.record(
            store(),
            practice.Session(practice.now_iso(), recorded_as, question, story, seconds, ratings, note),
        )
        _reset_timer()
        st.session_state["sb|take"] = take + 1
        flash(
            "Practice saved"
            + (" and counted on the story" if story else " with no story chosen")
            + ("" if timed is not None else "; the timer was not started, so no time is recorded")
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
                "Note": h.get("note") or None,  # what to tell differently: the point of saving it
            }
            for h in past[:20]
        ],
        hide_index=True,
        width="stretch",
        # Fixed widths that add up to less than the page's 820 px (a 1280 px window
        # with the sidebar): sized by their text, the question and the story pushed
        # the last columns out of view, and at 940 px the Rating was still cut.
        column_config={
            "When": st.column_config.TextColumn("When", width=146, help="In your time zone"),
            "Round": st.column_config.TextColumn("Round", width=110),
            "Question": st.column_config.TextColumn("Question", width=184),
            "Story told": st.column_config.TextColumn("Story told", width=150),
            "Seconds": st.column_config.NumberColumn(
                "Seconds", width=60, help="How long you talked; blank when the timer was not started"
            ),
            "Rating": st.column_config.NumberColumn(
                "Rating", width=55, help="The average of your ratings for this answer, 1 to 5"
            ),
            "Note": st.column_config.TextColumn("Note", width=105, help="Your note to self"),
        },
    )
