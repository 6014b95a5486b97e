"""This device's fallback tickets (人工兜底): numbered here while the hall server is unreachable, kept in
the local cache until they are handed over.

A fallback number is ``{prefix}{service prefix}{nnn}`` (X1A001): the prefix is this device's, claimed
from the hall server once while online (``python -m clerk queue enroll``) and kept in the settings
(``queue_fallback_prefix``); the hall server never issues a number that starts with X, Y or Z and
gives each prefix to one device only, so no two tickets anywhere share a number. The counter is a
``sequences`` row per service that never restarts (a ticket carried over to the next day at closing
keeps its number, and the next outage must not issue it again), bumped in the same transaction that
records the ticket (``kv`` row ``qfb:{day}:{number}``), so a crash never hands out a number twice.

Records are JSON: number, service, priority, issue time (with offset), the appointment code given
at the kiosk, the status-page token printed in the QR, the phone for SMS (dropped once handed over),
and the state: ``pending`` → ``handed`` (created or already there) | ``conflict`` (refused; kept
for a person to look at, never resent).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import select

from clerk import clock
from clerk.intake.numbers import next_value
from clerk.queueing.model import Priority
from clerk.store import Store
from clerk.store.models import KeyValueRow

KEY_PREFIX = "qfb:"


@dataclass(frozen=True)
class FallbackTicket:
    ticket_no: str
    service: str
    priority: str
    issued_at: str
    status_token: str
    appointment_code: str | None = None
    phone: str | None = None
    state: str = "pending"
    """pending | handed | conflict"""
    ticket_id: int | None = None
    message: str = ""

    @property
    def day(self) -> str:
        return self.issued_at[:10]

    @property
    def key(self) -> str:
        return f"{KEY_PREFIX}{self.day}:{self.ticket_no}"

    def hand_over_item(self) -> dict[str, Any]:
        """The ticket as ``POST /queue/fallback/tickets`` takes it."""
        item: dict[str, Any] = {"ticket_no": self.ticket_no, "service": self.service, "priority": self.priority,
                                "issued_at": self.issued_at, "status_token": self.status_token}
        if self.appointment_code:
            item["appointment_code"] = self.appointment_code
        if self.phone:
            item["phone"] = self.phone
        return item


class FallbackBook:
    """The fallback tickets of this device in the local cache (thread-safe through the store's writes)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def issue(self, prefix: str, service: str, service_prefix: str, priority: Priority | str = Priority.NORMAL,
              *, appointment_code: str | None = None, phone: str | None = None,
              at: dt.datetime | None = None) -> FallbackTicket:
        when = at or clock.now()
        with self.store.write() as s:
            n = next_value(s, f"{KEY_PREFIX}{service}")
            t = FallbackTicket(ticket_no=f"{prefix}{service_prefix}{n:03d}", service=service,
                               priority=Priority(priority).value, issued_at=when.isoformat(),
                               status_token=secrets.token_urlsafe(18), appointment_code=appointment_code,
                               phone=phone or None)
            s.add(KeyValueRow(key=t.key, value=json.dumps(asdict(t), ensure_ascii=False)))
        return t

    def all(self) -> list[FallbackTicket]:
        with self.store.read() as s:
            rows = s.scalars(select(KeyValueRow).where(KeyValueRow.key.like(f"{KEY_PREFIX}%"))).all()
            out = [FallbackTicket(**json.loads(r.value)) for r in rows]
        return sorted(out, key=lambda t: (t.issued_at, t.ticket_no))

    def pending(self) -> list[FallbackTicket]:
        return [t for t in self.all() if t.state == "pending"]

    def conflicts(self) -> list[FallbackTicket]:
        return [t for t in self.all() if t.state == "conflict"]

    def settle(self, ticket: FallbackTicket, result: dict[str, Any]) -> FallbackTicket:
        """Records the server's answer for one ticket: handed over (phone dropped) or in conflict."""
        outcome = str(result.get("result") or "")
        if outcome in ("created", "exists"):
            tid = result.get("ticket_id")
            done = replace(ticket, state="handed", phone=None, ticket_id=int(tid) if tid is not None else None,
                           message=str(result.get("message") or ""))
        elif outcome == "conflict":
            done = replace(ticket, state="conflict", message=str(result.get("message") or "refused"))
        else:
            return ticket
        with self.store.write() as s:
            s.merge(KeyValueRow(key=ticket.key, value=json.dumps(asdict(done), ensure_ascii=False)))
        return done
