"""The coach: rules that say what good looks like, per kind and for all prose."""

from sdmkit.coach.engine import Finding, Rule, Score, lint, lint_document, rule_catalog, score

__all__ = ["Finding", "Rule", "Score", "lint", "lint_document", "rule_catalog", "score"]
