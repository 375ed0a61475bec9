"""Converting what widgets hold to what documents store, and back: ISO dates,
minutes and times of day, and blank cells."""

from __future__ import annotations

from datetime import date, datetime, time


def iso_date(value) -> str | None:
    if value is None or value == "" or (isinstance(value, float) and value != value):  # NaN
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text[:10] if text else None


def to_date(value) -> date | None:
    iso = iso_date(value)
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def iso_minutes(value) -> str | None:
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None).isoformat(timespec="minutes")
    text = str(value).strip().replace(" ", "T")
    return text[:16] if text else None


def to_datetime(value) -> datetime | None:
    iso = iso_minutes(value)
    try:
        return datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def to_time(value):

    if isinstance(value, time):
        return value
    text = time_iso(value)
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


def time_iso(value) -> str | None:

    if is_blank(value):
        return None
    if isinstance(value, time | datetime):
        return value.strftime("%H:%M")
    text = str(value).strip()
    return text[:5] if text else None


def is_blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)
