"""限时办结 — legal time limits: cases near or past their due date that are not yet decided.

    watch_list(ctx)                       # due within 2 working days or overdue, most urgent first
    case_flags(ctx, [case_uuid, …])       # {case_uuid: DeadlineFlag} for the case list
    flag_for(due_date, status, today=…, calendar=…)

A case counts until it is decided: accepted, received by the platform, in review or waiting for a
supplement. Approved, denied, ready for pickup and delivered cases are done with their time limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlalchemy import select

from clerk import clock
from clerk.intake.model import CaseStatus
from clerk.intake.service import IntakeService
from clerk.intake.workdays import WorkCalendar
from clerk.security.masking import mask_name
from clerk.store import Store
from clerk.store.models import CaseRow

DEFAULT_WITHIN = 2
"""Working days: a case due within this many is flagged."""

RUNNING = frozenset({CaseStatus.ACCEPTED, CaseStatus.RECEIVED, CaseStatus.IN_REVIEW, CaseStatus.SUPPLEMENT_REQUIRED})
"""States in which the legal time limit is still running."""


class DeadlineFlag(StrEnum):
    NONE = ""
    DUE_SOON = "due_soon"  # 即将到期
    OVERDUE = "overdue"  # 已超期


FLAG_LABELS = {DeadlineFlag.NONE: "", DeadlineFlag.DUE_SOON: "即将到期", DeadlineFlag.OVERDUE: "已超期"}


class DeadlineContext(Protocol):
    store: Store
    intake: IntakeService


@dataclass(frozen=True)
class DeadlineItem:
    case_uuid: str
    case_no: str
    status: CaseStatus
    bundle_code: str
    applicant_name: str
    operator: str
    window: str
    due_date: dt.date
    working_days_left: int
    """0: due today (or on the next working day when today is off); negative: overdue by that many."""
    flag: DeadlineFlag


def flag_for(due_date: dt.date | None, status: CaseStatus | str, *, today: dt.date, calendar: WorkCalendar,
             within: int = DEFAULT_WITHIN) -> DeadlineFlag:
    if due_date is None or CaseStatus(status) not in RUNNING:
        return DeadlineFlag.NONE
    if due_date < today:
        return DeadlineFlag.OVERDUE
    return DeadlineFlag.DUE_SOON if calendar.working_days_between(today, due_date) <= within else DeadlineFlag.NONE


def watch_list(ctx: DeadlineContext, *, within: int = DEFAULT_WITHIN, today: dt.date | None = None,
               include_all: bool = False) -> list[DeadlineItem]:
    """Running cases due within ``within`` working days or overdue (all running ones with
    ``include_all``), overdue first, then by due date."""
    today = today or clock.today()
    cal = ctx.intake.calendar
    with ctx.store.read() as s:
        rows = s.execute(select(CaseRow).where(CaseRow.status.in_([c.value for c in RUNNING]),
                                               CaseRow.due_date.is_not(None))
                         .order_by(CaseRow.due_date, CaseRow.case_no)).scalars().all()
        out = []
        for r in rows:
            assert r.due_date is not None
            flag = flag_for(r.due_date, r.status, today=today, calendar=cal, within=within)
            if flag is DeadlineFlag.NONE and not include_all:
                continue
            out.append(DeadlineItem(r.case_uuid, r.case_no, CaseStatus(r.status), r.bundle_code,
                                    mask_name(r.applicant_name), r.operator, r.window, r.due_date,
                                    cal.working_days_between(today, r.due_date), flag))
    return out


def case_flags(ctx: DeadlineContext, case_uuids: Iterable[str], *, within: int = DEFAULT_WITHIN,
               today: dt.date | None = None) -> dict[str, DeadlineFlag]:
    """The flag of each given case (NONE for unknown, decided or comfortable ones), for a list view."""
    today = today or clock.today()
    cal = ctx.intake.calendar
    uuids = list(dict.fromkeys(case_uuids))
    out = {u: DeadlineFlag.NONE for u in uuids}
    with ctx.store.read() as s:
        for i in range(0, len(uuids), 500):
            for u, status, due in s.execute(select(CaseRow.case_uuid, CaseRow.status, CaseRow.due_date)
                                            .where(CaseRow.case_uuid.in_(uuids[i:i + 500]))).all():
                out[u] = flag_for(due, status, today=today, calendar=cal, within=within)
    return out
