"""The one clock of the program: aware datetimes in the hall's time zone, overridable in tests.

Every clock, date and chart of the program reads the hall's zone (``settings.hall.time_zone``, default
Asia/Shanghai), whatever the zone of the PC it runs on: ``AppContext.open`` calls ``set_zone``.
``now()`` / ``today()`` are the hall's; ``local(value)`` and ``from_timestamp(ts)`` turn a stored or
server time into the hall's for display.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

CST = dt.timezone(dt.timedelta(hours=8), "CST")
"""China Standard Time as a fixed offset (tests pin the clock with it)."""
DEFAULT_ZONE = "Asia/Shanghai"


def _zone_named(name: str) -> dt.tzinfo:
    """The IANA zone ``name``; CST for Asia/Shanghai when the zone database is missing (Windows without tzdata)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ImportError, ValueError, OSError, KeyError):
        if name in (DEFAULT_ZONE, "Asia/Chongqing", "Asia/Harbin", "PRC"):
            return CST
        raise ValueError(f"未知的时区“{name}”（应为 IANA 时区名，如 Asia/Shanghai）") from None


_zone: dt.tzinfo = _zone_named(DEFAULT_ZONE)
_now: Callable[[], dt.datetime] = lambda: dt.datetime.now(_zone)  # noqa: E731


def zone() -> dt.tzinfo:
    """The hall's time zone."""
    return _zone


def set_zone(name: str) -> None:
    """Makes ``name`` (IANA, e.g. Asia/Shanghai) the hall's zone; ``ValueError`` for an unknown name."""
    global _zone
    _zone = _zone_named(name)


def now() -> dt.datetime:
    """Now, in the hall's zone (a pinned clock's value is shown in the hall's zone too)."""
    value = _now()
    return value.astimezone(_zone) if value.tzinfo is not None else value.replace(tzinfo=_zone)


def today() -> dt.date:
    return now().date()


def local(value: dt.datetime) -> dt.datetime:
    """A stored or server time in the hall's zone (a naive value is taken as UTC, as servers send it)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(_zone)


def from_timestamp(ts: float) -> dt.datetime:
    """A POSIX timestamp as a time in the hall's zone (not the PC's)."""
    return dt.datetime.fromtimestamp(ts, _zone)


def set_clock(fn: Callable[[], dt.datetime] | None) -> None:
    """Tests and demos pin the clock; ``None`` restores the real one."""
    global _now
    _now = fn or (lambda: dt.datetime.now(_zone))
