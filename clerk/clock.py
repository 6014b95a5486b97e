"""The one clock of the program: aware datetimes in China Standard Time (UTC+8), overridable in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

CST = dt.timezone(dt.timedelta(hours=8), "CST")

_now: Callable[[], dt.datetime] = lambda: dt.datetime.now(CST)  # noqa: E731


def now() -> dt.datetime:
    return _now()


def today() -> dt.date:
    return _now().date()


def set_clock(fn: Callable[[], dt.datetime] | None) -> None:
    """Tests and demos pin the clock; ``None`` restores the real one."""
    global _now
    _now = fn or (lambda: dt.datetime.now(CST))
