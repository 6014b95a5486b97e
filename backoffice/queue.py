"""The hall queue (排队叫号): services, tickets numbered per day, windows, call-next, board and stats.

Order within what a window serves: priority tickets (elderly, disabled, pregnant, appointment) before
normal ones, then by original issue time (a transferred ticket keeps its place). Call-next hands a
ticket to exactly one window: SQLite serialises writers (BEGIN IMMEDIATE), PostgreSQL takes the first
waiting row with ``FOR UPDATE SKIP LOCKED``.

Everything belongs to a hall, and an operator's hall is their org: tickets, windows, counters and
calls carry ``org_code`` and every query is scoped by the token's org (``authz``). Moves are
idempotent: a call-next with an ``Idempotency-Key`` it has already answered returns the same ticket,
and a move repeated on a ticket already in its target state by the same window answers 200 with the
ticket (a lost response is safe to retry). Tickets stuck in ``called``/``serving`` (a caller that
died) are released by a supervisor (``release``) or by the hall setting ``stuck_after_s``; both are
audited.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import and_, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice import authz, hall, notify
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.config import HALL_TZ
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Appointment, QueueCall, QueueCounter, QueueService, QueueWindow, Ticket
from backoffice.errors import ApiError, invalid
from backoffice.limits import parse_body

log = logging.getLogger(__name__)
router = APIRouter()
M = TypeVar("M", bound=BaseModel)
TicketId = Annotated[int, Path(ge=1, le=2**63 - 1)]
WINDOW_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
KEY_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
NUMBER_RE = re.compile(r"^[A-Z][A-Z0-9]{0,5}[0-9]{1,6}$")
"""A ticket number: a service prefix and digits (A012), or a fallback number (X1A003, 人工兜底)."""
PHONE_PATTERN = r"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$"

PRIORITY_RANK = {"elderly": 0, "disabled": 0, "pregnant": 0, "appointment": 0, "normal": 1}
WINDOW_STATES = ("open", "paused", "closed")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TicketRequest(_Body):
    service: str = Field(min_length=1, max_length=32)
    priority: Literal["normal", "elderly", "disabled", "pregnant", "appointment"] = "normal"
    appointment_code: str | None = Field(default=None, min_length=1, max_length=64)
    phone: str | None = Field(default=None, pattern=PHONE_PATTERN)
    """1.1: a phone for the SMS messages (stored sealed; never shown in clear)."""


class WindowRequest(_Body):
    services: list[str] = Field(max_length=50)
    state: Literal["open", "paused", "closed"]


class TransferRequest(_Body):
    service: str | None = Field(default=None, min_length=1, max_length=32)
    window: str | None = Field(default=None, min_length=1, max_length=32, pattern=WINDOW_RE.pattern)


class ReleaseRequest(_Body):
    to: Literal["waiting", "no_show"] = "waiting"
    reason: str = Field(default="", max_length=300)


def _parse(model: type[M], raw: bytes) -> M:
    return parse_body(model, raw, empty_ok=True)


def _window_code(window: str) -> str:
    if not WINDOW_RE.match(window):
        raise invalid({"window": "a window code is 1–32 letters, digits, - or _"})
    return window


def _idempotency_key(request: Request) -> str | None:
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not KEY_RE.match(key):
        raise invalid({"Idempotency-Key": "1–64 letters, digits or . _ : -"})
    return key


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
    q = select(func.count()).where(Ticket.org_code == t.org_code, Ticket.day == t.day, Ticket.state == "waiting",
                                   Ticket.service == t.service, ahead)
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
        "fallback": t.source_device is not None,
    }
    if t.state == "waiting":
        out["waiting_ahead"] = _waiting_ahead(s, t)
    if t.state == "parked":
        out["parked_at"] = iso(t.parked_ts)
    if t.carried_from:
        out["carried_from"] = t.carried_from
    return out


def _next_number(ctx: ServerContext, s: Session, org: str, day: str, service: str) -> int:
    ins = sqlite_insert if ctx.db.is_sqlite else pg_insert
    stmt = (
        ins(QueueCounter)
        .values(org_code=org, day=day, service=service, last=1)
        .on_conflict_do_update(index_elements=["org_code", "day", "service"], set_={"last": QueueCounter.last + 1})
        .returning(QueueCounter.last)
    )
    return int(s.execute(stmt).scalar_one())


def check_open(ctx: ServerContext, now: float) -> None:
    """409 ``queue_closed`` outside the hall's hours (``enforce_hours``; lunch unless 午休不关门)."""
    why = hall.closed_reason(ctx, now)
    if why is not None:
        raise ApiError(409, "queue_closed", why)


