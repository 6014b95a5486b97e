"""The supervisor dashboard's phone line (电话预约) and SMS journal (短信记录) through the real widgets, by
keys, against a real hall server on a known Tuesday: slots, a booking, a full slot, a duplicate, a
cancel, the day's bookings masked, and the journal listing the booking and cancellation messages."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from backoffice.config import HALL_TZ
from backoffice.embedded import EmbeddedServer, start_server
from backoffice.hall import HallConfig
from clerk.queueing import AppointmentDesk, HallClient
from tests.helpers.queue import PASSWORD
from tests.helpers.ui import type_text
from ui.ops import TaskManager
from ui.qt import QDate, Qt
from ui.queue.common import HallAccess

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TUESDAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=HALL_TZ)


@pytest.fixture(scope="module", autouse=True)
def _prepared(qapp):  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    ui_app.prepare(qapp)
    return qapp


@pytest.fixture
def tasks(qtbot) -> Iterator[TaskManager]:  # type: ignore[no-untyped-def]
    t = TaskManager()
    yield t
    t.wait(10000)


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[EmbeddedServer]:
    from clerk import clock

    server = start_server(f"sqlite:///{tmp_path / 'hall.sqlite3'}", tmp_path / "files",
                          hall=HallConfig(slot_capacity={"intake": 1, "pickup": 2, "consult": 1}), sms_dispatch=False)
    server.freeze_clock(TUESDAY)
    server.create_user("boss", PASSWORD, ["supervisor"])
    clock.set_clock(lambda: TUESDAY)
    yield server
    clock.set_clock(None)
    server.stop()


def ric(n: int) -> str:
    from stdnum.cn import ric as std

    base = f"23010219900101{n % 1000:03d}"
    return base + std.calc_check_digit(base + "0")


def test_phone_booking_and_the_sms_journal(qtbot, tasks, hall: EmbeddedServer) -> None:  # type: ignore[no-untyped-def]
    from ui.queue.supervisor import SupervisorWindow

    token = HallClient(hall.url).login("boss", PASSWORD, "sup-desk")
    access = HallAccess.for_url(hall.url, lambda: token)
    today = AppointmentDesk(HallClient(hall.url, lambda: token))  # today's bookings: one checked in, one not
    today.check_in(code=today.book("intake", TUESDAY.date(), "10:30", "孙八", ric(8), "13900000008").appointment_code)
    today.book("intake", TUESDAY.date(), "11:00", "周九", ric(9), "13900000009")
    w = SupervisorWindow(access, None, tasks, "测试大厅", auto_poll=False)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.refreshed, timeout=10000):
        w.refresh()
    qtbot.waitUntil(lambda: w.tabs.isTabVisible(w.tabs.indexOf(w.booking)), timeout=10000)
    assert w.queues.item(0, 0).text() == "综合受理" and w.queues.item(0, 8).text() == "1/2"  # checked in / booked
    assert w.queues.item(0, 6).text() == "0" and w.queues.item(0, 7).text() == "0"
    panel = w.booking
    assert panel.day.date() == QDate(2026, 12, 2)  # tomorrow by default
    with qtbot.waitSignal(panel.slots_shown, timeout=10000) as listed:
        w.tabs.setCurrentWidget(panel)
    slots = listed.args[0]
    assert slots.date == "2026-12-02" and slots.slots[0].slot == "09:00" and slots.slots[0].capacity == 1
    assert panel.slot_table.currentRow() == 0 and panel.slot_table.item(0, 3).text() == "1"

    # the caller on the phone: slot 09:30 (↓ in the table), name, ID number, phone, Enter
    panel.slot_table.setFocus()
    qtbot.keyClick(panel.slot_table, Qt.Key.Key_Down)
    assert panel.chosen_slot() == "09:30"
    type_text(qtbot, panel.name, "王五")
    qtbot.keyClick(panel.name, Qt.Key.Key_Tab)
    assert panel.id_number.hasFocus()
    qtbot.keyClicks(panel.id_number, ric(1))
    qtbot.keyClick(panel.id_number, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.phone, "1390000000")  # one digit short
    with qtbot.waitSignal(panel.message, timeout=10000) as said:
        qtbot.keyClick(panel.phone, Qt.Key.Key_Return)
    assert "手机号码不正确" in said.args[0] and panel.phone.hasFocus()
    qtbot.keyClicks(panel.phone, "13900000001")
    with qtbot.waitSignal(panel.booked, timeout=10000) as booked:
        qtbot.keyClick(panel.phone, Qt.Key.Key_Return)
    b = booked.args[0]
    assert (b.service, b.date, b.slot) == ("intake", "2026-12-02", "09:30")
    assert b.appointment_code in panel.result.text() and panel.name.hasFocus() and panel.name.text() == ""
    qtbot.waitUntil(lambda: panel.booking_table.rowCount() == 1, timeout=10000)
    row = [panel.booking_table.item(0, c).text() for c in range(panel.booking_table.columnCount())]
    assert row[0] == b.appointment_code and row[3] == "王*" and row[5] == "139****0001"
    assert row[6] == "电话" and row[7] == "已预约"
    assert panel.slot_table.item(1, 3).text() == "0"  # 09:30 now full
    if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        w.grab().save(str(SHOTS / "queue-supervisor-booking.png"))

    # the same person again that day: refused with the hall's reason; the full slot cannot be chosen
    panel.slot_table.setFocus()
    panel.slot_table.selectRow(1)
    assert panel.chosen_slot() == ""
    panel.slot_table.selectRow(2)
    type_text(qtbot, panel.name, "王五")
    panel.id_number.setFocus()
    qtbot.keyClicks(panel.id_number, ric(1))
    panel.phone.setFocus()
    qtbot.keyClicks(panel.phone, "13900000001")
    with qtbot.waitSignal(panel.message, timeout=10000) as dup:
        qtbot.keyClick(panel.phone, Qt.Key.Key_Return)
    assert "不能重复预约" in dup.args[0]

    # cancel it from the day's list
    panel.booking_table.setFocus()
    panel.booking_table.selectRow(0)
    with qtbot.waitSignal(panel.cancelled, timeout=10000):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.booking_table.item(0, 7).text() == "已取消", timeout=10000)
    assert AppointmentDesk(HallClient(hall.url, lambda: token)).find(b.appointment_code).state == "cancelled"
    qtbot.waitUntil(lambda: panel.slot_table.item(1, 3).text() == "1", timeout=10000)  # the place is free again

    # the SMS journal: the booking and its cancellation, phones masked
    with qtbot.waitSignal(w.sms.loaded, timeout=10000) as loaded:
        w.tabs.setCurrentWidget(w.sms)
    n = loaded.args[0]
    kinds = [w.sms.table.item(r, 1).text() for r in range(n)]
    assert kinds[:2] == ["预约取消", "预约成功"]  # newest first
    assert all(w.sms.table.item(r, 3).text() == "139****0001" for r in range(2))
    assert b.appointment_code in w.sms.table.item(1, 4).text() and w.sms.table.item(1, 5).text() == "待发送"
    assert f"共 {n} 条" in w.sms.summary.text()
    assert hall.drain_sms() == n
    with qtbot.waitSignal(w.sms.loaded, timeout=10000):
        qtbot.mouseClick(w.sms.refresh_button, Qt.MouseButton.LeftButton)
    assert {w.sms.table.item(r, 5).text() for r in range(n)} == {"已发送"}
    if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):
        w.grab().save(str(SHOTS / "queue-supervisor-sms.png"))
    w.stop()


def test_a_hall_without_appointments_hides_the_tabs(qtbot, tasks) -> None:  # type: ignore[no-untyped-def]
    from ui.queue.supervisor import SupervisorWindow

    w = SupervisorWindow(HallAccess(lambda: HallClient("", lambda: None)), None, tasks, "", auto_poll=False)
    qtbot.addWidget(w)
    w.show_features(False, False)
    assert not w.tabs.isTabVisible(w.tabs.indexOf(w.booking)) and not w.tabs.isTabVisible(w.tabs.indexOf(w.sms))
    w.stop()
