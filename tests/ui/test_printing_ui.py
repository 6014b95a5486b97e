"""Print preview, printing through the queue (PDF target, a stopped CUPS queue), the queue badge and dialog."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from clerk.demo import DemoPeople, take_demo_case
from clerk.printjobs import PrintQueue


def _accepted(session):  # type: ignore[no-untyped-def]
    people = DemoPeople(11)
    people.rng = random.Random(11)
    return take_demo_case(session.ctx, session.actor, people, "newborn", outcome="accept")


def _preview(qtbot, window, view, kinds):  # type: ignore[no-untyped-def]
    from ui.printing.preview import open_preview

    dialog = open_preview(window.session.ctx, window.session.actor, window.tasks, view.case_uuid, kinds,
                          case_no=view.case_no, parent=window)
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


from PySide6.QtCore import Qt  # noqa: E402
