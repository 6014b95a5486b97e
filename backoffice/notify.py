"""Messages to the waiting person (短信提醒) and the ticket's status page (扫码看进度).

Where the trigger lives: in the hall server, because only it knows every ticket's position. Each move
that changes what a person should be told writes its message into the SMS journal (``queue_sms``)
**in the same transaction as the move** — a ticket issued with a phone ("您已取号 A012，前面还有 N
人"), a ticket that has come within ``notify_ahead`` of the head of its queue ("前面还有 N 人"), a call
("请 A012 号到 3 号窗口办理"), the closing rule (carried or closed), a booking and its cancellation. A
message is therefore never lost with a crash and never sent for a move that rolled back.

Delivery is separate: ``SmsDispatcher`` (a background thread, woken after such commits) hands queued
rows to the SMS plug-in — the same ``send(phone, message)`` protocol as ``clerk.sms.SmsGateway``
(``Config.sms_gateway``; by default ``clerk.sms.LogSmsGateway``, which logs the masked number and
sends nothing) — and marks them ``sent`` or, after ``MAX_ATTEMPTS`` failures, ``failed``. Phones
are sealed with the data key in the journal as on tickets and bookings, and listed masked.

The status page ``GET /q/{token}`` (and ``GET /api/v1/queue/status/{token}`` as JSON) needs no
login: the token is 24 random URL-safe characters printed in the ticket's QR code, stored only as its
SHA-256. It shows the number, the service, the state, how many wait ahead and the estimated wait —
nothing personal. The estimate: people ahead × the average of the service's ``recent_tickets`` last
service times (last 7 days; ``default_service_s`` when none) ÷ the open windows serving it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import logging
import math
import re
import secrets
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.config import HALL_TZ
from backoffice.context import ServerContext, get_ctx
from backoffice.db import QueueService, QueueWindow, SmsMessage, Ticket
from backoffice.errors import ApiError, invalid

log = logging.getLogger(__name__)
router = APIRouter()
MAX_ATTEMPTS = 5
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
PHONE_CONTEXT = "queue-phone"


# -- tokens and phones ----------------------------------------------------------------------------
def new_status_token() -> tuple[str, str]:
    """(token, its SHA-256): the token goes on the ticket's QR, the hash into the database."""
    token = secrets.token_urlsafe(18)
    return token, status_hash(token)


def status_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def status_url(ctx: ServerContext, base: str, token: str) -> str:
    root = (ctx.config.hall.status_base_url or base).rstrip("/")
    return f"{root}/q/{token}"


def seal_phone(ctx: ServerContext, phone: str | None) -> str | None:
    return ctx.cipher.seal(phone, PHONE_CONTEXT) if phone else None


def open_phone(ctx: ServerContext, stored: str | None) -> str | None:
    return ctx.cipher.open(stored, PHONE_CONTEXT) if stored else None


def wake(ctx: ServerContext) -> None:
    """Tells the dispatcher that messages were committed."""
    event = ctx.state.get("sms_wake")
    if isinstance(event, threading.Event):
        event.set()


# -- the journal ----------------------------------------------------------------------------------
def _sign(ctx: ServerContext, text: str) -> str:
    return f"【{ctx.config.hall.name}】{text}"


def queue_message(ctx: ServerContext, s: Session, *, org: str, kind: str, phone: str, text: str,
                  ticket: Ticket | None = None, appointment_code: str | None = None) -> None:
    s.add(SmsMessage(org_code=org, ticket_id=ticket.id if ticket else None,
                     ticket_no=ticket.ticket_no if ticket else "", appointment_code=appointment_code, kind=kind,
                     phone=ctx.cipher.seal(phone, PHONE_CONTEXT), message=_sign(ctx, text), state="queued",
                     created_ts=ctx.now_ts()))


def _to_holder(ctx: ServerContext, s: Session, t: Ticket, kind: str, text: str) -> bool:
    phone = open_phone(ctx, t.phone)
    if not phone:
        return False
    queue_message(ctx, s, org=t.org_code, kind=kind, phone=phone, text=text, ticket=t,
                  appointment_code=t.appointment_code)
    return True


