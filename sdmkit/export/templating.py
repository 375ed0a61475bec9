"""Jinja2 environments for the Markdown and HTML templates.

Templates a user drops in <data dir>/templates override the packaged ones of the
same name (a ChoiceLoader, as datasette does), so a team can restyle its exports."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from sdmkit import resources
from sdmkit.export.escape import md_block, md_inline
from sdmkit.metrics.format import change, number
from sdmkit.registry import BUILTIN, all_kinds, kind_modules
from sdmkit.store.db import data_dir


def _loader():

    # The built-in kinds' templates are the packaged ones; only a kind named in
    # SDMKIT_KINDS brings a folder of its own. Without one, the kinds are not all
    # imported here: a one-document export needs only its own (about 0.08 s).
    extra = len(kind_modules()) > len(BUILTIN)
    own = [FileSystemLoader(k.templates_dir) for k in (all_kinds() if extra else []) if k.templates_dir]
    return ChoiceLoader(
        [
            FileSystemLoader(str(data_dir() / "templates")),
            FileSystemLoader(str(resources.templates_dir())),
            *own,
        ]
    )


def _as_date(value):
    """A date from a date, a datetime or an ISO string; other text comes back as it is."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


def _fmt_date(value, fmt: str = "%d %b %Y") -> str:
    if not value:
        return ""
    value = _as_date(value)
    if isinstance(value, datetime | date):
        return value.strftime(fmt)
    return str(value)


def _long_date(value) -> str:
    """14 April 2027: the day unpadded, as a dateline prints it."""
    if not value:
        return ""
    value = _as_date(value)
    if isinstance(value, datetime | date):
        return f"{value.day} {value.strftime('%B %Y')}"
    return str(value)


def _quote_lead(text) -> str:
    """A quote followed by 'said Name': its closing full stop becomes a comma."""
    text = " ".join(str(text or "").split())
    if text.endswith("."):
        return text[:-1] + ","
    return text if text.endswith(("?", "!", ",", "…")) else text + ","


def _common(env: Environment) -> Environment:

    env.filters["date"] = _fmt_date
    env.filters["long_date"] = _long_date
    env.filters["quote_lead"] = _quote_lead
    env.globals["fmt"] = number
    env.globals["chg"] = change
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env


@cache
def markdown_env() -> Environment:
    # Markdown is not HTML: autoescape is off and user text goes through md_inline /
    # md_block instead (see escape.py). StrictUndefined catches template typos in tests.
    env = Environment(
        loader=_loader(), autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True
    )
    env.filters["md"] = md_inline
    env.filters["mdblock"] = md_block
    env = _common(env)
    # A figure carries its metric's unit, which the user typed: make it inert too.
    from sdmkit.metrics.format import change, number

    env.globals["fmt"] = lambda *args, **kw: md_inline(number(*args, **kw))
    env.globals["chg"] = lambda *args, **kw: md_inline(change(*args, **kw))
    return env


@cache
def html_env() -> Environment:
    env = Environment(
        loader=_loader(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )
    return _common(env)
