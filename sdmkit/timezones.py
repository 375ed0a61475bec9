"""Time zones as users type them: one check with one message, the list for pickers,
and wall-clock times turned into UTC (refusing a time the clocks skipped)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UNKNOWN = "unknown time zone '{}' (use a name like Europe/Berlin or UTC)"


def zone(name: str) -> ZoneInfo:
    """An IANA time zone; raises ValueError with a message a user can act on."""
    if not name:
        raise ValueError("time zone is empty")
    if len(name) > 64:  # the longest IANA name has 32; a longer one is not a zone
        raise ValueError(UNKNOWN.format(_shown(name)))
    try:
        return ZoneInfo(name)
    # OSError: a folder of the zone database ("America") or a name the file system refuses.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(UNKNOWN.format(_shown(name))) from None


def _shown(name: str) -> str:
    return name if len(name) <= 64 else name[:40] + f"... ({len(name)} characters)"


def is_zone(name: str) -> bool:
    try:
        zone(name)
    except ValueError:
        return False
    return True


COMMON_ZONES = (
    "UTC",
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)


def to_utc(local: datetime, zone_name: str) -> datetime:
    """Wall-clock time in a zone -> an aware UTC time.

    A time that does not exist (the hour skipped when clocks go forward) is an error.
    A time that exists twice (clocks go back) is taken as the first of the two."""
    tz = zone(zone_name)
    first = local.replace(tzinfo=tz, fold=0)
    # Round-tripping through UTC changes a skipped wall time; that is how to detect one.
    if first.astimezone(ZoneInfo("UTC")).astimezone(tz).replace(tzinfo=None) != local:
        raise ValueError(
            f"{local:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks skipped it "
            "(daylight saving time began)"
        )
    return first.astimezone(ZoneInfo("UTC"))


def check_zone(value: str | None, default: str | None = None) -> str:
    """For validators: the zone name, or `default` when empty; ValueError naming it when unknown."""
    value = value or default or ""
    if value and not is_zone(value):
        raise ValueError(UNKNOWN.format(_shown(value)))
    return value


def zone_names() -> list[str]:
    """Common zones first, then every other IANA zone, for pickers."""
    rest = sorted(available_timezones() - set(COMMON_ZONES))
    return [*COMMON_ZONES, *rest]