def _service_name(s: Session, code: str) -> str:
    svc = s.get(QueueService, code)
    return svc.name if svc else code


def after_issue(ctx: ServerContext, s: Session, t: Ticket, ahead: int, url: str | None) -> None:
    """A new ticket with a phone: its number and position (and the status page)."""
    if not t.phone:
        return
    text = f"您已取号 {t.ticket_no}（{_service_name(s, t.service)}），前面还有 {ahead} 人"
    if url:
        text += f"，进度：{url}"
    _to_holder(ctx, s, t, "issued", text)
    if ahead <= ctx.config.hall.notify_ahead:
        t.near_notified = True  # the first message already says it is near


def after_call(ctx: ServerContext, s: Session, t: Ticket, window: str) -> None:
    from clerk.queueing.model import window_label

    _to_holder(ctx, s, t, "called", f"请 {t.ticket_no} 号到 {window_label(window)}办理")


def check_near(ctx: ServerContext, s: Session, org: str, day: str, services: set[str] | list[str]) -> int:
    """Queues "前面还有 N 人" for tickets that have come within ``notify_ahead`` of the head."""
    n = ctx.config.hall.notify_ahead
    if n <= 0:
        return 0
    queued = 0
    for service in sorted(set(services)):
        head = s.scalars(
            select(Ticket).where(Ticket.org_code == org, Ticket.day == day, Ticket.state == "waiting",
                                 Ticket.service == service)
            .order_by(Ticket.prio_rank, Ticket.issued_ts, Ticket.id).limit(n + 1)
        ).all()
        for ahead, t in enumerate(head):
            if t.phone and not t.near_notified and ahead <= n:
                # One message however many windows move the queue at once: only the transaction that
                # flips the flag (a conditional UPDATE; PostgreSQL re-checks it after a row lock) sends.
                flipped = s.execute(update(Ticket).where(Ticket.id == t.id, Ticket.near_notified.is_(False))
                                    .values(near_notified=True).execution_options(synchronize_session=False))
                set_committed_value(t, "near_notified", True)
                if getattr(flipped, "rowcount", 0) == 1 and _to_holder(
                        ctx, s, t, "near", f"{t.ticket_no} 号前面还有 {ahead} 人，请到等候区留意叫号"):
                    queued += 1
    return queued


def journal_json(ctx: ServerContext, m: SmsMessage) -> dict[str, Any]:
    from clerk.security.masking import mask_phone

    try:
        phone = mask_phone(ctx.cipher.open(m.phone, PHONE_CONTEXT))
    except ValueError:
        phone = "***"
    return {"id": m.id, "kind": m.kind, "ticket_no": m.ticket_no or None, "appointment_code": m.appointment_code,
            "phone": phone, "message": m.message, "state": m.state, "attempts": m.attempts,
            "created_at": ctx.iso(m.created_ts), "sent_at": ctx.iso(m.sent_ts) if m.sent_ts else None}


def journal_impl(ctx: ServerContext, op: Operator, after: int, limit: int) -> dict[str, Any]:
    authz.require(op, Perm.HALL)
    with ctx.db.read() as s:
        rows = s.scalars(select(SmsMessage).where(SmsMessage.org_code == op.org_code, SmsMessage.id > after)
                         .order_by(SmsMessage.id).limit(limit)).all()
        return {"items": [journal_json(ctx, m) for m in rows], "next": rows[-1].id if rows else after}


@router.get("/api/v1/queue/sms")
async def get_journal(request: Request, op: CurrentOperator, after: str = "0", limit: str = "100") -> dict[str, Any]:
    """The hall's SMS journal (supervisors), phones masked."""
    if not after.isdigit() or len(after) > 18 or not limit.isdigit() or not 1 <= int(limit[:6]) <= 1000:
        raise invalid({"after": "a number from the last page's next", "limit": "1..1000"})
    return await run_in_threadpool(journal_impl, get_ctx(request), op, int(after), int(limit))


