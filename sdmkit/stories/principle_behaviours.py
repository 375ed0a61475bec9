"""What each Leadership Principle looks like in a document, as data: the behaviours
an interview coach listens for, each a phrase to find in one sentence, with a weight
(2: the behaviour itself, 1: a hint of it). behaviours.py finds them in a sentence.

Phrases: words in order ('working backwards'); a word ending in '*' stands for any
word it starts ('simpl*': simple, simplify); 'a + b' needs both phrases anywhere in
the sentence ('i decided + because'). Lower case: sentences are read in lower case."""

from __future__ import annotations

BEHAVIOURS: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {
    "Customer Obsession": (
        (1, ("customer*", "shopper*", "seller*", "creator*", "families", "viewer*", "complain*", "users")),
        (1, ("patients", "players", "members", "subscribers", "buyers", "guests", "tenants", "clients")),
        (1, ("merchants", "passengers", "riders", "drivers", "students", "readers", "listeners", "admins")),
        (2, ("churn*", "for the customer", "for customers", "customer-facing", "what customers")),
        (
            1,
            (
                "customer experience",
                "user experience",
                "on behalf of",
                "pain point",
                "pain points",
                "what they need",
            ),
        ),
        (2, ("working backwards", "work backwards", "on their own", "without help", "nobody wants")),
        (2, ("interviewed + customer*", "interviewed + seller*", "interviews with", "survey of", "surveyed")),
        (2, ("refunded + customer*", "reimburs* + customer*", "wrote to + customer*", "refund everyone")),
        (2, ("costs customers nothing", "without hurting customers", "customer trust", "customers first")),
    ),
    "Ownership": (
        (2, ("i owned", "i own", "i took on", "i took it on", "i took ownership", "my call", "my decision")),
        (2, ("my mistake", "i reopened", "outside my area", "outside our area", "beyond our team")),
        (2, ("took responsibility", "take responsibility", "accountable", "not our system", "not our code")),
        (
            1,
            (
                "end to end",
                "whichever",
                "long-term",
                "long term",
                "i covered",
                "i led",
                "owns the",
            ),
        ),
        (1, ("i wrote the coe", "took incident command", "owner who decides", "incident manager")),
        (1, ("whole company", "entire company", "short-term cost", "at a short-term")),
        (2, ("myself", "owns it", "own it", "not my job", "on my own", "i volunteered", "i stepped in")),
    ),
    "Invent and Simplify": (
        (
            2,
            (
                "simplif*",  # not 'simple': 'a filer with simple income' simplified nothing
                "simpler",
                "simplest",
                "simplicity",
                "idea",
                "ideas",
                "invent",
                "invented",
                "inventing",
                "invention",
                "new way",
                "for the first time",
            ),
        ),
        # taking steps, parts or people out of a process
        (
            2,
            (
                "removed the need",
                "no longer needs",
                "one step",
                "fewer steps",
                "redesign*",
                "replaced + with",
            ),
        ),
        # trying a new idea out small, before building it for everyone
        (2, ("prototype", "prototyped", "experiment*")),
        (1, ("pilot", "piloted")),  # also a rollout's first stores: a hint, not the behaviour
        (1, ("reuse", "reusing", "rebuilt", "configurable", "automat*", "instead of", "self-serve")),
        (1, ("self-service", "no longer need", "on demand")),
        (1, ("one app", "one api", "one entry", "one place", "one backlog", "its own environment")),
    ),
    "Are Right, A Lot": (
        (1, ("analysed", "analyzed", "evidence", "predict", "predicts", "accuracy", "forecast error")),
        (2, ("i accepted + risk", "i weighed", "i judged", "i decided + because", "i decided + rather than")),
        (1, ("we tested it", "the data", "judgement", "judgment", "instinct*", "hypothes*")),
        (2, ("changed my mind", "proved right", "turned out right", "second opinion", "disconfirm*")),
        (2, ("stop criteria", "stop threshold", "kill criteria", "i recommended", "i believed", "i bet")),
    ),
    "Learn and Be Curious": (
        (2, ("i asked why", "curio*", "i read + myself", "i looked into", "i dug into")),
        (1, ("learn", "learned", "learnt", "learning", "debrief", "would do differently", "explor*")),
        (2, ("taught myself", "i studied", "read up", "i wondered", "new to me", "i learned")),
    ),
    "Hire and Develop the Best": (
        (2, ("hire", "hires", "hiring", "interview loop", "bar raiser", "raise the bar", "mentor*")),
        (2, ("i hired", "we hired")),
        (
            2,
            (
                "coach",
                "coaches",
                "coaching",
                "development plan",
                # a person's promotion, not a replica's ('failover promoted a replica')
                # nor a shop's ('fees and promotions')
                "promoted to senior",
                "promoted to lead",
                "promoted to tech lead",
                "promoted to staff",
                "promoted to principal",
                "promoted to manager",
                "promoted her",
                "promoted him",
                "promote her",
                "promote him",
                "for promotion",
                "her promotion",
                "his promotion",
                "their promotion",
                "promotion case",
                "career",
                "grow an",
            ),
        ),
        (2, ("grow people", "grow them", "grow into", "become tech lead", "gave + the lead", "the lead on")),
        # "1 1" is a 1:1 as the words of a sentence read it
        (
            1,
            (
                "shadow",
                "shadows",
                "new engineer",
                "onboard*",
                "feedback",
                "stretch",
                "1 1",
                "one-on-one",
                "one-on-ones",
            ),
        ),
        (2, ("delegat*", "underperform*", "performance plan", "succession", "took over from me")),
    ),
    "Insist on the Highest Standards": (
        (2, ("i refused", "i would not accept", "i insisted", "fixed or deleted", "delete or fix")),
        (2, ("before new feature work", "has stayed under", "have stayed under", "has stayed below")),
        (
            2,
            (
                "has failed since",
                "has been no",
                "have been no",
                "no repeat",
                "no recurrence",
                "not recurred",
                "stay fixed",
                "defect*",
            ),
        ),
        (1, ("mechanism", "checklist", "code review", "test coverage", "the bar", "correctness", "by hand")),
        (2, ("the default", "every build", "every change", "must pass", "no exceptions")),
        (1, ("canary", "device lab", "staging test", "rehears*", "row-level security", "enforce*")),
        (1, ("prevent*", "quality", "standard", "require a", "require every", "block a", "by default")),
        (2, ("pay down", "paying down", "technical debt", "tech debt", "written exception", "raise the bar")),
    ),
    "Think Big": (
        (
            2,
            (
                "vision",
                "bold",
                "company-wide",
                "organisation-wide",
                "organization-wide",
                "every product line",
            ),
        ),
        (1, ("every product", "every team", "long-term direction", "all teams")),
        (2, ("two-year", "three-year", "multi-year", "board approved", "platform for", "every market")),
        (1, ("i proposed", "ambitio*", "long run", "north star")),
        (1, ("by 2026", "by 2027", "by 2028", "by the end of", "10x", "ten times", "across the company")),
    ),
    "Bias for Action": (
        (1, ("same day", "next morning", "within + minutes", "rolled back", "halted", "paused")),
        # acting 'before we knew' is the candidate's act, not how long a fault ran unseen
        # ('It ran for 17 hours before we knew')
        (
            2,
            (
                "i halted",
                "i stopped",
                "i halt",
                "i stop",
                "i paused",
                "i + before we knew",
                "rather than wait",
            ),
        ),
        (2, ("two-way door", "decide fast", "reversible", "calculated risk", "without waiting")),
        (1, ("immediately", "that night", "within the hour", "speed matters", "same week", "that evening")),
        (2, ("instead of waiting", "without a simulation", "without the full", "i + before we had")),
    ),
    "Frugality": (
        (1, ("cost", "costs", "spend", "budget", "eur", "usd", "gbp")),
        # Saving counts with what was saved: a game's saves, or the hours a feature saves
        # its users, are no frugality.
        (2, ("save* + eur", "save* + usd", "save* + gbp", "save* + money", "save* + cost*", "save* + spend")),
        (2, ("save* + budget", "save* + licen*", "cut + cost", "same team")),
        # nothing new bought or hired: not 'no new form for staff', which is simplicity
        (
            2,
            (
                "no new + licen*",
                "no new + software",
                "no new + hardware",
                "no new + fleet",
                "no new + server*",
            ),
        ),
        (2, ("no new + headcount", "no new + hires", "no new + people", "no new + budget", "no new + tool*")),
        (
            2,
            (
                "without new + licen*",
                "without new + hardware",
                "without new + headcount",
                "without new + hires",
            ),
        ),
        (2, ("without new + people", "without new + budget", "without new + server*", "without new + tool*")),
        (2, ("spare capacity", "existing clusters", "existing infrastructure", "less money", "fewer people")),
        (2, ("no extra cost", "no additional cost", "no extra headcount", "without hiring", "cheaper")),
        (2, ("oversized", "waste*")),
    ),
    "Earn Trust": (
        (2, ("the mistake was ours", "the wrong one", "admitted", "apologi*", "i told", "i rang")),
        (1, ("i called",)),
        (
            2,
            (
                "i wrote to",
                "told them",
                "our defect",
                "our fault",
                "our mistake",
                "we had missed",
                "in person",
            ),
        ),
        (2, ("openly", "publicly", "the truth", "what went wrong", "how we missed")),
        # telling them first, not fixing it before anyone noticed
        (2, ("told + before any", "warned + before any", "wrote to + before any", "called + before any")),
        (2, ("was wrong", "got wrong", "retracted", "had been right", "were right", "my approval")),
        (1, ("plainly", "transparen*", "blameless", "trust", "in writing", "disagree before")),
        (
            1,
            (
                "notified",
                "inform",
                "informed",
                "candid",
                "candidly",
                "candour",
                "candor",
                "honest*",
                "listened",
                "respect*",
            ),
        ),
        (2, ("i was wrong", "my fault", "owned up", "self-critical", "rebuilt trust", "regain* + trust")),
    ),
    "Dive Deep": (
        (
            2,
            (
                "split it by",
                "split by",
                "splitting by",
                "line by line",
                "side by side",
                "by hour",
                "percentile*",
            ),
        ),
        (2, ("pulled + data", "read all", "read every", "i read + myself", "tagged the", "looked normal")),
        (2, ("traced", "went through", "root cause", "five whys", "hid", "hidden", "masked")),
        (2, ("looked healthy", "looked normal", "looked fine", "logs show", "data shows", "data showed")),
        (1, ("worst", "audit*", "sampled", "breakdown", "broken down", "per platform", "by platform")),
        (2, ("anecdote*", "skeptic*", "sceptic*", "the details", "in detail", "did not add up")),
        (1, ("graph", "graphs", "logs", "telemetry", "analysis", "found that", "i found", "i asked for")),
    ),
    "Have Backbone; Disagree and Commit": (
        (
            2,
            (
                "disagreed with",
                "we disagreed",
                "argued against",
                "objected",
                "pushed back",
                "overruled",
                "i refused",
            ),
        ),
        (2, ("said no", "turn down", "turned down", "say no")),
        (1, ("committed", "relitigate", "disagree and commit", "escalated", "uncomfortable")),
        (2, ("i challenged", "challenged the", "i disagreed", "i argued")),
    ),
    "Deliver Results": (
        (
            2,
            (
                "we delivered",
                "i delivered",
                "we shipped",
                "made the date",
                "shipped + before the deadline",  # a plan 'before the deadline' delivered nothing yet
                "delivered + before the deadline",
                "launched + before the deadline",
                "on the date",
            ),
        ),
        (1, ("delivered", "shipped")),
        (1, ("deadline", "to make the date", "weeks before", "back within", "back at", "commit to")),
        (1, ("moved + engineers", "on time", "on schedule", "went live", "launched", "despite")),
        (
            2,
            (
                "ahead of schedule",
                "met the target",
                "hit the target",
                "passed + audit",
                "passed + certification",
            ),
        ),
    ),
    "Strive to be Earth's Best Employer": (
        (2, ("burnout", "burning out", "burned out", "burn out", "slept", "day off", "sustain*")),
        (2, ("team health", "without fear", "psychological safety", "nobody is paged", "meeting-free")),
        (2, ("inconvenient hours", "unsociable hours", "well-being", "wellbeing", "work-life")),
        (
            1,
            (
                "morale",
                "attrition",
                "overtime",
                "out of hours",
                "empath*",
                "safe to",
                "toil",
                "fair*",
                "weekend*",
            ),
        ),
        (
            2,
            (
                "night shift",
                "night shifts",
                "paged + at night",  # people woken, not a batch or a borrowed GPU 'at night'
                "woken + at night",
                "paged at",
                "pages per",
                "fatigue",
                "exhausted people",
                "rest days",
            ),
        ),
        (1, ("blame", "engagement survey", "i covered", "took her off", "took him off")),
    ),
    "Success and Scale Bring Broad Responsibility": (
        (2, ("regulator", "regulation", "regulatory", "ombudsman", "privacy", "data protection")),
        (2, ("legal requirement", "accessibility act", "reportable", "breach", "compliance")),
        (2, ("accessib*", "assistive", "second-order", "gdpr", "ethic*", "carbon", "emissions")),
        (1, ("the law", "society", "community", "harm", "downstream", "the public", "safety", "third-party")),
        (2, ("hipaa", "baa", "consent", "vulnerable", "fairness", "clinical safety", "patient safety")),
    ),
}

# Phrases that take a principle's behaviours back in the sentence that holds them: 'no
# new hires' names hiring only to say none happened, which is Frugality (above), not a
# hire made or a person grown.
NOT_SHOWN: dict[str, tuple[str, ...]] = {
    "Hire and Develop the Best": (
        "no new + hire*",
        "no hiring",
        "without hiring",
        "hiring freeze",
        "freeze on hiring",
        "instead of hiring",
        "hired no one",
        "hired nobody",
    ),
}
