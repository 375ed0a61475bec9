"""Hard starter questions. A FAQ earns its place when it asks what a sceptical
reader would ask; these are the questions reviewers ask when the FAQ does not."""

from __future__ import annotations

# (topic, question)
INTERNAL = (
    ("risks", "What are the three biggest risks, and what will we do if each one happens?"),
    (
        "dependencies",
        "Which teams and systems must deliver for this to launch, and what happens if one slips?",
    ),
    (
        "one-way door",
        "Which decisions here are one-way doors that are expensive to reverse, and how are we making them?",
    ),
    ("cost", "What does it cost to build and to run for the first year, in people and in money?"),
    (
        "success metrics",
        "How will we measure success, and which result by which date makes us stop, continue or invest more?",
    ),
    ("not building", "What are we deliberately not building in the first version, and why?"),
    ("why now", "Why now? What happens if we wait a year?"),
    (
        "alternatives",
        "What else could we build for the same customers with the same people, and why is this better?",
    ),
)

EXTERNAL = (
    ("price", "How much does it cost, and is there anything I pay for separately?"),
    ("switching", "How is this different from what I use today, and what do I lose if I switch?"),
    ("data", "What happens to my data, and can I take it with me?"),
    ("availability", "Where and when can I use it?"),
    ("failure", "What happens when it does not work?"),
)

TOPICS = {topic: question for topic, question in INTERNAL}
