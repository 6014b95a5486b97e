"""Legal time limits in working days (工作日): Chinese public holidays and 调休 make-up working days.

chinese-calendar knows the State Council's yearly arrangements up to the year it ships; a year past
that is answered from the platform's catalog (``holidays``). When neither knows the year, a strict
calendar refuses (``CalendarGap``); the default one counts weekends and the fixed-date statutory
holidays (元旦 1-1, 劳动节 5-1/5-2, 国庆节 10-1..10-3) and reports the result as *provisional*, so the
window is never blocked and the date is shown as an estimate until the platform sends the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import chinese_calendar

from clerk.catalog.schema import HolidayYear
from clerk.errors import ClerkError


class CalendarGap(ClerkError, LookupError):
    """No holiday arrangement is known for the year a due date falls in."""


FIXED_STATUTORY = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))
"""Statutory holidays on fixed solar dates (全国年节及纪念日放假办法, 2024 revision); lunar ones vary."""


class WorkCalendar:
    def __init__(self, extra: Mapping[str, HolidayYear] | None = None, *, strict: bool = False) -> None:
        self.strict = strict
        self._off: set[dt.date] = set()
        self._work: set[dt.date] = set()
        self._years: set[int] = set()
        for year, spec in (extra or {}).items():
            self._years.add(int(year))
            self._off.update(dt.date.fromisoformat(d) for d in spec.off)
            self._work.update(dt.date.fromisoformat(d) for d in spec.work)

    def is_workday(self, day: dt.date) -> bool:
        if day.year in self._years:
            if day in self._work:
                return True
            if day in self._off:
                return False
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError as exc:
            if not self.strict:
                return day.weekday() < 5 and (day.month, day.day) not in FIXED_STATUTORY
            raise CalendarGap(
                f"{day.year} 年的节假日安排未知（chinese-calendar 只到 {max(chinese_calendar.constants.holidays).year} 年），"
                "请更新事项目录或日历数据"
            ) from exc

    def knows(self, year: int) -> bool:
        """Whether the year's official arrangement (holidays and 调休) is known."""
        if year in self._years:
            return True
        try:
            chinese_calendar.is_workday(dt.date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (the start day itself does not count)."""
        if days < 0:
            raise ValueError("days must be >= 0")
        day = start
        left = days
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        n = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                n += 1
        return n
