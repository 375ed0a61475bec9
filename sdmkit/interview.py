"""The SDM interview loop as data: Amazon's 16 Leadership Principles with typical
questions, the five rounds of the loop (their questions, what interviewers look for,
why candidates are turned down), common and location-specific questions, and a
six-week study plan. The rounds' questions come from the loop described in the
project's source material; the descriptions here are our own words."""

from __future__ import annotations

from dataclasses import dataclass, field

PRINCIPLES: dict[str, tuple[str, ...]] = {
    "Customer Obsession": (
        "Tell me about a time you went beyond what a customer asked for.",
        "Describe a decision where the customer's interest and the team's interest pulled apart.",
    ),
    "Ownership": (
        "Tell me about a problem outside your area that you took on anyway.",
        "Describe a time you made a long-term call at a short-term cost.",
    ),
    "Invent and Simplify": (
        "Tell me about a process or system you made much simpler.",
        "Describe an idea of yours that others doubted at first.",
    ),
    "Are Right, A Lot": (
        "Tell me about a judgement call you made with incomplete data.",
        "Describe a time you changed your mind because of new evidence.",
    ),
    "Learn and Be Curious": (
        "What is something you learned recently that changed how you work?",
        "Tell me about a time curiosity led you to a better answer.",
    ),
    "Hire and Develop the Best": (
        "Tell me about someone you helped grow into a bigger role.",
        "Describe how you raised the hiring bar on your team.",
    ),
    "Insist on the Highest Standards": (
        "Tell me about a time you would not accept work that was good enough.",
        "Describe a mechanism you built to keep quality high.",
    ),
    "Think Big": (
        "Tell me about a vision you set that went beyond your team's current scope.",
        "Describe a bold bet you proposed and how you got support for it.",
    ),
    "Bias for Action": (
        "Tell me about a decision you made quickly without all the information.",
        "Describe a time a reversible decision let you move faster.",
    ),
    "Frugality": (
        "Tell me about a time you delivered more with fewer people or less money.",
        "Describe a cost you cut without hurting customers.",
    ),
    "Earn Trust": (
        "Tell me about a time you admitted a mistake to your team or a partner.",
        "Describe how you rebuilt trust with a team that had lost it.",
    ),
    "Dive Deep": (
        "Tell me about a problem you found by looking at the data yourself.",
        "Describe a metric that looked fine but hid a problem.",
    ),
    "Have Backbone; Disagree and Commit": (
        "Tell me about a time you disagreed with a decision and how you handled it.",
        "Describe a time you committed fully to a decision you had argued against.",
    ),
    "Deliver Results": (
        "Tell me about a project you delivered despite a serious setback.",
        "How do you ensure your team delivers results consistently?",
    ),
    "Strive to be Earth's Best Employer": (
        "Tell me about something you changed to make your team a better place to work.",
        "Describe how you handled an engineer who was burning out.",
    ),
    "Success and Scale Bring Broad Responsibility": (
        "Tell me about a decision where you weighed effects beyond your own team or company.",
        "Describe a time you considered the second-order effects of a launch.",
    ),
}


@dataclass(frozen=True)
class Round:
    number: int
    name: str
    minutes: int
    interviewer: str
    questions: tuple[str, ...]
    looks_for: tuple[str, ...]
    rejected_for: tuple[str, ...]
    principles: tuple[str, ...] = field(default=())


ROUNDS: tuple[Round, ...] = (
    Round(
        1,
        "Recruiter/HR screen",
        45,
        "Recruiter or HR partner",
        (
            "Why are you interested in this role at Amazon?",
            "Tell me about your management style.",
            "What are your strengths and weaknesses?",
            "How do you handle underperforming team members?",
        ),
        (
            "real interest in the role",
            "clear, direct answers",
            "fit with the culture",
            "candour about yourself",
        ),
        (
            "no concrete leadership examples",
            "no coherent view of how you manage",
            "technical choices not tied to business goals",
            "unclear communication",
            "no evidence of the Leadership Principles",
        ),
    ),
    Round(
        2,
        "System design",
        60,
        "Senior or principal engineer",
        (
            "Design a URL shortening service like bit.ly.",
            "How would you design a system to handle real-time notifications for millions of users?",
            "Discuss the trade-offs between SQL and NoSQL databases for a large-scale application.",
            "How do you ensure the reliability and availability of a distributed system?",
        ),
        (
            "sound technical judgement",
            "breaking a large problem into parts",
            "explaining trade-offs plainly",
            "pragmatic designs",
        ),
        (
            "shallow problem solving",
            "designs that do not scale or fail badly",
            "trade-offs not explained",
            "no ownership or urgency",
            "little sense of operational excellence",
        ),
        ("Invent and Simplify", "Ownership"),
    ),
    Round(
        3,
        "People management",
        60,
        "Senior engineering manager or director",
        (
            "Tell me about a time you had to manage an underperforming engineer. What steps did you take?",
            "How do you foster career growth for your team members?",
            "Describe a situation where you had a conflict within your team. How did you resolve it?",
            "How do you delegate tasks effectively to ensure both team development and project success?",
        ),
        (
            "empathy for people and team dynamics",
            "specific people you developed",
            "direct, useful feedback",
            "handling hard conversations",
            "looking after team health before it breaks",
        ),
        (
            "no specific people-management examples",
            "no one developed",
            "weak conflict handling",
            "no trust-building or depth",
            "trouble with hard team situations",
        ),
        ("Earn Trust", "Dive Deep", "Have Backbone; Disagree and Commit"),
    ),
    Round(
        4,
        "Managerial/director",
        60,
        "Director or VP of engineering",
        (
            "How do you balance long-term technical strategy with short-term business needs?",
            "Tell me about a time you had to influence a senior leader or stakeholder.",
            "Describe your process for setting technical priorities for your team.",
            "How do you ensure your team is customer-obsessed?",
        ),
        (
            "a clear vision",
            "business context",
            "working with stakeholders",
            "decisions grounded in data",
            "solving problems before they land",
        ),
        (
            "no strategic view",
            "strategy not tied to business goals",
            "stakeholders poorly managed",
            "little customer obsession or ambition",
            "avoiding hard priority calls",
        ),
        ("Customer Obsession", "Think Big", "Bias for Action"),
    ),
    Round(
        5,
        "Hiring manager",
        60,
        "Hiring manager or senior leader",
        (
            "Based on our conversations, how do you see yourself contributing to our team's success?",
            "Tell me about a time you had to disagree with a decision and how you handled it.",
            "What are the most important qualities of a successful engineering manager at Amazon?",
            "How do you ensure your team delivers results consistently?",
        ),
        (
            "the principles shown again and again",
            "impact stated plainly",
            "energy and a view of the future",
            "past experience linked to the role",
            "leadership overall",
        ),
        (
            "answers that contradict earlier rounds",
            "a thin grasp of the principles",
            "impact not made clear",
            "no urgency or delivery",
            "no vision for the role",
        ),
        ("Have Backbone; Disagree and Commit", "Deliver Results"),
    ),
)

