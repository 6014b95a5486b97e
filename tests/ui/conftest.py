"""Fixtures for GUI tests: a fresh data dir, a clerk session, the main window on the offscreen platform."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.context import AppContext
from clerk.demo import make_id_number
from clerk.security.actor import Actor, Role
from ui.shell.session import Session


@pytest.fixture(scope="session", autouse=True)
def _prepared_app(qapp):  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    ui_app.prepare(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    """chinese-calendar knows holidays up to 2026 only; due dates computed in late 2026 would need 2027."""
    import datetime as dt

    from clerk import clock

    clock.set_clock(lambda: dt.datetime(2026, 9, 29, 10, 0, tzinfo=clock.CST))
    yield
    clock.set_clock(None)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    ctx = AppContext.open(tmp_path / "data")
    s = Session(ctx, Actor("tester", "测试窗口", (Role.CLERK,), window="W01"))
    yield s
    ctx.close()


@pytest.fixture
def make_window(qtbot, session):  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    made = []

    def make() -> MainWindow:
        w = MainWindow(session)
        qtbot.addWidget(w)
        w.resize(1600, 1000)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        idle(qtbot, w)
        return w

    yield make
    for w in made:
        if w.isVisible():
            w.close()


@pytest.fixture
def window(make_window):  # type: ignore[no-untyped-def]
    return make_window()


def idle(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Waits until every background job of the window delivered its result."""
    qtbot.waitUntil(lambda: w.tasks.pending == 0, timeout=15000)


@pytest.fixture
def valid_id() -> str:
    return make_id_number(random.Random(42))


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """The offscreen platform plugin warns that it cannot resize native windows to hints: not our bug."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))
