"""The one clock: every "what day is it" and "what time is it" in sdmkit asks here.

One place means one behaviour (aware datetimes, the machine's local date for
"today") and one switch for tests: `frozen(at)` stops the clock at a moment, so a
rule such as "the charter was not reviewed in 12 months" is tested on a date the
test chooses, not on the day the suite runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, tzinfo

_frozen: datetime | None = None


def now(zone: tzinfo | None = None) -> datetime:
    """The current time, aware: in `zone`, or on the machine's local clock."""
    at = _frozen if _frozen is not None else datetime.now(UTC)
    return at.astimezone(zone) if zone is not None else at.astimezone()


def today() -> date:
    """Today's date on the machine's local clock."""
    return now().date()


def utc_naive() -> datetime:
    """The current UTC time without a zone, as the store's timestamp columns keep it."""
    return now(UTC).replace(tzinfo=None)


@contextmanager
def frozen(at: datetime) -> Iterator[datetime]:
    """Stop the clock at `at` (aware; a naive value is taken as UTC) until the block ends."""
    global _frozen
    before = _frozen
    _frozen = at if at.tzinfo else at.replace(tzinfo=UTC)
    try:
        yield _frozen
    finally:
        _frozen = before
