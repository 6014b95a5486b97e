"""Appointments through the real server: slots on the hall calendar, bookings (full, duplicate, cancel,
retry), personal data sealed at rest and masked in lists, check-in by code and by ID number, missed."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from backoffice.config import HALL_TZ
from tests.backoffice.queue2_helpers import (
    TUESDAY,
    book,
    booking,
    call_next,
    open_window,
    ric,
    start_hall,
    take,
)
from tests.helpers.backoffice import Api, StartFn


def slots(api: Api, date: str, service: str = "intake") -> dict:  # type: ignore[type-arg]
    r = api.get("/api/v1/queue/slots", params={"service": service, "date": date})
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_slots_follow_hours_lunch_and_capacity(start: StartFn) -> None:
    server = start_hall(start, slot_capacity={"intake": 2})
    sup = Api(server, "sup01")
    got = slots(sup, "2026-12-02")
    codes = [s["slot"] for s in got["slots"]]
    assert codes[:2] == ["09:00", "09:30"] and codes[-1] == "16:30"
    assert "12:00" not in codes and "13:00" not in codes and "13:30" in codes  # lunch 12:00–13:30
    assert len(codes) == 13
    assert got["slots"][0] == {"slot": "09:00", "ends": "09:30", "capacity": 2, "booked": 0, "available": 2}
    assert slots(sup, "2026-12-02", "consult")["reason"] == "this service takes no appointments"
    # today: the slots already begun are not available
    today = {s["slot"]: s["available"] for s in slots(sup, "2026-12-01")["slots"]}
    assert today["09:30"] == 0 and today["10:00"] == 0 and today["10:30"] == 2


def test_lunch_open_has_lunch_slots(start: StartFn) -> None:
    server = start_hall(start, lunch_open=True)
    codes = [s["slot"] for s in slots(Api(server, "sup01"), "2026-12-02")["slots"]]
    assert {"12:00", "12:30", "13:00"} <= set(codes) and len(codes) == 16


def test_holidays_and_make_up_days_from_the_calendar(start: StartFn) -> None:
    at = dt.datetime(2026, 9, 25, 10, 0, tzinfo=HALL_TZ)
    server = start_hall(start, at=at, book_days_ahead=30, closed_days=[dt.date(2026, 9, 29)],
                        open_days=[dt.date(2026, 10, 17)])
    sup = Api(server, "sup01")
    assert slots(sup, "2026-10-01")["slots"] == []  # 国庆节
    assert slots(sup, "2026-10-01")["reason"] == "the hall is closed that day"
    assert slots(sup, "2026-10-10")["slots"]  # Saturday, 调休 make-up working day
    assert slots(sup, "2026-10-11")["slots"] == []  # Sunday
    assert slots(sup, "2026-09-29")["slots"] == []  # the hall's own closed day
    assert slots(sup, "2026-10-17")["slots"]  # the hall's own open Saturday
    assert "days ahead" in slots(sup, "2026-10-30")["reason"]
    assert slots(sup, "2026-09-24")["reason"] == "the day has passed"
    r = sup.post("/api/v1/queue/appointments", json=booking(date="2026-10-01"))
    assert r.status_code == 422 and r.json()["error"]["fields"]["date"] == "the hall is closed that day"


def test_book_full_duplicate_cancel_and_rebook(start: StartFn) -> None:
    server = start_hall(start, slot_capacity={"intake": 2, "pickup": 2})
    sup, app, kiosk = Api(server, "sup01"), Api(server, "app01"), Api(server, "kiosk01")
    first = book(sup, n=1)
    assert set(first) >= {"appointment_code", "service", "date", "slot"}
    assert (first["service"], first["date"], first["slot"], first["ends"]) == ("intake", "2026-12-02", "09:00", "09:30")
    assert len(first["appointment_code"]) == 8
    book(app, n=2)
    r = kiosk.post("/api/v1/queue/appointments", json=booking(n=3))
    assert r.status_code == 409 and r.json()["error"]["code"] == "slot_full"
    assert slots(sup, "2026-12-02")["slots"][0]["booked"] == 2
    # the same person, the same service and day: refused even in another slot
    r = sup.post("/api/v1/queue/appointments", json=booking(n=1, slot="10:00"))
    assert r.status_code == 409 and r.json()["error"]["code"] == "duplicate_booking"
    # … but another service or another day is fine
    book(sup, n=1, service="pickup")
    book(sup, n=1, date="2026-12-03")
    # cancel frees the place; cancelling again answers the same
    r = app.post(f"/api/v1/queue/appointments/{first['appointment_code']}/cancel")
    assert r.status_code == 200 and r.json()["state"] == "cancelled"
    assert app.post(f"/api/v1/queue/appointments/{first['appointment_code']}/cancel").json()["state"] == "cancelled"
    assert slots(sup, "2026-12-02")["slots"][0]["booked"] == 1
    book(kiosk, n=3)  # the freed place
    book(sup, n=1, slot="10:00")  # the person may book again after cancelling
    # another hall's supervisor cannot see or cancel it
    assert Api(server, "sup02").post(f"/api/v1/queue/appointments/{first['appointment_code']}/cancel").status_code == 404


def test_booking_retry_with_the_same_key_is_the_same_booking(start: StartFn) -> None:
    server = start_hall(start)
    app = Api(server, "app01")
    body = booking(n=7)
    a = app.post("/api/v1/queue/appointments", json=body, headers={"Idempotency-Key": "app-req-1"})
    b = app.post("/api/v1/queue/appointments", json=body, headers={"Idempotency-Key": "app-req-1"})
    assert (a.status_code, b.status_code) == (201, 200)
    assert a.json()["appointment_code"] == b.json()["appointment_code"]
    c = app.post("/api/v1/queue/appointments", json=body, headers={"Idempotency-Key": "app-req-2"})
    assert c.status_code == 409 and c.json()["error"]["code"] == "duplicate_booking"


@pytest.mark.parametrize("field,value", [("id_number", "230102199001011231"), ("phone", "12345"),
                                         ("slot", "09:10"), ("date", "2026-11-30"), ("name", "")])
def test_booking_validated(start: StartFn, field: str, value: str) -> None:
    server = start_hall(start)
    r = Api(server, "sup01").post("/api/v1/queue/appointments", json=booking(**{field: value}))
    assert r.status_code == 422 and field in r.json()["error"]["fields"], r.text


def test_a_slot_already_begun_cannot_be_booked(start: StartFn) -> None:
    server = start_hall(start)
    r = Api(server, "sup01").post("/api/v1/queue/appointments", json=booking(date="2026-12-01", slot="09:30"))
    assert r.status_code == 422 and "begun" in r.json()["error"]["fields"]["slot"]
    book(Api(server, "sup01"), date="2026-12-01", slot="10:30")


def test_personal_data_sealed_at_rest_and_masked_in_lists(start: StartFn) -> None:
    server = start_hall(start)
    sup = Api(server, "sup01")
    code = book(sup, n=5, name="林保密")["appointment_code"]
    from sqlalchemy import select

    from backoffice.db import Appointment, SmsMessage

    with server.ctx.db.read() as s:
        a = s.get(Appointment, code)
        assert a is not None and a.person is not None and a.person.startswith("enc1:")
        assert ric(5) not in (a.id_hash or "") and a.name == ""
        phones = list(s.scalars(select(SmsMessage.phone)))
    assert phones and all(p.startswith("enc1:") for p in phones)
    server.ctx.db.dispose()
    db_file = server.ctx.config.db_url.removeprefix("sqlite:///")
    raw = b"".join(open(p, "rb").read() for p in (db_file, db_file + "-wal") if __import__("os").path.exists(p))
    for secret in ("林保密", ric(5), "13900000005"):
        assert secret.encode() not in raw, secret
    listed = sup.get("/api/v1/queue/appointments", params={"date": "2026-12-02"}).json()["items"]
    assert [(i["name"], i["id_number"], i["phone"]) for i in listed] == [("林*密", "2301**********" + ric(5)[-4:],
                                                                          "139****0005")]
    one = Api(server, "app01").get(f"/api/v1/queue/appointments/{code}").json()
    assert one["name"] == "林*密" and one["state"] == "booked" and one["channel"] == "phone"
    # the list is for supervisors; the booking app reads a booking only by its code
    assert Api(server, "app01").get("/api/v1/queue/appointments", params={"date": "2026-12-02"}).status_code == 403


def test_check_in_by_code_and_by_id_number(start: StartFn) -> None:
    server = start_hall(start)
    sup, kiosk = Api(server, "sup01"), Api(server, "kiosk01")
    early = book(sup, n=1, date="2026-12-01", slot="11:30")  # check-in opens at 10:30
    near = book(sup, n=2, date="2026-12-01", slot="10:30")
    walk_in = take(kiosk)
    r = kiosk.post("/api/v1/queue/check-in", json={"appointment_code": early["appointment_code"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "too_early" and "10:30" in r.json()["error"]["message"]
    r = kiosk.post("/api/v1/queue/check-in", json={"id_number": ric(2)})
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["priority"] == "appointment" and t["appointment_code"] == near["appointment_code"]
    assert t["status_url"].startswith(server.url + "/q/")
    again = kiosk.post("/api/v1/queue/check-in", json={"appointment_code": near["appointment_code"]})
    assert again.status_code == 200 and again.json()["ticket_id"] == t["ticket_id"]  # pressed twice: same ticket
    assert kiosk.post("/api/v1/queue/check-in", json={"id_number": ric(9)}).status_code == 404
    assert kiosk.post("/api/v1/queue/check-in", json={"appointment_code": "NOPE1234"}).status_code == 404
    r = kiosk.post("/api/v1/queue/check-in", json={"id_number": ric(2), "appointment_code": "X"})
    assert r.status_code == 422
    # the appointment ticket is called before the walk-in who came earlier
    open_window(sup, "W03")
    assert call_next(sup, "W03")["ticket_id"] == t["ticket_id"]  # type: ignore[index]
    assert call_next(sup, "W03")["ticket_id"] == walk_in["ticket_id"]  # type: ignore[index]
    # a checked-in appointment cannot be cancelled
    r = sup.post(f"/api/v1/queue/appointments/{near['appointment_code']}/cancel")
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_checked_in"
    listed = {i["appointment_code"]: i for i in sup.get("/api/v1/queue/appointments",
                                                        params={"date": "2026-12-01"}).json()["items"]}
    assert listed[near["appointment_code"]]["ticket_no"] == t["ticket_no"]


def test_missed_appointments_are_counted(start: StartFn) -> None:
    server = start_hall(start, checkin_late_min=15)
    sup, kiosk = Api(server, "sup01"), Api(server, "kiosk01")
    shown = book(sup, n=1, date="2026-12-01", slot="10:30")
    book(sup, n=2, date="2026-12-01", slot="10:30")
    gone = book(sup, n=3, date="2026-12-01", slot="11:00")
    sup.post(f"/api/v1/queue/appointments/{gone['appointment_code']}/cancel")
    assert kiosk.post("/api/v1/queue/check-in", json={"appointment_code": shown["appointment_code"]}).status_code == 201
    counts = sup.get("/api/v1/queue/stats").json()["services"]["intake"]["appointments"]
    assert counts == {"booked": 2, "checked_in": 1, "missed": 0, "cancelled": 1}
    server.freeze_clock(TUESDAY.replace(hour=11, minute=16))  # 10:30 slot ended 11:00, +15 min grace
    counts = sup.get("/api/v1/queue/stats").json()["services"]["intake"]["appointments"]
    assert counts["missed"] == 1
    r = kiosk.post("/api/v1/queue/check-in", json={"id_number": ric(2)})
    assert r.status_code == 409 and r.json()["error"]["code"] == "too_late"


def test_parallel_bookings_never_overbook(start: StartFn, db_url: str) -> None:
    server = start_hall(start, db_url=db_url, slot_capacity={"intake": 4})
    apis = [Api(server, "app01") for _ in range(10)]
    barrier = threading.Barrier(len(apis))
    codes: list[int] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        r = apis[i].post("/api/v1/queue/appointments", json=booking(n=100 + i))
        with lock:
            codes.append(r.status_code)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(apis))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(codes) == [201] * 4 + [409] * 6
    assert slots(apis[0], "2026-12-02")["slots"][0]["booked"] == 4
