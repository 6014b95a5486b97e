"""The kiosk screen of issue 21 through its real widgets, keyboard-driven, against a real hall server:
numbering kept through a server outage (fallback tickets, shown as such), handed over when the server
is back, then called and shown on the hall display; appointment check-in by code and booking a later
day at the kiosk. Screenshots for docs/screenshots with WINDOW_CLERK_SCREENSHOTS=1."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from backoffice.config import HALL_TZ
from backoffice.embedded import EmbeddedServer, start_server
from backoffice.hall import HallConfig
from clerk.queueing import AppointmentDesk, CallerService, HallClient, Priority
from clerk.settings import HallSettings
from clerk.store import Store
from tests.helpers.queue import PASSWORD
from tests.helpers.ui import type_text
from ui.ops import TaskManager
from ui.qt import Qt
from ui.queue.common import HallAccess
from ui.queue.kiosk import BOOK, CHECK_IN, CHOOSE, TICKET, KioskAccess, KioskWindow

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
def servers() -> Iterator[list[EmbeddedServer]]:
    made: list[EmbeddedServer] = []
    yield made
    for s in made:
        if s.running:
            s.stop()


def shot(w, name: str) -> None:  # type: ignore[no-untyped-def]
    image = w.grab()
    assert not image.isNull() and image.width() > 0
    if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SHOTS / name))


def show(qtbot, w, size: tuple[int, int] = (1366, 768)) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)


def login(url: str, user: str) -> HallClient:
    token = HallClient(url).login(user, PASSWORD, f"{user}-device")
    return HallClient(url, lambda: token)


def press(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """A kiosk button by keyboard: focus it, press Space."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_kiosk_keeps_numbering_through_an_outage(qtbot, tasks, tmp_path: Path,
                                                     servers: list[EmbeddedServer]) -> None:  # type: ignore[no-untyped-def]
    from ui.queue.audio import Announcer
    from ui.queue.display import DisplayWindow

    db, files = f"sqlite:///{tmp_path / 'hall.sqlite3'}", tmp_path / "files"
    server = start_server(db, files, sms_dispatch=False)
    servers.append(server)
    port, url = server.port, server.url
    server.create_user("kiosk01", PASSWORD, ["kiosk"])
    server.create_user("boss", PASSWORD, ["supervisor"])
    token = HallClient(url).login("kiosk01", PASSWORD, "kiosk-a")  # kept in the hall's database: valid after
    prefix = HallClient(url, lambda: token).claim_prefix("kiosk-a")  # the restart too
    kiosk = KioskAccess.over(HallAccess.for_url(url, lambda: token), Store(tmp_path / "kiosk.sqlite3"), "kiosk-a",
                             prefix)
    from printing import PdfFilePrinter
    from tests.helpers.printing import pdf_text, squeezed

    printed = tmp_path / "tickets"
    w = KioskWindow(kiosk, HallSettings(), tasks, PdfFilePrinter(printed), auto_retry=False)
    show(qtbot, w)
    qtbot.waitUntil(lambda: w.state is not None and len(w.service_buttons) == 3, timeout=10000)
    assert w.state.online and not w.offline_banner.isVisible()
    with qtbot.waitSignal(w.issued, timeout=10000) as first:
        press(qtbot, w.service_buttons["intake"])
    assert first.args[0].ticket.ticket_no == "A001" and not w.ticket_fallback.isVisible() and first.args[0].printed
    press(qtbot, w.done_button)
    qtbot.waitUntil(lambda: not w._loading, timeout=10000)

    server.stop()  # —— the hall server is down ——
    with qtbot.waitSignal(w.state_changed, timeout=15000) as probed:
        w.load_services()
    assert probed.args[0].online is False
    assert w.offline_banner.isVisible() and f"{prefix} 号段" in w.offline_banner.text()
    assert "应急取号" in w.service_buttons["intake"].text()  # the buttons stay, from the last known services
    shot(w, "queue-kiosk-offline.png")
    with qtbot.waitSignal(w.issued, timeout=15000) as off:
        press(qtbot, w.service_buttons["intake"])
    t = off.args[0].ticket
    assert t.offline and t.ticket_no == f"{prefix}A001" and w.ticket_no.text() == t.ticket_no
    assert w.ticket_fallback.isVisible() and "应急号" in w.ticket_fallback.text()
    assert "本机应急号" in w.ticket_info.text() and f"{prefix} 号段" in w.ticket_note.text()
    assert off.args[0].printed  # the printed ticket says so too, and does not claim how many wait
    text = squeezed(pdf_text(max(printed.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns).read_bytes()))
    assert t.ticket_no in text and "本机应急号" in text and "系统恢复后按取号先后顺序排队" in text
    assert "您前面还有" not in text
    shot(w, "queue-kiosk-fallback-ticket.png")
    press(qtbot, w.done_button)
    qtbot.waitUntil(lambda: not w._loading, timeout=15000)
    assert w.offline_banner.isVisible()
    numbers = [t.ticket_no]
    for service in ("intake", "pickup"):
        qtbot.waitUntil(lambda: not w._loading and not w.busy, timeout=15000)
        with qtbot.waitSignal(w.issued, timeout=15000) as more:
            press(qtbot, w.service_buttons[service])
        numbers.append(more.args[0].ticket.ticket_no)
        w.back()
    assert numbers == [f"{prefix}A001", f"{prefix}A002", f"{prefix}B001"]

    # —— the server is back on the same address: the next probe hands the three over ——
    servers.append(start_server(db, files, port=port, sms_dispatch=False))
    qtbot.waitUntil(lambda: not w._loading, timeout=15000)
    with qtbot.waitSignal(w.state_changed, timeout=15000) as back:
        w.load_services()
    state = back.args[0]
    assert state.online and state.pending == 0 and state.reconciled is not None
    assert sorted(state.reconciled.handed) == sorted(numbers)
    assert not w.offline_banner.isVisible() and w.back_banner.isVisible() and "3 张应急号" in w.back_banner.text()
    assert "等候" in w.service_buttons["intake"].text()
    with qtbot.waitSignal(w.state_changed, timeout=15000) as again:  # handing over again: nothing left to do
        w.load_services()
    assert again.args[0].pending == 0 and again.args[0].reconciled is None

    # the hall's board and display show them; a window calls them in the order they were taken
    boss = login(url, "boss")
    assert boss.board().waiting == {"intake": 3, "pickup": 1, "consult": 0}
    display = DisplayWindow(HallAccess.for_url(url, boss.token_provider), "测试大厅", tasks,
                            announcer=Announcer(tasks, tmp_path / "voice"), auto_poll=False)
    show(qtbot, display, (1920, 1080))
    caller = CallerService(boss, "W01", retries=0)
    caller.open_window(["intake"])
    called = []
    for _ in range(3):
        ticket = caller.call_next()
        assert ticket is not None
        called.append(ticket.ticket_no)
        with qtbot.waitSignal(display.board_shown, timeout=10000):
            display.poll()
        assert display.now_number.text() == ticket.ticket_no
        assert display.now_fallback.isVisible() is ticket.fallback
        caller.start()
        caller.finish()
    assert called == ["A001", f"{prefix}A001", f"{prefix}A002"]
    assert f"{prefix}A001（应急号）" in display.recent.text()
    shot(display, "queue-display-fallback.png")
    w.stop()
    display.stop()


