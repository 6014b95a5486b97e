"""The ticket machine's core (取号机): take a ticket online, or from this device's fallback range when the
hall server is unreachable (人工兜底); hand the fallback tickets over once it is back; check in and
book appointments. The kiosk screen and ``python -m clerk queue take`` are views over ``KioskService``.

Online, ``take`` asks the hall server and then hands over whatever fallback tickets are still
pending. When the server cannot be reached (no connection, time-out, 5xx), ``take`` numbers the
ticket here (``FallbackBook``): the ticket says so (``offline``, ``note``), its QR already points at
the status page it will have once handed over, and windows can call it by its number. ``reconcile``
hands the pending ones over; the server creates each once (repeats answer ``exists``), so it may run
as often as it likes — after every online ticket, from the CLI, from a timer in the UI.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clerk import clock
from clerk.queueing.client import HallClient
from clerk.queueing.errors import (
    BookingRefused,
    FallbackUnavailable,
    NotSupported,
    QueueError,
    ServerBusy,
    Unreachable,
)
from clerk.queueing.fallback import FallbackBook, FallbackTicket
from clerk.queueing.model import (
    DEFAULT_PREFIXES,
    Booking,
    DaySlots,
    Priority,
    ServiceInfo,
    Ticket,
    service_name,
)
from clerk.store import Store
from clerk.store.models import KeyValueRow

log = logging.getLogger(__name__)
SERVICES_KEY = "queue.services"
STATUS_BASE_KEY = "queue.status_base"
BATCH = 100
PREFIX_RE = re.compile(r"^[XYZ][0-9A-Z]$")


@dataclass(frozen=True)
class TakenTicket:
    """A ticket as the kiosk shows and prints it (online or from the fallback range)."""

    ticket_no: str
    service: str
    priority: Priority
    offline: bool
    issued_at: dt.datetime
    people_ahead: int | None = None
    """None offline: the kiosk cannot know how many wait."""
    estimated_wait_min: int | None = None
    status_url: str | None = None
    """What the printed QR encodes: the status page (offline: the page it gets once handed over)."""
    note: str = ""
    """A line printed on the ticket (the fallback notice, an appointment check-in …)."""
    ticket_id: int | None = None
    appointment_code: str | None = None

    @property
    def service_name(self) -> str:
        return service_name(self.service)

    def as_json(self) -> dict[str, Any]:
        return {"ticket_no": self.ticket_no, "service": self.service, "offline": self.offline,
                "priority": self.priority.value, "issued_at": self.issued_at.isoformat(),
                "people_ahead": self.people_ahead, "estimated_wait_min": self.estimated_wait_min,
                "status_url": self.status_url, "note": self.note, "ticket_id": self.ticket_id,
                "appointment_code": self.appointment_code}

    def printable(self) -> dict[str, Any]:
        """The fields of ``printing.QueueTicket`` (the UI renders and prints them; clerk/ does not import printing)."""
        return {"number": self.ticket_no, "service_name": self.service_name,
                "people_ahead": self.people_ahead if self.people_ahead is not None else 0,
                "issued_at": self.issued_at, "qr_value": self.status_url or self.ticket_no, "note": self.note}


@dataclass
class ReconcileResult:
    handed: list[str] = field(default_factory=list)
    """Created on the server now."""
    already: list[str] = field(default_factory=list)
    """Were there already (an earlier run whose answer was lost)."""
    conflicts: list[FallbackTicket] = field(default_factory=list)
    pending: int = 0
    """Still waiting to be handed over (the server went away again)."""

    def as_json(self) -> dict[str, Any]:
        return {"handed": self.handed, "already": self.already,
                "conflicts": [{"ticket_no": t.ticket_no, "message": t.message} for t in self.conflicts],
                "pending": self.pending}


def fallback_note(prefix: str) -> str:
    return (f"叫号系统临时故障，本号为本机应急号（{prefix} 号段），请留意窗口人工叫号；"
            "系统恢复后按取号先后顺序排队")


class KioskService:
    """One ticket machine. ``device_id`` names it to the server (its fallback prefix is bound to it)."""

    def __init__(self, client: HallClient, store: Store, device_id: str, fallback_prefix: str = "", *,
                 now: Callable[[], dt.datetime] = clock.now) -> None:
        self.client = client
        self.store = store
        self.device_id = device_id
        self.fallback_prefix = fallback_prefix
        self.book = FallbackBook(store)
        self._now = now
        self.online: bool | None = None
        self.last_reconcile: ReconcileResult | None = None

    # -- small local state -------------------------------------------------------------------------
    def _kv(self, key: str) -> str | None:
        with self.store.read() as s:
            row = s.get(KeyValueRow, key)
            return row.value if row else None

    def _put(self, key: str, value: str) -> None:
        with self.store.write() as s:
            s.merge(KeyValueRow(key=key, value=value))

    def _remember(self, t: Ticket) -> None:
        if t.status_url and "/q/" in t.status_url:
            base = t.status_url.rsplit("/q/", 1)[0]
            if base != self._kv(STATUS_BASE_KEY):
                self._put(STATUS_BASE_KEY, base)

    def cached_services(self) -> list[ServiceInfo]:
        raw = self._kv(SERVICES_KEY)
        if raw:
            try:
                return [ServiceInfo(**x) for x in json.loads(raw)]
            except (ValueError, TypeError):
                pass
        return [ServiceInfo(code, prefix, service_name(code)) for code, prefix in DEFAULT_PREFIXES.items()]

    def services(self) -> tuple[list[ServiceInfo], bool]:
        """The services for the buttons and whether the server answered (else the last known ones)."""
        try:
            got = self.client.services()
        except NotSupported:
            board = self.client.board()
            known = {s.code: s for s in self.cached_services()}
            got = [ServiceInfo(c, known[c].prefix if c in known else DEFAULT_PREFIXES.get(c, c[:1].upper()),
                               service_name(c), n) for c, n in board.waiting.items()]
        except (Unreachable, ServerBusy):
            self.online = False
            return self.cached_services(), False
        self.online = True
        self._put(SERVICES_KEY, json.dumps([vars(x) for x in got], ensure_ascii=False))
        return got, True

    # -- taking a ticket ---------------------------------------------------------------------------
    def take(self, service: str, priority: Priority | str = Priority.NORMAL, *,
             appointment_code: str | None = None, phone: str | None = None) -> TakenTicket:
        """A ticket for ``service`` — from the server, or from this device's fallback range when the
        server cannot be reached. ``FallbackUnavailable`` offline without a fallback prefix."""
        prio = Priority(priority)
        try:
            if prio is Priority.APPOINTMENT and appointment_code and self._has("check-in"):
                t = self.client.check_in(appointment_code=appointment_code)
            else:
                t = self.client.issue_ticket(service, prio, appointment_code, phone)
        except (Unreachable, ServerBusy) as exc:
            if isinstance(exc, ServerBusy) and exc.status < 500:
                raise  # 429/408: the server is there and will answer shortly
            self.online = False
            return self._offline(service, prio, appointment_code, phone, exc)
        self.online = True
        self._remember(t)
        self._hand_over_quietly()
        return self._taken(t)

    def check_in(self, *, appointment_code: str | None = None, id_number: str | None = None) -> TakenTicket:
        """预约签到 by code or by ID card (online only: the kiosk cannot check a booking by itself)."""
        t = self.client.check_in(appointment_code=appointment_code, id_number=id_number)
        self.online = True
        self._remember(t)
        self._hand_over_quietly()
        return self._taken(t, note="预约签到成功，请留意叫号")

    def _has(self, feature: str) -> bool:
        try:
            return self.client.features().has(feature)
        except (Unreachable, ServerBusy):
            raise
        except QueueError:
            return False

    def _taken(self, t: Ticket, note: str = "") -> TakenTicket:
        issued = dt.datetime.fromisoformat(t.issued_at) if t.issued_at else self._now()
        if t.priority is Priority.APPOINTMENT and not note:
            note = "预约号，优先办理"
        return TakenTicket(t.ticket_no, t.service, t.priority, False, issued, t.waiting_ahead, t.estimated_wait_min,
                           t.status_url, note, t.ticket_id, t.appointment_code)

    def _offline(self, service: str, priority: Priority, appointment_code: str | None, phone: str | None,
                 exc: QueueError) -> TakenTicket:
        prefix = self.fallback_prefix
        if not PREFIX_RE.match(prefix or ""):
            raise FallbackUnavailable(getattr(exc, "detail", "") or "")
        known = {s.code: s.prefix for s in self.cached_services()}
        if service not in known:
            raise FallbackUnavailable(f"本机不知道业务 {service} 的编号") from None
        ft = self.book.issue(prefix, service, known[service], priority, appointment_code=appointment_code,
                             phone=phone, at=self._now())
        base = self._kv(STATUS_BASE_KEY) or self.client.base_url
        note = fallback_note(prefix)
        if priority is Priority.APPOINTMENT:
            note += "；预约将在系统恢复后核验"
        log.warning("hall server unreachable: fallback ticket %s issued", ft.ticket_no)
        return TakenTicket(ft.ticket_no, service, priority, True, dt.datetime.fromisoformat(ft.issued_at), None, None,
                           f"{base.rstrip('/')}/q/{ft.status_token}" if base else None, note, None, appointment_code)

    # -- handing fallback tickets over -------------------------------------------------------------
    def pending(self) -> list[FallbackTicket]:
        return self.book.pending()

    def reconcile(self) -> ReconcileResult:
        """Hands every pending fallback ticket over (idempotent; ``Unreachable`` when the server is away)."""
        result = ReconcileResult()
        pending = self.book.pending()
        for i in range(0, len(pending), BATCH):
            batch = pending[i:i + BATCH]
            answers = {a.get("ticket_no"): a for a in self.client.hand_over(self.device_id,
                                                                            [t.hand_over_item() for t in batch])}
            for t in batch:
                a = answers.get(t.ticket_no)
                if a is None:
                    continue
                done = self.book.settle(t, a)
                if a.get("result") == "created":
                    result.handed.append(t.ticket_no)
                elif a.get("result") == "exists":
                    result.already.append(t.ticket_no)
                elif done.state == "conflict":
                    result.conflicts.append(done)
        self.online = True
        result.pending = len(self.book.pending())
        self.last_reconcile = result
        return result

    def _hand_over_quietly(self) -> None:
        if not self.book.pending():
            return
        try:
            r = self.reconcile()
            if r.conflicts:
                log.warning("fallback tickets refused by the hall server: %s",
                            ", ".join(f"{t.ticket_no} ({t.message})" for t in r.conflicts))
        except QueueError as exc:  # the ticket was issued; the hand-over is tried again next time
            log.warning("handing fallback tickets over failed: %s", exc.message)

    def enroll(self, prefix: str | None = None) -> str:
        """Claims this device's fallback prefix from the hall server (once, while online)."""
        got = self.client.claim_prefix(self.device_id, prefix)
        self.fallback_prefix = got
        self.services()  # their prefixes, for numbering offline
        return got

    # -- appointments at the kiosk -----------------------------------------------------------------
    def slots(self, service: str, date: dt.date) -> DaySlots:
        return self.client.slots(service, date.isoformat())

    def book_later(self, service: str, date: dt.date, slot: str, name: str, id_number: str, phone: str) -> Booking:
        """Books a later day at the kiosk (today: take a ticket instead)."""
        if date <= self._now().date():
            raise BookingRefused("today", "当天办理请直接取号；自助预约仅限以后的日期。")
        from clerk.queueing.booking import check_person

        name, id_number, phone = check_person(name, id_number, phone)
        return self.client.book(service, date.isoformat(), slot, name, id_number, phone)
