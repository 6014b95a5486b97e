"""Day boundaries through the real server: carry or close what still waits at closing; lunch and hours."""

from __future__ import annotations

import datetime as dt

from backoffice import hallday
from tests.backoffice.queue2_helpers import TUESDAY, book, call_next, open_window, sms, start_hall, take
from tests.helpers.backoffice import Api, StartFn


def test_carried_to_the_next_working_day_with_place_and_number(start: StartFn) -> None:
    server = start_hall(start, at_closing="carry")
    kiosk, sup = Api(server, "kiosk01"), Api(server, "sup01")
    a = [take(kiosk, phone="13900000001"), take(kiosk), take(kiosk), take(kiosk)]
    open_window(sup, "W01")
    parked = call_next(sup, "W01")
    assert parked is not None and parked["ticket_no"] == "A001"
    sup.post(f"/api/v1/queue/tickets/{parked['ticket_id']}/park")
    server.freeze_clock(TUESDAY.replace(hour=16, minute=59))
    hallday.close_days(server.ctx)
    assert sup.get("/api/v1/queue/board").json()["waiting"]["intake"] == 3  # not yet closing time
    server.freeze_clock(TUESDAY.replace(hour=17, minute=1))
    hallday.close_days(server.ctx)
    hallday.close_days(server.ctx)  # idempotent
    stats = sup.get("/api/v1/queue/stats").json()["services"]["intake"]
    assert stats["waiting"] == 0 and stats["closed"] == 1  # the parked one is closed
    wed = TUESDAY + dt.timedelta(days=1)
    server.freeze_clock(wed.replace(hour=9, minute=0))
    sup = Api(server, "sup01")
    assert sup.get("/api/v1/queue/board").json()["waiting"]["intake"] == 3
    new = take(Api(server, "kiosk01"))
    assert new["ticket_no"] == "A005"  # numbering goes on after the highest carried (A004)
    order = [call_next(sup, "W01") for _ in range(4)]
    assert [t["ticket_no"] for t in order if t] == ["A002", "A003", "A004", "A005"]
    carried = sup.get(f"/api/v1/queue/tickets/{a[1]['ticket_id']}").json()
    assert carried["carried_from"] == "2026-12-01"
    assert [m["kind"] for m in sms(server)][-1] == "closed"  # A001 (parked, with a phone) was told


def test_carry_over_a_weekend_and_a_server_down_at_closing(start: StartFn) -> None:
    friday = dt.datetime(2026, 12, 4, 16, 0, tzinfo=TUESDAY.tzinfo)
    server = start_hall(start, at=friday, at_closing="carry")
    t = take(Api(server, "kiosk01"), phone="13900000002")
    server.freeze_clock(friday + dt.timedelta(days=3, hours=-6))  # Monday 10:00: nobody closed Friday
    hallday.close_days(server.ctx)
    sup = Api(server, "sup01")
    moved = sup.get(f"/api/v1/queue/tickets/{t['ticket_id']}").json()
    assert moved["state"] == "waiting" and moved["carried_from"] == "2026-12-04"
    assert sup.get("/api/v1/queue/board").json()["waiting"]["intake"] == 1
    assert "顺延至 12月7日" in sms(server)[-1]["message"]


def test_closed_with_a_message(start: StartFn) -> None:
    server = start_hall(start, at_closing="close")
    kiosk, sup = Api(server, "kiosk01"), Api(server, "sup01")
    take(kiosk, phone="13900000003")
    take(kiosk)
    code = book(sup, n=4, date="2026-12-01", slot="15:00")["appointment_code"]
    server.freeze_clock(TUESDAY.replace(hour=17, minute=30))
    hallday.close_days(server.ctx)
    stats = sup.get("/api/v1/queue/stats").json()["services"]["intake"]
    assert stats["waiting"] == 0 and stats["closed"] == 2
    assert stats["appointments"]["missed"] == 1
    assert sup.get(f"/api/v1/queue/appointments/{code}").json()["state"] == "missed"
    last = sms(server)[-1]
    assert last["kind"] == "closed" and "未能办理" in last["message"]


def test_keep_leaves_tickets_alone(start: StartFn) -> None:
    server = start_hall(start)
    take(Api(server, "kiosk01"))
    server.freeze_clock(TUESDAY.replace(hour=18))
    assert hallday.close_days(server.ctx) == {"carried": 0, "closed": 0, "missed_appointments": 0}
    assert Api(server, "sup01").get("/api/v1/queue/board").json()["waiting"]["intake"] == 1


def test_hours_and_lunch(start: StartFn) -> None:
    server = start_hall(start, enforce_hours=True)
    kiosk = Api(server, "kiosk01")
    take(kiosk)
    for at, why in ((TUESDAY.replace(hour=12, minute=30), "午休"), (TUESDAY.replace(hour=8), "9:00"),
                    (TUESDAY.replace(hour=17), "结束"), (dt.datetime(2027, 1, 1, 10, tzinfo=TUESDAY.tzinfo), "不办公")):
        server.freeze_clock(at)
        kiosk = Api(server, "kiosk01")
        r = kiosk.post("/api/v1/queue/tickets", json={"service": "intake"})
        assert r.status_code == 409 and r.json()["error"]["code"] == "queue_closed" and why in \
            r.json()["error"]["message"], (at, r.text)
        assert kiosk.post("/api/v1/queue/check-in", json={"appointment_code": "ABCDEFGH"}).status_code == 409
    services = kiosk.get("/api/v1/queue/services").json()
    assert services["open"] is False and "不办公" in services["closed_reason"]


def test_lunch_open_keeps_the_queue_open(start: StartFn) -> None:
    server = start_hall(start, at=TUESDAY.replace(hour=12, minute=30), enforce_hours=True, lunch_open=True,
                        at_closing="close")
    assert take(Api(server, "kiosk01"))["ticket_no"] == "A001"
    server.freeze_clock(TUESDAY.replace(hour=12, minute=45))
    hallday.close_days(server.ctx)
    assert Api(server, "sup01").get("/api/v1/queue/board").json()["waiting"]["intake"] == 1
