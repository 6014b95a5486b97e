"""Appointments (预约分流): bookable slots per service and day, bookings, cancellation, check-in, missed counts.

Slots are cut from the hall's hours (``backoffice.hall``) on the hall calendar's working days, each
with the service's ``slot_capacity``. A booking takes one place of its slot in ``queue_slot_counts``
with a single conditional upsert (raised only while below capacity), so however many phone lines,
apps and kiosks book at once a slot is never overbooked; one person (by ID number) books a service
once per day (``active_key`` is unique while the booking stands).

The person's name, ID number and phone are sealed with the data key (``ctx.cipher``, like case
documents) in ``person``; ``id_hash`` is an HMAC of the ID number (``Cipher.blind_index``) for
check-in by ID card and for the duplicate rule. Every list shows them masked.

Check-in (``POST /queue/check-in`` by code or by ID number) gives a ticket with priority
``appointment`` from ``checkin_early_min`` before the slot to ``checkin_late_min`` after its end; an
appointment not checked in by then counts as missed (``GET /queue/stats`` → ``appointments``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import Field, field_validator, model_validator
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice import authz, hall, notify, queue
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Appointment, QueueService, SlotCount, Ticket
from backoffice.errors import ApiError, invalid

router = APIRouter()
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BookingRequest(queue._Body):
    service: str = Field(min_length=1, max_length=32)
    date: str = Field(pattern=DATE_RE.pattern)
    slot: str = Field(pattern=r"^\d{2}:\d{2}$")
    name: str = Field(min_length=1, max_length=50)
    id_number: str = Field(min_length=15, max_length=18)
    phone: str = Field(pattern=queue.PHONE_PATTERN)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = v.strip()
        if not v or not v.isprintable():
            raise ValueError("a name of printable characters")
        return v

    @field_validator("id_number")
    @classmethod
    def _id(cls, v: str) -> str:
        return normalise_id(v)


class CheckInRequest(queue._Body):
    appointment_code: str | None = Field(default=None, min_length=1, max_length=64)
    id_number: str | None = Field(default=None, min_length=15, max_length=18)
    service: str | None = Field(default=None, min_length=1, max_length=32)

    @model_validator(mode="after")
    def _one(self) -> CheckInRequest:
        if (self.appointment_code is None) == (self.id_number is None):
            raise ValueError("give appointment_code or id_number (one of them)")
        if self.id_number is not None:
            self.id_number = normalise_id(self.id_number)
        return self


def normalise_id(value: str) -> str:
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError as StdnumError

    try:
        return str(ric.validate(value))
    except StdnumError:
        raise ValueError("not a valid resident ID number (居民身份证号码)") from None


def _id_hash(ctx: ServerContext, id_number: str) -> str:
    return ctx.cipher.blind_index(id_number, "cn_ric")


def _context(code: str) -> str:
    return f"appointment:{code}"


def person_of(ctx: ServerContext, a: Appointment) -> dict[str, str]:
    """The booking's name, ID number and phone in clear (for the server's own use, never listed)."""
    if not a.person:
        return {"name": a.name}
    return dict(json.loads(ctx.cipher.open(a.person, _context(a.code))))


def _channel(op: Operator) -> str:
    if "admin" in op.roles:
        return "admin"
    if "supervisor" in op.roles:
        return "phone"
    if "kiosk" in op.roles:
        return "kiosk"
    if "booking" in op.roles:
        return "app"
    return op.roles[0] if op.roles else ""


def _day(value: str, field: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise invalid({field: "a date YYYY-MM-DD"}) from None


def _service(s: Session, code: str) -> QueueService:
    svc = s.get(QueueService, code)
    if svc is None:
        raise invalid({"service": f"unknown service {code!r}"})
    return svc


def bookable_problem(ctx: ServerContext, service: str, day: dt.date) -> str | None:
    """Why ``day`` has no bookable slots for ``service`` (None: it has)."""
    cfg = ctx.config.hall
    today = hall.local(ctx.now_ts()).date()
    if cfg.slot_capacity.get(service, 0) <= 0:
        return "this service takes no appointments"
    if day < today:
        return "the day has passed"
    if day > today + dt.timedelta(days=cfg.book_days_ahead):
        return f"appointments are taken up to {cfg.book_days_ahead} days ahead"
    if not hall.is_working_day(ctx, day):
        return "the hall is closed that day"
    return None


def slots_impl(ctx: ServerContext, op: Operator, service: str, date: str) -> dict[str, Any]:
    authz.require(op, Perm.APPOINTMENT_BOOK)
    day = _day(date)
    cfg = ctx.config.hall
    now = ctx.now_ts()
    with ctx.db.read() as s:
        _service(s, service)
        problem = bookable_problem(ctx, service, day)
        out: dict[str, Any] = {"service": service, "date": day.isoformat(), "slots": [], "reason": problem}
        if problem:
            return out
        booked = dict(s.execute(select(SlotCount.slot, SlotCount.booked).where(
            SlotCount.org_code == op.org_code, SlotCount.service == service, SlotCount.day == day.isoformat())).all())
        capacity = cfg.slot_capacity[service]
        for slot in hall.slots_of_day(cfg):
            n = int(booked.get(slot.code, 0))
            started = hall.at(day, slot.start) <= now
            out["slots"].append({"slot": slot.code, "ends": f"{slot.end:%H:%M}", "capacity": capacity, "booked": n,
                                 "available": max(capacity - n, 0) if not started else 0})
        return out


@router.get("/api/v1/queue/slots")
async def get_slots(request: Request, op: CurrentOperator, service: str = "", date: str = "") -> dict[str, Any]:
    if not service or len(service) > 32 or not DATE_RE.match(date):
        raise invalid({"service": "a service code", "date": "a date YYYY-MM-DD"})
    return await run_in_threadpool(slots_impl, get_ctx(request), op, service, date)


def _take_place(ctx: ServerContext, s: Session, org: str, service: str, day: str, slot: str, capacity: int) -> bool:
    ins = sqlite_insert if ctx.db.is_sqlite else pg_insert
    stmt = (
        ins(SlotCount).values(org_code=org, service=service, day=day, slot=slot, booked=1)
        .on_conflict_do_update(index_elements=["org_code", "service", "day", "slot"],
                               set_={"booked": SlotCount.booked + 1}, where=SlotCount.booked < capacity)
        .returning(SlotCount.booked)
    )
    return s.execute(stmt).first() is not None


def _free_place(s: Session, a: Appointment) -> None:
    if a.slot is None:
        return
    row = s.get(SlotCount, (a.org_code, a.service, a.day, a.slot), with_for_update=True)
    if row is not None and row.booked > 0:
        row.booked -= 1


def booking_json(a: Appointment, ends: str | None = None) -> dict[str, Any]:
    return {"appointment_code": a.code, "service": a.service, "date": a.day, "slot": a.slot, "ends": ends,
            "state": a.state}


def _new_code(s: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        if s.get(Appointment, code) is None:
            return code


def book_impl(ctx: ServerContext, op: Operator, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    authz.require(op, Perm.APPOINTMENT_BOOK)
    req = queue._parse(BookingRequest, raw)
    cfg = ctx.config.hall
    day = _day(req.date)
    org = op.org_code
    now = ctx.now_ts()
    with ctx.db.write() as s:
        if key is not None:
            done = s.scalars(select(Appointment).where(Appointment.org_code == org, Appointment.booking_key == key)
                             .limit(1)).first()
            if done is not None:  # a retried booking whose answer was lost
                slot = hall.find_slot(cfg, done.slot or "")
                return 200, booking_json(done, f"{slot.end:%H:%M}" if slot else None)
        svc = _service(s, req.service)
        problem = bookable_problem(ctx, req.service, day)
        if problem:
            raise invalid({"date": problem}, "the day cannot be booked")
        slot = hall.find_slot(cfg, req.slot)
        if slot is None:
            raise invalid({"slot": f"no slot {req.slot} (GET /queue/slots lists them)"})
        if hall.at(day, slot.start) <= now:
            raise invalid({"slot": "the slot has already begun"})
        id_hash = _id_hash(ctx, req.id_number)
        active_key = f"{org}|{req.service}|{day.isoformat()}|{id_hash}"
        if s.scalars(select(Appointment.code).where(Appointment.active_key == active_key)).first() is not None:
            raise ApiError(409, "duplicate_booking",
                           f"this person already has an appointment for {svc.name} on {day.isoformat()}")
        if not _take_place(ctx, s, org, req.service, day.isoformat(), slot.code, cfg.slot_capacity[req.service]):
            raise ApiError(409, "slot_full", f"the slot {slot.code} on {day.isoformat()} is fully booked")
        code = _new_code(s)
        person = json.dumps({"name": req.name, "id_number": req.id_number, "phone": req.phone}, ensure_ascii=False)
        a = Appointment(code=code, org_code=org, service=req.service, day=day.isoformat(), name="", slot=slot.code,
                        person=ctx.cipher.seal(person, _context(code)), id_hash=id_hash, active_key=active_key,
                        state="booked", channel=_channel(op), booked_by=op.username, booking_key=key,
                        created_ts=now)
        s.add(a)
        notify.queue_message(ctx, s, org=org, kind="booked", phone=req.phone, appointment_code=code, text=(
            f"预约成功：{day.month}月{day.day}日 {slot.code}-{slot.end:%H:%M} {svc.name}，预约码 {code}。"
            "请在预约时段到大厅取号机签到（预约码或身份证）。"))
        out = booking_json(a, f"{slot.end:%H:%M}")
    notify.wake(ctx)
    return 201, out


@router.post("/api/v1/queue/appointments")
async def post_appointment(request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await request.body()
    key = queue._idempotency_key(request)
    status, body = await run_in_threadpool(book_impl, get_ctx(request), op, raw, key)
    return JSONResponse(body, status_code=status)


def _own(s: Session, op: Operator, code: str, *, lock: bool = False) -> Appointment:
    if not CODE_RE.match(code):
        raise ApiError(404, "unknown_appointment", "no such appointment")
    a = s.get(Appointment, code, with_for_update=lock or None)
    if a is None:
        raise ApiError(404, "unknown_appointment", "no such appointment")
    if a.org_code not in (op.org_code, ""):
        raise authz.hidden("appointment", f"appointment {code} belongs to hall {a.org_code}")
    return a


def masked_json(ctx: ServerContext, s: Session, a: Appointment) -> dict[str, Any]:
    from clerk.security.masking import mask_id, mask_name, mask_phone

    p = person_of(ctx, a)
    ticket_no = None
    if a.ticket_id is not None:
        ticket_no = s.scalars(select(Ticket.ticket_no).where(Ticket.id == a.ticket_id)).first()
    slot = hall.find_slot(ctx.config.hall, a.slot or "")
    return {**booking_json(a, f"{slot.end:%H:%M}" if slot else None),
            "name": mask_name(p.get("name", "")), "id_number": mask_id(p.get("id_number", "")),
            "phone": mask_phone(p.get("phone", "")), "channel": a.channel, "ticket_no": ticket_no,
            "missed": _missed(ctx, a, ctx.now_ts())}


def get_impl(ctx: ServerContext, op: Operator, code: str) -> dict[str, Any]:
    authz.require(op, Perm.APPOINTMENT_BOOK)
    with ctx.db.read() as s:
        return masked_json(ctx, s, _own(s, op, code))


@router.get("/api/v1/queue/appointments/{code}")
async def get_appointment(code: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(get_impl, get_ctx(request), op, code)


def list_impl(ctx: ServerContext, op: Operator, date: str, service: str | None) -> dict[str, Any]:
    authz.require(op, Perm.HALL)
    day = _day(date)
    with ctx.db.read() as s:
        q = select(Appointment).where(Appointment.org_code == op.org_code, Appointment.day == day.isoformat())
        if service:
            q = q.where(Appointment.service == service)
        rows = s.scalars(q.order_by(Appointment.service, Appointment.slot, Appointment.created_ts)).all()
        return {"date": day.isoformat(), "items": [masked_json(ctx, s, a) for a in rows]}


@router.get("/api/v1/queue/appointments")
async def list_appointments(request: Request, op: CurrentOperator, date: str = "",
                            service: str | None = None) -> dict[str, Any]:
    """The day's bookings of the hall (supervisors), personal data masked."""
    if not DATE_RE.match(date) or (service is not None and not 1 <= len(service) <= 32):
        raise invalid({"date": "a date YYYY-MM-DD"})
    return await run_in_threadpool(list_impl, get_ctx(request), op, date, service)


