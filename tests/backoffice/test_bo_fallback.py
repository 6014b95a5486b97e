"""Fallback prefixes and handing fallback tickets over (人工兜底), through the real server."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backoffice.config import DEFAULT_SERVICES, Config, ServiceDef
from tests.backoffice.queue2_helpers import TUESDAY, book, call_next, open_window, start_hall, take
from tests.helpers.backoffice import Api, StartFn


def claim(api: Api, device: str, prefix: str | None = None, expect: int = 200) -> dict[str, Any]:
    body: dict[str, Any] = {"device_id": device}
    if prefix:
        body["prefix"] = prefix
    r = api.post("/api/v1/queue/fallback/prefix", json=body)
    assert r.status_code == expect, r.text
    return dict(r.json())


def item(no: str, minutes_ago: float, service: str = "intake", **kw: Any) -> dict[str, Any]:
    at = TUESDAY - dt.timedelta(minutes=minutes_ago)
    return {"ticket_no": no, "service": service, "issued_at": at.isoformat(), **kw}


def hand_over(api: Api, device: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    r = api.post("/api/v1/queue/fallback/tickets", json={"device_id": device, "tickets": items})
    assert r.status_code == 200, r.text
    return list(r.json()["tickets"])


def test_prefixes_are_one_per_device(start: StartFn) -> None:
    server = start_hall(start)
    kiosk = Api(server, "kiosk01")
    assert claim(kiosk, "dev-A") == {"prefix": "X1", "device_id": "dev-A", "claimed": True}
    assert claim(kiosk, "dev-A")["prefix"] == "X1"  # asked again: the same
    assert claim(kiosk, "dev-B")["prefix"] == "X2"
    assert claim(kiosk, "dev-C", "Y7")["prefix"] == "Y7"
    r = kiosk.post("/api/v1/queue/fallback/prefix", json={"device_id": "dev-D", "prefix": "X1"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "prefix_taken"
    r = kiosk.post("/api/v1/queue/fallback/prefix", json={"device_id": "dev-D", "prefix": "A1"})
    assert r.status_code == 422
    # another hall has its own prefixes
    assert claim(Api(server, "sup02"), "dev-Z")["prefix"] == "X1"


def test_service_prefixes_may_not_use_the_fallback_letters() -> None:
    from pathlib import Path

    import pytest

    with pytest.raises(ValueError, match="reserved"):
        Config(db_url="sqlite://", files_dir=Path("/tmp/x"), services=(*DEFAULT_SERVICES, ServiceDef("vip", "X", "VIP")))


def test_hand_over_once_in_place_and_counted(start: StartFn) -> None:
    server = start_hall(start)
    kiosk, sup = Api(server, "kiosk01"), Api(server, "sup01")
    early = take(kiosk)  # A001 at 10:00 — the fallback tickets below were issued before it
    claim(kiosk, "dev-A")
    claim(kiosk, "dev-B")
    batch = [item("X1A001", 30, phone="13900000001", status_token="t" * 24), item("X1A002", 20),
             item("X1B001", 25, service="pickup")]
    first = hand_over(kiosk, "dev-A", batch)
    assert [r["result"] for r in first] == ["created"] * 3
    again = hand_over(kiosk, "dev-A", batch)
    assert [r["result"] for r in again] == ["exists"] * 3
    assert [r["ticket_id"] for r in again] == [r["ticket_id"] for r in first]
    bad = hand_over(kiosk, "dev-B", [item("X1A003", 10), item("X2B001", 5, service="intake"),
                                     item("X1A001", 30)])
    assert [r["result"] for r in bad] == ["conflict"] * 3  # not dev-B's prefix / wrong service / taken
    board = sup.get("/api/v1/queue/board").json()
    assert board["waiting"] == {"intake": 3, "pickup": 1, "consult": 0}
    stats = sup.get("/api/v1/queue/stats").json()["services"]
    assert stats["intake"]["fallback"] == 2 and stats["pickup"]["fallback"] == 1
    open_window(sup, "W01")
    order = [call_next(sup, "W01") for _ in range(3)]
    assert [t["ticket_no"] for t in order if t] == ["X1A001", "X1A002", early["ticket_no"]]
    assert order[0] is not None and order[0]["fallback"] is True
    # the status token printed offline works once handed over
    status = sup.http.get(f"{server.url}/api/v1/queue/status/{'t' * 24}").json()
    assert status["ticket_no"] == "X1A001" and status["state"] == "called"


def test_offline_appointment_checked_in_on_hand_over(start: StartFn) -> None:
    server = start_hall(start)
    kiosk, sup = Api(server, "kiosk01"), Api(server, "sup01")
    code = book(sup, n=1, date="2026-12-01", slot="10:30")["appointment_code"]
    claim(kiosk, "dev-A")
    got = hand_over(kiosk, "dev-A", [item("X1A001", 1, priority="appointment", appointment_code=code),
                                      item("X1A002", 1, priority="appointment", appointment_code="WRONG123")])
    assert got[0]["result"] == "created" and "message" not in got[0]
    assert got[1]["result"] == "created" and "ordinary" in got[1]["message"]
    a = sup.get(f"/api/v1/queue/appointments/{code}").json()
    assert a["state"] == "checked_in" and a["ticket_no"] == "X1A001"
    t2 = sup.get("/api/v1/queue/tickets", params={"number": "X1A002"}).json()
    assert t2["priority"] == "normal"


def test_hand_over_validated(start: StartFn) -> None:
    server = start_hall(start)
    kiosk = Api(server, "kiosk01")
    claim(kiosk, "dev-A")
    future = item("X1A001", -30)
    r = kiosk.post("/api/v1/queue/fallback/tickets", json={"device_id": "dev-A", "tickets": [future]})
    assert r.status_code == 422
    naive = {**item("X1A001", 1), "issued_at": "2026-12-01T09:00:00"}
    r = kiosk.post("/api/v1/queue/fallback/tickets", json={"device_id": "dev-A", "tickets": [naive]})
    assert r.status_code == 422
    r = kiosk.post("/api/v1/queue/fallback/tickets", json={"device_id": "dev-A", "tickets": [item("X1A001", 1)] * 201})
    assert r.status_code in (413, 422)
