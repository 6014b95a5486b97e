"""The queue screens of issue 21 in English: every kiosk page (an offline fallback ticket included), the
supervisor's phone-booking and SMS tabs, the call-number dialog, and the core's new queue messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.test_english import CJK, chinese, chrome_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    translator = ui_app.install_translator(qapp, "en")
    assert translator is not None
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def tasks(qtbot):  # type: ignore[no-untyped-def]
    from ui.ops import TaskManager

    t = TaskManager()
    yield t
    t.wait(10000)


def test_every_kiosk_page_in_english(qtbot, english, tasks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import HallClient
    from clerk.settings import HallSettings
    from clerk.store import Store
    from ui.queue.common import HallAccess
    from ui.queue.kiosk import BOOK, CHECK_IN, KioskAccess, KioskWindow

    hall = HallSettings()
    no_server = HallAccess(lambda: HallClient("", lambda: None))
    w = KioskWindow(KioskAccess.over(no_server, Store(tmp_path / "k.sqlite3"), "kiosk-en", "X1"), hall, tasks,
                    auto_retry=False)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.state is not None, timeout=10000)
    assert w.offline_banner.isVisible() and "X1" in w.offline_banner.text()
    assert chinese(chrome_texts(w), data=(hall.name,)) == []
    with qtbot.waitSignal(w.issued, timeout=10000) as got:
        w.take("intake")
    assert got.args[0].ticket.offline
    left = chinese(chrome_texts(w), data=(hall.name,))
    assert left == [] and "fallback number of this kiosk" in w.ticket_note.text()
    w.open_check_in()
    assert w.pages.currentIndex() == CHECK_IN and chinese(chrome_texts(w), data=(hall.name,)) == []
    w.open_booking()
    qtbot.waitUntil(lambda: w.book_error.isVisible(), timeout=10000)  # no server: said in English
    assert w.pages.currentIndex() == BOOK and chinese(chrome_texts(w), data=(hall.name,)) == []
    assert not CJK.search(w.book_day.currentText())
    w.stop()


def test_supervisor_tabs_and_call_dialog_in_english(qtbot, english, tasks) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import HallClient, ParkedTicket
    from ui.queue.caller_bar import CallNumberDialog
    from ui.queue.common import HallAccess
    from ui.queue.supervisor import SupervisorWindow

    w = SupervisorWindow(HallAccess(lambda: HallClient("", lambda: None)), None, tasks, "", auto_poll=False)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    for page in (w.booking, w.sms):
        w.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
        assert chinese(chrome_texts(w)) == []
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == ["Hall", "Phone booking", "SMS journal"]
    w.stop()
    dialog = CallNumberDialog((ParkedTicket(1, "A003", "2026-12-01T10:12:00+08:00"),))
    qtbot.addWidget(dialog)
    dialog.show()
    assert chinese(chrome_texts(dialog), data=()) == [] and not CJK.search(dialog.windowTitle())


def test_the_new_queue_messages_in_english(english) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import BookingRefused, CheckInRefused, FallbackUnavailable, InvalidBooking
    from clerk.queueing.errors import IllegalTicketMove
    from clerk.queueing.kiosk import fallback_note
    from ui import labels, messages

    texts = [messages.describe(e) for e in (
        FallbackUnavailable(), InvalidBooking("id_number", "身份证号码不正确，请核对后重新输入"),
        BookingRefused("slot_full", "该时段已约满，请选择其他时段。"),
        BookingRefused("today", "当天办理请直接取号；自助预约仅限以后的日期。"),
        CheckInRefused("too_early", "还没到签到时间，请于 10:30 后签到"),
        IllegalTicketMove("当前号 A001 尚未处理完：请先办结、暂挂、过号或转移，再叫号"),
        IllegalTicketMove("“a-3”不是排队号（如 A012、X1A003）"))]
    texts += [messages.translate(fallback_note("X1")), messages.translate(fallback_note("X1") + "；预约将在系统恢复后核验"),
              messages.translate("预约签到成功，请留意叫号")]
    assert all(not CJK.search(t) for t in texts), texts
    assert "after 10:30" in texts[4] and "X1" in texts[7]
    assert labels.sms_kind("near") == "Turn near" and labels.appointment_state("missed") == "Missed"
