"""人工兜底: the kiosks' fallback numbering while the hall server is down, and handing those tickets over.

Each kiosk claims a **fallback prefix** once, while online (``POST /queue/fallback/prefix``): two
characters, the first one of ``Config.fallback_letters`` (X, Y, Z — no service prefix may start with
one), the second a digit or letter; the server gives each prefix of a hall to one device only.
Offline, the kiosk numbers ``{prefix}{service prefix}{nnn}`` (X1A001, X1A002 …): such a number can
never equal one the server issues (they start with a service prefix) nor another kiosk's.

Back online the kiosk hands its fallback tickets over (``POST /queue/fallback/tickets``), as often
as it likes: a ticket already handed over (same hall, day, number, device and issue time) answers
``exists`` with the ticket it became, so each is created once. A handed-over ticket keeps its
number and its issue time — it waits in its place, ahead of everyone who came later — and counts in
the board and the stats (``fallback``). A number claimed by another device, or not of this device's
prefix, answers ``conflict`` (nothing is created); an appointment code that does not check in leaves
the ticket as an ordinary one (the person holds it already).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from backoffice import authz, notify, queue
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Appointment, FallbackDevice, Ticket
from backoffice.errors import ApiError, invalid
from backoffice.hall import local

router = APIRouter()
MAX_BATCH = 200
SECOND = "123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class PrefixRequest(queue._Body):
    device_id: str = Field(min_length=1, max_length=200)
    prefix: str | None = Field(default=None, pattern=r"^[A-Z][0-9A-Z]$")


class FallbackTicket(queue._Body):
    ticket_no: str = Field(pattern=queue.NUMBER_RE.pattern)
    service: str = Field(min_length=1, max_length=32)
    priority: Literal["normal", "elderly", "disabled", "pregnant", "appointment"] = "normal"
    issued_at: dt.datetime
    appointment_code: str | None = Field(default=None, min_length=1, max_length=64)
    status_token: str | None = Field(default=None, pattern=notify.TOKEN_RE.pattern)
    phone: str | None = Field(default=None, pattern=queue.PHONE_PATTERN)


class HandOverRequest(queue._Body):
    device_id: str = Field(min_length=1, max_length=200)
    tickets: list[FallbackTicket] = Field(max_length=MAX_BATCH)


def claim_impl(ctx: ServerContext, op: Operator, raw: bytes) -> dict[str, Any]:
    authz.require(op, Perm.TICKET_ISSUE)
    req = queue._parse(PrefixRequest, raw)
    letters = ctx.config.fallback_letters
    if req.prefix is not None and req.prefix[0] not in letters:
        raise invalid({"prefix": f"a fallback prefix starts with one of {', '.join(letters)}"})
    org = op.org_code
    with ctx.db.write() as s:
        mine = s.scalars(select(FallbackDevice).where(FallbackDevice.org_code == org,
                                                      FallbackDevice.device_id == req.device_id)).all()
        if mine and (req.prefix is None or req.prefix in {m.prefix for m in mine}):
            chosen = req.prefix or mine[0].prefix
            return {"prefix": chosen, "device_id": req.device_id, "claimed": False}
        taken = {p for p in s.scalars(select(FallbackDevice.prefix).where(FallbackDevice.org_code == org))}
        if req.prefix is not None:
            if req.prefix in taken:
                raise ApiError(409, "prefix_taken", f"the fallback prefix {req.prefix} belongs to another device")
            chosen = req.prefix
        else:
            free = [f"{a}{b}" for a in letters for b in SECOND if f"{a}{b}" not in taken]
            if not free:
                raise ApiError(409, "prefix_taken", "every fallback prefix of this hall is taken")
            chosen = free[0]
        s.add(FallbackDevice(org_code=org, prefix=chosen, device_id=req.device_id, username=op.username,
                             claimed_ts=ctx.now_ts()))
    authz.record(ctx, username=op.username, org_code=org, roles=op.roles, action="claim-fallback-prefix",
                 target=f"{chosen} for {req.device_id}", outcome="done")
    return {"prefix": chosen, "device_id": req.device_id, "claimed": True}


@router.post("/api/v1/queue/fallback/prefix")
async def post_prefix(request: Request, op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(claim_impl, get_ctx(request), op, raw)


def hand_over_impl(ctx: ServerContext, op: Operator, raw: bytes) -> dict[str, Any]:
    authz.require(op, Perm.TICKET_ISSUE)
    req = queue._parse(HandOverRequest, raw)
    org = op.org_code
    now = ctx.now_ts()
    results: list[dict[str, Any]] = []
    created = 0
    with ctx.db.write(durable=False) as s:
        prefixes = set(s.scalars(select(FallbackDevice.prefix).where(FallbackDevice.org_code == org,
                                                                     FallbackDevice.device_id == req.device_id)))
        services = queue._services(s)
        touched: set[tuple[str, str]] = set()
        for item in req.tickets:
            if item.issued_at.tzinfo is None:
                raise invalid({"issued_at": "a time with its offset (+08:00)"})
            ts = item.issued_at.timestamp()
            if ts > now + 300:
                raise invalid({"issued_at": f"{item.ticket_no} is issued in the future"})
            day = local(ts).date().isoformat()
            svc = services.get(item.service)
            if svc is None:
                raise invalid({"service": f"unknown service {item.service!r}"})
            m = re.fullmatch(r"([A-Z][0-9A-Z])([A-Z]+)(\d{3,6})", item.ticket_no)
            if m is None or m.group(2) != svc.prefix:
                results.append({"ticket_no": item.ticket_no, "result": "conflict",
                                "message": f"not a fallback number of service {svc.code} ({svc.prefix})"})
                continue
            if m.group(1) not in prefixes:
                results.append({"ticket_no": item.ticket_no, "result": "conflict",
                                "message": f"the prefix {m.group(1)} is not this device's"})
                continue
            existing = s.scalars(select(Ticket).where(Ticket.org_code == org, Ticket.day == day,
                                                      Ticket.ticket_no == item.ticket_no).limit(1)).first()
            if existing is not None:
                same = existing.source_device == req.device_id and abs(existing.issued_ts - ts) < 1.0
                results.append({"ticket_no": item.ticket_no, "result": "exists" if same else "conflict",
                                "ticket_id": existing.id if same else None,
                                "state": existing.state if same else None,
                                **({} if same else {"message": "this number was handed over by another ticket"})})
                continue
            priority, note, appointment = item.priority, None, None
            if priority == "appointment":
                appointment = s.get(Appointment, item.appointment_code) if item.appointment_code else None
                problem = queue.appointment_problem(appointment, org, day, item.service) \
                    if item.appointment_code else "no appointment code"
                if problem:
                    priority, note, appointment = "normal", f"kept as an ordinary ticket: {problem}", None
            t = Ticket(org_code=org, day=day, service=svc.code, ticket_no=item.ticket_no, priority=priority,
                       prio_rank=queue.PRIORITY_RANK[priority], state="waiting", issued_ts=ts,
                       appointment_code=appointment.code if appointment else None,
                       phone=notify.seal_phone(ctx, item.phone), source_device=req.device_id,
                       status_hash=notify.status_hash(item.status_token) if item.status_token else None)
            s.add(t)
            s.flush()
            if appointment is not None:
                appointment.ticket_id, appointment.state, appointment.checked_in_ts = t.id, "checked_in", now
            ahead = queue._waiting_ahead(s, t)
            notify.after_issue(ctx, s, t, ahead, None)
            touched.add((day, svc.code))
            created += 1
            results.append({"ticket_no": item.ticket_no, "result": "created", "ticket_id": t.id, "state": t.state,
                            "waiting_ahead": ahead, **({"message": note} if note else {})})
        for day, service in touched:
            notify.check_near(ctx, s, org, day, [service])
    notify.wake(ctx)
    if created:
        authz.record(ctx, username=op.username, org_code=org, roles=op.roles, action="fallback-tickets",
                     target=f"{created} from {req.device_id}", outcome="done")
    return {"tickets": results}


@router.post("/api/v1/queue/fallback/tickets")
async def post_fallback_tickets(request: Request, op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(hand_over_impl, get_ctx(request), op, raw)
