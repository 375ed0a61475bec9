"""Coach rules for a weekly review: the week, and an answer for every signal."""

from __future__ import annotations

from sdmkit.coach.rule import Hit, Rule
from sdmkit.kinds.metric_review.model import MetricReview


def _week(c: MetricReview):
    if c.week_ending is None:
        yield Hit("week_ending", "No week", "Pick the Sunday the review's week ends on.")


def _metrics(c: MetricReview):
    if c.week_ending and not c.metrics:
        yield Hit(
            "metrics",
            "The review has no metrics yet",
            "Press 'Refresh from data' to load the team's metrics.",
        )


def _signals(c: MetricReview):
    for i, m in enumerate(c.metrics, 1):
        if m.signal and not m.commentary and m.status != "still investigating":
            yield Hit(
                f"metrics[{i}].commentary",
                f"{m.name} is exceptional this week ({m.signal}) and has no commentary",
                f"{m.owner or 'The owner'} explains it, or marks it 'still investigating'.",
            )


def _owners(c: MetricReview):
    for i, m in enumerate(c.metrics, 1):
        if not m.owner:
            yield Hit(f"metrics[{i}]", f"{m.name} has no owner", "Give every metric an owner in the catalog.")


def _values(c: MetricReview):
    # One note for the week, not one identical note per metric (a new review has nine).
    missing = [(i, m) for i, m in enumerate(c.metrics, 1) if m.value is None]
    if len(missing) == 1:
        i, m = missing[0]
        yield Hit(
            f"metrics[{i}]", f"{m.name} has no value for this week", "Import the week's data, then refresh."
        )
    elif missing:
        names = ", ".join(m.name for _, m in missing)
        first = "No metric has" if len(missing) == len(c.metrics) else f"{len(missing)} metrics have"
        yield Hit(
            "metrics", f"{first} a value for this week yet: {names}", "Import the week's data, then refresh."
        )


def _missing(c: MetricReview):
    for i, m in enumerate(c.metrics, 1):
        if m.missing:
            yield Hit(
                f"metrics[{i}]",
                f"{m.name} has no value for the weeks ending {', '.join(m.missing)}",
                "Type or import them on the Metrics page, then refresh; until then the chart shows gaps and a "
                "summed month with a missing week has no value.",
            )


def _actions(c: MetricReview):
    for i, a in enumerate(c.action_items, 1):
        if a.what and (not a.owner or a.due is None):
            yield Hit(f"action_items[{i}]", f"Action item {i} needs an owner and a due date", "")


RULES = (
    Rule("metric_review.week", "The review has a week", "error", _week),
    Rule("metric_review.metrics", "The review has metrics", "warning", _metrics),
    Rule("metric_review.signals", "Every signal is explained or under investigation", "error", _signals),
    Rule("metric_review.owners", "Every metric has an owner", "warning", _owners),
    Rule("metric_review.values", "Every metric has this week's value", "info", _values),
    Rule("metric_review.missing", "Missing weeks are named", "info", _missing),
    Rule("metric_review.actions", "Action items have owners and dates", "warning", _actions),
)