# -- delivery -------------------------------------------------------------------------------------
def _gateway(ctx: ServerContext) -> Any:
    gw = ctx.config.sms_gateway
    if gw is None:
        from clerk.sms import LogSmsGateway

        gw = ctx.state.setdefault("sms_log_gateway", LogSmsGateway())
    return gw


def drain(ctx: ServerContext, limit: int = 100) -> int:
    """Hands queued messages to the SMS plug-in; returns how many were sent."""
    gw = _gateway(ctx)
    name = str(getattr(gw, "name", type(gw).__name__))[:32]
    with ctx.db.read() as s:
        ids = list(s.scalars(select(SmsMessage.id).where(SmsMessage.state == "queued")
                             .order_by(SmsMessage.id).limit(limit)))
    sent = 0
    for mid in ids:
        with ctx.db.read() as s:
            m = s.get(SmsMessage, mid)
            if m is None or m.state != "queued":
                continue
            phone, message = ctx.cipher.open(m.phone, PHONE_CONTEXT), m.message
        error = ""
        try:
            gw.send(phone, message)
        except Exception as exc:  # the plug-in's failure: counted, retried on the next round
            error = f"{type(exc).__name__}: {exc}"[:300]
        with ctx.db.write(durable=False) as s:
            m = s.get(SmsMessage, mid)
            if m is None or m.state != "queued":
                continue
            m.attempts += 1
            m.gateway = name
            if not error:
                m.state, m.sent_ts, m.error = "sent", ctx.now_ts(), ""
                sent += 1
            else:
                m.error = error
                if m.attempts >= MAX_ATTEMPTS:
                    m.state = "failed"
    return sent


class SmsDispatcher:
    """Delivers the journal in a background thread: woken after commits, and every ``period_s``."""

    def __init__(self, ctx: ServerContext, period_s: float = 5.0) -> None:
        self.ctx, self.period_s = ctx, period_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        ctx.state["sms_wake"] = self._wake
        self._thread = threading.Thread(target=self._run, name="backoffice-sms", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.period_s)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                while drain(self.ctx) > 0:
                    pass
            except Exception:  # the next round retries
                log.exception("SMS delivery failed")

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)


# -- the wait estimate and the status page --------------------------------------------------------
def recent_service_s(ctx: ServerContext, s: Session, org: str, service: str) -> float:
    today = dt.datetime.fromtimestamp(ctx.now_ts(), HALL_TZ).date()
    days = [(today - dt.timedelta(days=i)).isoformat() for i in range(7)]
    sub = (select((Ticket.finished_ts - Ticket.started_ts).label("d"))
           .where(Ticket.org_code == org, Ticket.day.in_(days), Ticket.state == "done", Ticket.service == service,
                  Ticket.started_ts.is_not(None), Ticket.finished_ts.is_not(None))
           .order_by(Ticket.finished_ts.desc()).limit(ctx.config.hall.recent_tickets).subquery())
    avg = s.execute(select(func.avg(sub.c.d))).scalar_one()
    return float(avg) if avg is not None and avg > 0 else ctx.config.hall.default_service_s


def open_windows(s: Session, org: str, service: str) -> int:
    n = 0
    for services in s.scalars(select(QueueWindow.services).where(QueueWindow.org_code == org,
                                                                QueueWindow.state == "open")):
        if service in json.loads(services or "[]"):
            n += 1
    return n


def estimate_wait_min(ctx: ServerContext, s: Session, org: str, service: str, ahead: int) -> int:
    if ahead <= 0:
        return 0
    per = recent_service_s(ctx, s, org, service)
    return math.ceil(ahead * per / max(open_windows(s, org, service), 1) / 60.0)


def _ahead(s: Session, t: Ticket) -> int:
    ahead = or_(Ticket.prio_rank < t.prio_rank, and_(Ticket.prio_rank == t.prio_rank, or_(
        Ticket.issued_ts < t.issued_ts, and_(Ticket.issued_ts == t.issued_ts, Ticket.id < t.id))))
    return int(s.execute(select(func.count()).where(
        Ticket.org_code == t.org_code, Ticket.day == t.day, Ticket.state == "waiting", Ticket.service == t.service,
        ahead)).scalar_one())


