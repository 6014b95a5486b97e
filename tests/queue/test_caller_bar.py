"""The caller bar in the real main window, against a real hall server: F2, F3, transfer, offline, intake link."""

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
from tests.helpers.ui import caller_bar, intake, type_text, wait_idle
from ui.qt import Qt
from ui.shell.session import Session


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


def _window(qtbot, tmp_path: Path, hall_url: str | None, window: str = "W03"):  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    ctx = AppContext.open(tmp_path / "data")
    if hall_url is not None:
        login(ctx, hall_url, "clerk03", PASSWORD)  # the real way: token in the keyring, URL in settings
    session = Session(ctx, Actor("clerk03", "测试窗口", (Role.CLERK,), window=window))
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    wait_idle(qtbot, w)
    return w


def _close(w) -> None:  # type: ignore[no-untyped-def]
    w.close()
    w.session.ctx.close()


def test_f2_calls_and_opens_intake_with_ticket(qtbot, tmp_path, hall, client: HallClient) -> None:  # type: ignore[no-untyped-def]
    client.put_window("W03", ["intake"], WindowState.OPEN)
    first = client.issue_ticket("intake")
    second = client.issue_ticket("intake")
    w = _window(qtbot, tmp_path, hall.url)
    bar = caller_bar(w)
    try:
        assert bar.online is True and "等候 2 人" in bar.status.text()
        assert not bar.buttons["recall"].isEnabled()
        qtbot.keyClick(w, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == first.ticket_no
        assert first.ticket_no in bar.ticket_label.text() and "已叫号" in bar.ticket_label.text()
        assert bar.buttons["recall"].isEnabled() and not bar.buttons["call"].isEnabled()
        if os.environ.get("WINDOW_CLERK_SCREENSHOTS"):  # docs/screenshots only on request
            Path(__file__).resolve().parents[2].joinpath("docs", "screenshots").mkdir(parents=True, exist_ok=True)
            w.grab().save(str(Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "queue-callerbar.png"))
        # the call opened a new intake: picking the bundle starts the draft with the ticket number
        page = intake(w)
        assert intake(w).pending_ticket == first.ticket_no
        type_text(qtbot, page.picker.search, "出生")
        qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.case is not None, timeout=15000)
        assert page.case.ticket_no == first.ticket_no
        wait_idle(qtbot, w)
        assert w.session.ctx.intake.get(page.case.case_uuid).ticket_no == first.ticket_no

        calls_before = len(client.board().calls)
        qtbot.keyClick(w, Qt.Key.Key_F3)  # recall
        qtbot.waitUntil(lambda: not bar.busy and len(client.board().calls) == calls_before + 1, timeout=10000)
        assert client.board().calls[0].ticket_no == first.ticket_no

        qtbot.mouseClick(bar.buttons["start"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not bar.busy and bar.current is not None and bar.current.state is TicketState.SERVING, timeout=10000)
        qtbot.mouseClick(bar.buttons["finish"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.current is None and not bar.busy, timeout=10000)
        assert client.stats().windows["W03"].served == 1

        qtbot.keyClick(w, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == second.ticket_no
        # transfer to another service through the dialog
        qtbot.mouseClick(bar.buttons["transfer"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible())
        dlg = bar.dialog
        dlg.service.setCurrentIndex(dlg.service.findData("consult"))
        from ui.qt import QDialogButtonBox

        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.current is None and not bar.busy, timeout=10000)
        assert client.board().waiting["consult"] == 1
        assert "已转到咨询" in w.statusBar().currentMessage()
    finally:
        _close(w)


def test_transfer_to_window_and_pause(qtbot, tmp_path, hall, client: HallClient) -> None:  # type: ignore[no-untyped-def]
    client.put_window("W03", ["intake"], WindowState.OPEN)
    t = client.issue_ticket("intake")
    w = _window(qtbot, tmp_path, hall.url)
    bar = caller_bar(w)
    try:
        qtbot.mouseClick(bar.buttons["call"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        bar.open_transfer()
        dlg = bar.dialog
        assert dlg is not None
        qtbot.keyClicks(dlg.window_edit, "w03")
        dlg.buttons.accepted.emit()
        assert dlg.isVisible() and "本窗口" in dlg.problem.text()  # refused in the dialog
        dlg.window_edit.clear()
        qtbot.keyClicks(dlg.window_edit, "w08")
        dlg.buttons.accepted.emit()
        qtbot.waitUntil(lambda: bar.current is None and not bar.busy, timeout=10000)
        client.put_window("W08", ["pickup"], WindowState.OPEN)
        at8 = client.call_next("W08")
        assert at8 is not None and at8.ticket_no == t.ticket_no
        qtbot.mouseClick(bar.buttons["pause"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not bar.busy and "暂停" in bar.status.text(), timeout=10000)
        assert client.get_window("W03").state is WindowState.PAUSED
        assert not bar.buttons["call"].isEnabled() and bar.buttons["pause"].text() == "开放窗口 F9"
        qtbot.mouseClick(bar.buttons["pause"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not bar.busy and bar.buttons["call"].isEnabled(), timeout=10000)
        assert client.get_window("W03").state is WindowState.OPEN
    finally:
        _close(w)


def test_offline_is_plain_and_intake_goes_on(qtbot, tmp_path, dead_url) -> None:  # type: ignore[no-untyped-def]
    from clerk.security import credentials
    from clerk.store.models import KeyValueRow
    from ui.shell.main_window import MainWindow

    ctx = AppContext.open(tmp_path / "data")
    ctx.settings.hall_url = dead_url
    credentials.set_token(dead_url, "clerk03", "t")
    with ctx.store.write() as s:
        s.merge(KeyValueRow(key="sync.username", value="clerk03"))
    session = Session(ctx, Actor("clerk03", "测试窗口", (Role.CLERK,), window="W03"))
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    bar = caller_bar(w)
    try:
        wait_idle(qtbot, w)
        assert bar.online is False and "离线" in bar.status.text()
        qtbot.keyClick(w, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: not bar.busy and w.tasks.pending == 0, timeout=10000)
        assert "无法连接叫号服务器" in w.statusBar().currentMessage()
        assert "受理业务不受影响" in w.statusBar().currentMessage()
        # intake works regardless
        page = intake(w)
        qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, page.picker.search, "出生")
        qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.case is not None, timeout=15000)
        assert page.case.ticket_no is None
    finally:
        _close(w)
