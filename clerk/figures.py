"""The workstation's case figures (办件数据) from its own cache, for a day, a week, a month or a range.

    figs = case_figures(ctx, start=date(2026, 12, 1), end=date(2026, 12, 7))
    figs.as_json()   # what ``python -m clerk stats --json`` prints

Counts are by the window outcome on its date in the range: accepted (受理, ``accepted_at``), notified
(一次性告知, ``notified_at``), rejected (不予受理, ``rejected_at``), delivered (出件, the hand-over's
time). ``first_visit_rate`` (一次办成率) = cases accepted in the range with no earlier one-time notice for
the same applicant and bundle ÷ (accepted + notified). 容缺 and 免提交 shares are over the accepted
cases (a case with at least one deferred / e-licence material). Overdue and near-due are as of the
range's end (running cases). Evaluations and 差评 are those recorded on this workstation. The
hall's figures come from the platform (``GET /api/v1/stats/cases``, ``clerk.loops``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select

from clerk import clock
from clerk.deadlines import DeadlineFlag, flag_for
from clerk.evaluation import LOW_SCORE_MAX
from clerk.intake.workdays import WorkCalendar
from clerk.store import Store
from clerk.store.models import CaseMatterRow, CaseRow, MaterialRow, OutboxRow

OUTCOMES = ("accepted", "notified", "rejected", "delivered")


class FiguresContext(Protocol):
    store: Store

    @property
    def intake(self) -> Any:
        """Its ``calendar`` (a ``WorkCalendar``) decides overdue and near due."""


def _zero() -> dict[str, int]:
    return dict.fromkeys(OUTCOMES, 0)


@dataclass
class CaseFigures:
    start: dt.date
    end: dt.date
    totals: dict[str, int] = field(default_factory=dict)
    by_bundle: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(_zero))
    by_operator: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(_zero))
    by_window: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(_zero))
    by_matter: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(_zero))
    by_day: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(_zero))
    first_visit: int = 0
    deferred_cases: int = 0
    e_license_cases: int = 0

    @property
    def first_visit_rate(self) -> float:
        served = self.totals["accepted"] + self.totals["notified"]
        return round(self.first_visit / served, 4) if served else 0.0

    def share(self, n: int) -> float:
        return round(n / self.totals["accepted"], 4) if self.totals["accepted"] else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(), "to": self.end.isoformat(), "totals": dict(self.totals),
            "by_bundle": {k: dict(v) for k, v in sorted(self.by_bundle.items())},
            "by_operator": {k: dict(v) for k, v in sorted(self.by_operator.items())},
            "by_window": {k: dict(v) for k, v in sorted(self.by_window.items())},
            "by_matter": {k: dict(v) for k, v in sorted(self.by_matter.items())},
            "by_day": {k: dict(v) for k, v in sorted(self.by_day.items())},
            "first_visit_rate": self.first_visit_rate,
            "deferred_share": self.share(self.deferred_cases), "e_license_share": self.share(self.e_license_cases),
        }


def _day(t: dt.datetime | None) -> dt.date | None:
    return t.astimezone(clock.CST).date() if t is not None else None


def case_figures(ctx: FiguresContext, start: dt.date | None = None, end: dt.date | None = None,
                 *, near_within: int = 3) -> CaseFigures:
    """The figures of ``start``..``end`` (inclusive; both default to today)."""
    today = clock.today()
    start = start or today
    end = end or start
    figs = CaseFigures(start, end, totals={**_zero(), "evaluations": 0, "bad_evaluations": 0, "overdue": 0,
                                           "near_due": 0})
    inside = lambda d: d is not None and start <= d <= end  # noqa: E731
    with ctx.store.read() as s:
        cases = list(s.scalars(select(CaseRow).where(CaseRow.status != "draft")))
        cases += list(s.scalars(select(CaseRow).where(CaseRow.status == "draft", CaseRow.notified_at.is_not(None))))
        matters: dict[str, list[str]] = defaultdict(list)
        for m in s.scalars(select(CaseMatterRow).order_by(CaseMatterRow.position)):
            matters[m.case_uuid].append(m.national_code or m.code)
        kinds: dict[str, set[str]] = defaultdict(set)
        for mat in s.scalars(select(MaterialRow)):
            kinds[mat.case_uuid].add(mat.status)
        delivered: dict[str, dt.datetime] = {}
        evaluations: list[dict[str, Any]] = []
        for row in s.scalars(select(OutboxRow).where(OutboxRow.kind.in_(("event", "evaluation")))):
            p = row.payload
            if row.kind == "event" and p.get("type") == "delivered" and row.case_uuid:
                delivered[row.case_uuid] = dt.datetime.fromisoformat(p["at"])
            elif row.kind == "evaluation":
                evaluations.append(p)
    notices: dict[tuple[str, str], list[dt.datetime]] = defaultdict(list)
    for c in cases:
        if c.notified_at is not None:
            notices[(c.applicant_id_number, c.bundle_code)].append(c.notified_at)

    def count(outcome: str, c: CaseRow, day: dt.date) -> None:
        figs.totals[outcome] += 1
        for table, key in ((figs.by_bundle, c.bundle_code), (figs.by_operator, c.operator),
                           (figs.by_window, c.window), (figs.by_day, day.isoformat())):
            table[key][outcome] += 1
        for code in matters.get(c.case_uuid, []):
            figs.by_matter[code][outcome] += 1

    cal: WorkCalendar = ctx.intake.calendar
    for c in cases:
        for outcome, at in (("accepted", c.accepted_at), ("notified", c.notified_at), ("rejected", c.rejected_at),
                            ("delivered", delivered.get(c.case_uuid))):
            day = _day(at)
            if day is not None and inside(day):
                count(outcome, c, day)
                if outcome == "accepted" and at is not None:
                    earlier = [n for n in notices.get((c.applicant_id_number, c.bundle_code), []) if n < at]
                    figs.first_visit += not earlier
                    figs.deferred_cases += "deferred" in kinds[c.case_uuid]
                    figs.e_license_cases += "e_license" in kinds[c.case_uuid]
        if c.accepted_at is not None and _day(c.accepted_at) <= end:  # type: ignore[operator]
            flag = flag_for(c.due_date, c.status, today=end, calendar=cal, within=near_within)
            figs.totals["overdue"] += flag is DeadlineFlag.OVERDUE
            figs.totals["near_due"] += flag is DeadlineFlag.DUE_SOON
    for p in evaluations:
        day = _day(dt.datetime.fromisoformat(p["at"]))
        if inside(day):
            figs.totals["evaluations"] += 1
            figs.totals["bad_evaluations"] += int(p["score"]) <= LOW_SCORE_MAX
    return figs


def period(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The day, the ISO week (Monday..Sunday) or the month around ``day``."""
    if kind == "day":
        return day, day
    if kind == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if kind == "month":
        first = day.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return first, nxt - dt.timedelta(days=1)
    raise ValueError(kind)

