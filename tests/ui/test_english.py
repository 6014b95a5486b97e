"""The English interface: no Chinese left in the chrome (labels, buttons, tabs, group titles, actions, headers).

Data values stay as they are: the hall name (settings), the operator's display name, case data and catalog names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from ui.qt import QAbstractButton, QAction, QGroupBox, QLabel, Qt, QTabBar, QTableView, QWidget

pytestmark = pytest.mark.gui

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    translator = ui_app.install_translator(qapp, "en")
    assert translator is not None
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def chrome_texts(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    """(where, text) for every visible label, button, tab, group title, action and table header under root."""
    out: list[tuple[str, str]] = []

    def shown(w: QWidget) -> bool:
        return w.isVisibleTo(root) and w not in skip

    out += [(f"QLabel#{w.objectName()}", w.text()) for w in root.findChildren(QLabel) if shown(w)]
    out += [(f"{type(w).__name__}#{w.objectName()}", w.text()) for w in root.findChildren(QAbstractButton)
            if shown(w)]
    out += [("tab", bar.tabText(i)) for bar in root.findChildren(QTabBar) if shown(bar) for i in range(bar.count())]
    out += [(f"QGroupBox#{w.objectName()}", w.title()) for w in root.findChildren(QGroupBox) if shown(w)]
    out += [(f"QAction#{a.objectName()}", a.text()) for a in root.findChildren(QAction)]
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is not None:
            out += [(f"header of {view.objectName()}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                    for c in range(model.columnCount())]
    return out


def chinese(texts: list[tuple[str, str]], data: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    def clean(text: str) -> str:
        for value in data:
            text = text.replace(value, "")
        return text

    return [(where, text) for where, text in texts if CJK.search(clean(text))]


def test_main_window_speaks_english(qtbot, english, make_window, session) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    for i in range(w.tabs.count()):  # every page once, so lazily shown parts are on screen too
        w.tabs.setCurrentIndex(i)
        qtbot.wait(20)
    w.tabs.setCurrentIndex(0)
    texts = chrome_texts(w, skip=(w.hall_label,))
    assert len(texts) > 50
    actor = session.actor
    left = chinese(texts, data=(actor.display_name, session.ctx.settings.hall.name))
    assert left == []
    assert w.windowTitle().startswith("Comprehensive window workstation")
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == ["Intake", "Cases", "Hand-out", "Supplement/Deferred"]


def test_supervisor_window_speaks_english(qtbot, english, session) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import HallClient
    from ui.queue.common import HallAccess
    from ui.queue.supervisor import SupervisorWindow
    from ui.tasks import Tasks

    tasks = Tasks()
    access = HallAccess(lambda: HallClient("", lambda: None))  # no hall server: the queue part stays empty
    hall = "测试大厅"
    w = SupervisorWindow(access, None, tasks, hall, auto_poll=False, followup_ctx=session.ctx)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    try:
        texts = chrome_texts(w)
        assert len(texts) > 10
        assert chinese(texts, data=(hall,)) == []
    finally:
        w.stop()


def test_login_dialog_in_english(qtbot, english, ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.security.login import LoginDialog

    dialog = LoginDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not CJK.search(dialog.windowTitle())
    assert chinese(chrome_texts(dialog), (ctx.settings.hall.name,)) == []