STATE_TEXT = {"waiting": "等候中", "called": "已叫号，请到窗口", "serving": "办理中", "done": "已办结",
              "no_show": "已过号", "parked": "暂挂（请尽快回到窗口）", "closed": "今日已停止办理"}


def status_impl(ctx: ServerContext, token: str) -> dict[str, Any]:
    from clerk.queueing.model import window_label

    if not TOKEN_RE.match(token):
        raise ApiError(404, "unknown_ticket", "no such ticket")
    with ctx.db.read() as s:
        t = s.scalars(select(Ticket).where(Ticket.status_hash == status_hash(token)).limit(1)).first()
        if t is None:
            raise ApiError(404, "unknown_ticket", "no such ticket")
        out: dict[str, Any] = {
            "ticket_no": t.ticket_no, "service": t.service, "service_name": _service_name(s, t.service),
            "state": t.state, "state_text": STATE_TEXT.get(t.state, t.state), "day": t.day,
            "hall": ctx.config.hall.name, "updated_at": ctx.iso(ctx.now_ts()),
            "waiting_ahead": None, "estimated_wait_min": None, "window": None, "window_label": None,
        }
        if t.state == "waiting":
            ahead = _ahead(s, t)
            out["waiting_ahead"] = ahead
            out["estimated_wait_min"] = estimate_wait_min(ctx, s, t.org_code, t.service, ahead)
        elif t.state in ("called", "serving", "parked") and t.window:
            out["window"], out["window_label"] = t.window, window_label(t.window)
        return out


@router.get("/api/v1/queue/status/{token}")
async def get_status(token: str, request: Request) -> dict[str, Any]:
    """A ticket's status for the holder of its token (no login; nothing personal)."""
    return await run_in_threadpool(status_impl, get_ctx(request), token)


PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
<title>排队进度 {no}</title>
<style>body{{font-family:sans-serif;margin:0;background:#eef3f9;color:#102a43}}
main{{max-width:28em;margin:0 auto;padding:1.2em}}h1{{font-size:1.1em;color:#486581;margin:0 0 .6em}}
.no{{font-size:3.6em;font-weight:bold;color:#1f4e8c;margin:.1em 0}}.big{{font-size:1.5em}}
p{{margin:.4em 0}}small{{color:#627d98}}</style></head>
<body><main><h1>{hall}</h1><p>您的排队号</p><p class="no">{no}</p><p>{service}</p>
<p class="big">{state}</p>{detail}
<p><small>更新于 {updated}，页面每 30 秒自动刷新</small></p></main></body></html>
"""


def status_page(data: dict[str, Any]) -> str:
    e = html.escape
    detail = ""
    if data["waiting_ahead"] is not None:
        detail = (f'<p class="big">前面还有 <b>{int(data["waiting_ahead"])}</b> 人</p>'
                  f'<p>预计等候约 {int(data["estimated_wait_min"] or 0)} 分钟</p>')
    elif data["window_label"]:
        detail = f'<p class="big">请到 <b>{e(str(data["window_label"]))}</b></p>'
    return PAGE.format(no=e(data["ticket_no"]), hall=e(data["hall"]), service=e(data["service_name"]),
                       state=e(data["state_text"]), detail=detail, updated=e(data["updated_at"][11:16]))


@router.get("/q/{token}", response_class=HTMLResponse)
async def get_status_page(token: str, request: Request) -> HTMLResponse:
    try:
        data = await run_in_threadpool(status_impl, get_ctx(request), token)
    except ApiError:
        return HTMLResponse("<!doctype html><meta charset='utf-8'><title>排队进度</title>"
                            "<p>没有这个排队号（或已过期）。</p>", status_code=404)
    return HTMLResponse(status_page(data), headers={"Cache-Control": "no-store"})
