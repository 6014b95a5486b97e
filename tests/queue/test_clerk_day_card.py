"""The newborn scenario of the clerk's day (tests/queue/test_clerk_day.py) with the applicant's ID card on
the reader (issue 16): the applicant block and every field naming the applicant come from the card.

Typed, the applicant block costs 40 keys in that test (name 3 + Enter, number 18 + Enter, phone 11 +
Enter, address 4 + Enter). Here the card is laid on a simulator reader (the window's card poller reads
it as soon as it lies there): only the phone is typed. F12 reads again on request.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.context import AppContext
from clerk.queueing import HallClient, WindowState
from clerk.security.actor import Actor, Role
from clerk.sync.session import login
from tests.helpers.devices import card_of, photo_bmp
from tests.helpers.queue import PASSWORD
from tests.helpers.ui import caller_bar, intake, wait_idle
from tests.queue.test_clerk_day import APPLICANT, Keyboard
from ui.qt import Qt
from ui.shell.session import Session

TYPED_APPLICANT_KEYS = 3 + 1 + 18 + 1 + 11 + 1 + 4 + 1
"""What test_clerk_day.py types for the applicant block (name, number, phone, address, each + Enter)."""


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


def test_newborn_applicant_from_the_card(qtbot, tmp_path: Path, hall, client: HallClient) -> None:  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    client.put_window("W03", ["intake"], WindowState.OPEN)
    first = client.issue_ticket("intake")
    ctx = AppContext.open(tmp_path / "data")
    login(ctx, hall.url, "clerk03", PASSWORD)
    reader = tmp_path / "reader.json"
    reader.write_text("null", encoding="utf-8")  # nothing on the reader yet
    ctx.settings.devices.idcard_reader = f"sim:{reader}"
    w = MainWindow(Session(ctx, Actor("clerk03", "测试窗口", (Role.CLERK,), window="W03")))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    wait_idle(qtbot, w)
    bar, page, kb = caller_bar(w), intake(w), Keyboard(qtbot)
    name, ric, phone, address = APPLICANT
    try:
        kb.key(Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == first.ticket_no
        kb.type("xse")
        kb.enter()
        qtbot.waitUntil(lambda: page.case is not None and page.form_panel is not None and page.form_panel.complete,
                        timeout=10000)
        wait_idle(qtbot, w)
        a = page.applicant
        assert kb.focus is a.name
        before = kb.keys
        # the applicant lays the card on the reader
        (tmp_path / "zp.bmp").write_bytes(photo_bmp())
        data = card_of(name, ric, address=address, valid_to=dt.date(2036, 1, 1)).as_json(None)
        data["photo"] = "zp.bmp"
        reader.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        qtbot.waitUntil(lambda: a.value()["id_number"] == ric, timeout=10000)
        assert (a.value()["name"], a.value()["address"], a.value()["id_type"]) == (name, address, "cn_ric")
        strip = page.card_strip
        assert strip is not None and strip.isVisible() and not strip.expired
        assert strip.photo.pixmap() is not None and not strip.photo.pixmap().isNull()
        assert "2036-01-01" in strip.text.text()
        assert kb.focus is a.phone  # the one thing the card does not say
        from tests.ui.test_followup_ui import shoot

        shoot(w, "devices-intake-card.png")
        kb.type(phone)
        kb.enter()
        assert kb.focus is a.address
        kb.enter()
        assert kb.focus is page.agent_box
        card_keys = kb.keys - before
        kb.enter()  # no agent
        links = page.person_links
        for person in links.rows:  # in the form's order (the catalog's matter order decides it)
            assert kb.focus is links.rows[person], (person, kb.focus)
            if person in ("father", "guardian"):
                kb.digit(2)  # 同申请人
            else:
                kb.enter()  # typed in the form
        editors = page.form_panel.editors
        assert editors["father_id_number"].value() == ric and editors["father_name"].value() == name
        assert editors["home_address"].value() == address and editors["guardian_phone"].value() == phone
        wait_idle(qtbot, w)
        saved = ctx.intake.get(page.case.case_uuid)
        assert (saved.applicant.name, saved.applicant.id_number) == (name, ric)  # autosaved as typed data is
        # F12 reads the card again (the same card: the same values, nothing typed is lost)
        kb.key(Qt.Key.Key_F12)
        from ui.devices import Devices

        indicator = w.feature(Devices).indicator
        indicator.set_state("")
        qtbot.waitUntil(lambda: "已读" in indicator.text(), timeout=10000)
        assert a.value()["phone"] == phone
        print(f"\nnewborn applicant block: {TYPED_APPLICANT_KEYS} keys typed, {card_keys} with the ID card "
              f"({TYPED_APPLICANT_KEYS - card_keys} saved)")
        assert card_keys == 11 + 1 + 1
    finally:
        w.close()
        ctx.close()
