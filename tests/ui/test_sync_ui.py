"""Sync in the window against a real back office on loopback: the indicator, the problems dialog, notices."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from clerk.demo import DemoPeople, take_demo_case
from clerk.store.models import OutboxRow
from tests.helpers.ui import sync

USER, PASSWORD = "tester", "s3cret-pass"  # the session actor: the platform takes cases only from their operator


@pytest.fixture(autouse=True)
def _keyring_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    handle = start_server(f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files")
    handle.create_user(USER, PASSWORD, ["clerk"], display_name="测试窗口", windows=["W01"])
    yield handle
    if handle.running:
        handle.stop()


def _cases(session, n: int) -> list:  # type: ignore[no-untyped-def]
    people = DemoPeople(5)
    people.rng = random.Random(5)
    return [take_demo_case(session.ctx, session.actor, people, "newborn", outcome="accept") for _ in range(n)]


def _login_and_start(qtbot, window, server, states: list) -> None:  # type: ignore[no-untyped-def]
    """As after the platform login dialog: token to the keyring, then the window starts syncing."""
    from clerk.sync import login

    login(window.session.ctx, server.url, USER, PASSWORD)
    sync(window).indicator.state_shown.connect(states.append)
    with qtbot.waitSignal(sync(window).started, timeout=10000):
        sync(window).start_if_configured()


def test_indicator_goes_from_pending_to_zero_then_offline(qtbot, make_window, session, server) -> None:  # type: ignore[no-untyped-def]
    _cases(session, 2)
    window = make_window()
    indicator = sync(window).indicator
    assert "未接入" in indicator.text()
    states: list = []
    _login_and_start(qtbot, window, server, states)
    assert states[0].pending == 2
    qtbot.waitUntil(lambda: indicator.state is not None and bool(indicator.state.online
                    and indicator.state.pending == 0 and not indicator.state.running), timeout=30000)
    assert any(s.pending == 2 for s in states), states
    assert "在线" in indicator.text() and "已全部上传" in indicator.text()
    assert "上次成功" in indicator.toolTip()
    server.stop()
    indicator.sync_action.trigger()  # 立即同步
    qtbot.waitUntil(lambda: indicator.state.online is False, timeout=30000)
    assert "离线" in indicator.text()
    assert "最后错误" in indicator.toolTip()


def test_parked_item_in_problems_dialog_and_retry(qtbot, make_window, session, server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (view,) = _cases(session, 1)
    ctx = session.ctx
    with ctx.store.read() as s:
        payload = s.query(OutboxRow).filter_by(case_uuid=view.case_uuid).one().payload
    sha = next(f["sha256"] for m in payload["materials"] for f in m["files"])
    blob = ctx.pages.root / sha[:2] / sha
    kept = tmp_path / "kept-blob"
    shutil.move(blob, kept)  # a file missing here: the item is parked, not retried forever
    window = make_window()
    indicator = sync(window).indicator
    _login_and_start(qtbot, window, server, [])
    qtbot.waitUntil(lambda: indicator.state is not None and bool(indicator.state.parked == 1
                    and not indicator.state.running), timeout=30000)
    assert "问题 1" in indicator.text()
    with qtbot.waitSignal(sync(window).problems_opened, timeout=5000) as opened:
        indicator.problems_action.trigger()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 2).text() == view.case_no
    assert dialog.table.item(0, 5).text()
    shutil.move(kept, blob)  # the clerk fixed the cause
    with qtbot.waitSignal(dialog.loaded, timeout=10000, check_params_cb=lambda n: n == 0):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(indicator.state.parked == 0 and indicator.state.pending == 0
                    and not indicator.state.running), timeout=30000)
    assert "已全部上传" in indicator.text()


def test_ready_for_pickup_update_shows_a_notice(qtbot, make_window, session, server) -> None:  # type: ignore[no-untyped-def]
    (view,) = _cases(session, 1)
    window = make_window()
    indicator = sync(window).indicator
    _login_and_start(qtbot, window, server, [])
    qtbot.waitUntil(lambda: indicator.state is not None and bool(indicator.state.pending == 0
                    and indicator.state.online and not indicator.state.running), timeout=30000)
    for status in ("in_review", "approved", "ready_for_pickup"):
        server.advance(view.case_uuid, status)
    with qtbot.waitSignal(sync(window).notices.shown, timeout=30000,
                          check_params_cb=lambda text: "请通知申请人领取" in text) as shown:
        indicator.sync_action.trigger()
    assert view.case_no in shown.args[0]
    notices = sync(window).notices
    assert notices.isVisible() and len(notices.notices()) == 1
    assert notices.geometry().right() <= window.centralWidget().width()

from ui.qt import Qt  # noqa: E402
