"""The hall queue's data as the workstation sees it: tickets, priorities, windows, board, stats, announcements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class TicketState(StrEnum):
    """排队号状态: waiting 等候 → called 已叫号 → serving 办理中 → done 办结 | no_show 过号;
    parked 暂挂 (the applicant stepped away; the window calls it back); closed 闭厅截止 (still waiting
    when the hall closed, with ``at_closing: close``)."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    PARKED = "parked"
    CLOSED = "closed"


TICKET_STATE_LABELS: dict[TicketState, str] = {
    TicketState.WAITING: "等候中",
    TicketState.CALLED: "已叫号",
    TicketState.SERVING: "办理中",
    TicketState.DONE: "已办结",
    TicketState.NO_SHOW: "过号",
    TicketState.PARKED: "暂挂",
    TicketState.CLOSED: "已截止",
}


class Priority(StrEnum):
    """取号类别 (优先: 老年人、残疾人、孕妇、预约)."""

    NORMAL = "normal"
    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    APPOINTMENT = "appointment"


PRIORITY_LABELS: dict[Priority, str] = {
    Priority.NORMAL: "普通",
    Priority.ELDERLY: "老年人",
    Priority.DISABLED: "残疾人",
    Priority.PREGNANT: "孕妇",
    Priority.APPOINTMENT: "预约",
}


