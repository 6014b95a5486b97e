"""Matters as the unit of an accepted case: their rows, due dates, statuses and the derived case status.

At acceptance every chosen matter gets a row (``case_matters``) with its national code (事项编码), its
due date — its own time limit after the chosen matters it depends on, in the hall's working calendar —
and a status. Each matter then follows the case lifecycle on its own (``clerk.intake.lifecycle``): the
platform reports per-matter moves, the window hands out what is ready. The case's ``status`` is derived
from its matters (``derive``): the least advanced matter decides, so a case is ``ready_for_pickup`` only
when every matter is, while the pickup list shows a case as soon as one matter is ready.

A case accepted before matters had rows (or on a platform that reports one status per case) is read
with every matter at the case's status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from clerk.catalog.merge import MatterChoiceError, MergedForm, SituationError, merge
from clerk.catalog.schema import Bundle
from clerk.intake import lifecycle
from clerk.intake.model import CaseStatus as S
from clerk.intake.model import MatterView
from clerk.intake.validation import ValidationFailed
from clerk.intake.workdays import WorkCalendar
from clerk.store.models import CaseMatterRow, CaseRow

RANK: dict[S, int] = {
    S.ACCEPTED: 0, S.RECEIVED: 1, S.IN_REVIEW: 2, S.SUPPLEMENT_REQUIRED: 2,
    S.APPROVED: 3, S.DENIED: 3, S.READY_FOR_PICKUP: 4, S.DELIVERED: 5,
}
"""How far a matter has come; the case stands where its least advanced matter stands."""

HANDABLE = frozenset({S.READY_FOR_PICKUP, S.APPROVED})
"""States whose results may be handed over (the platform takes ``delivered`` from these only)."""


def derive(statuses: Iterable[S]) -> S:
    """The case's status from its matters' (at least one): the least advanced one; among matters in
    review a supplement request shows, among decided ones an approval (a case is 不予许可 only when
    every decided matter was refused)."""
    items = list(statuses)
    if not items:
        raise ValueError("a case has at least one matter")
    low = min(RANK[s] for s in items)
    at = {s for s in items if RANK[s] == low}
    if low == 2:
        return S.SUPPLEMENT_REQUIRED if S.SUPPLEMENT_REQUIRED in at else S.IN_REVIEW
    if low == 3:
        return S.APPROVED if S.APPROVED in at else S.DENIED
    return next(iter(at))


def due_dates(merged: MergedForm, accepted: dt.date, calendar: WorkCalendar) -> dict[str, tuple[int, dt.date]]:
    """Each chosen matter's (working days, due date) from ``accepted``, following ``depends_on``."""
    return {code: (days, calendar.add_working_days(accepted, days)) for code, days in merged.matter_days.items()}


def new_rows(merged: MergedForm, accepted: dt.datetime, calendar: WorkCalendar) -> list[CaseMatterRow]:
    """The matter rows of a case being accepted, all ``accepted``."""
    due = due_dates(merged, accepted.date(), calendar)
    rows = []
    for pos, m in enumerate(merged.matters):
        days, date = due[m.code]
        rows.append(CaseMatterRow(
            code=m.code, national_code=m.national_code, name=m.name, department=m.department, position=pos,
            time_limit_days=m.time_limit_days, due_days=days, due_date=date, status=S.ACCEPTED.value,
            status_at=accepted, note="",
            info={"handling_level": m.handling_level.value if m.handling_level else None,
                  "depends_on": [d for d in m.depends_on if d in due],
                  "result": m.result.name if m.result else "",
                  "obtain": [o.value for o in m.result.obtain] if m.result else []},
        ))
    return rows


def move(row: CaseRow, matter: CaseMatterRow, target: S, note: str, at: dt.datetime) -> bool:
    """Moves one matter through the lifecycle (False when it is there already or may not go there)
    and re-derives the case's status."""
    if not move_one(matter, target, note, at):
        return False
    rederive(row)
    return True


def move_all(row: CaseRow, target: S, note: str, at: dt.datetime) -> list[str]:
    """A case-level status (a platform of API v1) applied to every matter that may take it; returns the
    matters moved. A case without matter rows takes the status itself."""
    if not row.matter_rows:
        current = S(row.status)
        if current is target or not lifecycle.can(current, target):
            return []
        row.status = target.value
        return [""]
    moved = [m.code for m in row.matter_rows if move_one(m, target, note, at)]
    if moved:
        rederive(row)
    return moved


def move_one(matter: CaseMatterRow, target: S, note: str, at: dt.datetime) -> bool:
    current = S(matter.status)
    if current is target or not lifecycle.can(current, target):
        return False
    matter.status, matter.status_at, matter.note = target.value, at, note
    return True


def rederive(row: CaseRow) -> None:
    if row.matter_rows:
        row.status = derive(S(m.status) for m in row.matter_rows).value


def ready(row: CaseRow) -> list[CaseMatterRow]:
    """The matters whose results wait at the window (待领取)."""
    if not row.matter_rows:
        return []
    return [m for m in row.matter_rows if S(m.status) is S.READY_FOR_PICKUP]


def handable(row: CaseRow, codes: Sequence[str] | None) -> list[CaseMatterRow]:
    """The matters a hand-over would deliver: ``codes`` (each must be handable) or every handable one."""
    if codes is None:
        return [m for m in row.matter_rows if S(m.status) in HANDABLE]
    by_code = {m.code: m for m in row.matter_rows}
    return [by_code[c] for c in dict.fromkeys(codes) if c in by_code]


def merge_row(bundle: Bundle, row: CaseRow) -> MergedForm:
    """A stored case's bundle merged under its answers and chosen matters."""
    return merge(bundle, row.situations, row.chosen_matters, applicant_kind=row.applicant_kind)


def checked_merge(bundle: Bundle, answers: dict[str, Any] | None, matters: list[str] | None, *,
                  applicant_kind: str | None = None) -> MergedForm:
    """``merge`` with its refusals as ``ValidationFailed`` (``situations.…`` or ``matters``)."""
    try:
        return merge(bundle, answers, matters, applicant_kind=applicant_kind)
    except SituationError as exc:
        raise ValidationFailed({f"situations.{k}": v for k, v in exc.problems.items()}) from exc
    except MatterChoiceError as exc:
        raise ValidationFailed({"matters": exc.message}) from exc


def stored_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """Situation answers as stored (JSON: a multiple choice as a list)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()}


def matter_view(m: CaseMatterRow) -> MatterView:
    """A stored matter of an accepted case."""
    info = m.info or {}
    return MatterView(code=m.code, name=m.name, department=m.department, time_limit_days=m.time_limit_days,
                      national_code=m.national_code, status=S(m.status), due_days=m.due_days,
                      due_date=m.due_date, depends_on=list(info.get("depends_on") or []),
                      handling_level=info.get("handling_level"), result_name=str(info.get("result") or ""),
                      note=m.note, project_no=str(info.get("project_no") or ""))
