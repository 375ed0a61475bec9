"""Practice: a question from a round, the stories that answer it, a self-rating
against what interviewers look for, and the history of sessions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC

from sdmkit import clock
from sdmkit.interview import ROUNDS

HISTORY = "practice.history"
CUSTOM = "interview.custom_questions"


@dataclass
class Session:
    when: str
    round: str
    question: str
    story_id: int | None
    seconds: int
    ratings: dict[str, int] = field(default_factory=dict)  # look-for -> 1..5
    note: str = ""


def question_for(round_number: int, turn: int) -> str:
    """The round's questions in turn: deterministic, so a practice run is repeatable."""
    r = next(r for r in ROUNDS if r.number == round_number)
    return r.questions[turn % len(r.questions)]


# What any behavioural answer is judged on, from the loop's own preparation advice
# (STAR examples for each Leadership Principle, showing impact): the yardstick for a
# question that belongs to no round, such as one the user typed.
STAR_LOOKS_FOR: tuple[str, ...] = (
    "a specific situation and what was at stake",
    "the task that was yours",
    "what you did yourself",
    "a result with its numbers",
    "the Leadership Principle it shows",
)
OWN_QUESTION = "Your own question"


def yardstick(question: str, own: bool) -> tuple[str, tuple[str, ...]]:
    """(what the practice is recorded as, what to rate the answer against).

    A question of one of the loop's rounds is rated against that round's look-fors,
    whichever round was chosen (a question matched in Match may be from another).
    Any other question, the user's own (`own`: chosen from them) or one matched from
    the bank's common questions, is rated as a STAR answer.
    """
    for r in ROUNDS:
        if question in r.questions:
            return r.name, r.looks_for
    return OWN_QUESTION if own else "Question you matched", STAR_LOOKS_FOR


def record(store, session: Session) -> None:
    history = list(store.setting(HISTORY, []) or [])
    history.append(asdict(session))
    store.set_setting(HISTORY, history)
    if session.story_id:
        story = store.get(session.story_id)
        content = {
            **story.content,
            "practice_count": int(story.content.get("practice_count") or 0) + 1,
            "last_practised": clock.today().isoformat(),
        }
        store.update(story.with_content(content), note="practised")


def story_titles(store, sessions: list[dict]) -> dict[int, str]:
    """The title of each story the sessions told; a story since deleted says so."""
    # On first use: the store's error type, for a story in the trash or gone.
    from sdmkit.errors import NotFound

    out: dict[int, str] = {}
    for sid in {int(h["story_id"]) for h in sessions if h.get("story_id")}:
        try:
            out[sid] = store.get(sid).title
        except NotFound:
            out[sid] = "a story since deleted"
    return out


def history(store) -> list[dict]:
    return list(reversed(store.setting(HISTORY, []) or []))


def last_note(store, question: str) -> dict | None:
    """The latest practice of this question that left a note to self: what to tell
    differently, worth reading before telling it again."""
    return next((h for h in history(store) if h.get("question") == question and h.get("note")), None)


def now_iso() -> str:
    return clock.now(UTC).isoformat(timespec="seconds")


def custom_questions(store) -> list[str]:
    return list(store.setting(CUSTOM, []) or [])


def add_custom_question(store, question: str) -> None:
    question = " ".join((question or "").split())
    if question and question not in custom_questions(store):
        store.set_setting(CUSTOM, [*custom_questions(store), question])
