"""Hall settings of the queue (大厅设置): opening hours, lunch, slots, closing rule, messages; the hall calendar.

One ``HallConfig`` per server (``python -m backoffice --hall-config hall.json``; every field has a
default). The hall calendar decides which days are working days: the State Council's arrangement
(``chinese-calendar``, and for years it does not know the catalog's ``holidays`` — the same source
the workstation uses for legal due dates, ``clerk.intake.workdays``), then the hall's own
``closed_days`` (a day the hall is shut though it is a working day) and ``open_days`` (a day it opens
though it is not, e.g. a weekend service day).

Hours: a working day runs ``opens``–``closes`` with a lunch break ``lunch_start``–``lunch_end``.
With ``enforce_hours`` the kiosk cannot take tickets outside them (409 ``queue_closed``); during
lunch it can when ``lunch_open`` (午休不关门) is set. Appointment slots are cut from the same hours
(lunch slots only when ``lunch_open``).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from backoffice.config import HALL_TZ

if TYPE_CHECKING:
    from backoffice.context import ServerContext
    from clerk.intake.workdays import WorkCalendar


class HallConfigError(ValueError):
    """The hall settings file is missing, unreadable or invalid (one line)."""


class HallConfig(BaseModel):
    """The hall's queue settings; see docs/api.md ("Hall settings")."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="政务服务大厅", max_length=60)
    """Signs SMS messages (【name】) and heads the status page."""
    opens: dt.time = dt.time(9, 0)
    closes: dt.time = dt.time(17, 0)
    lunch_start: dt.time | None = dt.time(12, 0)
    lunch_end: dt.time | None = dt.time(13, 30)
    lunch_open: bool = False
    """午休不关门: tickets are issued and appointments booked over the lunch hours."""
    enforce_hours: bool = False
    """Refuse tickets outside the opening hours (and over lunch unless ``lunch_open``)."""
    at_closing: Literal["keep", "carry", "close"] = "keep"
    """Tickets still waiting at closing: ``carry`` to the next working day keeping their place and
    number, ``close`` them with a message, or ``keep`` them on their day (no action)."""
    slot_minutes: int = Field(default=30, ge=5, le=240)
    slot_capacity: dict[str, int] = Field(default_factory=lambda: {"intake": 4, "pickup": 4, "consult": 2})
    """Bookings per slot and service; a service not listed (or 0) cannot be booked."""
    book_days_ahead: int = Field(default=14, ge=0, le=90)
    checkin_early_min: int = Field(default=60, ge=0, le=600)
    checkin_late_min: int = Field(default=15, ge=0, le=600)
    """An appointment is checked in from this long before its slot to this long after its end;
    later it counts as missed."""
    notify_ahead: int = Field(default=3, ge=0, le=50)
    """SMS "前面还有 N 人" once a ticket with a phone has N or fewer ahead (0: never)."""
    status_base_url: str = Field(default="", max_length=200)
    """Public base URL of the status page (``{base}/q/{token}``); "" = the URL the kiosk reached."""
    default_service_s: float = Field(default=300.0, gt=0)
    """Assumed service time for the wait estimate of a service with no recent finished tickets."""
    recent_tickets: int = Field(default=20, ge=1, le=500)
    """How many recently finished tickets of a service the wait estimate averages."""
    closed_days: list[dt.date] = Field(default_factory=list)
    open_days: list[dt.date] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> HallConfig:
        if self.closes <= self.opens:
            raise ValueError("closes must be after opens")
        if (self.lunch_start is None) != (self.lunch_end is None):
            raise ValueError("give both lunch_start and lunch_end, or neither")
        if self.lunch_start is not None and self.lunch_end is not None:
            if not (self.opens <= self.lunch_start < self.lunch_end <= self.closes):
                raise ValueError("the lunch break must lie inside the opening hours")
        bad = [k for k, v in self.slot_capacity.items() if v < 0]
        if bad:
            raise ValueError(f"slot_capacity must be ≥ 0 ({', '.join(bad)})")
        return self


