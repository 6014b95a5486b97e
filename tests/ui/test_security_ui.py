"""Security in the window through the real widgets: login (online, then offline), idle lock, operator
switch, reveal with a reason, the audit screen and its chain check, the exit warning."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk import clock
from clerk.context import AppContext
from clerk.demo import DemoPeople, take_demo_case
from clerk.security.actor import Actor, Role
from clerk.security.operators import OperatorService, WrongPassword
from tests.helpers.ui import cases, intake, security, start_bundle, type_applicant, type_text, wait_idle
from ui.qt import QApplication, Qt
from ui.shell.session import Session

CLERK_PW, SUPER_PW = "clerk-pass-1", "super-pass-1"


def _later(seconds: float) -> None:
    """Moves the pinned clock on (the login back-off and the idle timer read clerk.clock)."""
    now = clock.now() + dt.timedelta(seconds=seconds)
    clock.set_clock(lambda: now)


def _record(ctx: AppContext, username: str, password: str, roles: list[str], name: str) -> Actor:
    """What an online login leaves on the workstation: the operator and a verifier of the password."""
    reply = {"operator": {"username": username, "roles": roles, "display_name": name, "windows": ["W03"]}}
    return OperatorService(ctx.store, ctx.settings).record_online_login(reply, password).actor


@pytest.fixture
def secured(tmp_path: Path) -> Iterator[Session]:
    """A logged-in clerk session (the supervisor 李主任 is known to the workstation too)."""
    ctx = AppContext.open(tmp_path / "data")
    ctx.settings.window = "W03"
    actor = _record(ctx, "clerk01", CLERK_PW, ["clerk"], "王小窗")
    _record(ctx, "sup01", SUPER_PW, ["supervisor"], "李主任")
    s = Session(ctx, actor, logged_in=True)
    yield s
    ctx.close()


@pytest.fixture
def win(qtbot, secured):  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    w = MainWindow(secured)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    wait_idle(qtbot, w)
    yield w
    w.close()
    wait_idle(qtbot, w)
    for box in _exit_warnings():
        box.close()


def _exit_warnings() -> list[object]:
    from ui.qt import QMessageBox

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
            and w.objectName() == "exitWarning"]


def _login(qtbot, dialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled() or not dialog.isVisible(), timeout=20000)


def _start(qtbot, data_dir: Path):  # type: ignore[no-untyped-def]
    """What main.py does in window mode without --demo: open with the data key, then the login dialog."""
    from ui.security.startup import login_first
    from ui.shell.main_window import MainWindow
    from ui.shell.session import open_session

    session = open_session(data_dir, demo=False)
    assert not session.actor.permissions  # nobody is logged in yet
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    cancelled: list[bool] = []
    dialog = login_first(window, session, on_ready=window.set_session, on_cancel=lambda: cancelled.append(True))
    qtbot.waitExposed(dialog)
    return session, window, dialog


def _finish(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    wait_idle(qtbot, window)
    window.close()
    session.close()


def test_start_logs_in_online_then_offline_with_wrong_password_message(qtbot, tmp_path: Path) -> None:
    from backoffice.embedded import start_server

    base = tmp_path / "platform"
    base.mkdir()
    server = start_server(f"sqlite:///{base / 'p.sqlite3'}", base / "files", port=0)
    try:
        server.create_user("sup01", SUPER_PW, roles=["supervisor"], display_name="李主任", windows=["W03"])
        data_dir = tmp_path / "data"
        data_dir.mkdir()
        (data_dir / "settings.json").write_text(json.dumps({"platform_url": server.url, "window": "W03"}))
        session, window, dialog = _start(qtbot, data_dir)
        with pytest.raises(LookupError):  # no pages before the login
            intake(window)
        assert server.url in dialog.mode_label.text()
        _login(qtbot, dialog, "sup01", SUPER_PW)
        qtbot.waitUntil(lambda: session.logged_in, timeout=20000)
        assert session.login.online and session.actor.username == "sup01"
        assert session.actor.display_name == "李主任" and session.actor.window == "W03"
        assert intake(window).actor == session.actor
        assert security(window).audit_action.isVisible()  # a supervisor sees the audit log
        assert "李主任" in window.operator_label.text()
        _finish(qtbot, window, session)
    finally:
        server.stop()
    # the cache is encrypted with the key in the (test) keychain, not plain SQLite
    assert (data_dir / "cache.sqlite3").read_bytes()[:16] != b"SQLite format 3\x00"

    # The platform is gone: the same operator logs in offline against the recorded verifier.
    session, window, dialog = _start(qtbot, data_dir)
    _login(qtbot, dialog, "sup01", "wrong-password")
    assert dialog.isVisible() and "用户名或密码不正确" in dialog.error.text()
    assert "再错 4 次将锁定" in dialog.error.text()
    _login(qtbot, dialog, "sup01", SUPER_PW)  # too soon: the back-off
    assert "秒后再试" in dialog.error.text()
    _later(5)
    _login(qtbot, dialog, "nobody", "whatever")
    assert "本机没有操作员 nobody" in dialog.error.text() and "无法连接政务服务平台" in dialog.error.text()
    _login(qtbot, dialog, "sup01", SUPER_PW)
    qtbot.waitUntil(lambda: session.logged_in, timeout=20000)
    assert not session.login.online and session.actor.username == "sup01"
    assert "已离线登录" in window.statusBar().currentMessage()
    _finish(qtbot, window, session)


def test_lost_key_is_explained_not_a_traceback(tmp_path: Path) -> None:
    from clerk.security.keys import KeyUnavailable, forget_key
    from ui.security.startup import open_failure_text
    from ui.shell.session import open_session

    data_dir = tmp_path / "data"
    open_session(data_dir, demo=False).close()
    forget_key(data_dir)
    with pytest.raises(KeyUnavailable) as caught:
        open_session(data_dir, demo=False)
    text = open_failure_text(caught.value)
    assert "钥匙串" in text and "联网登录" in text and "recovery import" in text


def test_idle_lock_covers_the_form_and_unlocks_with_the_right_password(qtbot, win) -> None:
    page = intake(win)
    start_bundle(qtbot, win, "出生")
    type_applicant(qtbot, page, "张三丰", "110101199003074514")
    name = page.applicant.name
    assert name.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # manual lock
    overlay = security(win).guard.overlay
    qtbot.waitUntil(overlay.isVisible)
    # the overlay covers the applicant's name; the text stays underneath, untouched
    top_left = name.mapTo(win, name.rect().topLeft())
    assert overlay.geometry().contains(top_left) and overlay.geometry() == win.rect()
    assert win.childAt(top_left) is not name and overlay.isAncestorOf(win.childAt(top_left)) or \
        win.childAt(top_left) is overlay
    assert name.text() == "张三丰"
    assert not win.centralWidget().isEnabled() and "王小窗" in overlay.who.text()
    qtbot.keyClicks(overlay.password, "not-it")
    qtbot.mouseClick(overlay.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: overlay.error.isVisible())
    assert "用户名或密码不正确" in overlay.error.text() and overlay.isVisible()
    _later(5)
    qtbot.keyClicks(overlay.password, CLERK_PW)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=10000)
    assert win.centralWidget().isEnabled() and name.text() == "张三丰"


def test_idle_timeout_locks_and_a_supervisor_may_unlock(qtbot, win) -> None:
    guard = security(win).guard
    _later(win.session.ctx.settings.idle_lock_minutes * 60 + 1)
    with qtbot.waitSignal(guard.locked, timeout=5000):
        pass  # the one-second poll sees the timeout
    overlay = guard.overlay
    overlay.username.setText("sup01")
    qtbot.keyClicks(overlay.password, SUPER_PW)
    with qtbot.waitSignal(guard.unlocked, timeout=10000) as unlocked:
        qtbot.mouseClick(overlay.unlock_button, Qt.MouseButton.LeftButton)
    assert unlocked.args[0].username == "sup01"
    assert win.session.actor.username == "clerk01"  # the clerk's session goes on


def test_operator_switch_keeps_the_window(qtbot, win) -> None:
    assert not security(win).audit_action.isVisible()
    dialog = security(win).switch_operator()
    qtbot.waitExposed(dialog)
    _login(qtbot, dialog, "sup01", SUPER_PW)
    qtbot.waitUntil(lambda: win.session.actor.username == "sup01")
    assert intake(win).actor.username == "sup01" and security(win).guard.idle.actor.username == "sup01"
    assert security(win).audit_action.isVisible() and "李主任" in win.operator_label.text()


def _cases(qtbot, win, n: int = 2) -> list[object]:
    ctx = win.session.ctx
    views = [take_demo_case(ctx, win.session.actor, DemoPeople(5)) for _ in range(n)]
    cases(win).find_cases()
    qtbot.waitUntil(lambda: len(cases(win).model.rows) == n, timeout=15000)
    return views


def test_reveal_needs_a_reason_then_shows_the_full_id_number_and_is_audited(qtbot, win) -> None:
    from clerk.security.audit import list_entries

    views = _cases(qtbot, win, 1)
    full = views[0].applicant.id_number
    shown = cases(win).model.data(cases(win).model.index(0, 3))
    assert shown != full and "*" in shown  # masked in the list
    dialog = security(win).reveal.request(cases(win).model.rows[0], "applicant.id_number")
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "须写明理由" in dialog.error.text() and not dialog.value.isVisible()
    type_text(qtbot, dialog.reason, "申请人当面核对")
    with qtbot.waitSignal(dialog.revealed, timeout=10000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.value.text() == full and "秒后自动隐藏" in dialog.countdown.text()
    supervisor = Actor("sup01", "李主任", (Role.SUPERVISOR,), window="W03")
    entries = list_entries(win.session.ctx.store, supervisor, action="reveal")
    assert len(entries) == 1 and entries[0].detail["reason"] == "申请人当面核对"
    assert full not in json.dumps(entries[0].detail, ensure_ascii=False)
    dialog.hide_value()
    assert not dialog.isVisible()


def test_audit_screen_lists_and_verifies_then_names_a_tampered_entry(qtbot, win) -> None:
    from sqlalchemy import text

    _cases(qtbot, win, 2)
    security(win).set_actor(_record(win.session.ctx, "sup01", SUPER_PW, ["supervisor"], "李主任"))
    dialog = security(win).open_audit()
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    qtbot.waitExposed(dialog)
    actions = [e.action for e in dialog.model.rows]
    assert "accept" in actions and "login" in actions
    dialog.action.setCurrentIndex(dialog.action.findData("accept"))
    qtbot.waitUntil(lambda: dialog.model.rows and all(e.action == "accept" for e in dialog.model.rows))
    assert len(dialog.model.rows) == 2
    with qtbot.waitSignal(dialog.verified, timeout=10000) as ok:
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert ok.args[0].ok and "审计链完整" in dialog.verify_label.text()
    with win.session.ctx.store.write() as s:  # somebody edits the database behind the program's back
        s.execute(text("UPDATE audit SET operator = 'mallory' WHERE id = 2"))
    with qtbot.waitSignal(dialog.verified, timeout=10000) as bad:
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert not bad.args[0].ok
    assert "第 2 条审计记录" in dialog.verify_label.text() and "被修改过" in dialog.verify_label.text()
    dialog.close()


def test_a_clerk_cannot_open_the_audit_screen(qtbot, win) -> None:
    from clerk.security.actor import PermissionDenied
    from clerk.security.audit import list_entries

    assert not security(win).audit_action.isVisible()
    assert security(win).open_audit() is None
    assert "大厅监管" in win.statusBar().currentMessage()
    with pytest.raises(PermissionDenied):
        list_entries(win.session.ctx.store, win.session.actor)


def test_exit_warns_about_unsynced_cases(qtbot, win) -> None:
    _cases(qtbot, win, 1)
    win.close()
    boxes = _exit_warnings()
    assert len(boxes) == 1
    assert "尚未同步" in boxes[0].text() and "recovery export" in boxes[0].text()
    boxes[0].close()


@pytest.mark.skipif(not os.environ.get("WINDOW_CLERK_SCREENSHOTS"), reason="set WINDOW_CLERK_SCREENSHOTS=dir")
def test_capture_screenshots(qtbot, win, tmp_path: Path) -> None:
    """docs/screenshots/security-*.png at 1600×1000 (login over the empty window, lock, audit log)."""
    from ui.qt import QColor, QPainter

    out = Path(os.environ["WINDOW_CLERK_SCREENSHOTS"])
    from ui.security.login import LoginDialog
    from ui.shell.main_window import MainWindow

    empty = MainWindow()
    qtbot.addWidget(empty)
    empty.resize(1600, 1000)
    empty.show()
    dialog = LoginDialog(win.session.ctx, empty)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.username, "clerk01")
    qtbot.keyClicks(dialog.password, "x")
    dialog.show_error("用户名或密码不正确，再错 4 次将锁定")
    dialog.adjustSize()
    shot = empty.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(20, 30, 45, 110))  # the modal dialog dims the window
    d = dialog.grab()
    painter.drawPixmap((shot.width() - d.width()) // 2, (shot.height() - d.height()) // 2, d)
    painter.end()
    shot.save(str(out / "security-login.png"))
    dialog.close()
    empty.close()

    _cases(qtbot, win, 3)
    win.tabs.setCurrentWidget(intake(win))
    security(win).guard.lock()
    qtbot.waitUntil(security(win).guard.overlay.isVisible)
    win.grab().save(str(out / "security-lock.png"))
    security(win).guard._uncover(win.session.actor)

    from clerk.security.reveal import reveal

    ctx = win.session.ctx
    reveal(ctx.store, win.session.actor, cases(win).model.rows[0].case_uuid, "applicant.id_number", "申请人当面核对身份")
    with pytest.raises(WrongPassword):
        OperatorService(ctx.store, ctx.settings).verify_offline("clerk01", "wrong")
    security(win).set_actor(_record(ctx, "sup01", SUPER_PW, ["supervisor"], "李主任"))
    audit = security(win).open_audit()
    with qtbot.waitSignal(audit.loaded, timeout=10000):
        pass
    audit.resize(1600, 1000)
    with qtbot.waitSignal(audit.verified, timeout=10000):
        audit.verify()
    audit.grab().save(str(out / "security-audit.png"))
    audit.close()


def test_demo_never_locks_by_itself_and_unlocks_with_the_demo_password(qtbot, tmp_path: Path) -> None:
    """Issue 15: the demo locked itself after 5 idle minutes and could not be unlocked."""
    from ui.security.idle_lock import DEMO_PASSWORD
    from ui.shell.main_window import MainWindow

    ctx = AppContext.open(tmp_path / "demo-data")
    try:
        w = MainWindow(Session(ctx, Actor("demo", "演示窗口", (Role.CLERK,), window="W01"), demo=True))
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        guard = security(w).guard
        assert not guard.timer.isActive()  # no idle poll: nothing locks by itself
        _later(ctx.settings.idle_lock_minutes * 60 + 60)
        guard.check()
        assert not guard.overlay.isVisible()
        page = intake(w)
        start_bundle(qtbot, w, "出生")
        type_applicant(qtbot, page, "张三丰", "110101199003074514")
        qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L still locks
        overlay = guard.overlay
        qtbot.waitUntil(overlay.isVisible)
        assert DEMO_PASSWORD in overlay.error.text()  # the overlay says the password
        qtbot.keyClicks(overlay.password, "wrong")
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
        assert overlay.isVisible() and "密码不对" in overlay.error.text()
        overlay.password.clear()
        qtbot.keyClicks(overlay.password, DEMO_PASSWORD)
        with qtbot.waitSignal(guard.unlocked, timeout=5000):
            qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
        assert not overlay.isVisible() and w.centralWidget().isEnabled()
        w.close()
    finally:
        ctx.close()