COMMON_QUESTIONS: tuple[str, ...] = (
    "Tell me about a time you failed. What did you learn from it?",
    "How do you handle conflict within your team?",
    "Describe your process for setting team goals and measuring success.",
    "How do you stay current with new technologies and industry trends?",
    "Walk me through a complex system you designed or managed.",
    "How do you delegate tasks effectively?",
    "Tell me about a time you had to make a significant technical decision.",
    "How do you foster a culture of innovation and psychological safety?",
    "Describe a situation where you had to manage a difficult stakeholder.",
    "How do you balance the needs of your team with the demands of the business?",
    "What are your strengths and weaknesses as a manager?",
    "How do you approach performance reviews and feedback?",
    "Tell me about a time you had to deliver bad news to your team.",
    "How do you ensure your team is productive and engaged?",
    "What is your experience with agile methodologies?",
    "How do you handle technical debt?",
    "Describe a time you had to influence without authority.",
    "How do you prioritize competing demands?",
    "What are your thoughts on the future of cloud computing?",
    "How do you ensure the quality and reliability of your team's deliverables?",
)

LOCATION_QUESTIONS: dict[str, tuple[str, ...]] = {
    "Seattle": (
        "How do you handle a team member who is consistently underperforming?",
        "Describe a time you had to make a difficult decision that impacted your team. What was the outcome?",
        "How do you foster innovation within your team?",
        "How do you ensure your team delivers reliable and scalable systems?",
    ),
    "India": ("How do you manage a team spread across locations and cultures?",),
    "Europe": (
        "Tell me about a time you had to influence a senior stakeholder without direct authority.",
        "How do you balance short-term project delivery with long-term technical strategy?",
        "Describe your approach to hiring and building high-performing teams.",
        "How do you ensure your team adheres to data privacy and compliance regulations?",
    ),
}

STUDY_PLAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Weeks 1-2: principles and design basics",
        (
            "Write two or three STAR stories for each Leadership Principle, with numbers",
            "Review scalability, availability and fault tolerance",
            "Review common architecture patterns",
        ),
    ),
    (
        "Weeks 3-4: people and deeper design",
        (
            "Prepare stories on hiring, performance, conflict, motivation and careers",
            "Practise explaining how you build and lead a strong team",
            "Go deeper on databases, caching, queues and services",
        ),
    ),
    (
        "Weeks 5-6: strategy and practice",
        (
            "Prepare how you tie a technical roadmap to business goals",
            "Prepare stories on product strategy, innovation and technical debt",
            "Run mock interviews, behavioural and design",
            "Tighten every STAR story and design walkthrough",
        ),
    ),
)


# Questions answered by designing or explaining a system on the spot, not by a story
# from the candidate's past: the system-design round and the opinion questions.
TECHNICAL: frozenset[str] = frozenset(
    (
        *next(r for r in ROUNDS if r.name == "System design").questions,
        "What are your thoughts on the future of cloud computing?",
        "What is your experience with agile methodologies?",
    )
)


# The first round of the loop that asks for stories (the recruiter screen asks why
# the role): where Practice and Match open.
FIRST_STORY_ROUND = next(r.number for r in ROUNDS if r.name == "People management")


def is_technical(question: str) -> bool:
    q = question.strip()
    return q in TECHNICAL or q.lower().startswith(("design a ", "how would you design", "design an "))


def all_questions() -> list[tuple[str, str]]:
    """(where it comes from, question) for every question in the bank."""
    out = [(f"Round {r.number}: {r.name}", q) for r in ROUNDS for q in r.questions]
    out += [("Common", q) for q in COMMON_QUESTIONS]
    out += [(f"Location: {place}", q) for place, qs in LOCATION_QUESTIONS.items() for q in qs]
    out += [(f"Principle: {p}", q) for p, qs in PRINCIPLES.items() for q in qs]
    return out
