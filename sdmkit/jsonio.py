"""JSON text for the store's columns, and for the text a figure is looked for in.

orjson, not the standard library: mining writes every story twice (its row and its
first revision) and reads every source document, and the standard encoder and
decoder took some 5% of that time; orjson writes in a quarter and reads in half of
the standard library's time. The output is plain JSON either way. Anything
orjson refuses (an integer past 64 bits, a value the standard library writes as
NaN in a workspace an older sdmkit saved) falls back to the standard library, so
what could be written and read before still can."""

from __future__ import annotations

import json
from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS  # {1: ...} becomes {"1": ...}, as json.dumps does


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, option=_OPTIONS).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value)


def loads(text: str | bytes) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
