"""Calling a chosen ticket (指定叫号): ``POST /queue/windows/{w}/call {"ticket_no"}`` — a parked ticket back
to the window, or a waiting one out of turn (a fallback ticket called by its number). Audited.

A ticket is called by one window only: SQLite serialises the writers, PostgreSQL locks the ticket's
row (``FOR UPDATE``), and the loser of a race gets 409 with where the ticket went. The move is
idempotent like call-next: a retry with the same ``Idempotency-Key`` returns the ticket the first
call called, and the same call repeated at the same window (its answer lost, no key) answers 200
without calling again.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from backoffice import authz, notify, queue
from backoffice.auth import CurrentOperator, Operator
from backoffice.context import ServerContext, get_ctx
from backoffice.db import QueueWindow, Ticket
from backoffice.errors import ApiError

router = APIRouter()


class CallRequest(queue._Body):
    ticket_no: str = Field(pattern=queue.NUMBER_RE.pattern)


def call_number_impl(ctx: ServerContext, op: Operator, window: str, raw: bytes, key: str | None) -> dict[str, Any]:
    authz.require_window(op, queue._window_code(window))
    req = queue._parse(CallRequest, raw)
    org = op.org_code
    now = ctx.now_ts()
    day = queue._iso_day(now)
    with ctx.db.write(durable=False) as s:
        if key is not None:
            done = s.scalars(select(Ticket).where(Ticket.org_code == org, Ticket.day == day, Ticket.window == window,
                                                  Ticket.call_key == key).limit(1)).first()
            if done is not None:
                return queue.ticket_json(ctx, s, done)
        w = s.get(QueueWindow, (org, window))
        if w is None or w.state == "closed":
            raise ApiError(409, "window_not_open", f"window {window} is closed")
        q = select(Ticket).where(Ticket.org_code == org, Ticket.day == day, Ticket.ticket_no == req.ticket_no) \
            .order_by(Ticket.id.desc()).limit(1)
        if not ctx.db.is_sqlite:
            q = q.with_for_update()
        t = s.scalars(q).first()
        if t is None:
            raise ApiError(404, "unknown_ticket", f"no ticket {req.ticket_no} today")
        if t.state == "called" and t.window == window and t.last_action == "call-number":
            return queue.ticket_json(ctx, s, t)  # the same call again: its answer was lost
        if t.state not in ("waiting", "parked"):
            where = f" at {t.window}" if t.window and t.state in ("called", "serving") else ""
            raise ApiError(409, "illegal_move", f"ticket {t.ticket_no} is {t.state}{where}; only a waiting or "
                           "parked ticket can be called")
        before, parked_at = t.state, t.window if t.state == "parked" else None
        queue._call(s, t, window, now)
        t.call_key, t.move_key = key, None
        t.last_action, t.last_window = "call-number", window
        notify.after_call(ctx, s, t, window)
        if before == "waiting":
            notify.check_near(ctx, s, org, day, [t.service])
        s.flush()
        out = queue.ticket_json(ctx, s, t)
    notify.wake(ctx)
    authz.record(ctx, username=op.username, org_code=org, roles=op.roles, action="call-ticket",
                 target=f"{req.ticket_no} at {window}", outcome="done",
                 reason=f"{before}" + (f" (parked at {parked_at})" if parked_at else ""))
    return out


@router.post("/api/v1/queue/windows/{window}/call")
async def post_call(window: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    key = queue._idempotency_key(request)
    return await run_in_threadpool(call_number_impl, get_ctx(request), op, window, raw, key)
