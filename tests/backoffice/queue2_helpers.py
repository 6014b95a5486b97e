"""Helpers of the issue-21 queue tests (appointments, park/call, messages, fallback): a hall on a known day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from backoffice.config import HALL_TZ
from backoffice.embedded import EmbeddedServer
from backoffice.hall import HallConfig
from tests.helpers.backoffice import PASSWORD, Api, StartFn

TUESDAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=HALL_TZ)
"""A working day (2026-12-01, Tuesday) at 10:00: every test of hours and slots starts here."""


class RecordingGateway:
    """An SMS plug-in that records what it is given (the ``clerk.sms.SmsGateway`` protocol)."""

    name = "test"

    def __init__(self, fail: int = 0) -> None:
        self.sent: list[tuple[str, str]] = []
        self.fail = fail

    def send(self, phone: str, message: str, **_: Any) -> None:
        if self.fail > 0:
            self.fail -= 1
            raise RuntimeError("gateway down")
        self.sent.append((phone, message))


def ric(n: int) -> str:
    """A valid resident ID number (check digit computed), distinct for each ``n``."""
    from stdnum.cn import ric as std

    base = f"23010219900101{n % 1000:03d}"
    return base + std.calc_check_digit(base + "0")


def start_hall(start: StartFn, at: dt.datetime = TUESDAY, db_url: str | None = None,
               gateway: Any = None, **hall: Any) -> EmbeddedServer:
    """A server with the clock frozen at ``at``, SMS delivery by hand, kiosk and booking accounts."""
    server = start(db_url, hall=HallConfig(**hall), sms_dispatch=False, sms_gateway=gateway)
    server.freeze_clock(at)
    server.create_user("kiosk01", PASSWORD, ["kiosk"], org_code="230102")
    server.create_user("app01", PASSWORD, ["booking"], org_code="230102")
    server.create_user("sup02", PASSWORD, ["supervisor"], org_code="230199")
    server.create_user("admin01", PASSWORD, ["admin"], org_code="230102")
    return server


def booking(service: str = "intake", date: str = "2026-12-02", slot: str = "09:00", n: int = 1,
            **over: Any) -> dict[str, Any]:
    body = {"service": service, "date": date, "slot": slot, "name": f"预约人{n}", "id_number": ric(n),
            "phone": f"139{n:08d}"}
    body.update(over)
    return body


def book(api: Api, expect: int = 201, **kw: Any) -> dict[str, Any]:
    r = api.post("/api/v1/queue/appointments", json=booking(**kw))
    assert r.status_code == expect, r.text
    return dict(r.json())


def take(api: Api, service: str = "intake", **kw: Any) -> dict[str, Any]:
    r = api.post("/api/v1/queue/tickets", json={"service": service, **kw})
    assert r.status_code == 201, r.text
    return dict(r.json())


def open_window(api: Api, window: str, services: list[str] | None = None, state: str = "open") -> None:
    r = api.put(f"/api/v1/queue/windows/{window}", json={"services": services or ["intake"], "state": state})
    assert r.status_code == 200, r.text


def call_next(api: Api, window: str) -> dict[str, Any] | None:
    r = api.post(f"/api/v1/queue/windows/{window}/call-next")
    assert r.status_code in (200, 204), r.text
    return None if r.status_code == 204 else dict(r.json())


def sms(server: EmbeddedServer) -> list[dict[str, Any]]:
    """The SMS journal as the supervisor reads it (phones masked)."""
    items = Api(server, "sup01").get("/api/v1/queue/sms", params={"limit": 1000}).json()["items"]
    return list(items)


Later = Callable[[dt.timedelta], None]
