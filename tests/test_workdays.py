"""Legal due dates in working days across the 2025 and 2026 National Day and Spring Festival."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.catalog.schema import HolidayYear
from clerk.intake.workdays import CalendarGap, WorkCalendar

D = dt.date


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (D(2025, 9, 30), 1, D(2025, 10, 9)),  # 2025 国庆+中秋 10-01..10-08 off
        (D(2025, 9, 26), 1, D(2025, 9, 28)),  # Sunday 9-28 is a make-up working day
        (D(2025, 10, 8), 2, D(2025, 10, 10)),
        (D(2025, 1, 27), 1, D(2025, 2, 5)),  # 2025 春节 01-28..02-04 off; 01-26 and 02-08 worked
        (D(2025, 1, 24), 1, D(2025, 1, 26)),
        (D(2026, 9, 30), 1, D(2026, 10, 8)),  # 2026 国庆 10-01..10-07 off
        (D(2026, 2, 13), 1, D(2026, 2, 14)),  # 2026 春节: Saturday 02-14 is worked
        (D(2026, 2, 14), 1, D(2026, 2, 24)),  # 02-15..02-23 off
        (D(2026, 11, 20), 5, D(2026, 11, 27)),  # an ordinary week
    ],
)
def test_add_working_days(start: dt.date, days: int, due: dt.date) -> None:
    assert WorkCalendar().add_working_days(start, days) == due


def test_year_beyond_the_library_is_refused_by_a_strict_calendar() -> None:
    with pytest.raises(CalendarGap, match="2031"):
        WorkCalendar(strict=True).add_working_days(D(2031, 3, 2), 3)


def test_unknown_year_is_estimated_with_fixed_statutory_holidays_and_flagged() -> None:
    cal = WorkCalendar()
    assert not cal.knows(2031) and cal.knows(2026)
    assert cal.add_working_days(D(2031, 9, 30), 1) == D(2031, 10, 6)  # 10-01..03 off, then 4-5 weekend
    assert cal.add_working_days(D(2030, 12, 31), 1) == D(2031, 1, 2)


def test_platform_holidays_extend_the_calendar() -> None:
    cal = WorkCalendar({"2031": HolidayYear(off=["2031-10-01", "2031-10-02"], work=["2031-09-28"])})
    assert cal.add_working_days(D(2031, 9, 30), 1) == D(2031, 10, 3)
    assert cal.is_workday(D(2031, 9, 28))  # a Sunday made a working day


def test_working_days_between_is_the_inverse() -> None:
    cal = WorkCalendar()
    start = D(2026, 9, 25)
    for n in range(0, 12):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n
