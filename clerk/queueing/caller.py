"""One window's caller (叫号器): the current ticket and the clerk's moves on it; publishes ``QueueChanged``.

Every move is checked against the ticket lifecycle first (``IllegalTicketMove`` without a request),
then sent to the hall server. When the server cannot be reached the move raises ``Unreachable``
(plain Chinese) and nothing else changes: the clerk keeps working on intake.

Moves are retried with the same rule as sync: each press of a key gets one ``Idempotency-Key``, a
lost answer (time-out, broken connection, 5xx, 429) is retried a few times with backoff and jitter
under that same key, and the hall server answers a repeat with the ticket as the first request left
it — so a retry never calls a second person or skips one. After a restart ``refresh()`` finds the
ticket the server holds at this window (by id, or by number on a server without ids).
"""

from __future__ import annotations

import random
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from clerk import events as ev
from clerk.queueing import lifecycle
from clerk.queueing.client import HallClient
from clerk.queueing.errors import (
    IllegalTicketMove,
    NoCurrentTicket,
    QueueError,
    Rejected,
    ServerBusy,
    Unreachable,
)
from clerk.queueing.lifecycle import Move
from clerk.queueing.model import ParkedTicket, Ticket, TicketState, WindowInfo, WindowState

NUMBER_RE = re.compile(r"^[A-Z][A-Z0-9]{0,5}[0-9]{1,6}$")
"""A ticket number the hall server knows: A012, or a kiosk's fallback number X1A003."""


