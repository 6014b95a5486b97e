"""Park (暂挂, F10) and call a chosen number (叫指定号, F11) in the caller bar of the real main window,
against a real hall server, by keys: the parked list in the bar and in the dialog, calling one back,
calling a waiting ticket out of turn, and losing the race for a parked ticket to another window."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.context import AppContext
from clerk.queueing import HallClient, TicketState, WindowState
from clerk.security.actor import Actor, Role
from clerk.sync.session import login
from tests.helpers.queue import PASSWORD
from tests.helpers.ui import caller_bar, wait_idle
from ui.qt import Qt
from ui.shell.session import Session

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module", autouse=True)
def _prepared(qapp):  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    ui_app.prepare(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    from clerk import clock

    clock.set_clock(lambda: dt.datetime(2026, 9, 29, 10, 0, tzinfo=clock.CST))
    yield
    clock.set_clock(None)


def _window(qtbot, tmp_path: Path, hall_url: str):  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    ctx = AppContext.open(tmp_path / "data")
    login(ctx, hall_url, "clerk03", PASSWORD)
    w = MainWindow(Session(ctx, Actor("clerk03", "测试窗口", (Role.CLERK,), window="W03")))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    wait_idle(qtbot, w)
    return w


def _idle(qtbot, bar) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not bar.busy, timeout=10000)


def _f11(qtbot, w, bar):  # type: ignore[no-untyped-def]
    """F11 in the main window (active again once a dialog closed); the call-number dialog it opens."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bar.call_dialog is not None and bar.call_dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(bar.call_dialog.number.hasFocus, timeout=5000)
    return bar.call_dialog


def test_park_call_back_and_call_a_number_by_keys(qtbot, tmp_path, hall, client: HallClient) -> None:  # type: ignore[no-untyped-def]
    client.put_window("W03", ["intake"], WindowState.OPEN)
    client.put_window("W04", ["intake"], WindowState.OPEN)
    a1, a2, a3 = (client.issue_ticket("intake") for _ in range(3))
    w = _window(qtbot, tmp_path, hall.url)
    bar = caller_bar(w)
    try:
        assert bar.buttons["park"].isVisible() and bar.buttons["call_number"].isVisible()
        assert not bar.buttons["park"].isEnabled() and not bar.parked_button.isVisible()
        qtbot.keyClick(w, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == a1.ticket_no and bar.buttons["park"].isEnabled()

        # F10: the applicant went to copy a document
        qtbot.keyClick(w, Qt.Key.Key_F10)
        qtbot.waitUntil(lambda: bar.current is None and not bar.busy, timeout=10000)
        assert client.get_ticket(a1.ticket_id).state is TicketState.PARKED
        assert [p.ticket_no for p in client.get_window("W03").parked] == [a1.ticket_no]
        assert bar.parked_button.isVisible() and bar.parked_button.text() == "暂挂 1 ▾"
        assert "已暂挂" in w.statusBar().currentMessage()
        assert [a.text() for a in bar.parked_menu.actions()] == [f"叫回 {a1.ticket_no}"]
        qtbot.keyClick(w, Qt.Key.Key_F2)  # the window is free for the next one meanwhile
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == a2.ticket_no
        if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):
            SHOTS.mkdir(parents=True, exist_ok=True)
            w.grab().save(str(SHOTS / "queue-callerbar-parked.png"))
        bar.start()
        _idle(qtbot, bar)
        bar.finish()
        qtbot.waitUntil(lambda: bar.current is None and not bar.busy, timeout=10000)

        # F11: the parked ticket back — ↓ into the list, Enter
        dlg = _f11(qtbot, w, bar)
        assert dlg.parked.count() == 1 and dlg.parked.isVisible()
        if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):
            dlg.grab().save(str(SHOTS / "queue-call-number.png"))
        qtbot.keyClick(dlg.number, Qt.Key.Key_Down)
        assert dlg.parked.hasFocus() and dlg.number.text() == a1.ticket_no
        qtbot.keyClick(dlg.parked, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == a1.ticket_no and bar.current.state is TicketState.CALLED
        assert client.board().calls[0].ticket_no == a1.ticket_no and not bar.parked_button.isVisible()
        assert bar.call_dialog is None or not bar.call_dialog.isVisible()

        # F11 while a ticket is still called: refused before any request, in one line
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=5000)
        qtbot.keyClick(w, Qt.Key.Key_F11)
        assert bar.call_dialog is None  # the button (and its key) is off while the ticket is open
        bar.start()
        _idle(qtbot, bar)
        bar.finish()
        qtbot.waitUntil(lambda: bar.current is None and not bar.busy, timeout=10000)

        # a waiting ticket out of turn, typed; a bad number is said plainly
        dlg = _f11(qtbot, w, bar)
        assert not dlg.parked.isVisible()
        qtbot.keyClick(dlg.number, Qt.Key.Key_Return)
        assert dlg.isVisible() and "请输入排队号" in dlg.problem.text()
        qtbot.keyClicks(dlg.number, "a-3")
        qtbot.keyClick(dlg.number, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not bar.busy and "不是排队号" in w.statusBar().currentMessage(), timeout=10000)
        dlg = _f11(qtbot, w, bar)
        qtbot.keyClicks(dlg.number, a3.ticket_no.lower())
        qtbot.keyClick(dlg.number, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == a3.ticket_no

        # parked again, and window 4 calls it first: W03's call back is refused, nothing changes here
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=5000)
        qtbot.keyClick(w, Qt.Key.Key_F10)
        qtbot.waitUntil(lambda: bar.current is None and bar.parked_button.isVisible() and not bar.busy, timeout=10000)
        assert client.call_number("W04", a3.ticket_no).window == "W04"
        bar.parked_menu.actions()[0].trigger()  # the stale entry in the bar's list
        qtbot.waitUntil(lambda: not bar.busy and "拒绝" in w.statusBar().currentMessage(), timeout=10000)
        assert bar.current is None and client.get_ticket(a3.ticket_id).window == "W04"
    finally:
        w.close()
        w.session.ctx.close()


def test_a_server_without_park_hides_the_buttons(qtbot, tmp_path, hall) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import HallFeatures

    w = _window(qtbot, tmp_path, hall.url)
    bar = caller_bar(w)
    try:
        bar.features = HallFeatures("1")  # what a v1 hall server's health says
        bar.refresh()
        _idle(qtbot, bar)
        assert not bar.buttons["park"].isVisible() and not bar.buttons["call_number"].isVisible()
        assert bar.buttons["call"].isVisible()
    finally:
        w.close()
        w.session.ctx.close()
