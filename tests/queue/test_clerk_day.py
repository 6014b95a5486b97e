"""The clerk's day, keyboard only (issue 15): from one F2 to the next through a newborn case, counted.

The real main window over a real hall server on loopback: F2 calls, the bundle is searched by pinyin,
the applicant is typed once and is also the father and the guardian (one key each), 2 files are
imported, 1 material deferred, 5 e-licences waived, the case accepted, both documents printed to the
remembered printer (a real PDF printer), and F2 finishes the ticket and calls the next. Every key goes
to the widget that has the focus, as a keyboard would send it; a mouse is never used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.context import AppContext
from clerk.intake.model import CaseStatus, MaterialStatus
from clerk.queueing import HallClient, TicketState, WindowState
from clerk.security.actor import Actor, Role
from clerk.sync.session import login
from tests.helpers.queue import PASSWORD
from tests.helpers.ui import caller_bar, intake, printing, scan_file, wait_idle
from ui.qt import QApplication, QInputMethodEvent, Qt
from ui.shell.session import Session

APPLICANT = ("张建国", "230102198801012317", "13800138000", "幸福路8号")
MOTHER = ("李梅", "230102199003150023")


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


class Keyboard:
    """Sends keys to whatever has the focus and counts them (a Hanzi committed by the IME is one key;
    a chord such as Ctrl+P is one key)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.keys = 0
        self.clicks = 0

    @property
    def focus(self):  # type: ignore[no-untyped-def]
        w = QApplication.focusWidget()
        assert w is not None, "nothing has the keyboard focus"
        return w

    def key(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.keys += 1
        self.qtbot.keyClick(self.focus, key, mods)

    def type(self, text: str) -> None:
        for ch in text:
            self.keys += 1
            if ch.isascii():
                self.qtbot.keyClicks(self.focus, ch)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(ch)
                QApplication.sendEvent(self.focus, event)

    def enter(self) -> None:
        self.key(Qt.Key.Key_Return)

    def digit(self, n: int) -> None:
        self.key(getattr(Qt.Key, f"Key_{n}"))


def test_newborn_keyboard_only_from_f2_to_f2(qtbot, tmp_path: Path, hall, client: HallClient) -> None:  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    client.put_window("W03", ["intake"], WindowState.OPEN)
    first, second = client.issue_ticket("intake"), client.issue_ticket("intake")
    ctx = AppContext.open(tmp_path / "data")
    login(ctx, hall.url, "clerk03", PASSWORD)
    prints = tmp_path / "printed"
    prints.mkdir()
    ctx.settings.printer_a4 = f"pdf:{prints}"  # the printer remembered from an earlier day
    w = MainWindow(Session(ctx, Actor("clerk03", "测试窗口", (Role.CLERK,), window="W03")))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    wait_idle(qtbot, w)
    bar, page, kb = caller_bar(w), intake(w), Keyboard(qtbot)
    files = {code: scan_file(tmp_path, code) for code in ("birth_record_form", "newborn_first_vaccination_record")}
    page.checklist.file_picker = lambda _parent, _title: [files[page.focused_material() or ""]]
    try:
        kb.key(Qt.Key.Key_F2)  # call the first ticket
        qtbot.waitUntil(lambda: bar.current is not None and not bar.busy, timeout=10000)
        assert bar.current.ticket_no == first.ticket_no
        assert kb.focus is page.picker.search
        kb.type("xse")
        kb.enter()
        qtbot.waitUntil(lambda: page.case is not None and page.form_panel is not None and page.form_panel.complete,
                        timeout=10000)
        wait_idle(qtbot, w)
        assert page.case.ticket_no == first.ticket_no
        a = page.applicant
        assert kb.focus is a.name
        name, ric, phone, address = APPLICANT
        kb.type(name)
        kb.enter()  # Enter skips the ID type (居民身份证 already)
        assert kb.focus is a.id_number
        kb.type(ric)
        kb.enter()
        kb.type(phone)
        kb.enter()
        kb.type(address)
        kb.enter()
        assert kb.focus is page.agent_box
        kb.enter()  # no agent
        links = page.person_links
        assert kb.focus is links.rows["father"]
        kb.digit(2)  # father: 同申请人
        kb.enter()  # mother: typed in the form
        kb.digit(2)  # guardian: 同申请人
        editors = page.form_panel.editors
        assert editors["father_name"].linked_to and editors["guardian_phone"].linked_to
        assert editors["father_id_number"].value() == ric and editors["home_address"].value() == address
        assert kb.focus is editors["child_name"].focus_target()
        for code, text in (("child_name", "张小雨"), ("child_gender", 1), ("birth_date", "20260920"),
                           ("birth_time", "08:35"), ("birth_place", "哈尔滨市"), ("birth_hospital", "市妇产医院"),
                           ("birth_weight_g", "3300"), ("mother_name", MOTHER[0]), ("mother_id_number", MOTHER[1]),
                           ("child_ethnicity", "汉族"), ("settle_address", address), ("head_relation", "子"),
                           ("payment_channel", 1), ("card_bank", 1), ("card_delivery", 1)):
            assert kb.focus is editors[code].focus_target(), (code, kb.focus)
            if isinstance(text, int):
                kb.digit(text)  # a digit picks the option and moves on
            else:
                kb.type(text)
                kb.enter()
        assert editors["birth_date"]._line.text() == "2026-09-20"  # 20260920 is shown as a date
        cards = page.checklist.cards
        assert kb.focus is cards["mother_id_card"].status
        kb.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # every e-licence at once
        wait_idle(qtbot, w)
        for _ in range(2):
            kb.key(Qt.Key.Key_Down)
        assert kb.focus is cards["birth_record_form"].status
        kb.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        kb.keys += len("1.pdf") + 1  # the file dialog: its name typed, Enter
        kb.key(Qt.Key.Key_Down)
        kb.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        kb.keys += len("2.pdf") + 1
        for _ in range(2):
            kb.key(Qt.Key.Key_Down)
        hukou = cards["father_hukou_booklet"]
        assert kb.focus is hukou.status
        kb.digit(hukou.status.statuses.index("deferred") + 1)
        wait_idle(qtbot, w)
        qtbot.waitUntil(lambda: page.checklist.commitment.isVisible(), timeout=5000)
        kb.key(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # 告知承诺书已签署 (Alt+Q)
        assert page.checklist.commitment.isChecked()
        kb.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 受理
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "outcomeDialog",
                        timeout=15000)
        case = ctx.intake.get_by_no(page.dialog.view.case_no)
        assert case.status is CaseStatus.ACCEPTED
        statuses = {m.code: m.status for m in case.materials}
        assert sum(1 for s in statuses.values() if s is MaterialStatus.E_LICENSE) == 5
        assert statuses["father_hukou_booklet"] is MaterialStatus.DEFERRED
        assert statuses["birth_record_form"] is statuses["newborn_first_vaccination_record"] is MaterialStatus.PROVIDED
        assert case.form["father_name"] == case.form["guardian_name"] == name == case.applicant.name
        assert case.form["guardian_phone"] == phone and case.form["home_address"] == address
        # accepting the case of the called ticket finished the ticket
        qtbot.waitUntil(lambda: client.get_ticket(first.ticket_id).state is TicketState.DONE, timeout=10000)
        feature = printing(w)
        with qtbot.waitSignal(feature.printed, timeout=30000) as printed:
            kb.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # both documents, to the remembered printer
        outcomes = printed.args[0]
        assert [o.job.kind for o in outcomes] == ["receipt", "commitment"]
        assert all(o.printed and not o.job.reprint for o in outcomes)  # a first print is never 补打
        assert len(list(prints.glob("*.pdf"))) == 2
        kb.key(Qt.Key.Key_F2)  # 下一位
        qtbot.waitUntil(lambda: bar.current is not None and bar.current.ticket_no == second.ticket_no
                        and not bar.busy, timeout=10000)
        print(f"\nnewborn scenario, keyboard only: {kb.keys} keystrokes, {kb.clicks} mouse clicks")
        assert kb.clicks == 0
        assert kb.keys <= 150, kb.keys
    finally:
        w.close()
        ctx.close()