def appointment_problem(appointment: Appointment | None, org: str, day: str, service: str | None) -> str | None:
    if appointment is None or appointment.org_code not in (org, ""):
        return "no such appointment"
    if appointment.state == "cancelled":
        return "the appointment was cancelled"
    if appointment.day != day:
        return f"the appointment is for {appointment.day}"
    if service is not None and appointment.service != service:
        return f"the appointment is for service {appointment.service}"
    if appointment.ticket_id is not None:
        return "the appointment has already been checked in"
    return None


def new_ticket(ctx: ServerContext, s: Session, org: str, svc: QueueService, priority: str, now: float, *,
               appointment_code: str | None = None, phone: str | None = None, base_url: str = "") -> dict[str, Any]:
    """Numbers and stores a waiting ticket; the reply carries its status-page token and URL (1.1)."""
    day = _iso_day(now)
    number = _next_number(ctx, s, org, day, svc.code)
    token, digest = notify.new_status_token()
    t = Ticket(
        org_code=org, day=day, service=svc.code, ticket_no=f"{svc.prefix}{number:03d}", priority=priority,
        prio_rank=PRIORITY_RANK[priority], state="waiting", issued_ts=now, appointment_code=appointment_code,
        phone=notify.seal_phone(ctx, phone), status_hash=digest,
    )
    s.add(t)
    s.flush()
    out = ticket_json(ctx, s, t)
    url = notify.status_url(ctx, base_url, token) if base_url or ctx.config.hall.status_base_url else None
    out["status_token"], out["status_url"] = token, url
    out["estimated_wait_min"] = notify.estimate_wait_min(ctx, s, org, svc.code, int(out["waiting_ahead"]))
    notify.after_issue(ctx, s, t, int(out["waiting_ahead"]), url)
    return out


def issue_ticket(ctx: ServerContext, raw: bytes, org: str, base_url: str = "") -> dict[str, Any]:
    """A new ticket of hall ``org`` (the issuing operator's org)."""
    req = _parse(TicketRequest, raw)
    if req.priority == "appointment" and not req.appointment_code:
        raise invalid({"appointment_code": "an appointment ticket needs the appointment code"})
    if req.priority != "appointment" and req.appointment_code:
        raise invalid({"appointment_code": "only for priority appointment"})
    now = ctx.now_ts()
    day = _iso_day(now)
    check_open(ctx, now)
    with ctx.db.write(durable=False) as s:
        svc = _services(s).get(req.service)
        if svc is None:
            raise invalid({"service": f"unknown service {req.service!r}"})
        appointment = None
        phone = req.phone
        if req.appointment_code:
            appointment = s.get(Appointment, req.appointment_code)
            problem = appointment_problem(appointment, org, day, req.service)
            if problem:
                raise invalid({"appointment_code": problem}, "appointment not valid")
            assert appointment is not None
            if phone is None and appointment.person:
                from backoffice.appointments import person_of

                phone = person_of(ctx, appointment).get("phone") or None
        out = new_ticket(ctx, s, org, svc, req.priority, now, appointment_code=req.appointment_code, phone=phone,
                         base_url=base_url)
        if appointment is not None:
            appointment.ticket_id = int(out["ticket_id"])
            appointment.state, appointment.checked_in_ts = "checked_in", now
    notify.wake(ctx)
    return out


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.post("/api/v1/queue/tickets")
async def post_ticket(request: Request, op: CurrentOperator) -> JSONResponse:
    authz.require(op, Perm.TICKET_ISSUE)
    raw = await request.body()
    return JSONResponse(await run_in_threadpool(issue_ticket, get_ctx(request), raw, op.org_code, base_url(request)),
                        status_code=201)