@pytest.fixture
def tuesday_hall(tmp_path: Path) -> Iterator[EmbeddedServer]:
    from clerk import clock

    server = start_server(f"sqlite:///{tmp_path / 'hall.sqlite3'}", tmp_path / "files",
                          hall=HallConfig(slot_capacity={"intake": 1, "pickup": 2, "consult": 1}), sms_dispatch=False)
    server.freeze_clock(TUESDAY)
    server.create_user("kiosk01", PASSWORD, ["kiosk"])
    server.create_user("boss", PASSWORD, ["supervisor"])
    clock.set_clock(lambda: TUESDAY)
    yield server
    clock.set_clock(None)
    server.stop()


def ric(n: int) -> str:
    from stdnum.cn import ric as std

    base = f"23010219900101{n % 1000:03d}"
    return base + std.calc_check_digit(base + "0")


def test_check_in_by_code_and_booking_a_later_day(qtbot, tasks, tmp_path: Path,
                                                  tuesday_hall: EmbeddedServer) -> None:  # type: ignore[no-untyped-def]
    url = tuesday_hall.url
    desk = AppointmentDesk(login(url, "boss"))
    code = desk.book("intake", TUESDAY.date(), "10:30", "王五", ric(1), "13900000001").appointment_code
    kiosk_client = login(url, "kiosk01")
    kiosk = KioskAccess.over(HallAccess(lambda: kiosk_client), Store(tmp_path / "kiosk.sqlite3"), "kiosk-a", "X1",
                             now=lambda: TUESDAY)
    w = KioskWindow(kiosk, HallSettings(), tasks, None, auto_retry=False)
    show(qtbot, w)
    qtbot.waitUntil(lambda: w.state is not None, timeout=10000)
    assert w.check_in_button.isVisible() and w.book_button.isVisible()

    # 预约签到: the code typed, Enter
    press(qtbot, w.check_in_button)
    assert w.pages.currentIndex() == CHECK_IN and w.code_edit.hasFocus()
    qtbot.keyClicks(w.code_edit, "NOPE2345")
    with qtbot.waitSignal(w.failed, timeout=10000):
        qtbot.keyClick(w.code_edit, Qt.Key.Key_Return)
    assert w.check_in_error.isVisible() and w.pages.currentIndex() == CHECK_IN
    assert "没有找到这个预约" in w.check_in_error.text()
    w.code_edit.clear()
    qtbot.keyClicks(w.code_edit, code.lower())
    with qtbot.waitSignal(w.issued, timeout=10000) as checked:
        qtbot.keyClick(w.code_edit, Qt.Key.Key_Return)
    t = checked.args[0].ticket
    assert t.priority is Priority.APPOINTMENT and t.appointment_code == code and not t.offline
    assert w.pages.currentIndex() == TICKET and w.ticket_no.text() == t.ticket_no
    assert "预约签到成功" in w.ticket_note.text() and "预约优先" in w.ticket_info.text()
    assert desk.find(code).state == "checked_in"
    press(qtbot, w.done_button)
    assert w.pages.currentIndex() == CHOOSE

    # 预约以后日期: service, day and slot chosen by keys, the person typed; a wrong ID number is refused here
    qtbot.waitUntil(lambda: not w._loading, timeout=10000)
    with qtbot.waitSignal(w.slots_shown, timeout=10000) as listed:
        press(qtbot, w.book_button)
    assert w.pages.currentIndex() == BOOK and w.book_service.hasFocus()
    assert listed.args[0].date == "2026-12-02" and w.book_day.currentText().startswith("12月2日")
    shot(w, "queue-kiosk-booking.png")
    qtbot.keyClick(w.book_service, Qt.Key.Key_Tab)
    assert w.book_day.hasFocus()
    qtbot.keyClick(w.book_service.window(), Qt.Key.Key_Tab)
    assert w.slot_list.hasFocus()
    first = w.slot_list.currentItem().text()
    assert first.startswith("09:00-09:30") and "余 1 个" in first
    qtbot.keyClick(w.slot_list, Qt.Key.Key_Down)  # 09:30
    qtbot.keyClick(w.slot_list, Qt.Key.Key_Tab)
    assert w.book_name.hasFocus()
    type_text(qtbot, w.book_name, "钱七")
    qtbot.keyClick(w.book_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(w.book_id, ric(3)[:-1] + ("0" if ric(3)[-1] != "0" else "1"))
    qtbot.keyClick(w.book_id, Qt.Key.Key_Tab)
    qtbot.keyClicks(w.book_phone, "13900000003")
    with qtbot.waitSignal(w.failed, timeout=10000) as refused:
        qtbot.keyClick(w.book_phone, Qt.Key.Key_Return)
    assert "身份证号码不正确" in refused.args[0] and w.book_id.hasFocus()  # the bad field, selected to retype
    qtbot.keyClicks(w.book_id, ric(3))
    qtbot.keyClick(w.book_id, Qt.Key.Key_Tab)
    assert w.book_phone.hasFocus()
    with qtbot.waitSignal(w.booked, timeout=10000) as booked:
        qtbot.keyClick(w.book_phone, Qt.Key.Key_Return)
    b = booked.args[0]
    assert (b.date, b.slot, b.service) == ("2026-12-02", "09:30", "intake")
    assert w.pages.currentIndex() == TICKET and w.ticket_no.text() == b.appointment_code
    assert "12月2日 09:30-10:00" in w.ticket_info.text() and "预约码已发送" in w.ticket_note.text()
    shot(w, "queue-kiosk-booked.png")
    on_server = desk.find(b.appointment_code)
    assert on_server.channel == "kiosk" and on_server.state == "booked" and on_server.name == "钱*"
    # the slot is now full: listed as such and cannot be chosen
    press(qtbot, w.done_button)
    qtbot.waitUntil(lambda: not w._loading, timeout=10000)
    with qtbot.waitSignal(w.slots_shown, timeout=10000):
        press(qtbot, w.book_button)
    full = w.slot_list.item(1)
    assert "已约满" in full.text() and not full.flags() & Qt.ItemFlag.ItemIsSelectable
    w.stop()