def cancel_impl(ctx: ServerContext, op: Operator, code: str) -> dict[str, Any]:
    authz.require(op, Perm.APPOINTMENT_BOOK)
    with ctx.db.write() as s:
        a = _own(s, op, code, lock=not ctx.db.is_sqlite)
        if a.state == "cancelled":
            return booking_json(a)  # cancelled already: the same answer
        if a.state == "checked_in" or a.ticket_id is not None:
            raise ApiError(409, "already_checked_in", "the appointment has been checked in; it cannot be cancelled")
        a.state, a.cancelled_ts, a.active_key = "cancelled", ctx.now_ts(), None
        _free_place(s, a)
        phone = person_of(ctx, a).get("phone")
        if phone:
            d = dt.date.fromisoformat(a.day)
            svc = s.get(QueueService, a.service)
            notify.queue_message(ctx, s, org=a.org_code, kind="cancelled", phone=phone, appointment_code=a.code,
                                 text=f"您 {d.month}月{d.day}日 {a.slot or ''} 的{svc.name if svc else a.service}预约"
                                      f"（{a.code}）已取消。")
        out = booking_json(a)
    notify.wake(ctx)
    authz.record(ctx, username=op.username, org_code=op.org_code, roles=op.roles, action="cancel-appointment",
                 target=code, outcome="done")
    return out


