"""Kiosk, hall display and supervisor dashboard through their real widgets against a real hall server;
screenshots at 1600×900 for docs/screenshots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clerk.queueing import HallClient, Priority, SupervisorService, Thresholds, WindowState
from clerk.queueing.speech import levels
from clerk.settings import HallSettings
from tests.helpers.queue import PASSWORD
from ui.ops import TaskManager
from ui.qt import Qt
from ui.queue.common import HallAccess

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module", autouse=True)
def _prepared(qapp):  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    ui_app.prepare(qapp)
    return qapp


@pytest.fixture
def access(hall) -> HallAccess:  # type: ignore[no-untyped-def]
    token = HallClient(hall.url).login("boss", PASSWORD, "screen")
    return HallAccess.for_url(hall.url, lambda: token)


@pytest.fixture
def tasks(qtbot) -> TaskManager:  # type: ignore[no-untyped-def]
    t = TaskManager()
    yield t
    t.wait(10000)


def _shot(w, name: str) -> None:  # type: ignore[no-untyped-def]
    """The screen renders; written to docs/screenshots only with WINDOW_CLERK_SCREENSHOTS=1."""
    image = w.grab()
    assert not image.isNull() and image.width() > 0
    if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SHOTS / name))


def _show(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)


def test_kiosk_issues_and_prints(qtbot, access, tasks, tmp_path, client: HallClient, hall) -> None:  # type: ignore[no-untyped-def]
    from printing import PdfFilePrinter
    from ui.queue.kiosk import KioskWindow

    printer = PdfFilePrinter(tmp_path / "tickets")
    w = KioskWindow(access, HallSettings(), tasks, printer)
    _show(qtbot, w)
    qtbot.waitUntil(lambda: len(w.service_buttons) == 3, timeout=10000)
    assert "综合受理" in w.service_buttons["intake"].text()
    _shot(w, "queue-kiosk.png")
    qtbot.mouseClick(w.priority_buttons[Priority.ELDERLY], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.issued, timeout=15000) as sig:
        qtbot.mouseClick(w.service_buttons["intake"], Qt.MouseButton.LeftButton)
    issued = sig.args[0]
    assert issued.printed and issued.ticket.priority is Priority.ELDERLY
    assert w.ticket_no.text() == issued.ticket.ticket_no == "A001"
    assert "老年人优先" in w.ticket_info.text() and "请取走小票" in w.print_note.text()
    pdfs = list((tmp_path / "tickets").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    _shot(w, "queue-kiosk-ticket.png")
    w.back()
    # appointment: the code is asked for, a wrong one is refused in plain words
    hall.create_appointment("YY2026", "pickup")
    qtbot.mouseClick(w.priority_buttons[Priority.APPOINTMENT], Qt.MouseButton.LeftButton)
    assert w.appointment.isVisible()
    qtbot.waitUntil(lambda: len(w.service_buttons) == 3 and not w.busy, timeout=10000)
    qtbot.mouseClick(w.service_buttons["pickup"], Qt.MouseButton.LeftButton)
    assert "预约码" in w.error.text()
    qtbot.keyClicks(w.appointment, "NOPE")
    with qtbot.waitSignal(w.failed, timeout=10000):
        qtbot.mouseClick(w.service_buttons["pickup"], Qt.MouseButton.LeftButton)
    assert "拒绝" in w.error.text()
    w.appointment.clear()
    qtbot.keyClicks(w.appointment, "YY2026")
    with qtbot.waitSignal(w.issued, timeout=15000) as sig2:
        qtbot.mouseClick(w.service_buttons["pickup"], Qt.MouseButton.LeftButton)
    assert sig2.args[0].ticket.priority is Priority.APPOINTMENT


def test_kiosk_without_printer_shows_ticket(qtbot, access, tasks) -> None:  # type: ignore[no-untyped-def]
    from ui.queue.kiosk import KioskWindow

    w = KioskWindow(access, HallSettings(), tasks, None)
    _show(qtbot, w)
    qtbot.waitUntil(lambda: len(w.service_buttons) == 3, timeout=10000)
    with qtbot.waitSignal(w.issued, timeout=15000) as sig:
        qtbot.mouseClick(w.service_buttons["consult"], Qt.MouseButton.LeftButton)
    assert not sig.args[0].printed and w.ticket_no.text() == "C001"
    assert "请记下您的号码" in w.print_note.text() and w.pages.currentIndex() == 1


def test_display_shows_and_announces(qtbot, access, tasks, client: HallClient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.queue.audio import Announcer
    from ui.queue.display import DisplayWindow

    client.put_window("W03", ["intake"], WindowState.OPEN)
    client.put_window("W05", ["pickup"], WindowState.OPEN)
    for _ in range(4):
        client.issue_ticket("intake")
    client.issue_ticket("pickup")
    client.call_next("W05")
    announcer = Announcer(tasks, tmp_path / "voice")
    w = DisplayWindow(access, "哈尔滨市道里区政务服务中心", tasks, announcer=announcer, auto_poll=False)
    _show(qtbot, w)
    with qtbot.waitSignal(w.board_shown, timeout=10000):
        w.poll()
    assert w.now_number.text() == "B001"  # shown, but not read out again (made before the display started)
    t = client.call_next("W03")
    assert t is not None
    with qtbot.waitSignal(w.announced, timeout=30000) as said:
        w.poll()
    text, wav = said.args
    assert text == "请 A001 号到 3 号窗口办理"
    assert w.now_number.text() == "A001" and "3 号窗口" in w.now_window.text()
    assert "综合受理：3 人" in w.waiting.text()
    rms, peak = levels(Path(wav))
    assert rms > 500 and peak > 5000  # a real chime and voice, not silence
    _shot(w, "queue-display.png")
    client.recall(t.ticket_id)
    with qtbot.waitSignal(w.announced, timeout=30000) as again:
        w.poll()
    assert again.args[0] == "请 A001 号到 3 号窗口办理"


@pytest.mark.qt_log_ignore("PulseAudioService", "Couldn.t (load|resolve)")
def test_announcer_play_without_device_does_not_crash(qtbot, tasks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import Announcement, Call
    from ui.queue.audio import Announcer

    a = Announcer(tasks, tmp_path, play=True)
    with qtbot.waitSignal(a.announced, timeout=30000):
        a.say(Announcement(Call("A009", "W02", "x"), "请 A009 号到 2 号窗口办理", "请，A 0 0 9，号，到2号窗口办理"))
    assert a.last_wav is not None and a.last_wav.exists()


def test_supervisor_alerts_tidal_reassign_export(qtbot, access, tasks, client: HallClient, tmp_path, hall) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from openpyxl import load_workbook

    from ui.queue.supervisor import SupervisorWindow

    client.put_window("W01", ["intake"], WindowState.OPEN)
    client.put_window("W02", ["pickup", "consult"], WindowState.OPEN)
    client.put_window("W04", ["intake"], WindowState.PAUSED)
    client.put_window("W06", [], WindowState.CLOSED)
    for _ in range(12):
        client.issue_ticket("intake")
    client.issue_ticket("pickup", Priority.ELDERLY)
    client.issue_ticket("consult")
    for win in ("W01", "W02"):
        t = client.call_next(win)
        assert t is not None
        client.start(t.ticket_id)
        hall.shift_clock(timedelta(minutes=6))  # each took six minutes
        client.finish(t.ticket_id)
    client.call_next("W01")
    service = SupervisorService(access.client(), Thresholds(display_wait_min=0, tidal_wait_min=10))
    w = SupervisorWindow(access, None, tasks, "哈尔滨市道里区政务服务中心", auto_poll=False, service=service)
    _show(qtbot, w)
    with qtbot.waitSignal(w.refreshed, timeout=10000):
        w.refresh()
    texts = [w.alerts.item(i).text() for i in range(w.alerts.count())]
    assert any("综合受理" in t and "最长已等候" in t for t in texts)
    assert "intake" in w.tidal_buttons and "4 号窗口" in w.tidal_buttons["intake"].text()
    assert w.windows.rowCount() == 4 and w.queues.item(0, 0).text() == "综合受理"
    qtbot.waitUntil(lambda: w.tidal_buttons["intake"].isVisible())
    _shot(w, "queue-supervisor.png")
    with qtbot.waitSignal(w.refreshed, timeout=10000):
        qtbot.mouseClick(w.tidal_buttons["intake"], Qt.MouseButton.LeftButton)
    info = client.get_window("W04")
    assert info.state is WindowState.OPEN and info.services == ("intake",)
    # export through the save-dialog seam (no native dialog)
    target = tmp_path / "out" / "day"
    w.save_dialog = lambda parent, caption, suggested, filt: str(target)
    with qtbot.waitSignal(w.exported, timeout=10000) as done:
        qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    wb = load_workbook(done.args[0])
    rows = {r[1]: r for r in wb["业务"].iter_rows(min_row=3, values_only=True)}
    assert rows["intake"][2] == 10 and rows["intake"][6] == 1
    assert rows["pickup"][6] == 1
    hours = list(wb["按小时"].iter_rows(min_row=3, values_only=True))
    assert hours and hours[-1][1] >= 10


def test_hour_chart_ticks_are_whole_distinct_and_cover_the_peak() -> None:
    """Issue 15: the chart's Y axis read "1, 1, 0, 0, 0" (round(top * i / 4) of a small top)."""
    from ui.queue.supervisor import axis_ticks

    for peak in range(0, 300):
        ticks = axis_ticks(peak)
        assert ticks[0] == 0 and ticks[-1] >= max(peak, 1)
        assert len(set(ticks)) == len(ticks) and ticks == sorted(ticks)
        assert str(ticks[1])[0] in "125"  # a 1-2-5 step
    assert axis_ticks(1) == [0, 1, 2, 3, 4]