def services_impl(ctx: ServerContext, op: Operator) -> dict[str, Any]:
    if not (authz.has(op, Perm.TICKET_ISSUE) or authz.has(op, Perm.HALL_READ)):
        authz.require(op, Perm.TICKET_ISSUE)
    now = ctx.now_ts()
    day = _iso_day(now)
    with ctx.db.read() as s:
        waiting = dict(s.execute(select(Ticket.service, func.count()).where(
            Ticket.org_code == op.org_code, Ticket.day == day, Ticket.state == "waiting").group_by(Ticket.service)).all())
        items = [{"code": q.code, "prefix": q.prefix, "name": q.name, "waiting": int(waiting.get(q.code, 0)),
                  "bookable": ctx.config.hall.slot_capacity.get(q.code, 0) > 0}
                 for q in _services(s).values()]
    return {"services": items, "open": hall.closed_reason(ctx, now) is None,
            "closed_reason": hall.closed_reason(ctx, now)}


@router.get("/api/v1/queue/services")
async def get_services(request: Request, op: CurrentOperator) -> dict[str, Any]:
    """1.1: the hall's services with their prefixes and waiting counts (the kiosk's buttons)."""
    return await run_in_threadpool(services_impl, get_ctx(request), op)


def _current(s: Session, org: str, code: str) -> tuple[int, str] | None:
    row = s.execute(
        select(Ticket.id, Ticket.ticket_no)
        .where(Ticket.org_code == org, Ticket.window == code, Ticket.state.in_(("called", "serving")))
        .order_by(Ticket.called_ts.desc()).limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else None


def window_json(ctx: ServerContext, s: Session, org: str, code: str) -> dict[str, Any]:
    w = s.get(QueueWindow, (org, code))
    current = _current(s, org, code)
    parked = s.execute(
        select(Ticket.id, Ticket.ticket_no, Ticket.parked_ts)
        .where(Ticket.org_code == org, Ticket.window == code, Ticket.state == "parked").order_by(Ticket.parked_ts)
    ).all()
    return {
        "window": code,
        "services": json.loads(w.services) if w else [],
        "state": w.state if w else "closed",
        "current_ticket": current[1] if current else None,
        "current_ticket_id": current[0] if current else None,
        "parked": [{"ticket_id": int(i), "ticket_no": str(no), "parked_at": ctx.iso(ts) if ts else None}
                   for i, no, ts in parked],
    }


def get_window_impl(ctx: ServerContext, op: Operator, window: str) -> dict[str, Any]:
    authz.require_window(op, _window_code(window))
    with ctx.db.read() as s:
        return window_json(ctx, s, op.org_code, window)


@router.get("/api/v1/queue/windows/{window}")
async def get_window(window: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(get_window_impl, get_ctx(request), op, window)


def put_window_impl(ctx: ServerContext, op: Operator, window: str, raw: bytes) -> dict[str, Any]:
    authz.require_window(op, _window_code(window))
    req = _parse(WindowRequest, raw)
    org = op.org_code
    with ctx.db.write(durable=False) as s:
        known = _services(s)
        bad = [c for c in req.services if c not in known]
        if bad:
            raise invalid({"services": f"unknown service(s): {', '.join(bad)}"})
        w = s.get(QueueWindow, (org, window))
        if w is None:
            w = QueueWindow(org_code=org, code=window)
            s.add(w)
        w.services = json.dumps(list(dict.fromkeys(req.services)))
        w.state = req.state
        w.updated_ts = ctx.now_ts()
        s.flush()
        return window_json(ctx, s, org, window)


@router.put("/api/v1/queue/windows/{window}")
async def put_window(window: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(put_window_impl, get_ctx(request), op, window, raw)


def call_next_impl(ctx: ServerContext, window: str, org: str = "", key: str | None = None) -> dict[str, Any] | None:
    now = ctx.now_ts()
    day = _iso_day(now)
    with ctx.db.write(durable=False) as s:
        if key is not None:
            done = s.scalars(select(Ticket).where(Ticket.org_code == org, Ticket.day == day, Ticket.window == window,
                                                  Ticket.call_key == key).limit(1)).first()
            if done is not None:  # a retried call-next whose first answer was lost
                return ticket_json(ctx, s, done)
        w = s.get(QueueWindow, (org, window))
        if w is None or w.state != "open":
            raise ApiError(409, "window_not_open", f"window {window} is not open")
        services = json.loads(w.services)
        order = (Ticket.prio_rank, Ticket.issued_ts, Ticket.id)
        # One indexed head-of-line query per service (and one for tickets sent to this window),
        # then the best of those heads: each query reads one index entry, however long the queue.
        heads = [
            select(Ticket).where(Ticket.org_code == org, Ticket.day == day, Ticket.state == "waiting",
                                 Ticket.service == code, Ticket.target_window.is_(None)).order_by(*order).limit(1)
            for code in services
        ]
        heads.append(select(Ticket).where(Ticket.org_code == org, Ticket.day == day, Ticket.state == "waiting",
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
        t.call_key = key
        t.last_action, t.last_window = "call", window
        notify.after_call(ctx, s, t, window)
        notify.check_near(ctx, s, org, day, [t.service])
        s.flush()
        out = ticket_json(ctx, s, t)
    notify.wake(ctx)
    return out


def _call(s: Session, t: Ticket, window: str, now: float) -> None:
    t.state = "called"
    t.window = window
    t.target_window = None
    t.called_ts = now
    if t.first_called_ts is None:
        t.first_called_ts = now
    s.add(QueueCall(org_code=t.org_code, day=t.day, ticket_id=t.id, ticket_no=t.ticket_no, window=window,
                    called_ts=now))


@router.post("/api/v1/queue/windows/{window}/call-next")
async def call_next(window: str, request: Request, op: CurrentOperator) -> Response:
    authz.require_window(op, _window_code(window))
    key = _idempotency_key(request)
    ticket = await run_in_threadpool(call_next_impl, get_ctx(request), window, op.org_code, key)
    if ticket is None:
        return Response(status_code=204)
    return JSONResponse(ticket)


ACTIONS: dict[str, tuple[str, ...]] = {
    "recall": ("called",),
    "start": ("called",),
    "finish": ("serving",),
    "no-show": ("called", "parked"),
    "transfer": ("waiting", "called", "serving", "parked"),
    "park": ("called", "serving"),
}
TARGET = {"recall": "called", "start": "serving", "finish": "done", "no-show": "no_show", "transfer": "waiting",
          "park": "parked"}
"""The state each move leaves the ticket in: a repeat finding the ticket there (same move, same window) is a replay."""


def _own_ticket(s: Session, op: Operator, ticket_id: int, *, lock: bool) -> Ticket:
    q = select(Ticket).where(Ticket.id == ticket_id)
    if lock:
        q = q.with_for_update()
    t = s.scalars(q).first()
    if t is None:
        raise ApiError(404, "unknown_ticket", "no such ticket")
    if t.org_code != op.org_code:
        raise authz.hidden("ticket", f"ticket {ticket_id} belongs to hall {t.org_code}")
    return t


def _is_replay(t: Ticket, action: str, transfer: TransferRequest | None) -> bool:
    if t.state != TARGET[action] or t.last_action != action:
        return False
    if action == "recall":
        return False  # a recall is always allowed again (the display calls once more)
    if transfer is not None:
        return (transfer.service or t.service) == t.service and transfer.window == t.target_window
    return True


def ticket_action(ctx: ServerContext, ticket_id: int, action: str, raw: bytes,
                  op: Operator | None = None, key: str | None = None) -> dict[str, Any]:
    """A move on a ticket; ``op`` None is the server itself (tests, admin commands)."""
    if action not in ACTIONS:
        raise ApiError(404, "unknown_action", f"no action {action!r}; actions: {', '.join(ACTIONS)}")
    transfer = _parse(TransferRequest, raw) if action == "transfer" else None
    if transfer is not None and (transfer.service is None) == (transfer.window is None):
        raise invalid({"service": "give either service or window", "window": "give either service or window"})
    now = ctx.now_ts()
    with ctx.db.write(durable=False) as s:
        t: Ticket | None
        if op is not None:
            t = _own_ticket(s, op, ticket_id, lock=not ctx.db.is_sqlite)
        else:
            q = select(Ticket).where(Ticket.id == ticket_id)
            t = s.scalars(q if ctx.db.is_sqlite else q.with_for_update()).first()
        if t is None:
            raise ApiError(404, "unknown_ticket", "no such ticket")
        acting = t.window if t.state != "waiting" else t.last_window
        if op is not None:
            if acting is None:
                authz.require(op, Perm.HALL)  # a ticket no window holds: supervisors move it
            else:
                authz.require_window(op, acting)
        if key is not None and t.move_key == key:
            return ticket_json(ctx, s, t)  # the same request again
        if _is_replay(t, action, transfer):
            return ticket_json(ctx, s, t)  # the move already happened: its answer was lost
        if op is not None and t.state == "waiting" and not authz.has(op, Perm.HALL):
            raise authz.Denied(f"ticket {t.ticket_no} waits; only a supervisor moves a waiting ticket",
                               reason=f"move {action} on waiting ticket {t.ticket_no}")
        if t.state not in ACTIONS[action]:
            raise ApiError(409, "illegal_move", f"ticket {t.ticket_no} is {t.state}; {action} is not allowed")
        t.last_action, t.last_window, t.move_key = action, t.window or acting, key
        if action == "recall":
            _call(s, t, t.window or "", now)
        elif action == "start":
            t.state, t.started_ts = "serving", now
        elif action == "finish":
            t.state, t.finished_ts = "done", now
        elif action == "no-show":
            t.state, t.finished_ts = "no_show", now
        elif action == "park":
            # 暂挂: the applicant stepped away (to copy a document); the ticket stays with this window,
            # call-next passes it by, and the window calls it back by number (POST /windows/{w}/call).
            t.state, t.parked_ts, t.target_window = "parked", now, None
        else:
            assert transfer is not None
            if transfer.service is not None:
                if transfer.service not in _services(s):
                    raise invalid({"service": f"unknown service {transfer.service!r}"})
                t.service, t.target_window = transfer.service, None
            else:
                t.target_window = transfer.window
            t.state, t.window, t.started_ts = "waiting", None, None
            notify.check_near(ctx, s, t.org_code, t.day, [t.service])
        s.flush()
        out = ticket_json(ctx, s, t)
    notify.wake(ctx)
    return out


def release_ticket(ctx: ServerContext, t: Ticket, to: str, now: float) -> None:
    """A stuck ticket back to waiting (keeps its place) or to no-show."""
    if to == "waiting":
        t.state, t.window, t.started_ts, t.target_window = "waiting", None, None, None
    else:
        t.state, t.finished_ts = "no_show", now
    t.last_action, t.move_key = "release", None


def release_impl(ctx: ServerContext, op: Operator, ticket_id: int, raw: bytes) -> dict[str, Any]:
    authz.require(op, Perm.HALL)
    req = _parse(ReleaseRequest, raw)
    with ctx.db.write(durable=False) as s:
        t = _own_ticket(s, op, ticket_id, lock=not ctx.db.is_sqlite)
        if t.state not in ("called", "serving"):
            raise ApiError(409, "illegal_move", f"ticket {t.ticket_no} is {t.state}; only a called or served "
                           "ticket can be released")
        before, window = t.state, t.window
        release_ticket(ctx, t, req.to, ctx.now_ts())
        s.flush()
        reply = ticket_json(ctx, s, t)
    authz.record(ctx, username=op.username, org_code=op.org_code, roles=op.roles, action="release-ticket",
                 target=f"{t.ticket_no} ({before} at {window})", outcome="done", reason=req.reason or f"→ {req.to}")
    return reply


def release_stuck(ctx: ServerContext, now: float | None = None) -> list[str]:
    """The hall setting: tickets called or served for longer than ``stuck_after_s`` are released."""
    limit = ctx.config.stuck_after_s
    if limit is None:
        return []
    now = ctx.now_ts() if now is None else now
    cutoff = now - limit
    released: list[tuple[str, str, str, str | None]] = []
    with ctx.db.write(durable=False) as s:
        rows = s.scalars(select(Ticket).where(
            Ticket.state.in_(("called", "serving")),
            func.coalesce(Ticket.started_ts, Ticket.called_ts) < cutoff).limit(500)).all()
        for t in rows:
            released.append((t.org_code, t.ticket_no, t.state, t.window))
            release_ticket(ctx, t, ctx.config.stuck_to, now)
    for org, no, state, window in released:
        authz.record(ctx, username="system", org_code=org, roles=(), action="release-ticket",
                     target=f"{no} ({state} at {window})", outcome="done",
                     reason=f"stuck longer than {int(limit // 60)} min → {ctx.config.stuck_to}")
    return [no for _, no, _, _ in released]


class StuckSweeper:
    """Runs ``release_stuck`` every minute in a background thread until stopped."""

    def __init__(self, ctx: ServerContext, period_s: float = 60.0) -> None:
        self.ctx, self.period_s = ctx, period_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backoffice-stuck-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.period_s):
            try:
                release_stuck(self.ctx)
            except Exception:  # the next tick retries
                log.exception("releasing stuck tickets failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)


@router.post("/api/v1/queue/tickets/{ticket_id}/release")
async def post_release(ticket_id: TicketId, request: Request, op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(release_impl, get_ctx(request), op, ticket_id, raw)


@router.post("/api/v1/queue/tickets/{ticket_id}/{action}")
async def post_ticket_action(ticket_id: TicketId, action: str, request: Request,
                             op: CurrentOperator) -> dict[str, Any]:
    authz.require(op, Perm.WINDOW)
    raw = await request.body()
    key = _idempotency_key(request)
    return await run_in_threadpool(ticket_action, get_ctx(request), ticket_id, action, raw, op, key)


def find_ticket_impl(ctx: ServerContext, op: Operator, ticket_id: int | None, number: str | None) -> dict[str, Any]:
    authz.require(op, Perm.WINDOW)
    with ctx.db.read() as s:
        t: Ticket | None
        if ticket_id is not None:
            t = _own_ticket(s, op, ticket_id, lock=False)
        else:
            t = s.scalars(select(Ticket).where(Ticket.org_code == op.org_code, Ticket.day == _iso_day(ctx.now_ts()),
                                               Ticket.ticket_no == number).order_by(Ticket.id.desc()).limit(1)).first()
            if t is None:
                raise ApiError(404, "unknown_ticket", "no such ticket today")
        return ticket_json(ctx, s, t)


@router.get("/api/v1/queue/tickets/{ticket_id}")
async def get_ticket(ticket_id: TicketId, request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(find_ticket_impl, get_ctx(request), op, ticket_id, None)


@router.get("/api/v1/queue/tickets")
async def get_ticket_by_number(request: Request, op: CurrentOperator, number: str = "") -> dict[str, Any]:
    if not NUMBER_RE.match(number):
        raise invalid({"number": "a ticket number such as A012"})
    return await run_in_threadpool(find_ticket_impl, get_ctx(request), op, None, number)


def create_appointment(ctx: ServerContext, code: str, service: str, day: str, name: str = "",
                       org: str = "") -> None:
    """Books an appointment (the booking system's side; not part of the HTTP contract); ``org`` ""
    is valid in every hall of this server."""
    with ctx.db.write() as s:
        if service not in _services(s):
            raise ValueError(f"unknown service {service!r}")
        if s.get(Appointment, code) is not None:
            raise ValueError(f"appointment {code!r} already exists")
        person = ctx.cipher.seal(json.dumps({"name": name}, ensure_ascii=False), f"appointment:{code}") \
            if name else None  # sealed like the bookings made over the API (no slot: any time that day)
        s.add(Appointment(code=code, service=service, day=day, name="", person=person, org_code=org,
                          state="booked", channel="", created_ts=ctx.now_ts()))