@router.post("/api/v1/queue/appointments/{code}/cancel")
async def post_cancel(code: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(cancel_impl, get_ctx(request), op, code)


# -- check-in -------------------------------------------------------------------------------------
def _window(ctx: ServerContext, a: Appointment) -> tuple[float, float] | None:
    """From when to when ``a`` may be checked in (None: any time of its day, e.g. booked by the CLI)."""
    slot = hall.find_slot(ctx.config.hall, a.slot or "")
    if slot is None:
        return None
    day = dt.date.fromisoformat(a.day)
    cfg = ctx.config.hall
    return (hall.at(day, slot.start) - cfg.checkin_early_min * 60, hall.at(day, slot.end) + cfg.checkin_late_min * 60)


def _missed(ctx: ServerContext, a: Appointment, now: float) -> bool:
    if a.state == "missed":
        return True
    if a.state != "booked":
        return False
    win = _window(ctx, a)
    if win is not None:
        return now > win[1]
    return a.day < hall.local(now).date().isoformat()


def check_in_impl(ctx: ServerContext, op: Operator, raw: bytes, base_url: str) -> tuple[int, dict[str, Any]]:
    authz.require(op, Perm.TICKET_ISSUE)
    req = queue._parse(CheckInRequest, raw)
    now = ctx.now_ts()
    day = hall.local(now).date().isoformat()
    org = op.org_code
    queue.check_open(ctx, now)
    with ctx.db.write(durable=False) as s:
        if req.appointment_code is not None:
            a: Appointment | None = s.get(Appointment, req.appointment_code)
            if a is None or a.org_code not in (org, ""):
                raise ApiError(404, "unknown_appointment", "no such appointment")
        else:
            assert req.id_number is not None
            q = select(Appointment).where(Appointment.org_code == org, Appointment.day == day,
                                          Appointment.id_hash == _id_hash(ctx, req.id_number),
                                          Appointment.state.in_(("booked", "checked_in")))
            if req.service:
                q = q.where(Appointment.service == req.service)
            found = s.scalars(q.order_by(Appointment.slot)).all()
            if not found:
                raise ApiError(404, "unknown_appointment", "no appointment today for this ID number")
            a = next((x for x in found if x.state == "booked" and _in_window(ctx, x, now)), found[0])
        if a.state == "checked_in" and a.ticket_id is not None:  # pressed twice: the same ticket
            t = s.get(Ticket, a.ticket_id)
            if t is not None:
                return 200, queue.ticket_json(ctx, s, t)
        problem = queue.appointment_problem(a, org, day, None)
        if problem:
            raise ApiError(409, "appointment_not_valid", problem)
        win = _window(ctx, a)
        if win is not None and now < win[0]:
            raise ApiError(409, "too_early", f"check-in opens at {hall.local(win[0]):%H:%M}")
        if win is not None and now > win[1]:
            raise ApiError(409, "too_late", "the appointment's time has passed; take an ordinary ticket")
        svc = _service(s, a.service)
        phone = person_of(ctx, a).get("phone") or None
        out = queue.new_ticket(ctx, s, org, svc, "appointment", now, appointment_code=a.code, phone=phone,
                               base_url=base_url)
        a.ticket_id, a.state, a.checked_in_ts = int(out["ticket_id"]), "checked_in", now
        out["appointment_code"] = a.code
    notify.wake(ctx)
    return 201, out


def _in_window(ctx: ServerContext, a: Appointment, now: float) -> bool:
    win = _window(ctx, a)
    return win is None or win[0] <= now <= win[1]


@router.post("/api/v1/queue/check-in")
async def post_check_in(request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await request.body()
    status, body = await run_in_threadpool(check_in_impl, get_ctx(request), op, raw, queue.base_url(request))
    return JSONResponse(body, status_code=status)


# -- figures --------------------------------------------------------------------------------------
def appointment_counts(ctx: ServerContext, s: Session, org: str, day: str, now: float) -> dict[str, dict[str, int]]:
    """Per service: booked (not cancelled), checked in, missed, cancelled — for ``day``."""
    out: dict[str, dict[str, int]] = {}
    for a in s.scalars(select(Appointment).where(Appointment.org_code.in_((org, "")), Appointment.day == day)):
        c = out.setdefault(a.service, {"booked": 0, "checked_in": 0, "missed": 0, "cancelled": 0})
        if a.state == "cancelled":
            c["cancelled"] += 1
            continue
        c["booked"] += 1
        if a.state == "checked_in":
            c["checked_in"] += 1
        elif _missed(ctx, a, now):
            c["missed"] += 1
    return out


def mark_missed(ctx: ServerContext, s: Session, org: str, day: str, now: float) -> int:
    """At closing: the day's bookings never checked in become ``missed`` (their slot place stays used)."""
    n = 0
    for a in s.scalars(select(Appointment).where(Appointment.org_code == org, Appointment.day == day,
                                                 Appointment.state == "booked")):
        a.state, a.active_key = "missed", None
        n += 1
    return n