def load_hall_config(path: Path) -> HallConfig:
    try:
        return HallConfig.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise HallConfigError(f"cannot read the hall settings {path}: {exc.strerror or exc}") from None
    except ValueError as exc:  # JSON or validation
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "(file)"
            raise HallConfigError(f"hall settings {path}: {where}: {first['msg']}") from None
        raise HallConfigError(f"hall settings {path} is not valid JSON: {exc}") from None


# -- the calendar ---------------------------------------------------------------------------------
_cal_lock = threading.Lock()


def calendar(ctx: ServerContext) -> WorkCalendar:
    """The State Council's working days plus the catalog's ``holidays`` (cached per catalog version)."""
    from backoffice.catalog import build_catalog
    from clerk.catalog.schema import HolidayYear
    from clerk.intake.workdays import WorkCalendar

    with _cal_lock:
        cached = ctx.state.get("hall_calendar")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        try:
            holidays: dict[str, Any] = build_catalog(ctx.config.catalog_dir).get("holidays") or {}
        except Exception:  # a catalog that does not load: the shipped calendar alone
            holidays = {}
        extra = {}
        for year, spec in holidays.items():
            try:
                extra[str(year)] = HolidayYear.model_validate(spec)
            except ValidationError:
                continue
        cal = WorkCalendar(extra)
        ctx.state["hall_calendar"] = cal
        return cal


def is_working_day(ctx: ServerContext, day: dt.date) -> bool:
    hall = ctx.config.hall
    if day in hall.closed_days:
        return False
    if day in hall.open_days:
        return True
    return calendar(ctx).is_workday(day)


def next_working_day(ctx: ServerContext, after: dt.date, limit_days: int = 60) -> dt.date:
    day = after
    for _ in range(limit_days):
        day += dt.timedelta(days=1)
        if is_working_day(ctx, day):
            return day
    return after + dt.timedelta(days=1)


def at(day: dt.date, t: dt.time) -> float:
    """The timestamp of ``t`` on ``day`` in the hall's zone."""
    return dt.datetime.combine(day, t, HALL_TZ).timestamp()


def local(ts: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(ts, HALL_TZ)


# -- hours ----------------------------------------------------------------------------------------
def in_lunch(hall: HallConfig, t: dt.time) -> bool:
    return hall.lunch_start is not None and hall.lunch_end is not None and hall.lunch_start <= t < hall.lunch_end


def closed_reason(ctx: ServerContext, ts: float) -> str | None:
    """Why tickets cannot be taken at ``ts`` (Chinese, for the kiosk), or None when the queue is open."""
    hall = ctx.config.hall
    if not hall.enforce_hours:
        return None
    now = local(ts)
    if not is_working_day(ctx, now.date()):
        return "今日不办公，暂停取号"
    t = now.time()
    if t < hall.opens:
        return f"大厅 {hall.opens:%H:%M} 开始取号"
    if t >= hall.closes:
        return "今日取号已结束"
    if in_lunch(hall, t) and not hall.lunch_open:
        assert hall.lunch_end is not None
        return f"午休暂停取号，{hall.lunch_end:%H:%M} 恢复"
    return None


# -- slots ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Slot:
    start: dt.time
    end: dt.time

    @property
    def code(self) -> str:
        return f"{self.start:%H:%M}"


def slots_of_day(hall: HallConfig) -> Iterator[Slot]:
    """The day's slots: ``slot_minutes`` long from ``opens`` to ``closes``, lunch skipped unless open."""
    base = dt.date(2000, 1, 3)
    cur = dt.datetime.combine(base, hall.opens)
    end = dt.datetime.combine(base, hall.closes)
    step = dt.timedelta(minutes=hall.slot_minutes)
    while cur + step <= end:
        start, stop = cur.time(), (cur + step).time()
        overlaps_lunch = (hall.lunch_start is not None and hall.lunch_end is not None
                          and start < hall.lunch_end and stop > hall.lunch_start)
        if not overlaps_lunch or hall.lunch_open:
            yield Slot(start, stop)
        cur += step


def find_slot(hall: HallConfig, code: str) -> Slot | None:
    return next((s for s in slots_of_day(hall) if s.code == code), None)