def test_supervisor_never_opens_past_the_screen_edge(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: the supervisor opened at 1600×900 with its buttons off a 1366×768 screen."""
    from ui.qt import QWidget
    from ui.shell.launch import show_fitted

    w = QWidget()
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()
    show_fitted(w, room.width() + 234, room.height() + 132)
    assert w.width() <= room.width() and w.height() <= room.height()
    small = QWidget()
    qtbot.addWidget(small)
    show_fitted(small, room.width() // 2, room.height() // 2)
    assert (small.width(), small.height()) == (room.width() // 2, room.height() // 2)


def test_supervisor_fills_its_tables_soon_after_a_first_failed_refresh(qtbot, hall, tasks) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: the demo's supervisor tables stayed empty ~20 s (the platform was still starting at the
    first refresh, and the next came a 10 s poll later)."""
    from ui.queue.supervisor import POLL_MS, SupervisorWindow

    attempts: list[int] = []

    def token() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("platform still starting")
        return HallClient(hall.url).login("boss", PASSWORD, "screen")

    w = SupervisorWindow(HallAccess.for_url(hall.url, token), None, tasks, "大厅", auto_poll=True)
    _show(qtbot, w)
    with qtbot.waitSignal(w.refreshed, timeout=POLL_MS // 2):
        pass
    assert len(attempts) >= 2 and w.windows.rowCount() >= 0 and w.snapshot is not None
    w.timer.stop()
