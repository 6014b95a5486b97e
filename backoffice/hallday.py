"""Day boundaries of the hall (闭厅): what becomes of tickets still waiting when the hall closes.

The hall setting ``at_closing`` decides, for tickets still ``waiting`` once a day is over (after
``closes`` on that day, or any earlier day the server was down through):

- ``carry``: the ticket moves to the next working day of the hall calendar and keeps its number and
  its issue time, so it is called before everyone who takes a ticket that day; that day's numbering
  starts after the highest number carried (no two tickets share a number). The holder gets an SMS.
- ``close``: the ticket ends in state ``closed`` and the holder gets an SMS saying so.
- ``keep``: nothing happens (the ticket stays on its day; the reference server's old behaviour).

Parked tickets (the person stepped away and never came back) are closed in both cases; bookings of
the day never checked in become ``missed``. ``close_days`` is idempotent (what it moved no longer
waits) and runs every minute in ``DayCloser``; ``python -m backoffice close-day`` runs it once. The
lunch break never closes anything.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backoffice import hall, notify
from backoffice.appointments import mark_missed
from backoffice.context import ServerContext
from backoffice.db import Appointment, DayClose, QueueCounter, QueueService, Ticket

log = logging.getLogger(__name__)
_NUMBER = re.compile(r"^([A-Z]+)(\d+)$")


def _over(ctx: ServerContext, day: dt.date, now: float) -> bool:
    today = hall.local(now).date()
    return day < today or (day == today and now >= hall.at(day, ctx.config.hall.closes))


def close_days(ctx: ServerContext, now: float | None = None) -> dict[str, int]:
    """Applies ``at_closing`` to every hall day that is over; returns the counts of this run."""
    rule = ctx.config.hall.at_closing
    now = ctx.now_ts() if now is None else now
    totals = {"carried": 0, "closed": 0, "missed_appointments": 0}
    if rule == "keep":
        return totals
    with ctx.db.read() as s:
        pending = s.execute(select(Ticket.org_code, Ticket.day).where(Ticket.state.in_(("waiting", "parked")))
                            .group_by(Ticket.org_code, Ticket.day)).all()
        booked = s.execute(select(Appointment.org_code, Appointment.day).where(Appointment.state == "booked")
                           .group_by(Appointment.org_code, Appointment.day)).all()
    days = sorted({(str(o), str(d)) for o, d in [*pending, *booked]
                   if _over(ctx, dt.date.fromisoformat(str(d)), now)}, key=lambda x: x[1])
    for org, day in days:
        counts = _close_one(ctx, org, day, rule, now)
        for k in totals:
            totals[k] += counts[k]
    if any(totals.values()):
        notify.wake(ctx)
    return totals


def _close_one(ctx: ServerContext, org: str, day: str, rule: str, now: float) -> dict[str, int]:
    today = hall.local(now).date()
    target = hall.next_working_day(ctx, dt.date.fromisoformat(day))
    if target < today or (target == today and _over(ctx, today, now)):
        target = today if hall.is_working_day(ctx, today) and not _over(ctx, today, now) \
            else hall.next_working_day(ctx, today)
    carried = closed = 0
    with ctx.db.write(durable=False) as s:
        names = {q.code: q.name for q in s.scalars(select(QueueService))}
        rows = s.scalars(select(Ticket).where(Ticket.org_code == org, Ticket.day == day,
                                              Ticket.state.in_(("waiting", "parked")))
                         .order_by(Ticket.prio_rank, Ticket.issued_ts, Ticket.id)).all()
        highest: dict[str, int] = {}
        for t in rows:
            if rule == "carry" and t.state == "waiting":
                old_no = t.ticket_no
                taken = s.scalars(select(Ticket.id).where(Ticket.org_code == org, Ticket.day == target.isoformat(),
                                                          Ticket.ticket_no == t.ticket_no).limit(1)).first()
                if taken is not None:  # closed late: the next day already used this number
                    svc = s.get(QueueService, t.service)
                    from backoffice.queue import _next_number

                    prefix = svc.prefix if svc else t.ticket_no.rstrip("0123456789")
                    t.ticket_no = f"{prefix}{_next_number(ctx, s, org, target.isoformat(), t.service):03d}"
                t.carried_from = t.carried_from or t.day
                t.day = target.isoformat()
                t.near_notified = False
                m = _NUMBER.match(t.ticket_no)
                if m and t.source_device is None:
                    highest[t.service] = max(highest.get(t.service, 0), int(m.group(2)))
                carried += 1
                renamed = f"（新号 {t.ticket_no}）" if t.ticket_no != old_no else ""
                _tell(ctx, s, t, "carried", f"今日办理已结束，{old_no} 号{renamed}（{names.get(t.service, t.service)}）"
                                            f"顺延至 {target.month}月{target.day}日，届时按原顺序优先叫号")
            else:
                t.state, t.finished_ts, t.window, t.target_window = "closed", now, None, None
                t.last_action = "close-day"
                closed += 1
                _tell(ctx, s, t, "closed", f"今日办理已结束，{t.ticket_no} 号未能办理，请另行取号或预约，"
                                           "给您带来不便敬请谅解")
        ins = sqlite_insert if ctx.db.is_sqlite else pg_insert
        for service, n in highest.items():
            s.execute(ins(QueueCounter).values(org_code=org, day=target.isoformat(), service=service, last=n)
                      .on_conflict_do_update(index_elements=["org_code", "day", "service"],
                                             set_={"last": func.max(QueueCounter.last, n) if ctx.db.is_sqlite
                                                   else func.greatest(QueueCounter.last, n)}))
        missed = mark_missed(ctx, s, org, day, now)
        row = s.get(DayClose, (org, day))
        if row is None:
            s.add(DayClose(org_code=org, day=day, rule=rule, carried=carried, closed=closed,
                           missed_appointments=missed, closed_ts=now))
        else:
            row.carried += carried
            row.closed += closed
            row.missed_appointments += missed
            row.closed_ts = now
    if carried or closed or missed:
        log.info("hall %s day %s closed (%s): %d carried to %s, %d closed, %d appointments missed",
                 org, day, rule, carried, target, closed, missed)
    return {"carried": carried, "closed": closed, "missed_appointments": missed}


def _tell(ctx: ServerContext, s: object, t: Ticket, kind: str, text: str) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    phone = notify.open_phone(ctx, t.phone)
    if phone:
        notify.queue_message(ctx, s, org=t.org_code, kind=kind, phone=phone, text=text, ticket=t)


class DayCloser:
    """Runs ``close_days`` every minute in a background thread until stopped."""

    def __init__(self, ctx: ServerContext, period_s: float = 60.0) -> None:
        self.ctx, self.period_s = ctx, period_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backoffice-day-closer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                close_days(self.ctx)
            except Exception:  # the next tick retries
                log.exception("closing the hall day failed")
            if self._stop.wait(self.period_s):
                return

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
