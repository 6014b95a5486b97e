"""The hall's case figures (1.1, ``stats.read``): ``GET /api/v1/stats/cases?from=&to=``.

Computed from what the platform holds for the caller's org: cases accepted (by the document's
``accepted_at`` day), delivered (the ``delivered`` event's day), 容缺 and 免提交 shares, running cases
overdue or due within 3 working days (as of ``to``), evaluations and 差评 (by the day they arrived;
差评 whose appeal was upheld are not counted), rectifications open and overdue, and the 办不成事
ledger open and closed — per bundle, operator and window. One-time notices and refusals stay on the
workstations (v1 sends only accepted cases), so they are not in the hall's figures.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from backoffice import authz, hall
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Case, CaseEvent, Evaluation
from backoffice.errors import invalid
from backoffice.loops_db import Complaint, Rectification
from backoffice.rectifications import FINAL, LOW_SCORE_MAX, overdue

router = APIRouter()
RUNNING = ("received", "in_review", "supplement_required", "approved", "ready_for_pickup")
NEAR_WITHIN = 3


def _date(value: str | None, name: str, default: dt.date) -> dt.date:
    if not value:
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise invalid({name: "a date YYYY-MM-DD"}) from None


def figures(ctx: ServerContext, op: Operator, start: dt.date, end: dt.date) -> dict[str, Any]:
    authz.require(op, Perm.STATS)
    if end < start or (end - start).days > 400:
        raise invalid({"to": "on or after from, at most 400 days later"})

    def zero() -> dict[str, int]:
        return {"accepted": 0, "delivered": 0, "evaluations": 0, "bad_evaluations": 0}

    totals = {**zero(), "deferred_cases": 0, "e_license_cases": 0, "overdue": 0, "near_due": 0,
              "rectifications_open": 0, "rectifications_overdue": 0, "complaints_open": 0, "complaints_closed": 0,
              "appeals_upheld": 0}
    tables: dict[str, dict[str, dict[str, int]]] = {k: defaultdict(zero) for k in
                                                     ("by_bundle", "by_operator", "by_window", "by_day")}

    def bump(what: str, day: dt.date, bundle: str, operator: str, window: str) -> None:
        totals[what] += 1
        for table, key in (("by_bundle", bundle), ("by_operator", operator), ("by_window", window or "-"),
                           ("by_day", day.isoformat())):
            tables[table][key][what] += 1

    today = min(end, ctx.config.clock.today())
    with ctx.db.read() as s:
        cases = {c.case_uuid: c for c in s.scalars(select(Case).where(Case.org_code == op.org_code))}
        for c in cases.values():
            doc = json.loads(ctx.cipher.open(c.document, "case:" + c.case_uuid))
            accepted = dt.datetime.fromisoformat(doc["accepted_at"]).astimezone(hall.HALL_TZ).date()
            if start <= accepted <= end:
                bump("accepted", accepted, doc["bundle_code"], c.operator, c.window or "")
                kinds = {m.get("status") for m in doc.get("materials", [])}
                totals["deferred_cases"] += "deferred" in kinds
                totals["e_license_cases"] += "e_license" in kinds
            due = doc.get("due_date")
            if accepted <= end and c.status in RUNNING and due:
                d = dt.date.fromisoformat(due)
                if d < today:
                    totals["overdue"] += 1
                elif _working_days(ctx, today, d) <= NEAR_WITHIN:
                    totals["near_due"] += 1
        for e in s.scalars(select(CaseEvent).where(CaseEvent.org_code == op.org_code, CaseEvent.type == "delivered")):
            day = hall.local(e.created_ts).date()
            dc = cases.get(e.case_uuid)
            if dc is not None and start <= day <= end:
                doc = json.loads(ctx.cipher.open(dc.document, "case:" + dc.case_uuid))
                bump("delivered", day, doc["bundle_code"], dc.operator, dc.window or "")
        voided = set(s.scalars(select(Rectification.evaluation_uuid).where(
            Rectification.org_code == op.org_code, Rectification.status == "voided")))
        for ev in s.scalars(select(Evaluation).where(Evaluation.org_code == op.org_code)):
            day = hall.local(ev.created_ts).date()
            if not start <= day <= end:
                continue
            case_bundle = "-"
            bump("evaluations", day, case_bundle, ev.operator, ev.window)
            if ev.score <= LOW_SCORE_MAX:
                if ev.evaluation_uuid in voided:
                    totals["appeals_upheld"] += 1
                else:
                    bump("bad_evaluations", day, case_bundle, ev.operator, ev.window)
        for r in s.scalars(select(Rectification).where(Rectification.org_code == op.org_code,
                                                       Rectification.status.not_in(FINAL))):
            totals["rectifications_open"] += 1
            totals["rectifications_overdue"] += overdue(ctx, r)
        for cp in s.scalars(select(Complaint).where(Complaint.org_code == op.org_code)):
            if cp.status == "open":
                totals["complaints_open"] += 1
            elif cp.closed_ts is not None and start <= hall.local(cp.closed_ts).date() <= end:
                totals["complaints_closed"] += 1
    tables["by_bundle"].pop("-", None)  # evaluations without a case
    acc = totals["accepted"]
    return {
        "from": start.isoformat(), "to": end.isoformat(), "scope": "hall", "org_code": op.org_code,
        "totals": totals, **{k: dict(sorted(v.items())) for k, v in tables.items()},
        "deferred_share": round(totals["deferred_cases"] / acc, 4) if acc else 0.0,
        "e_license_share": round(totals["e_license_cases"] / acc, 4) if acc else 0.0,
    }


def _working_days(ctx: ServerContext, start: dt.date, end: dt.date) -> int:
    n, day = 0, start
    while day < end and n <= NEAR_WITHIN:
        day = hall.next_working_day(ctx, day)
        n += 1
    return n


@router.get("/api/v1/stats/cases")
async def get_figures(request: Request, op: CurrentOperator) -> dict[str, Any]:
    ctx = get_ctx(request)
    q = request.query_params
    today = ctx.config.clock.today()
    first = _date(q.get("from"), "from", today)
    last = _date(q.get("to"), "to", first)
    return await run_in_threadpool(figures, ctx, op, first, last)
