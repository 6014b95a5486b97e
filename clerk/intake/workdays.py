"""Legal time limits in working days (工作日): Chinese public holidays and 调休 make-up working days.

chinese-calendar knows the State Council's yearly arrangements up to the year it ships; a year past
that is answered from the platform's catalog (``holidays``), or else refused with ``CalendarGap`` so
a due date is never silently wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import chinese_calendar

from clerk.catalog.schema import HolidayYear


class CalendarGap(LookupError):
    """No holiday arrangement is known for the year a due date falls in."""


class WorkCalendar:
    def __init__(self, extra: Mapping[str, HolidayYear] | None = None) -> None:
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
            raise CalendarGap(
                f"{day.year} 年的节假日安排未知（chinese-calendar 只到 {max(chinese_calendar.constants.holidays).year} 年），"
                "请更新事项目录或日历数据"
            ) from exc

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
