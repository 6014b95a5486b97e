"""Messages to the waiting person (the SMS journal at the right moments, delivery through the plug-in)
and the ticket's status page with its wait estimate, through the real server."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import requests

from backoffice.hall import HallConfig
from tests.backoffice.queue2_helpers import (
    TUESDAY,
    RecordingGateway,
    book,
    call_next,
    open_window,
    sms,
    start_hall,
    take,
)
from tests.helpers.backoffice import Api, StartFn


def kinds(server: Any) -> list[tuple[str, str]]:
    return [(m["kind"], m["ticket_no"]) for m in sms(server)]


def test_journal_at_the_right_moments(start: StartFn) -> None:
    gw = RecordingGateway()
    server = start_hall(start, notify_ahead=2, gateway=gw, name="道里区政务服务中心")
    kiosk, clerk = Api(server, "kiosk01"), Api(server, "clerk01")
    nos = [take(kiosk, phone=f"1380000000{i}")["ticket_no"] for i in range(5)]
    silent = take(kiosk)  # no phone: never a message
    assert kinds(server) == [("issued", no) for no in nos]
    first = sms(server)[0]
    assert first["message"].startswith("【道里区政务服务中心】您已取号 A001（综合受理），前面还有 0 人，进度：")
    assert first["phone"] == "138****0000" and first["state"] == "queued"
    assert "前面还有 4 人" in sms(server)[4]["message"]
    open_window(clerk, "W03")
    call_next(clerk, "W03")  # A001 called; A004 now has 2 ahead → near
    assert kinds(server)[5:] == [("called", "A001"), ("near", "A004")]
    assert sms(server)[5]["message"].endswith("请 A001 号到 3 号窗口办理")
    assert "A004 号前面还有 2 人" in sms(server)[6]["message"]
    call_next(clerk, "W03")  # A002; A005 near
    call_next(clerk, "W03")  # A003; nobody new is near (A004 and A005 were told once)
    assert kinds(server)[7:] == [("called", "A002"), ("near", "A005"), ("called", "A003")]
    assert all(m["ticket_no"] != silent["ticket_no"] for m in sms(server))
    # delivery: the plug-in gets the clear number, the journal keeps it masked
    assert server.drain_sms() == 10
    assert gw.sent[0][0] == "13800000000" and gw.sent[0][1] == first["message"]
    assert {m["state"] for m in sms(server)} == {"sent"}
    assert server.drain_sms() == 0  # sent once


def test_recall_sends_nothing_new_but_a_call_back_does(start: StartFn) -> None:
    server = start_hall(start, notify_ahead=0)
    clerk = Api(server, "clerk01")
    open_window(clerk, "W03")
    t = take(Api(server, "kiosk01"), phone="13900000009")
    call_next(clerk, "W03")
    clerk.post(f"/api/v1/queue/tickets/{t['ticket_id']}/recall")
    clerk.post(f"/api/v1/queue/tickets/{t['ticket_id']}/park")
    clerk.post("/api/v1/queue/windows/W03/call", json={"ticket_no": t["ticket_no"]})
    assert kinds(server) == [("issued", "A001"), ("called", "A001"), ("called", "A001")]


def test_bookings_are_confirmed_and_cancellations_told(start: StartFn) -> None:
    server = start_hall(start)
    code = book(Api(server, "app01"), n=3)["appointment_code"]
    Api(server, "app01").post(f"/api/v1/queue/appointments/{code}/cancel")
    got = sms(server)
    assert [m["kind"] for m in got] == ["booked", "cancelled"]
    assert f"预约码 {code}" in got[0]["message"] and "12月2日 09:00-09:30 综合受理" in got[0]["message"]
    assert got[0]["appointment_code"] == code and got[0]["phone"] == "139****0003"


def test_failed_delivery_is_retried_then_given_up(start: StartFn) -> None:
    gw = RecordingGateway(fail=2)
    server = start_hall(start, gateway=gw)
    take(Api(server, "kiosk01"), phone="13900000001")
    assert server.drain_sms() == 0 and server.drain_sms() == 0
    assert sms(server)[0]["attempts"] == 2 and sms(server)[0]["state"] == "queued"
    assert server.drain_sms() == 1 and len(gw.sent) == 1
    gw.fail = 99
    take(Api(server, "kiosk01"), phone="13900000002")
    for _ in range(6):
        server.drain_sms()
    assert sms(server)[1]["state"] == "failed" and sms(server)[1]["attempts"] == 5


def test_dispatcher_thread_delivers_after_the_commit(start: StartFn) -> None:
    delivered = threading.Event()

    class Signalling(RecordingGateway):
        def send(self, phone: str, message: str, **kw: Any) -> None:
            super().send(phone, message)
            delivered.set()

    gw = Signalling()
    server = start(hall=HallConfig(), sms_dispatch=True, sms_gateway=gw)
    server.create_user("kiosk01", "s3cret-pass", ["kiosk"], org_code="230102")
    take(Api(server, "kiosk01"), phone="13900000003")
    assert delivered.wait(30)
    assert gw.sent[0][0] == "13900000003"


def test_status_page_shows_position_and_estimate(start: StartFn) -> None:
    server = start_hall(start, default_service_s=600)
    kiosk, sup = Api(server, "kiosk01"), Api(server, "sup01")
    open_window(sup, "W01")
    a1 = take(kiosk)
    assert a1["estimated_wait_min"] == 0 and a1["status_token"] and a1["status_url"] == \
        f"{server.url}/q/{a1['status_token']}"
    a2 = take(kiosk)
    assert a2["estimated_wait_min"] == 10  # nobody finished yet: 600 s assumed
    # two finished tickets of 120 s and 240 s: the estimate averages them
    for seconds in (120, 240):
        t = call_next(sup, "W01")
        assert t is not None
        sup.post(f"/api/v1/queue/tickets/{t['ticket_id']}/start")
        server.freeze_clock(server.ctx.config.clock.now() + dt.timedelta(seconds=seconds))
        sup.post(f"/api/v1/queue/tickets/{t['ticket_id']}/finish")
    b = [take(kiosk, phone="13900000004") for _ in range(3)]
    page = requests.get(b[2]["status_url"], timeout=10)  # no login
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert b[2]["ticket_no"] in html and "前面还有 <b>2</b> 人" in html and "预计等候约 6 分钟" in html
    assert "1390000" not in html and "综合受理" in html
    status = requests.get(f"{server.url}/api/v1/queue/status/{b[2]['status_token']}", timeout=10).json()
    assert status["waiting_ahead"] == 2 and status["estimated_wait_min"] == 6 and status["state"] == "waiting"
    open_window(sup, "W02")  # two windows serve intake: half the wait
    status = requests.get(f"{server.url}/api/v1/queue/status/{b[2]['status_token']}", timeout=10).json()
    assert status["estimated_wait_min"] == 3
    called = call_next(sup, "W02")
    status = requests.get(f"{server.url}/api/v1/queue/status/{b[0]['status_token']}", timeout=10).json()
    assert called is not None and status["state"] == "called" and status["window_label"] == "2 号窗口"
    assert "请到 <b>2 号窗口</b>" in requests.get(b[0]["status_url"], timeout=10).text
    for bad in ("x" * 24, "short", "../../etc"):
        assert requests.get(f"{server.url}/q/{bad}", timeout=10).status_code == 404
        assert requests.get(f"{server.url}/api/v1/queue/status/{bad}", timeout=10).status_code == 404


def test_status_base_url_from_the_hall_settings(start: StartFn) -> None:
    server = start_hall(start, status_base_url="https://hall.example.gov.cn/")
    t = take(Api(server, "kiosk01"))
    assert t["status_url"] == f"https://hall.example.gov.cn/q/{t['status_token']}"
    assert TUESDAY.date().isoformat() == server.ctx.config.clock.today().isoformat()
