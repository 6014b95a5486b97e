"""刷身份证取号 at the kiosk against a real hall server: the card sets the elderly priority from the birth
date (age ≥ the hall setting) and the ticket is issued with it; a younger holder keeps the normal one."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk import clock
from clerk.events import CardRead, EventBus
from clerk.queueing import HallClient, Priority
from clerk.settings import HallSettings
from tests.helpers.devices import card
from tests.helpers.queue import PASSWORD
from ui.ops import TaskManager
from ui.qt import Qt
from ui.queue.common import HallAccess


@pytest.fixture(scope="module", autouse=True)
def _prepared(qapp):  # type: ignore[no-untyped-def]
    from ui import app as ui_app

    ui_app.prepare(qapp)
    return qapp


@pytest.fixture
def tasks(qtbot) -> TaskManager:  # type: ignore[no-untyped-def]
    t = TaskManager()
    yield t
    t.wait(10000)


def test_a_ticket_by_card_with_the_elderly_priority(qtbot, hall, tasks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from clerk.store import Store
    from ui.queue.kiosk import KioskAccess, KioskWindow

    token = HallClient(hall.url).login("boss", PASSWORD, "screen")
    bus = EventBus()
    access = HallAccess.for_url(hall.url, lambda: token)
    w = KioskWindow(KioskAccess.over(access, Store(tmp_path / "k.sqlite3"), "kiosk-card"), HallSettings(), tasks,
                    None, events=bus, elderly_age=65, auto_retry=False)
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitUntil(lambda: len(w.service_buttons) == 3, timeout=10000)
    today = clock.today()
    sixty_five = dt.date(today.year - 65, today.month, 1)  # 65 this month at the latest
    bus.publish(CardRead(card(name="王秀英", sex="女", birth_date=sixty_five)))
    assert w.priority is Priority.ELDERLY and "王*英" in w.card_hint.text() and "老年人优先" in w.card_hint.text()
    from tests.ui.test_followup_ui import shoot

    shoot(w, "queue-kiosk-card.png")
    with qtbot.waitSignal(w.issued, timeout=15000) as sig:
        qtbot.mouseClick(w.service_buttons["intake"], Qt.MouseButton.LeftButton)
    assert sig.args[0].ticket.priority is Priority.ELDERLY
    assert w.card is None and not w.card_hint.isVisible()  # the holder is forgotten with the ticket
    bus.publish(CardRead(card(birth_date=dt.date(today.year - 40, 1, 1))))  # back to the first page by itself
    assert w.pages.currentIndex() == 0 and w.priority is Priority.NORMAL and "老年人" not in w.card_hint.text()
    with qtbot.waitSignal(w.issued, timeout=15000) as sig2:
        qtbot.mouseClick(w.service_buttons["intake"], Qt.MouseButton.LeftButton)
    assert sig2.args[0].ticket.priority is Priority.NORMAL
