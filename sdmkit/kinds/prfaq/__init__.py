"""PR/FAQ: working backwards from the customer. Five customer questions first, then
the press release written from them, then the FAQs a sceptical reader would ask."""

from __future__ import annotations

from sdmkit.coach.readability import measure
from sdmkit.kind import Column, Field, Kind, Section, lazy
from sdmkit.kinds.my_part import OUTCOME_RULES
from sdmkit.kinds.my_part import sections as _story_sections
from sdmkit.kinds.prfaq import bank
from sdmkit.kinds.prfaq.model import PRFAQ
from sdmkit.kinds.prfaq.rules import PR_WORD_BUDGET, RULES, faq_words, pr_words

STATUSES = ("draft", "in review", "approved", "launched", "shelved")
QA_COLUMNS = (
    Column("question", "Question", "What a reader would ask", required=True),
    Column("answer", "Answer", "The honest answer, with numbers", type="long"),
)


def _derived(c: PRFAQ) -> dict:
    r = measure(t for _, t in c.press_release_texts())
    quotes = sum(bool(q.text) for q in (c.leader_quote, c.customer_quote))
    return {
        "Press release": f"{pr_words(c)} of {PR_WORD_BUDGET} words",
        "FAQs": f"{faq_words(c)} words",
        "Reading ease": r.describe() if r.words else "n/a",
        "Quotes": f"{quotes} of 2",
    }


SECTIONS: tuple[Section, ...] = (
    Section(
        "Working backwards",
        (
            Field(
                "customer",
                "Who is the customer?",
                "text",
                "The specific people you build for, described by who they are and what they are trying to do.",
                prompt="Describe one person you could call tomorrow, not a market segment.",
                example="Owners of small online shops (1 to 10 people) who sell on Northwind and do their own "
                "bookkeeping.",
            ),
            Field(
                "problem",
                "What is the problem or opportunity?",
                "text",
                "What the customer cannot do today, or what it costs them, in their words.",
                example="They spend about 6 hours a month matching Northwind payouts to orders by hand, and one "
                "in four make a mistake that their accountant has to fix.",
            ),
            Field(
                "benefit",
                "What is the most important customer benefit?",
                "text",
                "The one thing that changes for the customer. One, not a list.",
                example="Payouts arrive already matched to orders, so the books close in minutes.",
            ),
            Field(
                "evidence",
                "How do you know what customers need?",
                "text",
                "The evidence: interviews, data, support contacts, experiments.",
                example="41 seller interviews; 12% of seller support contacts are about payouts; a prototype cut "
                "reconciliation time from 6 hours to 20 minutes for 9 of 10 testers.",
            ),
            Field(
                "experience",
                "What does the experience look like?",
                "text",
                "Walk through it as the customer: first moment to the result.",
                example="The seller connects their accounting tool once; every payout then appears there with "
                "its orders, fees and refunds.",
            ),
        ),
        intro="Answer these before the press release. Each answer feeds the part of the release it belongs to.",
    ),
    Section(
        "Press release",
        (
            Field(
                "headline",
                "Headline",
                "line",
                "The customer and what they can now do, in under 15 words.",
                feeds_from="benefit",
                example="Northwind sellers close their books in minutes with matched payouts",
                prose=True,
            ),
            Field(
                "subheading",
                "Subheading",
                "text",
                "One sentence: who the customer is and what they gain.",
                feeds_from="customer",
                example="Small shops get every payout matched to its orders, fees and refunds in their "
                "accounting tool.",
            ),
            Field("city", "Dateline city", "line", "Where the launch is announced.", example="Berlin"),
            Field(
                "launch_date", "Launch date", "date", "The day customers can start. Must be in the future."
            ),
            Field(
                "summary",
                "Summary paragraph",
                "text",
                "What launches, for whom, and the benefit, in three or four sentences.",
                feeds_from="benefit",
            ),
            Field(
                "problem_paragraph",
                "The problem",
                "text",
                "The customer's problem, as they would tell it.",
                feeds_from="problem",
            ),
            Field(
                "solution",
                "The solution",
                "text",
                "How the product solves it, from the customer's side.",
                feeds_from="experience",
            ),
            Field(
                "leader_quote.text",
                "Leader quote",
                "text",
                "Why this matters, from the leader who owns it.",
                example="Sellers told us they started their shop to sell, not to do bookkeeping.",
            ),
            Field(
                "leader_quote.speaker",
                "Leader",
                "line",
                "Name and role.",
                example="Maria Santos, VP Seller Services",
            ),
            Field(
                "getting_started",
                "How to get started",
                "text",
                "The first steps a customer takes.",
                feeds_from="experience",
            ),
            Field(
                "customer_quote.text",
                "Customer quote",
                "text",
                "A customer, in their words, on what changed for them.",
                feeds_from="evidence",
            ),
            Field(
                "customer_quote.speaker",
                "Customer",
                "line",
                "Name, and who they are.",
                example="Jana Novak, owner of Kettle & Co. in Leipzig",
            ),
            Field(
                "call_to_action",
                "Call to action",
                "text",
                "Where to go and what to do now.",
                example="Connect your accounting tool today at sellers.northwind.example/payouts.",
            ),
        ),
        intro="The press release fits one page and has exactly two quotes. Write it for the customer, not for us.",
    ),
    Section(
        "External FAQ",
        (
            Field(
                "external_faqs",
                "Customer questions",
                "cards",
                "What customers and press will ask, in order.",
                prompt="What would make a customer hesitate?",
                columns=QA_COLUMNS,
                item="question",
                bank=tuple(q for _, q in bank.EXTERNAL),
            ),
        ),
    ),
    Section(
        "Internal FAQ",
        (
            Field(
                "internal_faqs",
                "Internal questions",
                "cards",
                "What your leaders and partner teams will ask: risks, cost, dependencies, what you are not doing.",
                prompt="Answer the question you most hope nobody asks.",
                columns=QA_COLUMNS,
                item="question",
                bank=tuple(q for _, q in bank.INTERNAL),
            ),
        ),
    ),
    Section(
        "Appendix",
        (
            Field(
                "appendix",
                "Appendix",
                "text",
                "Data, mock-ups described in words, and detail the FAQs point to.",
                example="Interview summary (41 sellers), payout contact volumes by month, the prototype test plan.",
            ),
        ),
    ),
)


# What happened afterwards, and the author's own part (shared with every kind that tells a story).
SECTIONS = (
    *SECTIONS,
    *_story_sections(
        "The results after launch against the success metrics, and the decision taken on them.",
        "90 days after launch 31% of active sellers kept matched payouts on, above the 25% bar; we "
        "are adding the next two tools.",
    ),
)

KIND = Kind(
    id="prfaq",
    label="PR/FAQ",
    plural="PR/FAQs",
    icon=":material/campaign:",
    description="Working backwards from the customer: five customer questions, a one-page press release and "
    "the hard FAQs, with a narrative coach.",
    model=PRFAQ,
    statuses=STATUSES,
    sections=SECTIONS,
    rules=(*RULES, *OUTCOME_RULES),
    title_of=lambda c: c.headline,
    title_field="headline",
    derived=_derived,
    summary=lambda c: c.subheading,
    long_sentence_words=20,
    min_reading_ease=50,
    mine=lazy("sdmkit.kinds.prfaq.mine:mine"),
)
