"""Shared by the follow-up pages: the file-picker seam, colours of deadline marks, documents as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ui.qt import QColor, QFileDialog, QWidget

FilePicker = Callable[[QWidget, str], list[Path]]
"""``pick(parent, title) -> paths``: the native file dialog by default; tests put a plain function here."""

AMBER = QColor("#fff3c4")
AMBER_TEXT = QColor("#7a4d00")
RED = QColor("#fde2e1")
RED_TEXT = QColor("#a61b1b")

STYLE = """
QLabel#followHead { font-size: 16px; font-weight: bold; color: #102a43; padding: 2px 0; }
QLabel#followHint { color: #627d98; }
QLabel#refusal { background: #fde2e1; color: #8a1313; border: 1px solid #f5a3a0; border-radius: 6px;
                 padding: 10px 12px; font-size: 15px; font-weight: bold; }
QLabel#success { background: #e3f4e8; color: #14532d; border: 1px solid #9fd8b0; border-radius: 6px;
                 padding: 10px 12px; font-size: 15px; font-weight: bold; }
QFrame#caseCard { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 6px; }
QLabel#caseCardTitle { font-size: 17px; font-weight: bold; color: #1f4e8c; }
QLabel#caseCardBody { font-size: 14px; color: #243b53; }
QLabel#noteBox { background: #fff8e1; border: 1px solid #f0b429; border-radius: 6px; padding: 8px 10px; color: #3d2b00; }
QPushButton#primaryButton { background: #1f4e8c; color: #ffffff; border: 1px solid #1f4e8c; font-weight: bold;
                            padding: 6px 22px; }
QPushButton#primaryButton:disabled { background: #9fb3c8; border-color: #9fb3c8; }
"""

IMAGE_FILTER = "图像 (*.png *.jpg *.jpeg *.tif *.tiff)"
FILE_FILTER = "材料文件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"


def native_file_picker(filter_: str = FILE_FILTER) -> FilePicker:
    def pick(parent: QWidget, title: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", filter_)
        return [Path(n) for n in names]

    return pick


def render_to_prints(ctx: Any, case_uuid: str, kind: str, **options: Any) -> Path:
    """Renders a case document (``printing`` through clerk.plugins) into ``data_dir/prints``; runs in a worker.

    Used until a printer/preview is chosen in ``ui/printing``: the clerk prints the PDF from there.
    """
    from clerk import plugins

    view = ctx.intake.get(case_uuid)
    pdf = plugins.document_renderer()(kind, view, ctx.settings.hall, **options)
    out_dir = ctx.paths.data_dir / "prints"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{view.case_no}-{kind}.pdf"
    out.write_bytes(pdf)
    return out


def error_text(exc: BaseException) -> str:
    """One line for the clerk (the clerk/ errors already speak Chinese)."""
    from clerk.intake.validation import ValidationFailed

    if isinstance(exc, ValidationFailed):
        return "；".join(exc.problems.values())
    return str(exc) or type(exc).__name__
