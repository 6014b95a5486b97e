"""The hall's board (叫号大屏: the latest calls, how many wait) and today's figures (``GET /queue/stats``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import case, func, select
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import QueueCall, QueueWindow, Ticket
from backoffice.queue import _iso_day, _services

router = APIRouter()
BOARD_CALLS = 10


def board_impl(ctx: ServerContext, op: Operator) -> dict[str, Any]:
    authz.require(op, Perm.HALL_READ)
    day = _iso_day(ctx.now_ts())
    org = op.org_code
    with ctx.db.read() as s:
        calls = s.execute(
            select(QueueCall.ticket_no, QueueCall.window, QueueCall.called_ts)
            .where(QueueCall.org_code == org, QueueCall.day == day).order_by(QueueCall.id.desc()).limit(BOARD_CALLS)
        ).all()
        waiting = {code: 0 for code in _services(s)}
        for service, n in s.execute(
            select(Ticket.service, func.count()).where(Ticket.org_code == org, Ticket.day == day,
                                                       Ticket.state == "waiting")
            .group_by(Ticket.service)
        ):
            waiting[service] = int(n)
    return {
        "calls": [{"ticket_no": no, "window": w, "called_at": ctx.iso(ts)} for no, w, ts in calls],
        "waiting": waiting,
    }


def _r(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


@router.get("/api/v1/queue/board")
async def board(request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(board_impl, get_ctx(request), op)


def stats_impl(ctx: ServerContext, org: str = "") -> dict[str, Any]:
    now = ctx.now_ts()
    day = _iso_day(now)
    is_state = lambda st: case((Ticket.state == st, 1), else_=0)  # noqa: E731
    service_time = case((Ticket.state == "done", Ticket.finished_ts - Ticket.started_ts), else_=None)
    with ctx.db.read() as s:
        from backoffice.appointments import appointment_counts

        services: dict[str, dict[str, Any]] = {
            code: {"waiting": 0, "longest_wait_s": 0.0, "avg_wait_s": None, "avg_service_s": None,
                   "served": 0, "no_shows": 0, "parked": 0, "closed": 0, "fallback": 0}
            for code in _services(s)
        }
        fallback = case((Ticket.source_device.is_not(None), 1), else_=0)
        rows = s.execute(
            select(
                Ticket.service,
                func.sum(is_state("waiting")),
                func.min(case((Ticket.state == "waiting", Ticket.issued_ts), else_=None)),
                func.avg(Ticket.first_called_ts - Ticket.issued_ts),
                func.avg(service_time),
                func.sum(is_state("done")),
                func.sum(is_state("no_show")),
                func.sum(is_state("parked")),
                func.sum(is_state("closed")),
                func.sum(fallback),
            ).where(Ticket.org_code == org, Ticket.day == day).group_by(Ticket.service)
        ).all()
        for service, waiting, oldest, avg_wait, avg_service, served, no_shows, parked, closed, fb in rows:
            services[service] = {
                "waiting": int(waiting or 0),
                "longest_wait_s": _r(now - oldest) if oldest is not None else 0.0,
                "avg_wait_s": _r(avg_wait),
                "avg_service_s": _r(avg_service),
                "served": int(served or 0),
                "no_shows": int(no_shows or 0),
                "parked": int(parked or 0),
                "closed": int(closed or 0),
                "fallback": int(fb or 0),
            }
        for service, counts in appointment_counts(ctx, s, org, day, now).items():
            services.setdefault(service, {})["appointments"] = counts
        windows: dict[str, dict[str, Any]] = {}
        for w in s.scalars(select(QueueWindow).where(QueueWindow.org_code == org).order_by(QueueWindow.code)):
            windows[w.code] = {"state": w.state, "current_ticket": None, "served": 0, "avg_service_s": None}
        for window, served, avg_service in s.execute(
            select(Ticket.window, func.sum(is_state("done")), func.avg(service_time))
            .where(Ticket.org_code == org, Ticket.day == day, Ticket.window.is_not(None)).group_by(Ticket.window)
        ):
            entry = windows.setdefault(str(window), {"state": "closed", "current_ticket": None})
            entry["served"], entry["avg_service_s"] = int(served or 0), _r(avg_service)
        for window, ticket_no in s.execute(
            select(Ticket.window, Ticket.ticket_no)
            .where(Ticket.org_code == org, Ticket.day == day, Ticket.state.in_(("called", "serving")),
                   Ticket.window.is_not(None))
            .order_by(Ticket.called_ts)
        ):
            if window is not None:
                windows.setdefault(window, {"state": "closed", "served": 0, "avg_service_s": None})
                windows[window]["current_ticket"] = ticket_no
    return {"date": day, "services": services, "windows": windows}


@router.get("/api/v1/queue/stats")
async def stats(request: Request, op: CurrentOperator) -> dict[str, Any]:
    authz.require(op, Perm.HALL_READ)
    return await run_in_threadpool(stats_impl, get_ctx(request), op.org_code)
