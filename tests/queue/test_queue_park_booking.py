"""The workstation's side of issue 21 against a real hall server: park and call a number in the caller,
the lifecycle table, the booking desk, the kiosk's check-in and later-day booking, and a v1 hall
server (a real HTTP server on loopback that knows only version 1) with the new features hidden."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from backoffice.config import HALL_TZ
from backoffice.embedded import EmbeddedServer, start_server
from backoffice.hall import HallConfig
from clerk.queueing import (
    AppointmentDesk,
    BookingRefused,
    CallerService,
    CheckInRefused,
    HallClient,
    IllegalTicketMove,
    InvalidBooking,
    KioskService,
    Move,
    NotSupported,
    Priority,
    TicketState,
    lifecycle,
)
from clerk.store import Store

PASSWORD = "hall-secret"
TUESDAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=HALL_TZ)


def ric(n: int) -> str:
    from stdnum.cn import ric as std

    base = f"23010219900101{n % 1000:03d}"
    return base + std.calc_check_digit(base + "0")


@pytest.fixture
def hall2(tmp_path: Path) -> Iterator[EmbeddedServer]:
    server = start_server(f"sqlite:///{tmp_path / 'hall.sqlite3'}", tmp_path / "files",
                          hall=HallConfig(slot_capacity={"intake": 1}), sms_dispatch=False)
    server.freeze_clock(TUESDAY)
    server.create_user("clerk03", PASSWORD, roles=["clerk"], windows=["W03", "W04"])
    server.create_user("boss", PASSWORD, roles=["supervisor"])
    server.create_user("kiosk01", PASSWORD, roles=["kiosk"])
    yield server
    server.stop()


@pytest.fixture
def login(hall2: EmbeddedServer) -> Iterator[Callable[[str], HallClient]]:
    made: list[HallClient] = []

    def make(user: str) -> HallClient:
        token = HallClient(hall2.url).login(user, PASSWORD, "dev")
        c = HallClient(hall2.url, lambda: token)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def test_lifecycle_park_and_call_back() -> None:
    assert lifecycle.target(TicketState.CALLED, Move.PARK) is TicketState.PARKED
    assert lifecycle.target(TicketState.SERVING, Move.PARK) is TicketState.PARKED
    assert lifecycle.target(TicketState.PARKED, Move.CALL) is TicketState.CALLED
    assert lifecycle.target(TicketState.PARKED, Move.NO_SHOW) is TicketState.NO_SHOW
    with pytest.raises(IllegalTicketMove, match="暂挂.*办结"):
        lifecycle.target(TicketState.PARKED, Move.FINISH)
    with pytest.raises(IllegalTicketMove):
        lifecycle.target(TicketState.WAITING, Move.PARK)
    assert TicketState.CLOSED in lifecycle.FINAL


def test_caller_parks_and_calls_back(login: Callable[[str], HallClient]) -> None:
    c = login("clerk03")
    kiosk = login("kiosk01")
    caller = CallerService(c, "W03", retries=0)
    caller.open_window(["intake"])
    a1, a2 = kiosk.issue_ticket("intake"), kiosk.issue_ticket("intake")
    assert caller.call_next().ticket_no == a1.ticket_no  # type: ignore[union-attr]
    with pytest.raises(IllegalTicketMove):
        caller.call_number(a2.ticket_no)  # the current one is not done
    parked = caller.park()
    assert parked.state is TicketState.PARKED and caller.current is None
    assert [p.ticket_no for p in caller.parked] == [a1.ticket_no]
    assert Move.CALL in caller.allowed()
    assert caller.call_next().ticket_no == a2.ticket_no  # type: ignore[union-attr]
    caller.start()
    caller.park()  # parked while being served, too
    back = caller.call_number(a1.ticket_no.lower())
    assert back.ticket_id == a1.ticket_id and caller.current == back
    assert [p.ticket_no for p in caller.parked] == [a2.ticket_no]
    assert [p.ticket_no for p in caller.refresh().parked] == [a2.ticket_no]
    with pytest.raises(IllegalTicketMove, match="不是排队号"):
        caller.call_number("A-1")


def test_two_callers_one_parked_ticket(login: Callable[[str], HallClient]) -> None:
    c = login("clerk03")
    w3, w4 = CallerService(c, "W03", retries=0), CallerService(login("clerk03"), "W04", retries=0)
    w3.open_window(["intake"])
    w4.open_window(["intake"])
    t = login("kiosk01").issue_ticket("intake")
    w3.call_next()
    w3.park()
    got = w4.call_number(t.ticket_no)
    assert got.window == "W04"
    with pytest.raises(IllegalTicketMove, match="W04"):
        w3.call_number(t.ticket_no)
    assert w3.current is None and w4.current is not None


def test_booking_desk(login: Callable[[str], HallClient], hall2: EmbeddedServer) -> None:
    desk = AppointmentDesk(login("boss"))
    assert desk.available()
    day = dt.date(2026, 12, 2)
    slots = desk.slots("intake", day)
    assert slots.slots[0].label == "09:00-09:30" and slots.slots[0].available == 1
    with pytest.raises(InvalidBooking, match="身份证"):
        desk.book("intake", day, "09:00", "王五", "230102199001011231", "13900000001")
    with pytest.raises(InvalidBooking, match="手机"):
        desk.book("intake", day, "09:00", "王五", ric(1), "1390000")
    b = desk.book("intake", day, "09:00", " 王  五 ", ric(1), "139 0000 0001")
    assert b.slot == "09:00" and len(b.appointment_code) == 8
    with pytest.raises(BookingRefused, match="约满"):
        desk.book("intake", day, "09:00", "赵六", ric(2), "13900000002")
    with pytest.raises(BookingRefused, match="重复"):
        desk.book("intake", day, "10:00", "王五", ric(1), "13900000001")
    listed = desk.day(day)
    assert [(x.name, x.phone) for x in listed] == [("王*", "139****0001")]
    assert desk.cancel(b.appointment_code.lower()).state == "cancelled"
    assert desk.slots("intake", day).slots[0].available == 1


def test_kiosk_checks_in_and_books_later_days(login: Callable[[str], HallClient], tmp_path: Path) -> None:
    desk = AppointmentDesk(login("boss"))
    today = TUESDAY.date()
    code = desk.book("intake", today, "10:30", "王五", ric(1), "13900000001").appointment_code
    later = desk.book("intake", today, "11:30", "赵六", ric(2), "13900000002").appointment_code
    kiosk = KioskService(login("kiosk01"), Store(tmp_path / "k.sqlite3"), "kiosk-1", "X1", now=lambda: TUESDAY)
    t = kiosk.take("intake", Priority.APPOINTMENT, appointment_code=code)
    assert t.priority is Priority.APPOINTMENT and not t.offline and t.status_url and t.note
    with pytest.raises(CheckInRefused, match="10:30 后签到"):
        kiosk.check_in(appointment_code=later)
    with pytest.raises(BookingRefused, match="直接取号"):
        kiosk.book_later("intake", today, "15:00", "钱七", ric(3), "13900000003")
    booked = kiosk.book_later("intake", today + dt.timedelta(days=1), "15:00", "钱七", ric(3), "13900000003")
    assert booked.date == "2026-12-02"
    printable = t.printable()
    assert printable["qr_value"] == t.status_url and printable["number"] == t.ticket_no


class V1Hall(BaseHTTPRequestHandler):
    """A hall server that speaks version 1 only: health without a revision, 404 for anything newer."""

    tickets: list[dict[str, object]] = []

    def log_message(self, *_: object) -> None:
        return

    def _send(self, status: int, body: object) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/api/v1/health":
            self._send(200, {"status": "ok", "api_version": "1"})
        elif self.path == "/api/v1/queue/board":
            self._send(200, {"calls": [], "waiting": {"intake": 2, "pickup": 0}})
        else:
            self._send(404, {"error": {"code": "not_found", "message": "Not Found"}})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/api/v1/queue/tickets":
            if set(body) - {"service", "priority", "appointment_code"}:
                self._send(422, {"error": {"code": "invalid", "message": "unknown field"}})
                return
            self._send(201, {"ticket_id": 1, "ticket_no": "A001", "service": body["service"], "priority": "normal",
                             "state": "waiting", "issued_at": "2026-12-01T10:00:00+08:00", "waiting_ahead": 0})
        elif self.path.startswith("/api/v1/queue/tickets/") and self.path.count("/") == 6:
            self._send(404, {"error": {"code": "unknown_action", "message": "no action"}})
        else:
            self._send(404, {"error": {"code": "not_found", "message": "Not Found"}})


@pytest.fixture
def v1_url() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), V1Hall)
    th = threading.Thread(target=httpd.serve_forever, daemon=True)
    th.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_v1_hall_server_hides_the_new_features(v1_url: str, tmp_path: Path) -> None:
    client = HallClient(v1_url, lambda: "token")
    features = client.features()
    assert features.revision == "1" and not (features.appointments or features.park or features.fallback)
    assert not AppointmentDesk(client).available()
    with pytest.raises(NotSupported, match="暂挂"):
        client.park(1)
    with pytest.raises(NotSupported, match="指定叫号"):
        client.call_number("W03", "A001")
    with pytest.raises(NotSupported, match="预约"):
        client.slots("intake", "2026-12-02")
    kiosk = KioskService(client, Store(tmp_path / "k.sqlite3"), "kiosk-1", "X1")
    services, online = kiosk.services()  # no /queue/services: the board's services
    assert online and [s.code for s in services] == ["intake", "pickup"] and services[0].prefix == "A"
    t = kiosk.take("intake")  # a v1 ticket, no phone field sent
    assert t.ticket_no == "A001" and not t.offline and t.status_url is None
    kiosk.book.issue("X1", "intake", "A")
    assert kiosk.take("intake").ticket_no == "A001"  # the hand-over on the way fails quietly
    with pytest.raises(NotSupported, match="应急取号"):
        kiosk.reconcile()
    assert [t.ticket_no for t in kiosk.pending()] == ["X1A001"]  # kept
