"""What each Leadership Principle looks like in a document, as data: the behaviours
an interview coach listens for, each a phrase to find in one sentence, with a weight
(2: the behaviour itself, 1: a hint of it).

A principle is proposed for a story only with the sentence that shows it, and ranked
by how strongly its sentences show it.

Phrases: words in order ('working backwards'); a word ending in '*' stands for any
word it starts ('simpl*': simple, simplify); 'a + b' needs both phrases anywhere in
the sentence ('i decided + because'). Phrases are looked up, not searched for with
a regular expression: mining reads every sentence it picks, so this stays cheap."""

from __future__ import annotations

import re

_BEHAVIOURS: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {
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
_NOT: dict[str, tuple[str, ...]] = {
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
_NOT_RULES = {p: tuple(tuple(x.strip() for x in ph.split("+")) for ph in rows) for p, rows in _NOT.items()}

TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# A sentence in the first person: the word I, my or me (I'm, I've and I'd start with
# the word I). Read plainly \b(I|my|me)\b; written so that the engine looks for an I
# or an m first and looks behind it only there, 2.5 times quicker on mined sentences.
FIRST_PERSON = re.compile(r"I(?<!\wI)\b|m[ye](?<!\wm[ye])\b")

# phrase -> [(principle, weight, the other phrases the rule needs)]
_INDEX: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
for _principle, _rows in _BEHAVIOURS.items():
    for _weight, _phrases in _rows:
        for _phrase in _phrases:
            _first, *_rest = (p.strip() for p in _phrase.split("+"))
            _INDEX.setdefault(_first, []).append((_principle, _weight, tuple(_rest)))
_ALL = set(_INDEX) | {r for rows in _INDEX.values() for _, _, rest in rows for r in rest}
_ALL |= {part for rules in _NOT_RULES.values() for rule in rules for part in rule}
_STARS = {p[:-1] for p in _ALL if p.endswith("*")}
_STAR_BY_HEAD: dict[str, list[str]] = {}
for _star in _STARS:
    _STAR_BY_HEAD.setdefault(_star[:3], []).append(_star)
_SINGLE = frozenset(p for p in _ALL if " " not in p)
# first word of a phrase of several words -> the most words such a phrase has
_MULTI: dict[str, int] = {}
for _phrase in _ALL:
    _head, *_tail = _phrase.split()
    if _tail:
        _MULTI[_head] = max(_MULTI.get(_head, 2), 1 + len(_tail))


# every run of first words of a phrase of several words ('i decided', 'i decided to'):
# a run that starts no phrase ends the look-up early
_PREFIXES = frozenset(" ".join(p.split()[:k]) for p in _ALL for k in range(2, len(p.split()) + 1))
# word -> the starred phrases ('simpl*') it stands for, worked out once per word
_STARRED: dict[str, tuple[str, ...]] = {}


def _grams(sentence: str, words: list[str] | None = None) -> set[str]:
    """The phrases of the data that the sentence holds. `words`: the sentence's words
    in lower case (TOKEN), when the caller has them."""
    if words is None:
        words = TOKEN.findall(sentence.lower())
    out = set(_SINGLE.intersection(words))
    multi, starred, prefixes = _MULTI, _STARRED, _PREFIXES
    last = len(words)
    for i, w in enumerate(words):
        n = multi.get(w)
        if n:
            gram = w
            for k in range(i + 1, min(i + n, last)):
                gram += " " + words[k]
                if gram not in prefixes:
                    break
                out.add(gram)
        stars = starred.get(w)
        if stars is None:
            stars = tuple(star + "*" for star in _STAR_BY_HEAD.get(w[:3], ()) if w.startswith(star))
            if len(starred) < 50_000:  # a vocabulary, not every string ever seen
                starred[w] = stars
        if stars:
            out.update(stars)
    return out


def sentence_strengths(sentence: str, words: list[str] | None = None) -> dict[str, int]:
    """The principles one sentence shows, each with its strongest behaviour's weight."""
    grams = _grams(sentence, words)
    out: dict[str, int] = {}
    for gram in grams & _INDEX.keys():
        for principle, weight, rest in _INDEX[gram]:
            if weight > out.get(principle, 0) and all(r in grams for r in rest):
                out[principle] = weight
    for principle in _NOT_RULES.keys() & out.keys():
        if any(all(part in grams for part in rule) for rule in _NOT_RULES[principle]):
            del out[principle]
    return out


# A sentence whose subject is someone else ('The bar raiser asked for ...', 'She also
# asked why ...'): true, and worth telling, but not evidence of the candidate's part.
SOMEONE_ELSE = re.compile(r"(The (bar raiser|reviewers?|director|VP|customers?|partner team)|She|He|They)\b")


def strengths(
    sentences: list[str], memo: dict | None = None, words: dict[str, list[str]] | None = None
) -> dict[str, tuple[int, str, float, bool]]:
    """Each principle the sentences show: (strength, the sentence that shows it best,
    that sentence's own weight, a half more when it is the candidate's own 'I',
    whether any sentence shows a behaviour itself rather than only hints at it).
    A sentence adds its strongest behaviour of a principle once. `memo` keeps each
    sentence's result for the stories of one document, which share sentences; `words`
    the words of those sentences the caller has already split."""
    out: dict[str, tuple[int, str, float, bool]] = {}
    memo = {} if memo is None else memo
    split = words or {}
    for s in sentences:
        if s not in memo:
            memo[s] = sentence_strengths(s, split.get(s))
        # The evidence shown is the candidate's own sentence where there is one: what
        # they say they did, before what the team or a reviewer did.
        if SOMEONE_ELSE.match(s):
            continue  # what a reviewer or a director did shows their principles, not the candidate's
        own = 0.5 if FIRST_PERSON.search(s) else 0
        for principle, w in memo[s].items():
            score, best, best_w, shown = out.get(principle, (0, "", 0, False))
            if w + own > best_w:
                best, best_w = s, w + own
            out[principle] = (score + w, best, best_w, shown or w >= 2)
    return out
