"""STAR stories for the SDM interview loop, each tied to the principles it shows
and the documents it came from, with the follow-ups to prepare and practice kept."""

from __future__ import annotations

from sdmkit.interview import PRINCIPLES
from sdmkit.kind import Column, Field, Kind, Section
from sdmkit.kinds.story.model import SCOPES, Story
from sdmkit.kinds.story.rules import RULES, WORDS_PER_MINUTE, WORKSPACE_RULES, _counts


def _derived(s: Story) -> dict:

    counts = _counts(s)
    total = sum(counts.values())
    if not total:
        return {}
    return {
        "Length": f"{total} words, {total / WORDS_PER_MINUTE:.1f} min spoken",
        "Action share": f"{counts['action'] / total:.0%}",
        "Practised": "once" if s.practice_count == 1 else f"{s.practice_count} times",
    }


SECTIONS = (
    Section(
        "STAR",
        (
            Field(
                "meta.title",
                "Title",
                "line",
                "A short name you will recognise in the story bank.",
                example="The certificate outage and the config pipeline",
            ),
            Field(
                "question",
                "The question it answers",
                "line",
                "The interview question this story answers best.",
                example="Tell me about a time you failed. What did you learn from it?",
            ),
            Field(
                "situation",
                "Situation",
                "text",
                "The context, in two or three sentences: where, when, what was at stake.",
                prompt="Set the scene fast; the interviewer wants to get to your action.",
                example="In October 2026, 31% of card payments failed for 47 minutes at Northwind.",
            ),
            Field(
                "task",
                "Task",
                "text",
                "What you were responsible for.",
                example="As the payments manager I owned the incident and the fix for good.",
            ),
            Field(
                "action",
                "Action",
                "text",
                "What you did, step by step, and why. About 60% of the story; say 'I'.",
                prompt="What did you decide, and what did you do that someone else in your seat might not have?",
                example="I stopped the search on the processor's side and asked for the last hour of changes...",
            ),
            Field(
                "result",
                "Result",
                "text",
                "What changed, with numbers, and what you learned.",
                example="Checks now block certificate removals; no repeat in 5 months; config incidents fell 60%.",
            ),
        ),
    ),
    Section(
        "Principles and scope",
        (
            Field(
                "principles",
                "Leadership Principles",
                "table",
                "The principles it shows, and the sentence that shows each.",
                quick_add=True,
                item="principle",
                columns=(
                    Column("principle", "Principle", type="choice", choices=tuple(PRINCIPLES), required=True),
                    Column(
                        "strength",
                        "Strength",
                        "How strongly the story shows it, set by mining: 4 several sentences show it, 2 one "
                        "does, 1 only the story's wording suggests it. Check a 1, then raise it or take the "
                        "principle off.",
                        type="number",
                    ),
                    # Last: a long text column is wide, and the Strength a mined 1 asks about stays in view.
                    Column("evidence", "Evidence", "The sentence that shows it", type="long"),
                ),
            ),
            Field(
                "scope",
                "Scope",
                "choice",
                "How far the story reaches: your team, several teams, the organisation.",
                choices=SCOPES,
            ),
            Field(
                "numbers",
                "Figures",
                "list",
                "The numbers the story cites, exactly as in the source. One per line.",
                example="47 minutes",
            ),
        ),
    ),
    Section(
        "Practice",
        (
            Field(
                "follow_ups",
                "Follow-up questions to prepare",
                "list",
                "What an interviewer will ask next. One per line.",
                example="What would you do differently?",
            ),
            Field("practice_count", "Times practised", "number", "How often you have told it out loud."),
            Field("last_practised", "Last practised", "date", "When you last told it."),
        ),
    ),
    Section(
        "Sources",
        (),
        screen="story.sources",
        shows=("origin", "origin_version"),
        intro="The documents this story came from, and whether its figures still match them.",
    ),
)

KIND = Kind(
    id="story",
    label="Story",
    plural="Stories",
    icon=":material/record_voice_over:",
    description="STAR interview stories from your real work, tied to the Leadership Principles, checked for "
    "'I' over 'we', numbers and a 2-3 minute length.",
    model=Story,
    statuses=("draft", "ready", "retired"),
    sections=SECTIONS,
    rules=RULES,
    workspace_rules=WORKSPACE_RULES,
    title_of=lambda s: s.question,
    title_field="question",
    derived=_derived,
    summary=lambda s: s.situation,
    # What mining keeps to tell its own sentences and proposals from the user's (the
    # field each sentence came from, which document and version, a fingerprint):
    # searching 'timeline' finds a story that says 'timeline', not every mined COE.
    unsearched=(
        "grounding",
        "origin",
        "origin_version",
        "generated",
        "proposed_principles",
        "rejected_principles",
        "sources[].section",
    ),
)
