"""Print preview, printing through the queue (PDF target, a stopped CUPS queue), the queue badge and dialog."""

from __future__ import annotations

import random
import subprocess

from clerk.demo import DemoPeople, take_demo_case
from clerk.printjobs import PrintQueue
from tests.helpers.ui import printing


def _accepted(session):  # type: ignore[no-untyped-def]
    people = DemoPeople(11)
    people.rng = random.Random(11)
    return take_demo_case(session.ctx, session.actor, people, "newborn", outcome="accept")


def _preview(qtbot, window, view, kinds):  # type: ignore[no-untyped-def]
    from ui.printing.preview import open_preview

    dialog = open_preview(window, view.case_uuid, kinds, case_no=view.case_no)
    qtbot.waitUntil(lambda: all(k in dialog.docs for k in kinds), timeout=30000)
    return dialog


def test_preview_shows_the_receipt_pages_with_navigation_and_zoom(qtbot, window, session):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    from clerk.printjobs import render_document

    view = _accepted(session)
    dialog = _preview(qtbot, window, view, ["receipt"])
    expected = len(pdfium.PdfDocument(render_document(session.ctx, view.case_uuid, "receipt")))
    assert dialog.page_count() == expected >= 1
    assert dialog.page_label.text() == f"第 1 / {expected} 页"
    assert not dialog.page_view.pixmap().isNull()
    width = dialog.page_view.pixmap().width()
    qtbot.mouseClick(dialog.zoom_in, Qt.MouseButton.LeftButton)
    assert dialog.zoom is not None and dialog.page_view.pixmap().width() > width
    if expected > 1:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        assert dialog.page_label.text() == f"第 2 / {expected} 页"
    dialog.close()


def test_print_to_a_pdf_folder_makes_the_file_and_a_printed_job(qtbot, window, session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = _accepted(session)
    dialog = _preview(qtbot, window, view, ["receipt"])
    out = tmp_path / "saved"
    dialog.printer.set_spec(f"pdf:{out}")
    with qtbot.waitSignal(dialog.printed, timeout=30000) as done:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    outcome = done.args[0]
    assert outcome.printed and outcome.job.state == "printed"
    files = list(out.glob("*.pdf"))
    assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF-")
    assert [j.state for j in PrintQueue(session.ctx.store, session.ctx.pages).history(view.case_uuid)] == ["printed"]
    assert session.ctx.settings.printer_a4 == f"pdf:{out}"  # remembered for the next receipt
    qtbot.waitUntil(lambda: dialog.docs["receipt"].reprint, timeout=30000)  # the next one is a 补打
    assert dialog.reprint_label.isVisible()
    dialog.close()




def test_stopped_cups_queue_keeps_the_job_badge_and_retry(qtbot, window, session, cups_pdf_queue) -> None:  # type: ignore[no-untyped-def]
    queue = cups_pdf_queue.name
    view = _accepted(session)
    dialog = _preview(qtbot, window, view, ["receipt"])
    dialog.printer.set_spec(f"cups:{queue}")
    assert subprocess.run(["cupsdisable", queue]).returncode == 0
    try:
        with qtbot.waitSignal(dialog.printed, timeout=30000) as done:
            qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        outcome = done.args[0]
        assert not outcome.printed and outcome.job.state == "queued" and "停止" in outcome.message
        badge = printing(window).badge
        qtbot.waitUntil(lambda: badge.count == 1 and badge.isVisible(), timeout=10000)
        assert badge.text() == "打印队列 1"
        dialog.close()
        queue_dialog = badge.open_dialog()
        qtbot.waitUntil(lambda: queue_dialog.table.rowCount() == 1 and queue_dialog.retry_button.isEnabled(),
                        timeout=10000)
        assert queue_dialog.table.item(0, 3).text() == "待打印"
        before = cups_pdf_queue.pdf_files()
    finally:
        subprocess.run(["cupsenable", queue])
    with qtbot.waitSignal(queue_dialog.retried, timeout=60000) as retried:
        qtbot.mouseClick(queue_dialog.retry_button, Qt.MouseButton.LeftButton)
    assert retried.args[0].printed
    qtbot.waitUntil(lambda: badge.count == 0 and not badge.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: queue_dialog.table.rowCount() == 0, timeout=10000)
    assert cups_pdf_queue.wait_for_new_file(before).read_bytes().startswith(b"%PDF-")
    queue_dialog.close()

from ui.qt import Qt  # noqa: E402
