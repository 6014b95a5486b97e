"""The print queue in the window: a status-bar badge (queued + failed jobs) and a dialog to retry or cancel them.

Both read ``ctx.print_queue`` in queries and refresh on ``PrintQueueChanged``.
"""

from __future__ import annotations

from typing import Any

from clerk import clock
from clerk.context import AppContext
from clerk.events import PrintQueueChanged
from ui import labels, messages
from ui.events import EventListener
from ui.ops import Op, Query
from ui.printing import choice
from ui.printing.pages import make_printer
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = ("#", QT_TRANSLATE_NOOP("PrintQueueDialog", "文书"), QT_TRANSLATE_NOOP("PrintQueueDialog", "打印机"), QT_TRANSLATE_NOOP("PrintQueueDialog", "状态"), QT_TRANSLATE_NOOP("PrintQueueDialog", "时间"),
           QT_TRANSLATE_NOOP("PrintQueueDialog", "原因"))


def _queue(ctx: AppContext) -> Any:
    return ctx.print_queue


class PrintQueueBadge(EventListener, QPushButton):
    """「打印队列 N」 in the status bar; hidden while nothing waits; a click opens the queue dialog.

    Signals:
        counted(int): the number of queued or failed jobs after a refresh.
    """

    counted = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count = 0
        self.dialog: PrintQueueDialog | None = None
        self._generation = 0
        self.setObjectName("printQueueBadge")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton#printQueueBadge { color: white; background: #c5221f; border-radius: 9px;"
                           " padding: 1px 10px; font-weight: bold; }")
        self.hide()
        self.clicked.connect(self.open_dialog)
        self.listen(ctx.events)
        self.refresh()

    def on_event_print_queue_changed(self, _event: PrintQueueChanged) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        Query(self, lambda: _queue(ctx).pending()).success(lambda jobs: self._show(generation, jobs)).run_in_background()

    def _show(self, generation: int, jobs: list[Any]) -> None:
        if generation != self._generation:
            return
        self.count = len(jobs)
        failed = sum(1 for j in jobs if j.state == "failed")
        self.setText(self.tr("打印队列 %1").replace("%1", str(self.count)))
        self.setToolTip(self.tr("待打印 %1 份，失败 %2 份：点击查看、重试或取消")
                        .replace("%1", str(self.count - failed)).replace("%2", str(failed)))
        self.setVisible(self.count > 0)
        self.counted.emit(self.count)

    def open_dialog(self) -> PrintQueueDialog:
        if self.dialog is None:
            self.dialog = PrintQueueDialog(self.ctx, self.window())
            self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
        return self.dialog


class PrintQueueDialog(EventListener, QDialog):
    """Jobs waiting for a printer (queued or failed): retry on the same or another printer, or cancel.

    Signals:
        loaded(int): the list was (re)loaded with this many jobs.
        retried(object): a retry finished (``clerk.printjobs.PrintOutcome``).
        message(str): what the last action did.
    """

    loaded = Signal(int)
    retried = Signal(object)
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jobs: list[Any] = []
        self.setObjectName("printQueueDialog")
        self.setWindowTitle(self.tr("打印队列"))
        self.resize(1100, 560)
        v = QVBoxLayout(self)
        v.setSpacing(10)
        hint = QLabel(self.tr("以下文书尚未打印。打印机恢复后点“重试”；也可改用其他打印机，或取消不再打印的任务。"), self)
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("printQueueTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        for col, width in enumerate((50, 300, 170, 90, 140)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemSelectionChanged.connect(self._selection)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("重试到："), self))
        self.printer = choice.PrinterChoice(ctx.paths.data_dir / "prints", keep_label=self.tr("原打印机"),
                                            parent=self)
        self.printer.setMinimumWidth(460)
        row.addWidget(self.printer)
        row.addStretch(1)
        self.retry_button = QPushButton(self.tr("重试"), self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_selected)
        row.addWidget(self.retry_button)
        self.cancel_button = QPushButton(self.tr("取消任务"), self)
        self.cancel_button.setObjectName("cancelJobButton")
        self.cancel_button.clicked.connect(self.cancel_selected)
        row.addWidget(self.cancel_button)
        v.addLayout(row)
        bottom = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("queueStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        close = QPushButton(self.tr("关闭"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        v.addLayout(bottom)
        self.message.connect(self.status.setText)
        self.listen(ctx.events)
        self._selection()
        self.refresh()

    def on_event_print_queue_changed(self, _event: PrintQueueChanged) -> None:
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        Query(self, lambda: _queue(ctx).pending()).success(self._fill).run_in_background()

    def _fill(self, jobs: list[Any]) -> None:
        selected = self.selected()
        self.jobs = jobs
        self.table.setRowCount(len(jobs))
        for r, job in enumerate(jobs):
            values = (str(job.id), job.title, choice.describe(job.printer), labels.print_job_state(job.state),
                      clock.local(job.created_at).strftime("%m-%d %H:%M"), job.error)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 3 and job.state == "failed":
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(r, c, item)
            if selected is not None and job.id == selected.id:
                self.table.selectRow(r)
        if self.selected() is None and jobs:
            self.table.selectRow(0)
        self._selection()
        self.loaded.emit(len(jobs))

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.jobs[rows[0].row()] if rows and rows[0].row() < len(self.jobs) else None

    def _selection(self) -> None:
        on = self.selected() is not None
        self.retry_button.setEnabled(on)
        self.cancel_button.setEnabled(on)

    def retry_selected(self) -> None:
        job = self.selected()
        if job is None:
            return
        ctx, printer = self.ctx, self.printer.spec() or None
        self.retry_button.setEnabled(False)
        self.message.emit(self.tr("正在重试 #%1…").replace("%1", str(job.id)))
        Op(self, lambda: _queue(ctx).retry(job.id, printer, make_printer=make_printer)).success(self._retried).failure(self._failed).run_in_background()

    def _retried(self, outcome: Any) -> None:
        if outcome.printed:
            self.message.emit(self.tr("已打印：") + outcome.job.title)
        else:
            self.message.emit(self.tr("仍未打印：") + outcome.message)
        self._selection()
        self.retried.emit(outcome)

    def cancel_selected(self) -> None:
        job = self.selected()
        if job is None:
            return
        ctx = self.ctx
        Op(self, lambda: _queue(ctx).cancel(job.id)).success(lambda j: self.message.emit(self.tr("已取消：") + j.title)).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._selection()
        self.message.emit(self.tr("操作失败：") + messages.describe(exc))
