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
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == ["Intake", "Cases", "Hand-out", "Supplement/Deferred",
                                                               "Could not be done", "Case figures"]


def test_supervisor_window_speaks_english(qtbot, english, session) -> None:  # type: ignore[no-untyped-def]
    from clerk.queueing import HallClient
    from ui.ops import TaskManager
    from ui.queue.common import HallAccess
    from ui.queue.supervisor import SupervisorWindow

    tasks = TaskManager()
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


# -- what the core says, said in English ------------------------------------------------------------------------
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|'[^']*'")
"""Data the core quotes in a message (a catalog name, the value typed) stays as it is."""


def test_every_status_label_has_its_english_label(english) -> None:  # type: ignore[no-untyped-def]
    """Case and material statuses, document kinds, ID types, ticket states, priorities, window states,
    hall services, print-job states and scores: every code of the core has a label, English here."""
    from clerk.documents import DOCUMENTS
    from clerk.intake.model import (
        CASE_STATUS_LABELS,
        ID_TYPE_LABELS,
        MATERIAL_STATUS_LABELS,
        CaseStatus,
        MaterialStatus,
    )
    from clerk.printjobs import STATE_LABELS
    from clerk.queueing.model import SERVICE_NAMES, Priority, TicketState, WindowState
    from ui import labels

    walks = [
        (labels.case_status, list(CaseStatus)), (labels.material_status, list(MaterialStatus)),
        (labels.document_kind, list(DOCUMENTS)), (labels.id_type, list(ID_TYPE_LABELS)),
        (labels.ticket_state, list(TicketState)), (labels.priority, list(Priority)),
        (labels.window_state, list(WindowState)), (labels.service, list(SERVICE_NAMES)),
        (labels.print_job_state, list(STATE_LABELS)), (labels.score, [1, 2, 3, 4, 5]),
    ]
    seen = 0
    for label_of, codes in walks:
        for code in codes:
            text = label_of(code)  # type: ignore[operator]
            assert text and text != str(code) and not CJK.search(text), (label_of.__name__, code, text)
            seen += 1
    assert seen >= 50
    assert set(labels.CASE_STATUS) == set(CASE_STATUS_LABELS) and set(labels.MATERIAL_STATUS) == set(MATERIAL_STATUS_LABELS)
    assert set(labels.DOCUMENT_KIND) == set(DOCUMENTS)  # one registry: the UI labels every kind it knows
    assert labels.window("W03") == "Window 3"


def _core_problems(ctx) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every kind of message the core's validation and the intake's accept check write, made for real
    (keyed as a ValidationFailed would key them: ``form.x`` problems start with the field's catalog label)."""
    from clerk.catalog.merge import merge
    from clerk.catalog.schema import FieldType
    from clerk.intake import validation as v
    from clerk.security.actor import Actor, Role

    out: dict[str, str] = {}

    def add(result: tuple[object, str | None]) -> None:
        if result[1]:
            out[f"check.{len(out)}"] = result[1]

    for number in ("", "1101011990", "11010119900307451A", "110101199013074514", "110101209901014514",
                   "990101199003074514", "110101199003074515"):
        add(v.check_cn_ric(number))
    for code in ("", "91230102MA1ABC", "91230102MA1ABCDE0X", "9123010OMA1ABCDE0X"):
        add(v.check_uscc(code))
    add(v.check_phone("12345"))
    for id_type in ("passport", "hk_macao_permit", "taiwan_permit", "foreign_permanent_residence", "nonsense"):
        add(v.check_id(id_type, "??"))
    add(v.check_id("passport", ""))
    add(v.check_text(3, max_length=5))
    add(v.check_text("太长的一段文字", max_length=2))
    bundle = ctx.catalog.bundle("newborn")
    merged = merge(bundle, {s.code: s.options[0].code for s in bundle.situations})
    by_type = {f.type: f for f in merged.fields}
    bad = {FieldType.DATE: ["2026-13-45", "1800-01-01"], FieldType.NUMBER: ["三千", True, "1e20"],
           FieldType.CHOICE: ["nonsense"], FieldType.BOOL: ["maybe"], FieldType.TEXT: [["a list"]]}
    for ftype, values in bad.items():
        if ftype in by_type:
            for value in values:
                add(v.check_field(by_type[ftype], value))
    add(v.check_field(next(f for f in merged.fields if f.required), None))
    _, form = v.check_form(merged, {"unknown_field": 1, **{f.code: "" for f in merged.fields}})
    out.update(form)
    for i, person in enumerate(({"kind": "nobody"}, {"kind": "enterprise", "id_type": "cn_ric"},
                                {"kind": "person", "id_type": "uscc"}, "not a dict",
                                {"name": "", "what": 1, "address": "长" * 300, "legal_representative": "长" * 300})):
        out.update({f"person{i}.{k}": p for k, p in v.check_person(person, "applicant")[1].items()})
    actor = Actor("tester", "测试", (Role.CLERK,), window="W01")
    draft = ctx.intake.start_draft(actor, "newborn")
    out.update(ctx.intake.check_for_accept(draft.case_uuid))
    return out


def _catalog_words(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    """Catalog data a message may carry (names of bundles, fields, options, materials): shown as they are."""
    words = []
    for b in ctx.catalog.bundles:
        words.append(b.name)
        for m in b.matters:
            words += [f.label for f in m.fields] + [o.label for f in m.fields for o in f.options]
            words += [mat.name for mat in m.materials]
    return sorted(set(words), key=len, reverse=True)


def test_validation_messages_speak_english(english, ctx) -> None:  # type: ignore[no-untyped-def]
    from ui import messages

    problems = _core_problems(ctx)
    assert len(problems) >= 30
    shown = messages.translate_problems(problems)
    data = _catalog_words(ctx)
    left = []
    for key, text in shown.items():
        rest = QUOTED.sub("", text)
        for word in data:
            rest = rest.replace(word, "")
        if CJK.search(rest):
            left.append((problems[key], text))
    assert left == []


def test_caller_messages_speak_english(english) -> None:  # type: ignore[no-untyped-def]
    """What the caller bar shows from the hall queue: its errors and the ticket moves it refuses."""
    from clerk.queueing import lifecycle
    from clerk.queueing.errors import NoCurrentTicket, NotLoggedIn, ServerBusy, Unreachable
    from clerk.queueing.model import TicketState
    from ui import labels, messages

    errors: list[BaseException] = [Unreachable(), Unreachable("响应超时"), Unreachable("未设置叫号服务器地址"),
                                   ServerBusy(503), NotLoggedIn("没有有效的登录凭据"), NoCurrentTicket()]
    try:
        lifecycle.target(TicketState.DONE, lifecycle.Move.RECALL)
    except Exception as exc:  # noqa: BLE001 - IllegalTicketMove, the message is what we read
        errors.append(exc)
    texts = [messages.describe(e) for e in errors]
    assert all(not CJK.search(t) for t in texts), texts
    assert "intake is not affected" in texts[0]
    assert labels.ticket_state(TicketState.CALLED) == "Called" and labels.priority("elderly") == "Elderly"
