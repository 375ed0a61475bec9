"""The coach: rules that say what good looks like, per kind and for all prose."""

from sdmkit.coach.engine import Finding, Rule, lint, rule_catalog

__all__ = ["Finding", "Rule", "lint", "rule_catalog"]
