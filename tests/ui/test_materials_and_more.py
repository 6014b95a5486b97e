"""Material files (bad file, drag-and-drop), the one-time notice with its printout, the English UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk.intake.model import CaseStatus
from tests.helpers.ui import intake, scan_file, start_bundle, type_applicant, wait_idle
from ui.intake.dialogs import OutcomeDialog
from ui.qt import QDragEnterEvent, QDropEvent, QMimeData, QPointF, Qt, QUrl

pytestmark = pytest.mark.gui


def test_unreadable_file_is_refused_with_a_message(qtbot, window, tmp_path: Path) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    fake = tmp_path / "出生证.pdf"
    fake.write_text("这不是 PDF", encoding="utf-8")
    card = next(iter(page.checklist.cards.values()))
    card.import_paths([fake])
    wait_idle(qtbot, window)
    assert card.problem.isVisible() and "不是 PDF 或图片" in card.problem.text()
    assert not card.material.files


def test_files_dropped_on_a_material_are_imported(qtbot, window, tmp_path: Path) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    code, card = next(iter(page.checklist.cards.items()))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(scan_file(tmp_path, "a"))), QUrl.fromLocalFile(str(scan_file(tmp_path, "b")))])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    card.dragEnterEvent(enter)  # QApplication only routes drop events inside a real drag (QDrag), so call the handlers
    assert enter.isAccepted()
    card.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))
    wait_idle(qtbot, window)
    card = page.checklist.cards[code]
    assert card.material.status.value == "provided" and card.material.pages == 2
    assert card.status.text().startswith("已提交")


def test_one_time_notice_and_its_printout(qtbot, window, session, valid_id) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    case_uuid = page.case.case_uuid
    type_applicant(qtbot, page, "赵敏", valid_id)
    wait_idle(qtbot, window)
    qtbot.mouseClick(page.notify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OutcomeDialog), timeout=15000)
    view = session.ctx.intake.get(case_uuid)
    assert view.status is CaseStatus.NOTIFIED and view.return_by is not None
    dialog = page.dialog
    if not dialog.print_button.isEnabled():
        pytest.skip("printing component not installed")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    from ui.printing.preview import PrintPreviewDialog
    from ui.qt import QApplication

    def preview() -> PrintPreviewDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: preview() is not None, timeout=30000)
    shown = preview()
    assert shown is not None and shown.kinds == ["one_time_notice"]
    qtbot.waitUntil(lambda: "one_time_notice" in shown.docs, timeout=30000)  # rendered, printable
    out = session.ctx.paths.data_dir / "saved"
    shown.printer.set_spec(f"pdf:{out}")
    with qtbot.waitSignal(shown.printed, timeout=60000) as done:
        qtbot.mouseClick(shown.print_button, Qt.MouseButton.LeftButton)
    assert done.args[0].printed
    files = list(out.glob("*.pdf"))
    assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF-")
    shown.close()


def test_english_interface(qtbot, qapp, make_window) -> None:
    from ui import app as ui_app

    translator = ui_app.install_translator(qapp, "en")
    assert translator is not None
    try:
        w = make_window()
        assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == ["Intake", "Cases", "Hand-out",
                                                                     "Supplement/Deferred", "Could not be done",
                                                                     "Case figures"]
        assert intake(w).accept_button.text() == "Accept (Ctrl+Enter)"
    finally:
        qapp.removeTranslator(translator)