class WindowState(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


WINDOW_STATE_LABELS: dict[WindowState, str] = {
    WindowState.OPEN: "开放",
    WindowState.PAUSED: "暂停",
    WindowState.CLOSED: "关闭",
}

SERVICE_NAMES: dict[str, str] = {"intake": "综合受理", "pickup": "出件", "consult": "咨询"}
"""Names of the default hall services; the API gives codes only, unknown codes are shown as they are."""
DEFAULT_PREFIXES: dict[str, str] = {"intake": "A", "pickup": "B", "consult": "C"}
"""Ticket prefixes of the default services, for fallback numbers before the kiosk has seen the server."""


def service_name(code: str) -> str:
    return SERVICE_NAMES.get(code, code)


@dataclass(frozen=True)
class Ticket:
    """One queue ticket (排队号) as the hall server returned it."""

    ticket_id: int
    ticket_no: str
    service: str
    priority: Priority
    state: TicketState
    window: str | None = None
    issued_at: str | None = None
    called_at: str | None = None
    waiting_ahead: int | None = None
    estimated_wait_min: int | None = None
    """1.1: the server's estimate (people ahead × recent service times ÷ open windows)."""
    status_url: str | None = None
    """1.1: the status page for the ticket's QR (only in the answer that issued it)."""
    status_token: str | None = None
    fallback: bool = False
    """Issued by a kiosk from its fallback range while the server was down (人工兜底)."""
    appointment_code: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ticket:
        def opt_int(key: str) -> int | None:
            v = data.get(key)
            return int(v) if v is not None else None

        try:
            return cls(
                ticket_id=int(data["ticket_id"]),
                ticket_no=str(data["ticket_no"]),
                service=str(data["service"]),
                priority=Priority(str(data.get("priority") or "normal")),
                state=TicketState(str(data["state"])),
                window=data.get("window") or None,
                issued_at=data.get("issued_at"),
                called_at=data.get("called_at"),
                waiting_ahead=opt_int("waiting_ahead"),
                estimated_wait_min=opt_int("estimated_wait_min"),
                status_url=data.get("status_url") or None,
                status_token=data.get("status_token") or None,
                fallback=bool(data.get("fallback")),
                appointment_code=data.get("appointment_code") or None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"叫号服务器返回的排队号无法识别：{exc}") from None

    def as_dict(self) -> dict[str, Any]:
        return {
            "ticket_id": self.ticket_id, "ticket_no": self.ticket_no, "service": self.service,
            "priority": self.priority.value, "state": self.state.value, "window": self.window,
            "issued_at": self.issued_at, "called_at": self.called_at, "waiting_ahead": self.waiting_ahead,
            "estimated_wait_min": self.estimated_wait_min, "fallback": self.fallback,
        }


@dataclass(frozen=True)
class WindowInfo:
    window: str
    services: tuple[str, ...]
    state: WindowState
    current_ticket: str | None = None
    current_ticket_id: int | None = None
    """1.1 servers give the id too; a v1 server leaves it out (then the number is looked up)."""
    parked: tuple[ParkedTicket, ...] = ()
    """1.1: the tickets this window has parked (暂挂), oldest first."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WindowInfo:
        tid = data.get("current_ticket_id")
        parked = tuple(ParkedTicket(int(p["ticket_id"]), str(p["ticket_no"]), p.get("parked_at"))
                       for p in data.get("parked") or ())
        return cls(str(data["window"]), tuple(str(s) for s in data.get("services") or ()),
                   WindowState(str(data.get("state") or "closed")), data.get("current_ticket") or None,
                   tid if isinstance(tid, int) and not isinstance(tid, bool) else None, parked)


@dataclass(frozen=True)
class ParkedTicket:
    ticket_id: int
    ticket_no: str
    parked_at: str | None = None


@dataclass(frozen=True)
class Call:
    ticket_no: str
    window: str
    called_at: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.ticket_no, self.window, self.called_at)


@dataclass(frozen=True)
class Board:
    """What the hall display shows: the latest calls (newest first) and how many wait per service."""

    calls: tuple[Call, ...]
    waiting: dict[str, int]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Board:
        calls = tuple(Call(str(c["ticket_no"]), str(c["window"]), str(c["called_at"])) for c in data.get("calls") or ())
        return cls(calls, {str(k): int(v) for k, v in (data.get("waiting") or {}).items()})


@dataclass(frozen=True)
class AppointmentCounts:
    """The day's bookings of a service: booked (not cancelled), checked in, missed, cancelled."""

    booked: int = 0
    checked_in: int = 0
    missed: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class ServiceStats:
    waiting: int = 0
    longest_wait_s: float = 0.0
    avg_wait_s: float | None = None
    avg_service_s: float | None = None
    served: int = 0
    no_shows: int = 0
    parked: int = 0
    closed: int = 0
    fallback: int = 0
    """Tickets handed over by kiosks after a server outage (人工兜底)."""
    appointments: AppointmentCounts = field(default_factory=AppointmentCounts)


@dataclass(frozen=True)
class WindowStats:
    state: WindowState = WindowState.CLOSED
    current_ticket: str | None = None
    served: int = 0
    avg_service_s: float | None = None


@dataclass(frozen=True)
class Stats:
    """Today's figures per service and per window (GET /queue/stats)."""

    date: str
    services: dict[str, ServiceStats]
    windows: dict[str, WindowStats] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Stats:
        def opt(v: Any) -> float | None:
            return None if v is None else float(v)

        def counts(v: Any) -> AppointmentCounts:
            v = v if isinstance(v, dict) else {}
            return AppointmentCounts(int(v.get("booked") or 0), int(v.get("checked_in") or 0),
                                     int(v.get("missed") or 0), int(v.get("cancelled") or 0))

        services = {
            str(code): ServiceStats(int(s.get("waiting") or 0), float(s.get("longest_wait_s") or 0.0),
                                    opt(s.get("avg_wait_s")), opt(s.get("avg_service_s")),
                                    int(s.get("served") or 0), int(s.get("no_shows") or 0),
                                    int(s.get("parked") or 0), int(s.get("closed") or 0),
                                    int(s.get("fallback") or 0), counts(s.get("appointments")))
            for code, s in (data.get("services") or {}).items()
        }
        windows = {
            str(code): WindowStats(WindowState(str(w.get("state") or "closed")), w.get("current_ticket") or None,
                                   int(w.get("served") or 0), opt(w.get("avg_service_s")))
            for code, w in (data.get("windows") or {}).items()
        }
        return cls(str(data.get("date") or ""), services, windows)

    @property
    def total_waiting(self) -> int:
        return sum(s.waiting for s in self.services.values())

    @property
    def total_served(self) -> int:
        return sum(s.served for s in self.services.values())

    @property
    def total_no_shows(self) -> int:
        return sum(s.no_shows for s in self.services.values())


_WINDOW_NO = re.compile(r"^[A-Za-z]*0*(\d+)$")


def window_label(window: str) -> str:
    """``"W03"`` → ``"3 号窗口"``; a code without a number is shown as it is (``"VIP 窗口"``)."""
    m = _WINDOW_NO.match(window.strip())
    return f"{int(m.group(1))} 号窗口" if m else f"{window} 窗口"


def announcement(ticket_no: str, window: str) -> str:
    """叫号语音/屏幕文字: ``请 A012 号到 3 号窗口办理``."""
    return f"请 {ticket_no} 号到 {window_label(window)}办理"


def spoken(ticket_no: str, window: str) -> str:
    """The announcement spelled for the speech synthesiser: digits one by one (``A 0 1 2``)."""
    m = _WINDOW_NO.match(window.strip())
    win = f"{int(m.group(1))}号窗口" if m else f"{window}窗口"
    letters = " ".join(ticket_no)
    return f"请，{letters}，号，到{win}办理"


# -- 1.1 additions: services, features, slots, bookings ------------------------------------------
@dataclass(frozen=True)
class ServiceInfo:
    """A hall service as ``GET /queue/services`` gives it (the kiosk's buttons)."""

    code: str
    prefix: str
    name: str
    waiting: int = 0
    bookable: bool = False


@dataclass(frozen=True)
class HallFeatures:
    """What the hall server offers beyond v1 (from ``GET /api/v1/health``); the UI hides the rest."""

    revision: str = "1"
    names: frozenset[str] = frozenset()

    @classmethod
    def from_health(cls, data: dict[str, Any]) -> HallFeatures:
        names = data.get("features")
        return cls(str(data.get("api_revision") or data.get("api_version") or "1"),
                   frozenset(str(n) for n in names) if isinstance(names, list) else frozenset())

    def has(self, name: str) -> bool:
        return name in self.names

    @property
    def appointments(self) -> bool:
        return self.has("appointments")

    @property
    def park(self) -> bool:
        return self.has("park")

    @property
    def call_number(self) -> bool:
        return self.has("call-number")

    @property
    def fallback(self) -> bool:
        return self.has("fallback")

    @property
    def check_in(self) -> bool:
        return self.has("check-in")


@dataclass(frozen=True)
class Slot:
    """A bookable slot (预约时段) of a service on a day."""

    slot: str
    ends: str
    capacity: int
    booked: int
    available: int

    @property
    def label(self) -> str:
        return f"{self.slot}-{self.ends}"


@dataclass(frozen=True)
class DaySlots:
    service: str
    date: str
    slots: tuple[Slot, ...]
    reason: str | None = None
    """Why the day has no slots (closed, passed, too far ahead, service not bookable)."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DaySlots:
        slots = tuple(Slot(str(x["slot"]), str(x.get("ends") or ""), int(x["capacity"]), int(x["booked"]),
                           int(x.get("available", max(int(x["capacity"]) - int(x["booked"]), 0))))
                      for x in data.get("slots") or ())
        return cls(str(data.get("service") or ""), str(data.get("date") or ""), slots, data.get("reason"))


@dataclass(frozen=True)
class Booking:
    """An appointment as the hall lists it: personal data masked (张*明, 2301**********1234)."""

    appointment_code: str
    service: str
    date: str
    slot: str | None
    ends: str | None = None
    state: str = "booked"
    name: str = ""
    id_number: str = ""
    phone: str = ""
    channel: str = ""
    ticket_no: str | None = None
    missed: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Booking:
        return cls(str(data["appointment_code"]), str(data["service"]), str(data["date"]), data.get("slot"),
                   data.get("ends"), str(data.get("state") or "booked"), str(data.get("name") or ""),
                   str(data.get("id_number") or ""), str(data.get("phone") or ""), str(data.get("channel") or ""),
                   data.get("ticket_no") or None, bool(data.get("missed")))

    def as_dict(self) -> dict[str, Any]:
        return {"appointment_code": self.appointment_code, "service": self.service, "date": self.date,
                "slot": self.slot, "ends": self.ends, "state": self.state, "name": self.name,
                "id_number": self.id_number, "phone": self.phone, "channel": self.channel,
                "ticket_no": self.ticket_no, "missed": self.missed}
