"""The hall queue (排队叫号): services, tickets numbered per day, windows, call-next, board and stats.

Order within what a window serves: priority tickets (elderly, disabled, pregnant, appointment) before
normal ones, then by original issue time (a transferred ticket keeps its place). Call-next hands a
ticket to exactly one window: SQLite serialises writers (BEGIN IMMEDIATE), PostgreSQL takes the first
waiting row with ``FOR UPDATE SKIP LOCKED``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice.auth import CurrentOperator
from backoffice.config import HALL_TZ
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Appointment, QueueCall, QueueCounter, QueueService, QueueWindow, Ticket
from backoffice.errors import ApiError, fields_of, invalid

router = APIRouter()
M = TypeVar("M", bound=BaseModel)

PRIORITY_RANK = {"elderly": 0, "disabled": 0, "pregnant": 0, "appointment": 0, "normal": 1}
WINDOW_STATES = ("open", "paused", "closed")
BOARD_CALLS = 10


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TicketRequest(_Body):
    service: str = Field(min_length=1, max_length=32)
    priority: Literal["normal", "elderly", "disabled", "pregnant", "appointment"] = "normal"
    appointment_code: str | None = Field(default=None, min_length=1, max_length=64)


class WindowRequest(_Body):
    services: list[str] = Field(max_length=50)
    state: Literal["open", "paused", "closed"]


class TransferRequest(_Body):
    service: str | None = Field(default=None, min_length=1, max_length=32)
    window: str | None = Field(default=None, min_length=1, max_length=32)


def _parse(model: type[M], raw: bytes) -> M:
    try:
        return model.model_validate_json(raw or b"{}")
    except ValidationError as err:
        raise invalid(fields_of(err)) from None


def seed_services(ctx: ServerContext) -> None:
    """Adds the configured services that the database does not have yet."""
    with ctx.db.write() as s:
        have = set(s.scalars(select(QueueService.code)))
        for i, svc in enumerate(ctx.config.services):
            if svc.code not in have:
                s.add(QueueService(code=svc.code, prefix=svc.prefix, name=svc.name, sort=i))


def _services(s: Session) -> dict[str, QueueService]:
    return {q.code: q for q in s.scalars(select(QueueService).order_by(QueueService.sort))}


def _iso_day(ts: float) -> str:
    return datetime.fromtimestamp(ts, HALL_TZ).date().isoformat()


def _waiting_ahead(s: Session, t: Ticket) -> int:
    ahead = or_(
        Ticket.prio_rank < t.prio_rank,
        and_(Ticket.prio_rank == t.prio_rank, or_(
            Ticket.issued_ts < t.issued_ts, and_(Ticket.issued_ts == t.issued_ts, Ticket.id < t.id))),
    )
    q = select(func.count()).where(Ticket.day == t.day, Ticket.state == "waiting", Ticket.service == t.service, ahead)
    return int(s.execute(q).scalar_one())


def ticket_json(ctx: ServerContext, s: Session, t: Ticket) -> dict[str, Any]:
    def iso(ts: float | None) -> str | None:
        return ctx.iso(ts) if ts is not None else None

    out: dict[str, Any] = {
        "ticket_id": t.id,
        "ticket_no": t.ticket_no,
        "service": t.service,
        "priority": t.priority,
        "state": t.state,
        "issued_at": iso(t.issued_ts),
        "window": t.window if t.state != "waiting" else t.target_window,
        "called_at": iso(t.called_ts),
        "started_at": iso(t.started_ts),
        "finished_at": iso(t.finished_ts),
    }
    if t.state == "waiting":
        out["waiting_ahead"] = _waiting_ahead(s, t)
    return out


def _next_number(ctx: ServerContext, s: Session, day: str, service: str) -> int:
    ins = sqlite_insert if ctx.db.is_sqlite else pg_insert
    stmt = (
        ins(QueueCounter)
        .values(day=day, service=service, last=1)
        .on_conflict_do_update(index_elements=["day", "service"], set_={"last": QueueCounter.last + 1})
        .returning(QueueCounter.last)
    )
    return int(s.execute(stmt).scalar_one())


def issue_ticket(ctx: ServerContext, raw: bytes) -> dict[str, Any]:
    req = _parse(TicketRequest, raw)
    if req.priority == "appointment" and not req.appointment_code:
        raise invalid({"appointment_code": "an appointment ticket needs the appointment code"})
    if req.priority != "appointment" and req.appointment_code:
        raise invalid({"appointment_code": "only for priority appointment"})
    now = ctx.now_ts()
    day = _iso_day(now)
    with ctx.db.write(durable=False) as s:
        svc = _services(s).get(req.service)
        if svc is None:
            raise invalid({"service": f"unknown service {req.service!r}"})
        appointment = None
        if req.appointment_code:
            appointment = s.get(Appointment, req.appointment_code)
            problem = None
            if appointment is None:
                problem = "no such appointment"
            elif appointment.day != day:
                problem = f"the appointment is for {appointment.day}"
            elif appointment.service != req.service:
                problem = f"the appointment is for service {appointment.service}"
            elif appointment.ticket_id is not None:
                problem = "the appointment has already been checked in"
            if problem:
                raise invalid({"appointment_code": problem}, "appointment not valid")
        number = _next_number(ctx, s, day, svc.code)
        t = Ticket(
            day=day, service=svc.code, ticket_no=f"{svc.prefix}{number:03d}", priority=req.priority,
            prio_rank=PRIORITY_RANK[req.priority], state="waiting", issued_ts=now,
            appointment_code=req.appointment_code,
        )
        s.add(t)
        s.flush()
        if appointment is not None:
            appointment.ticket_id = t.id
        return ticket_json(ctx, s, t)


@router.post("/api/v1/queue/tickets")
async def post_ticket(request: Request, _op: CurrentOperator) -> JSONResponse:
    raw = await request.body()
    return JSONResponse(await run_in_threadpool(issue_ticket, get_ctx(request), raw), status_code=201)


def window_json(ctx: ServerContext, s: Session, code: str) -> dict[str, Any]:
    w = s.get(QueueWindow, code)
    current = s.execute(
        select(Ticket.ticket_no).where(Ticket.window == code, Ticket.state.in_(("called", "serving")))
        .order_by(Ticket.called_ts.desc()).limit(1)
    ).scalar()
    return {
        "window": code,
        "services": json.loads(w.services) if w else [],
        "state": w.state if w else "closed",
        "current_ticket": current,
    }


@router.get("/api/v1/queue/windows/{window}")
def get_window(window: str, request: Request, _op: CurrentOperator) -> dict[str, Any]:
    ctx = get_ctx(request)
    with ctx.db.read() as s:
        return window_json(ctx, s, window)


def put_window_impl(ctx: ServerContext, window: str, raw: bytes) -> dict[str, Any]:
    req = _parse(WindowRequest, raw)
    if not window or len(window) > 32:
        raise invalid({"window": "bad window code"})
    with ctx.db.write(durable=False) as s:
        known = _services(s)
        bad = [c for c in req.services if c not in known]
        if bad:
            raise invalid({"services": f"unknown service(s): {', '.join(bad)}"})
        w = s.get(QueueWindow, window)
        if w is None:
            w = QueueWindow(code=window)
            s.add(w)
        w.services = json.dumps(list(dict.fromkeys(req.services)))
        w.state = req.state
        w.updated_ts = ctx.now_ts()
        s.flush()
        return window_json(ctx, s, window)


@router.put("/api/v1/queue/windows/{window}")
async def put_window(window: str, request: Request, _op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(put_window_impl, get_ctx(request), window, raw)


def call_next_impl(ctx: ServerContext, window: str) -> dict[str, Any] | None:
    now = ctx.now_ts()
    day = _iso_day(now)
    with ctx.db.write(durable=False) as s:
        w = s.get(QueueWindow, window)
        if w is None or w.state != "open":
            raise ApiError(409, "window_not_open", f"window {window} is not open")
        services = json.loads(w.services)
        order = (Ticket.prio_rank, Ticket.issued_ts, Ticket.id)
        # One indexed head-of-line query per service (and one for tickets sent to this window),
        # then the best of those heads: each query reads one index entry, however long the queue.
        heads = [
            select(Ticket).where(Ticket.day == day, Ticket.state == "waiting", Ticket.service == code,
                                 Ticket.target_window.is_(None)).order_by(*order).limit(1)
            for code in services
        ]
        heads.append(select(Ticket).where(Ticket.day == day, Ticket.state == "waiting",
                                          Ticket.target_window == window).order_by(*order).limit(1))
        found: list[Ticket] = []
        for q in heads:
            if not ctx.db.is_sqlite:
                q = q.with_for_update(skip_locked=True)
            found.extend(s.scalars(q))
        t = min(found, key=lambda x: (x.prio_rank, x.issued_ts, x.id), default=None)
        if t is None:
            return None
        _call(s, t, window, now)
        s.flush()
        return ticket_json(ctx, s, t)


def _call(s: Session, t: Ticket, window: str, now: float) -> None:
    t.state = "called"
    t.window = window
    t.target_window = None
    t.called_ts = now
    if t.first_called_ts is None:
        t.first_called_ts = now
    s.add(QueueCall(day=t.day, ticket_id=t.id, ticket_no=t.ticket_no, window=window, called_ts=now))


@router.post("/api/v1/queue/windows/{window}/call-next")
def call_next(window: str, request: Request, _op: CurrentOperator) -> Response:
    ticket = call_next_impl(get_ctx(request), window)
    if ticket is None:
        return Response(status_code=204)
    return JSONResponse(ticket)


ACTIONS: dict[str, tuple[str, ...]] = {
    "recall": ("called",),
    "start": ("called",),
    "finish": ("serving",),
    "no-show": ("called",),
    "transfer": ("waiting", "called", "serving"),
}


def ticket_action(ctx: ServerContext, ticket_id: int, action: str, raw: bytes) -> dict[str, Any]:
    if action not in ACTIONS:
        raise ApiError(404, "unknown_action", f"no action {action!r}; actions: {', '.join(ACTIONS)}")
    transfer = _parse(TransferRequest, raw) if action == "transfer" else None
    if transfer is not None and (transfer.service is None) == (transfer.window is None):
        raise invalid({"service": "give either service or window", "window": "give either service or window"})
    now = ctx.now_ts()
    with ctx.db.write(durable=False) as s:
        q = select(Ticket).where(Ticket.id == ticket_id)
        if not ctx.db.is_sqlite:
            q = q.with_for_update()
        t = s.scalars(q).first()
        if t is None:
            raise ApiError(404, "unknown_ticket", "no such ticket")
        if t.state not in ACTIONS[action]:
            raise ApiError(409, "illegal_move", f"ticket {t.ticket_no} is {t.state}; {action} is not allowed")
        if action == "recall":
            _call(s, t, t.window or "", now)
        elif action == "start":
            t.state, t.started_ts = "serving", now
        elif action == "finish":
            t.state, t.finished_ts = "done", now
        elif action == "no-show":
            t.state, t.finished_ts = "no_show", now
        else:
            assert transfer is not None
            if transfer.service is not None:
                if transfer.service not in _services(s):
                    raise invalid({"service": f"unknown service {transfer.service!r}"})
                t.service, t.target_window = transfer.service, None
            else:
                t.target_window = transfer.window
            t.state, t.window, t.started_ts = "waiting", None, None
        s.flush()
        return ticket_json(ctx, s, t)


@router.post("/api/v1/queue/tickets/{ticket_id}/{action}")
async def post_ticket_action(ticket_id: int, action: str, request: Request, _op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(ticket_action, get_ctx(request), ticket_id, action, raw)


@router.get("/api/v1/queue/board")
def board(request: Request, _op: CurrentOperator) -> dict[str, Any]:
    ctx = get_ctx(request)
    day = _iso_day(ctx.now_ts())
    with ctx.db.read() as s:
        calls = s.execute(
            select(QueueCall.ticket_no, QueueCall.window, QueueCall.called_ts)
            .where(QueueCall.day == day).order_by(QueueCall.id.desc()).limit(BOARD_CALLS)
        ).all()
        waiting = {code: 0 for code in _services(s)}
        for service, n in s.execute(
            select(Ticket.service, func.count()).where(Ticket.day == day, Ticket.state == "waiting")
            .group_by(Ticket.service)
        ):
            waiting[service] = int(n)
    return {
        "calls": [{"ticket_no": no, "window": w, "called_at": ctx.iso(ts)} for no, w, ts in calls],
        "waiting": waiting,
    }


def _r(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def stats_impl(ctx: ServerContext) -> dict[str, Any]:
    now = ctx.now_ts()
    day = _iso_day(now)
    is_state = lambda st: case((Ticket.state == st, 1), else_=0)  # noqa: E731
    service_time = case((Ticket.state == "done", Ticket.finished_ts - Ticket.started_ts), else_=None)
    with ctx.db.read() as s:
        services: dict[str, dict[str, Any]] = {
            code: {"waiting": 0, "longest_wait_s": 0.0, "avg_wait_s": None, "avg_service_s": None,
                   "served": 0, "no_shows": 0}
            for code in _services(s)
        }
        rows = s.execute(
            select(
                Ticket.service,
                func.sum(is_state("waiting")),
                func.min(case((Ticket.state == "waiting", Ticket.issued_ts), else_=None)),
                func.avg(Ticket.first_called_ts - Ticket.issued_ts),
                func.avg(service_time),
                func.sum(is_state("done")),
                func.sum(is_state("no_show")),
            ).where(Ticket.day == day).group_by(Ticket.service)
        ).all()
        for service, waiting, oldest, avg_wait, avg_service, served, no_shows in rows:
            services[service] = {
                "waiting": int(waiting or 0),
                "longest_wait_s": _r(now - oldest) if oldest is not None else 0.0,
                "avg_wait_s": _r(avg_wait),
                "avg_service_s": _r(avg_service),
                "served": int(served or 0),
                "no_shows": int(no_shows or 0),
            }
        windows: dict[str, dict[str, Any]] = {}
        for w in s.scalars(select(QueueWindow).order_by(QueueWindow.code)):
            windows[w.code] = {"state": w.state, "current_ticket": None, "served": 0, "avg_service_s": None}
        for window, served, avg_service in s.execute(
            select(Ticket.window, func.sum(is_state("done")), func.avg(service_time))
            .where(Ticket.day == day, Ticket.window.is_not(None)).group_by(Ticket.window)
        ):
            entry = windows.setdefault(str(window), {"state": "closed", "current_ticket": None})
            entry["served"], entry["avg_service_s"] = int(served or 0), _r(avg_service)
        for window, ticket_no in s.execute(
            select(Ticket.window, Ticket.ticket_no)
            .where(Ticket.day == day, Ticket.state.in_(("called", "serving")), Ticket.window.is_not(None))
            .order_by(Ticket.called_ts)
        ):
            if window is not None:
                windows.setdefault(window, {"state": "closed", "served": 0, "avg_service_s": None})
                windows[window]["current_ticket"] = ticket_no
    return {"date": day, "services": services, "windows": windows}


@router.get("/api/v1/queue/stats")
def stats(request: Request, _op: CurrentOperator) -> dict[str, Any]:
    return stats_impl(get_ctx(request))


def create_appointment(ctx: ServerContext, code: str, service: str, day: str, name: str = "") -> None:
    """Books an appointment (the booking system's side; not part of the HTTP contract)."""
    with ctx.db.write() as s:
        if service not in _services(s):
            raise ValueError(f"unknown service {service!r}")
        if s.get(Appointment, code) is not None:
            raise ValueError(f"appointment {code!r} already exists")
        s.add(Appointment(code=code, service=service, day=day, name=name))
