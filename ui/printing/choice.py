"""Choosing a printer: CUPS queues (listed in a task), 另存为 PDF (a folder), or Qt's print dialog.

The last choice is remembered per document kind in settings (``printer_a4`` / ``printer_ticket``)
as a printer spec: ``cups:QUEUE``, ``pdf:DIR`` or ``qt:NAME`` (``ui.printing.pages.make_printer``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.documents import printer_setting
from ui.ops import Op, Query
from ui.printing.pages import QT_SCHEME
from ui.qt import QComboBox, QCoreApplication, QHBoxLayout, QObject, QPushButton, QWidget, Signal


def setting_for(kind: str) -> str:
    """Which settings field remembers the printer of a document kind (``clerk.documents``)."""
    return printer_setting(kind)


def remembered(ctx: Any, kind: str) -> str:
    return str(getattr(ctx.settings, setting_for(kind), "") or "")


def remember(where: QObject, kind: str, spec: str) -> None:
    """Keeps ``spec`` as the printer of ``kind`` (settings saved in a write op when it changed);
    ``where`` is a widget with ``ctx`` (the preview, the queue dialog)."""
    ctx: Any = where.ctx  # type: ignore[attr-defined]
    field = setting_for(kind)
    if getattr(ctx.settings, field, None) == spec:
        return
    setattr(ctx.settings, field, spec)
    settings, path = ctx.settings, ctx.paths.settings
    Op(where, lambda: settings.save(path)).run_in_background()


def list_cups_queues() -> list[str]:
    """CUPS queue names; empty when CUPS is not installed or not running."""
    try:
        from printing.backends import CupsPrinter

        return CupsPrinter.list_queues(timeout=5.0)
    except Exception:  # no CUPS here: PDF and the Qt dialog remain  # noqa: BLE001
        return []


def describe(spec: str) -> str:
    """A printer spec as a clerk reads it."""
    if spec.startswith("pdf:"):
        return QCoreApplication.translate("PrinterChoice", "另存为 PDF：") + spec[4:]
    if spec.startswith(QT_SCHEME):
        name = spec[len(QT_SCHEME):]
        return QCoreApplication.translate("PrinterChoice", "系统打印对话框") + (f"（{name}）" if name else "…")
    if spec.startswith("cups:"):
        return QCoreApplication.translate("PrinterChoice", "打印机 ") + spec[5:]
    return spec or QCoreApplication.translate("PrinterChoice", "（未选择）")


class PrinterChoice(QWidget):
    """A printer combo (CUPS queues, 另存为 PDF, 系统打印对话框) and a folder button for the PDF choice.

    Signals:
        changed(str): the chosen printer spec ("" for "the job's own printer" when ``keep_label`` is set).
        queues_loaded(int): how many CUPS queues were found.
    """

    changed = Signal(str)
    queues_loaded = Signal(int)

    def __init__(self, pdf_dir: Path, initial: str = "", *, keep_label: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_dir = Path(pdf_dir)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setObjectName("printerCombo")
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        lay.addWidget(self.combo, 1)
        self.folder_button = QPushButton(self.tr("选择文件夹…"), self)
        self.folder_button.setObjectName("pdfFolderButton")
        self.folder_button.clicked.connect(self._choose_folder)
        lay.addWidget(self.folder_button)
        self._keep = bool(keep_label)
        if keep_label:
            self.combo.addItem(keep_label, "")
        if initial.startswith("pdf:") and initial[4:].strip():
            self.pdf_dir = Path(initial[4:])
        self._pdf_index = self._add(self._pdf_text(), f"pdf:{self.pdf_dir}")
        self._add(self.tr("系统打印对话框…"), initial if initial.startswith(QT_SCHEME) else QT_SCHEME)
        if initial.startswith("cups:") or (initial and ":" not in initial):
            self._add(describe("cups:" + initial.removeprefix("cups:")), "cups:" + initial.removeprefix("cups:"))
        self.set_spec(initial) if initial else self.combo.setCurrentIndex(0)
        self.combo.currentIndexChanged.connect(self._changed)
        self._changed()
        Query(self, list_cups_queues).success(self._queues).failure(lambda _e: self.queues_loaded.emit(0)).run_in_background()

    def _pdf_text(self) -> str:
        return self.tr("另存为 PDF：") + str(self.pdf_dir)

    def _add(self, text: str, spec: str) -> int:
        self.combo.addItem(text, spec)
        i = self.combo.count() - 1
        self.combo.setItemData(i, describe(spec) if spec else text, _tooltip_role())
        return i

    def spec(self) -> str:
        return str(self.combo.currentData() or "")

    def set_spec(self, spec: str) -> None:
        i = self.combo.findData(spec)
        if i < 0 and spec.startswith("pdf:"):
            self.pdf_dir = Path(spec[4:])
            self.combo.setItemText(self._pdf_index, self._pdf_text())
            self.combo.setItemData(self._pdf_index, spec)
            i = self._pdf_index
        elif i < 0 and spec.startswith(QT_SCHEME):
            i = next(n for n in range(self.combo.count()) if str(self.combo.itemData(n) or "").startswith(QT_SCHEME))
            self.combo.setItemData(i, spec)
        elif i < 0 and spec:
            i = self._add(describe(spec), spec)
        self.combo.setCurrentIndex(max(i, 0))

    def _queues(self, names: list[str]) -> None:
        chosen = self.spec()
        at = 1 if self._keep else 0
        for name in names:
            spec = f"cups:{name}"
            if self.combo.findData(spec) < 0:
                self.combo.insertItem(at, self.tr("打印机 ") + name, spec)
                self.combo.setItemData(at, describe(spec), _tooltip_role())
                at += 1
        self._pdf_index = self.combo.findData(f"pdf:{self.pdf_dir}")
        if chosen:
            self.set_spec(chosen)
        self.queues_loaded.emit(len(names))

    def _choose_folder(self) -> None:
        from ui.widgets.files import existing_dir

        folder = existing_dir(self, self.tr("PDF 保存到"), self.pdf_dir)
        if folder:
            self.set_spec(f"pdf:{folder}")

    def _changed(self, *_: object) -> None:
        self.folder_button.setVisible(self.spec().startswith("pdf:"))
        self.changed.emit(self.spec())


def _tooltip_role() -> Any:
    from ui.qt import Qt

    return Qt.ItemDataRole.ToolTipRole
