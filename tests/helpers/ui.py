"""Driving the intake screen through its real widgets (shared by the GUI tests and the screenshot script)."""

from __future__ import annotations

from pathlib import Path

from clerk.catalog.schema import FieldType
from ui.qt import Qt

VALUES = {
    FieldType.TEXT: "测试内容",
    FieldType.LONG_TEXT: "测试的较长内容",
    FieldType.DATE: "2026-11-20",
    FieldType.NUMBER: "3200",
    FieldType.PHONE: "13800138000",
}


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Types like a clerk: ASCII as key presses, Chinese as an input-method commit (as a pinyin IME sends it)."""
    from ui.qt import QApplication, QInputMethodEvent

    widget.setFocus()
    for chunk in _runs(text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[str]:
    out: list[str] = []
    for ch in text:
        if out and out[-1][-1].isascii() == ch.isascii():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wait_idle(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.tasks.pending == 0, timeout=15000)


def start_bundle(qtbot, w, search: str) -> None:  # type: ignore[no-untyped-def]
    page = intake(w)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.picker.search, search)
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.case is not None, timeout=15000)
    wait_idle(qtbot, w)


def type_applicant(qtbot, page, name: str, id_number: str, phone: str = "13912345678") -> None:  # type: ignore[no-untyped-def]
    a = page.applicant
    type_text(qtbot, a.name, name)
    qtbot.keyClicks(a.id_number, id_number)
    qtbot.keyClick(a.id_number, Qt.Key.Key_Return)
    qtbot.keyClicks(a.phone, phone)
    qtbot.keyClick(a.phone, Qt.Key.Key_Tab)


def fill_required_fields(qtbot, page, id_number: str) -> None:  # type: ignore[no-untyped-def]
    for editor in page.form_panel.editors.values():
        f = editor.field
        if not f.required:
            continue
        if editor.linked_to:
            continue  # filled from a person already on the case
        if editor._group is not None:
            row = editor._group
            row.setFocus()
            qtbot.keyClick(row, Qt.Key.Key_Space)
            assert editor.value() is not None, f.code
        elif editor._combo is not None:
            editor._combo.setFocus()
            qtbot.keyClick(editor._combo, Qt.Key.Key_Down)
        else:
            target = editor.focus_target()
            text = id_number if f.type is FieldType.CN_RIC else VALUES.get(f.type, "测试")
            if "时间" in f.label:
                text = "08:35"
            type_text(qtbot, target, text)
            qtbot.keyClick(target, Qt.Key.Key_Tab)


def choose_status(qtbot, card, status: str) -> None:  # type: ignore[no-untyped-def]
    """Picks a status on the material's status row with its digit key (1 = the first option)."""
    row = card.status
    i = row.statuses.index(status)
    assert row.buttons[i].isEnabled()
    row.setFocus()
    qtbot.keyClick(row, getattr(Qt.Key, f"Key_{i + 1}"))


def scan_file(tmp: Path, name: str) -> Path:
    from clerk.demo import scan_image

    p = tmp / f"{name}.png"
    p.write_bytes(scan_image(name, dpi=30))
    return p


# -- the features of a shell window (``shell.feature(Type)``), as the tests reach them ----------------------
def intake(w):  # type: ignore[no-untyped-def]
    from ui.intake import IntakePage

    return w.feature(IntakePage)


def cases(w):  # type: ignore[no-untyped-def]
    from ui.cases import CaseListPage

    return w.feature(CaseListPage)


def followup(w):  # type: ignore[no-untyped-def]
    from ui.followup import FollowupFeature

    return w.feature(FollowupFeature)


def security(w):  # type: ignore[no-untyped-def]
    from ui.security import SecurityControls

    return w.feature(SecurityControls)


def sync(w):  # type: ignore[no-untyped-def]
    from ui.sync import SyncControl

    return w.feature(SyncControl)


def caller_bar(w):  # type: ignore[no-untyped-def]
    from ui.queue import CallerBar

    return w.feature(CallerBar)


def printing(w):  # type: ignore[no-untyped-def]
    from ui.printing import PrintingFeature

    return w.feature(PrintingFeature)


def materials(w):  # type: ignore[no-untyped-def]
    from ui.materials import MaterialsFeature

    return w.feature(MaterialsFeature)


def field_panel(w):  # type: ignore[no-untyped-def]
    from ui.field import FieldPanel

    return w.feature(FieldPanel)
