"""The coach beside the editor: findings for the text as it is now."""

from __future__ import annotations

import re

import streamlit as st

from sdmkit.coach import Finding, prose
from sdmkit.ui.text import esc, plural

_ICON = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}


_LOCATION = re.compile(r"^(?P<root>[\w.]+?)(?:\[(?P<n>\d+)\])?(?:\.(?P<sub>\w+))?$")


def _label_for(kind, location: str) -> str:
    """'tenets[5].statement' -> 'Tenets 5 › Statement', in the editor's own words."""
    m = _LOCATION.match(location)
    if not m:
        return location
    for f in kind.fields():
        if f.key == location:
            return f.label
        if f.key == m["root"]:
            label = f.label + (f" {m['n']}" if m["n"] else "")
            if m["sub"]:
                sub = m["sub"].replace("_", " ")
                col = next((c.label for c in f.columns if c.key == m["sub"]), sub[:1].upper() + sub[1:])
                label += f" › {col}"
            return label
    # Content no field draws but a section's screen does (a story's source: its Sources tab).
    return next((s.title for s in kind.sections if m["root"] in s.shows), kind.describe(location))


def _rule_titles(kind) -> dict[str, str]:

    rules = [*kind.rules, *getattr(kind, "workspace_rules", ()), *prose.RULES]
    return {r.id: r.title for r in rules}


def coach_panel(kind, findings: list[Finding], derived: dict | None = None, scorecard=None) -> None:
    st.subheader("Coach", anchor=False)
    if derived:
        # A table, not st.metric: durations like '5 h 7 min' do not fit metric tiles.
        rows = "\n".join(f"| {esc(name)} | **{esc(value)}** |" for name, value in derived.items())
        st.markdown(f"| Fact | Value |\n|---|---|\n{rows}")
        if kind.derived_help:
            st.caption(" · ".join(f"{esc(k)}: {esc(v)}" for k, v in kind.derived_help.items()))
    if scorecard is not None:
        _scorecard(scorecard)
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    infos = len(findings) - errors - warnings
    if not findings:
        st.success("Nothing to add: this reads like a good one.", icon=":material/task_alt:")
        return
    st.caption(
        f"{errors} to fix · {warnings} to consider · {infos} style note{'' if infos == 1 else 's'}. "
        "Switch a rule off for this document under *Document settings*."
    )
    titles = _rule_titles(kind)
    for f in findings:
        where = _label_for(kind, f.location)
        # A message ending in a word or a figure ('... weeks ending 2026-10-04') gets its full
        # stop: the advice starts on the next line, and wrapped, the two read as one sentence.
        message = f.message + "." if f.message[-1:].isalnum() else f.message
        body = f"**{esc(where)}**: {esc(message)}"
        if f.suggestion:
            body += f"  \n{esc(f.suggestion)}"
        # The rule in words, as Document settings lists it, not its id.
        body += f"  \n*{esc(titles.get(f.rule, f.rule))}*"
        {"error": st.error, "warning": st.warning, "info": st.info}[f.severity](body, icon=_ICON[f.severity])


def _scorecard(card) -> None:
    st.markdown(
        f"**Bar-raiser rubric: {card.passed} of {plural(card.total, 'check')} pass ({card.percent})**"
    )
    st.progress(card.percent / 100)
    if card.failed:
        st.caption("  \n".join(f"✗ {esc(check)}: {esc(advice)}" for check, advice in card.failed))
