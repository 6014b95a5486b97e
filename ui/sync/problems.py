"""The sync problems dialog: parked outbox items (platform refused them, or a file is missing here).

``engine.list_problems()``, ``retry(id)`` and ``discard(id, reason, operator)`` run in ops; a retry
wakes the worker so the item goes out at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk import clock
from ui import messages
from ui.ops import Op, Query
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = ("#", QT_TRANSLATE_NOOP("ProblemsDialog", "类型"), QT_TRANSLATE_NOOP("ProblemsDialog", "受理编号"), QT_TRANSLATE_NOOP("ProblemsDialog", "尝试"), QT_TRANSLATE_NOOP("ProblemsDialog", "时间"),
           QT_TRANSLATE_NOOP("ProblemsDialog", "原因"))
KIND_LABELS = {"case": QT_TRANSLATE_NOOP("ProblemsDialog", "案件"), "event": QT_TRANSLATE_NOOP("ProblemsDialog", "事件"), "evaluation": QT_TRANSLATE_NOOP("ProblemsDialog", "评价")}


class ProblemsDialog(QDialog):
    """Parked sync items with 重试 and 放弃（须写明理由）.

    Signals:
        loaded(int): the list was (re)loaded with this many problems.
        changed(str): an item was retried or discarded (what happened, for the status line).
    """

    loaded = Signal(int)
    changed = Signal(str)

    def __init__(self, engine: Callable[[], Any], operator: Callable[[], str], *, wake: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.operator, self.wake = engine, operator, wake
        self.problems: list[Any] = []
        self.setObjectName("syncProblems")
        self.setWindowTitle(self.tr("同步问题"))
        self.resize(1100, 520)
        v = QVBoxLayout(self)
        v.setSpacing(10)
        hint = QLabel(self.tr("以下数据平台未接收，已暂停上传。排除原因后点“重试”；确实不需上传的，"
                              "可“放弃”并写明理由（留档备查）。"), self)
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("problemsTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        for col, width in enumerate((50, 70, 250, 60, 120)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("problemsStatus")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.retry_button = QPushButton(self.tr("重试"), self)
        self.retry_button.setObjectName("retryProblem")
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton(self.tr("放弃…"), self)
        self.discard_button.setObjectName("discardProblem")
        self.discard_button.clicked.connect(self._ask_discard)
        close = QPushButton(self.tr("关闭"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        for b in (self.retry_button, self.discard_button, close):
            row.addWidget(b)
        v.addLayout(row)
        self.changed.connect(self.status.setText)
        self._selection()
        self.refresh()

    def refresh(self) -> None:
        engine = self.engine
        Query(self, lambda: engine().list_problems()).success(self._fill).failure(self._failed).run_in_background()

    def _fill(self, problems: list[Any]) -> None:
        self.problems = problems
        self.table.setRowCount(len(problems))
        for r, p in enumerate(problems):
            values = (str(p.item_id), self.tr(KIND_LABELS.get(p.kind, p.kind)), p.case_no or p.case_uuid or "-",
                      str(p.attempts), clock.local(p.created_at).strftime("%m-%d %H:%M"), p.error)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        if problems:
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("没有同步问题"))
        self._selection()
        self.loaded.emit(len(problems))

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.problems[rows[0].row()] if rows and rows[0].row() < len(self.problems) else None

    def _selection(self) -> None:
        on = self.selected() is not None
        self.retry_button.setEnabled(on)
        self.discard_button.setEnabled(on)

    def retry_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        engine = self.engine

        def done(_: object) -> None:
            self.wake()
            self.changed.emit(self.tr("已重新排队上传：#%1").replace("%1", str(p.item_id)))
            self.refresh()

        Op(self, lambda: engine().retry(p.item_id)).success(done).failure(self._failed).run_in_background()

    def _ask_discard(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("放弃同步"), self.tr("放弃的理由（至少 4 个字，留档备查）："),
                                          QLineEdit.EchoMode.Normal)
        if ok:
            self.discard_selected(reason)

    def discard_selected(self, reason: str) -> None:
        p = self.selected()
        if p is None:
            return
        engine, operator = self.engine, self.operator()

        def done(_: object) -> None:
            self.changed.emit(self.tr("已放弃：#%1").replace("%1", str(p.item_id)))
            self.refresh()

        Op(self, lambda: engine().discard(p.item_id, reason, operator)).success(done).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("操作失败：") + messages.describe(exc))
        self._selection()
