"""Authorisation of the issue-21 queue endpoints, as a matrix through the real server (the style of
test_bo_authz.py): appointments, check-in, park, call a number, fallback, SMS journal, status page;
and what the ``kiosk`` and ``booking`` accounts may not do."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from backoffice.embedded import EmbeddedServer, start_server
from backoffice.hall import HallConfig
from tests.backoffice.queue2_helpers import TUESDAY, booking
from tests.helpers.backoffice import PASSWORD, Api

ORG, OTHER = "230102", "230199"
USERS = {
    "clerk01": (["clerk"], ORG, ["W03"]),
    "clerk03": (["clerk"], ORG, ["W04"]),
    "clerk02": (["clerk"], OTHER, ["W07"]),
    "sup01": (["supervisor"], ORG, []),
    "sup02": (["supervisor"], OTHER, []),
    "field01": (["field"], ORG, []),
    "admin01": (["admin"], ORG, []),
    "kiosk01": (["kiosk"], ORG, []),
    "app01": (["booking"], ORG, []),
}
_PEOPLE = itertools.count(300)


@dataclass
class Hall:
    server: EmbeddedServer
    apis: dict[str, Api]
    called_id: int  # called at W03
    waiting_no: str
    code: str  # an appointment of ORG
    status_token: str


# Rows walk one hall in order, so under pytest-xdist the module runs on one worker.
pytestmark = pytest.mark.xdist_group("authz2")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hall(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    base = tmp_path_factory.mktemp("authz2")
    url = f"sqlite:///{base / 'bo.db'}" if request.param == "sqlite" else \
        request.getfixturevalue("postgres").new_database()
    server = start_server(url, base / "files", hall=HallConfig(slot_capacity={"intake": 50}), sms_dispatch=False)
    server.freeze_clock(TUESDAY)
    try:
        for name, (roles, org, windows) in USERS.items():
            server.create_user(name, PASSWORD, roles, display_name=name, windows=windows, org_code=org)
        apis = {name: Api(server, name) for name in USERS}
        c = apis["clerk01"]
        assert c.put("/api/v1/queue/windows/W03", json={"services": ["intake"], "state": "open"}).status_code == 200
        t1 = c.post("/api/v1/queue/tickets", json={"service": "intake"}).json()
        t2 = c.post("/api/v1/queue/tickets", json={"service": "intake"}).json()
        assert c.post("/api/v1/queue/windows/W03/call-next").json()["ticket_id"] == t1["ticket_id"]
        code = apis["sup01"].post("/api/v1/queue/appointments", json=booking(n=next(_PEOPLE))).json()
        yield Hall(server, apis, t1["ticket_id"], t2["ticket_no"], code["appointment_code"], t2["status_token"])
    finally:
        server.stop()


Req = Callable[[Hall], tuple[str, str, dict[str, Any]]]


def get(path: str, **params: str) -> Req:
    return lambda h: ("GET", path.format(code=h.code), {"params": params} if params else {})


def post(path: str, body: Callable[[Hall], Any] | None = None) -> Req:
    def make(h: Hall) -> tuple[str, str, dict[str, Any]]:
        return "POST", path.format(ticket=h.called_id, code=h.code), {"json": body(h)} if body else {}
    return make


def new_booking() -> Req:
    return post("/api/v1/queue/appointments", lambda h: booking(n=next(_PEOPLE)))


def fresh_code_cancel() -> Req:
    """Books a new appointment (as sup01) and cancels it as the caller."""
    def make(h: Hall) -> tuple[str, str, dict[str, Any]]:
        code = h.apis["sup01"].post("/api/v1/queue/appointments", json=booking(n=next(_PEOPLE))).json()
        return "POST", f"/api/v1/queue/appointments/{code['appointment_code']}/cancel", {}
    return make


ALL = tuple(USERS)
MATRIX: list[tuple[str, Req, dict[str, int]]] = [
    ("services", get("/api/v1/queue/services"),
     {"clerk01": 200, "kiosk01": 200, "sup01": 200, "admin01": 200, "app01": 403, "field01": 403}),
    ("slots", get("/api/v1/queue/slots", service="intake", date="2026-12-02"),
     {"sup01": 200, "admin01": 200, "kiosk01": 200, "app01": 200, "sup02": 200, "clerk01": 403, "field01": 403}),
    ("book", new_booking(),
     {"sup01": 201, "admin01": 201, "kiosk01": 201, "app01": 201, "sup02": 201, "clerk01": 403, "field01": 403}),
    ("list the day's bookings", get("/api/v1/queue/appointments", date="2026-12-02"),
     {"sup01": 200, "admin01": 200, "sup02": 200, "clerk01": 403, "kiosk01": 403, "app01": 403, "field01": 403}),
    ("read a booking by code", get("/api/v1/queue/appointments/{code}"),
     {"sup01": 200, "kiosk01": 200, "app01": 200, "sup02": 404, "clerk01": 403, "clerk02": 403, "field01": 403}),
    ("cancel a booking", fresh_code_cancel(),
     {"app01": 200, "kiosk01": 200, "sup01": 200, "sup02": 404, "clerk01": 403, "field01": 403}),
    ("check in (unknown code)", post("/api/v1/queue/check-in", lambda h: {"appointment_code": "NOSUCH99"}),
     {"kiosk01": 404, "clerk01": 404, "sup01": 404, "clerk02": 404, "app01": 403, "field01": 403}),
    ("check in another hall's booking", post("/api/v1/queue/check-in", lambda h: {"appointment_code": h.code}),
     {"clerk02": 404, "sup02": 404}),
    ("park another window's ticket", post("/api/v1/queue/tickets/{ticket}/park"),
     {"clerk03": 403, "clerk02": 404, "sup02": 404, "field01": 403, "kiosk01": 403, "app01": 403}),
    ("park own ticket", post("/api/v1/queue/tickets/{ticket}/park"), {"clerk01": 200, "sup01": 200}),
    ("call a number at a window not one's own",
     post("/api/v1/queue/windows/W03/call", lambda h: {"ticket_no": h.waiting_no}),
     {"clerk03": 403, "clerk02": 403, "field01": 403, "kiosk01": 403, "app01": 403}),
    ("call another hall's number", post("/api/v1/queue/windows/W07/call", lambda h: {"ticket_no": h.waiting_no}),
     {"clerk02": 409}),  # 409: W07 of hall 230199 is closed — the number is never looked up there
    ("call a number at own window", post("/api/v1/queue/windows/W03/call", lambda h: {"ticket_no": h.waiting_no}),
     {"clerk01": 200, "sup01": 200}),
    ("claim a fallback prefix", post("/api/v1/queue/fallback/prefix", lambda h: {"device_id": "dev-matrix"}),
     {"kiosk01": 200, "clerk01": 200, "sup02": 200, "app01": 403, "field01": 403}),
    ("hand fallback tickets over", post("/api/v1/queue/fallback/tickets",
                                        lambda h: {"device_id": "dev-matrix", "tickets": []}),
     {"kiosk01": 200, "clerk01": 200, "app01": 403, "field01": 403}),
    ("read the SMS journal", get("/api/v1/queue/sms"),
     {"sup01": 200, "admin01": 200, "sup02": 200, "clerk01": 403, "kiosk01": 403, "app01": 403, "field01": 403}),
    # what the device accounts may not do
    ("kiosk: call next", post("/api/v1/queue/windows/W03/call-next"), {"kiosk01": 403, "app01": 403}),
    ("kiosk: board and stats", get("/api/v1/queue/board"), {"kiosk01": 403, "app01": 403}),
    ("kiosk: stats", get("/api/v1/queue/stats"), {"kiosk01": 403, "app01": 403}),
    ("kiosk: catalog", get("/api/v1/catalog"), {"kiosk01": 403, "app01": 403}),
    ("kiosk: a window", get("/api/v1/queue/windows/W03"), {"kiosk01": 403, "app01": 403}),
    ("kiosk: a ticket", post("/api/v1/queue/tickets", lambda h: {"service": "intake"}),
     {"kiosk01": 201, "app01": 403}),
    ("booking: the audit", get("/api/v1/audit"), {"kiosk01": 403, "app01": 403}),
]


def _row(label: str) -> tuple[str, Req, dict[str, int]]:
    return next(r for r in MATRIX if r[0] == label)


@pytest.mark.parametrize("label", [r[0] for r in MATRIX])
def test_permission_matrix(hall: Hall, label: str) -> None:
    _, make, expected = _row(label)
    got = {}
    for who in expected:
        method, path, kw = make(hall)
        r = hall.apis[who].http.request(method, hall.server.url + path, timeout=30, **kw)
        got[who] = r.status_code
        if r.status_code >= 400:
            assert set(r.json()["error"]) >= {"code", "message"}, r.text
    assert got == expected


def test_status_page_needs_no_login_and_shows_nothing_else(hall: Hall) -> None:
    r = requests.get(f"{hall.server.url}/api/v1/queue/status/{hall.status_token}", timeout=10)
    assert r.status_code == 200 and r.json()["ticket_no"] == hall.waiting_no
    assert set(r.json()) == {"ticket_no", "service", "service_name", "state", "state_text", "day", "hall",
                             "updated_at", "waiting_ahead", "estimated_wait_min", "window", "window_label"}
    assert requests.get(f"{hall.server.url}/api/v1/queue/sms", timeout=10).status_code == 401


def test_device_denials_are_audited(hall: Hall) -> None:
    # Its own successful actions, so the test stands alone whatever ran before it.
    assert hall.apis["kiosk01"].post("/api/v1/queue/fallback/prefix",
                                     json={"device_id": "dev-audit"}).status_code == 200
    _, path, _ = fresh_code_cancel()(hall)
    assert hall.apis["sup01"].post(path).status_code == 200
    number = hall.apis["sup01"].post("/api/v1/queue/tickets", json={"service": "intake"}).json()["ticket_no"]
    assert hall.apis["clerk01"].post("/api/v1/queue/windows/W03/call", json={"ticket_no": number}).status_code == 200
    hall.apis["kiosk01"].post("/api/v1/queue/windows/W03/call-next")
    hall.apis["app01"].post("/api/v1/queue/tickets", json={"service": "intake"})
    items = hall.apis["admin01"].get("/api/v1/audit", params={"limit": 1000}).json()["items"]
    denied = {(i["username"], i["status"]) for i in items if i["outcome"] == "denied"}
    assert {("kiosk01", 403), ("app01", 403)} <= denied
    done = {i["action"] for i in items if i["outcome"] == "done"}
    assert {"call-ticket", "claim-fallback-prefix", "cancel-appointment"} <= done