class CallerService:
    """The caller of window ``window`` (e.g. ``W03``); safe to use from worker threads.

    Attributes:
        current: the ticket the window is dealing with (called or serving), or None.
        window_info: the window's services and state as last seen on the server.
        online: False after the last request could not reach the server.
    """

    def __init__(self, client: HallClient, window: str, events: ev.EventBus | None = None, *,
                 retries: int = 2, backoff_s: float = 0.3, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        self.client = client
        self.window = window
        self.events = events
        self.current: Ticket | None = None
        self.window_info: WindowInfo | None = None
        self.online: bool | None = None
        self.last_error: str = ""
        self.retries = retries
        self.backoff_s = backoff_s
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._lock = threading.RLock()

    # -- plumbing ----------------------------------------------------------------------------------
    def _retrying(self, fn: Callable[[], Any]) -> Any:
        """``fn`` (which carries its idempotency key) again after a lost answer, with backoff and jitter."""
        attempt = 0
        while True:
            try:
                return fn()
            except (Unreachable, ServerBusy):
                if attempt >= self.retries:
                    raise
                attempt += 1
                self._sleep(self._rng.uniform(0.5, 1.0) * self.backoff_s * (2 ** (attempt - 1)))

    def _send(self, fn: Callable[[], Any], *, retry: bool = False) -> Any:
        try:
            result = self._retrying(fn) if retry else fn()
        except Unreachable as exc:
            self.online = False
            self.last_error = exc.message
            self._publish()
            raise
        except QueueError:
            self.online = True
            raise
        self.online = True
        self.last_error = ""
        return result

    def _publish(self) -> None:
        if self.events is not None:
            self.events.publish(ev.QueueChanged(self.current))

    def _move(self, move: Move, fn: Callable[[int, str], Ticket]) -> Ticket:
        with self._lock:
            cur = self.current
            if cur is None:
                raise NoCurrentTicket()
            lifecycle.target(cur.state, move)  # refuses before any request
            key = uuid.uuid4().hex
            ticket: Ticket = self._send(lambda: fn(cur.ticket_id, key), retry=True)
            self.current = ticket if ticket.state in (TicketState.CALLED, TicketState.SERVING) else None
            self._publish()
            return ticket

    @property
    def state(self) -> TicketState | None:
        return self.current.state if self.current else None

    def allowed(self) -> frozenset[Move]:
        """What the clerk may do now (the buttons that are enabled)."""
        moves = set(lifecycle.allowed(self.state))
        if self.current is None or self.current.state in lifecycle.FINAL:
            moves.add(Move.CALL)
        return frozenset(moves)

    # -- the window --------------------------------------------------------------------------------
    def refresh(self) -> WindowInfo:
        """Reads the window from the server (its services, state and the ticket it is on)."""
        with self._lock:
            info: WindowInfo = self._send(lambda: self.client.get_window(self.window), retry=True)
            self.window_info = info
            if info.current_ticket is None:
                self.current = None
            elif self.current is None or self.current.ticket_no != info.current_ticket:
                self.current = self._held_ticket(info)
            self._publish()
            return info

    def _held_ticket(self, info: WindowInfo) -> Ticket | None:
        """The ticket the server holds at this window (after a restart of this program)."""
        try:
            if info.current_ticket_id is not None:
                ticket = self.client.get_ticket(info.current_ticket_id)
            else:
                assert info.current_ticket is not None
                ticket = self.client.find_ticket(info.current_ticket)
        except Rejected:  # a v1 hall server has no lookup: the number is shown, moves wait for a call
            return None
        return ticket if ticket.state in (TicketState.CALLED, TicketState.SERVING) else None

    def set_window(self, state: WindowState, services: list[str] | tuple[str, ...] | None = None) -> WindowInfo:
        with self._lock:
            if services is None:
                known = self.window_info or self._send(lambda: self.client.get_window(self.window))
                services = list(known.services)
            chosen = list(services)
            info: WindowInfo = self._send(lambda: self.client.put_window(self.window, chosen, state))
            self.window_info = info
            self._publish()
            return info

    def open_window(self, services: list[str] | tuple[str, ...] | None = None) -> WindowInfo:
        """开放窗口 (with its services; default: those it had, or ``intake`` for a new window)."""
        with self._lock:
            if services is None:
                known = self.window_info or self._send(lambda: self.client.get_window(self.window))
                services = list(known.services) or ["intake"]
            return self.set_window(WindowState.OPEN, services)

    def pause_window(self) -> WindowInfo:
        """暂停窗口: no new calls; the current ticket can still be finished."""
        return self.set_window(WindowState.PAUSED)

    # -- the ticket --------------------------------------------------------------------------------
    def call_next(self) -> Ticket | None:
        """Calls the next ticket for this window; None when nobody waits.

        A ticket still called or being served must be finished, marked no-show or transferred first.
        """
        with self._lock:
            cur = self.current
            if cur is not None and not lifecycle.can(cur.state, Move.CALL):
                raise IllegalTicketMove(f"当前号 {cur.ticket_no} 尚未处理完：请先办结、过号或转移，再叫下一位",
                                        state=cur.state.value, move=Move.CALL.value)
            key = uuid.uuid4().hex
            ticket: Ticket | None = self._send(lambda: self.client.call_next(self.window, key), retry=True)
            self.current = ticket
            self._publish()
            return ticket

    def recall(self) -> Ticket:
        """重呼: the hall display calls the same number again."""
        return self._move(Move.RECALL, lambda tid, key: self.client.recall(tid, key))

    def start(self) -> Ticket:
        return self._move(Move.START, lambda tid, key: self.client.start(tid, key))

    def finish(self) -> Ticket:
        return self._move(Move.FINISH, lambda tid, key: self.client.finish(tid, key))

    def complete(self) -> Ticket | None:
        """办结 whatever the current ticket's step: a called ticket is started first (the applicant is
        at the window: their case was just taken in), a served one finished. None with no current ticket."""
        with self._lock:
            cur = self.current
            if cur is None:
                return None
            if cur.state is TicketState.CALLED:
                self.start()
            return self.finish()

    def next(self) -> tuple[Ticket | None, Ticket | None]:
        """下一位: the current ticket finished (``complete``), then the next one called, in one step.

        Returns (the ticket finished or None, the ticket called or None when nobody waits).
        """
        with self._lock:
            done = self.complete()
            return done, self.call_next()

    def no_show(self) -> Ticket:
        return self._move(Move.NO_SHOW, lambda tid, key: self.client.no_show(tid, key))

    def park(self) -> Ticket:
        """暂挂: the applicant stepped away (to copy a document); the ticket stays with this window and
        the window is free to call the next one. ``parked`` lists what waits to be called back."""
        with self._lock:
            ticket = self._move(Move.PARK, lambda tid, key: self.client.park(tid, key))
            info = self.window_info
            if info is not None and all(p.ticket_id != ticket.ticket_id for p in info.parked):
                self.window_info = replace(info, parked=(*info.parked, ParkedTicket(ticket.ticket_id,
                                                                                    ticket.ticket_no)))
                self._publish()
            return ticket

    @property
    def parked(self) -> tuple[ParkedTicket, ...]:
        """The tickets this window has parked, as last seen (oldest first)."""
        return self.window_info.parked if self.window_info else ()

    def call_number(self, ticket_no: str) -> Ticket:
        """Calls a chosen ticket at this window: a parked one back, or a waiting one by its number (a
        fallback ticket, a person sent over by the service desk). ``IllegalTicketMove`` when another
        window called it first; nothing changes here then."""
        number = ticket_no.strip().upper()
        if not NUMBER_RE.match(number):
            raise IllegalTicketMove(f"“{ticket_no}”不是排队号（如 A012、X1A003）")
        with self._lock:
            cur = self.current
            if cur is not None and not lifecycle.can(cur.state, Move.CALL):
                raise IllegalTicketMove(f"当前号 {cur.ticket_no} 尚未处理完：请先办结、暂挂、过号或转移，再叫号",
                                        state=cur.state.value, move=Move.CALL.value)
            key = uuid.uuid4().hex
            ticket: Ticket = self._send(lambda: self.client.call_number(self.window, number, key), retry=True)
            self.current = ticket
            if self.window_info is not None:
                self.window_info = replace(self.window_info, parked=tuple(
                    p for p in self.window_info.parked if p.ticket_id != ticket.ticket_id))
            self._publish()
            return ticket

    def transfer(self, *, service: str | None = None, window: str | None = None) -> Ticket:
        """转移: the ticket waits again for another service or window (ahead of later tickets)."""
        if (service is None) == (window is None):
            raise ValueError("transfer to a service or to a window (one of them)")
        return self._move(Move.TRANSFER,
                          lambda tid, key: self.client.transfer(tid, service=service, window=window, key=key))


__all__ = ["CallerService", "Unreachable"]
