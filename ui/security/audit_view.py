"""The supervisor's audit screen (审计日志): filtered, paged entries and a check of the hash chain."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ui import messages
from ui.ops import Query
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.date_range import DateRangeFilter

PAGE_SIZE = 50


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


class AuditTableModel(QAbstractTableModel):
    """Rows of ``clerk.security.audit.AuditEntry`` (newest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.headers = [_t("序号"), _t("时间"), _t("操作员"), _t("窗口"), _t("操作"), _t("受理编号 / 详情")]

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.rows[index.row()]
        return [str(e.id), f"{e.at:%Y-%m-%d %H:%M:%S}", e.operator, e.window, e.action_label,
                _describe(e.detail)][index.column()]


def _describe(detail: dict[str, Any]) -> str:
    """The detail in words: case number, field and reason of a reveal, online/offline, who to whom."""
    d = dict(detail)
    parts = [str(d.pop(k)) for k in ("case_no", "label") if d.get(k)]
    d.pop("field", None)
    if d.get("reason"):
        parts.append(_t("理由：") + str(d.pop("reason")))
    if "online" in d:
        parts.append(_t("联网") if d.pop("online") else _t("离线"))
    if d.get("from") or d.get("to"):
        parts.append(f"{d.pop('from', '') or '—'} → {d.pop('to', '') or '—'}")
    if d.get("locked_operator"):
        parts.append(_t("锁定的操作员：") + str(d.pop("locked_operator")))
    if d.get("count") is not None:
        parts.append(_t("第 %1 次失败").replace("%1", str(d.pop("count"))))
    if d.pop("locked", False):
        parts.append(_t("已锁定账号"))
    d = {k: v for k, v in d.items() if v not in (None, "", False)}
    if d:
        parts.append(json.dumps(d, ensure_ascii=False, separators=(", ", ": ")))
    return " · ".join(parts)


class AuditDialog(QDialog):
    """Entries by action, operator and date range; 50 a page; "校验审计链" verifies the chain.

    Signals:
        loaded(int): a page arrived (the number of rows on it).
        verified(object): the ``VerifyResult`` of the chain check.
    """

    loaded = Signal(int)
    verified = Signal(object)

    def __init__(self, ctx: Any, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from clerk.security.audit import ACTION_LABELS

        self.ctx, self.actor = ctx, actor
        self.offset = 0
        self.has_more = False
        self._generation = 0
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("审计日志"))
        self.resize(1280, 760)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 12)
        lay.setSpacing(10)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.addItem(self.tr("全部操作"), "")
        for code, label in ACTION_LABELS.items():
            self.action.addItem(label, code.value)
        self.action.setMinimumWidth(150)
        self.action.currentIndexChanged.connect(lambda _i: self.search())
        bar.addWidget(self.action)
        self.operator = QLineEdit(self)
        self.operator.setObjectName("auditOperator")
        self.operator.setPlaceholderText(self.tr("操作员用户名"))
        self.operator.setClearButtonEnabled(True)
        self.operator.returnPressed.connect(self.search)
        bar.addWidget(self.operator, 1)
        self.dates = DateRangeFilter(self, days_back=7)
        self.dates.use_dates.setObjectName("auditUseDates")
        self.use_dates, self.date_from, self.date_to = self.dates.use_dates, self.dates.date_from, self.dates.date_to
        self.dates.changed.connect(self.search)
        bar.addWidget(self.dates)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.search_button.clicked.connect(self.search)
        bar.addWidget(self.search_button)
        self.verify_button = QPushButton(self.tr("校验审计链"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        bar.addWidget(self.verify_button)
        lay.addLayout(bar)
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("verifyResult")
        self.verify_label.setWordWrap(True)
        self.verify_label.hide()
        lay.addWidget(self.verify_label)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((70, 170, 120, 70, 130)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        lay.addWidget(self.table, 1)
        pager = QHBoxLayout()
        self.page_label = QLabel(self)
        self.page_label.setObjectName("auditPage")
        pager.addWidget(self.page_label, 1)
        self.prev_button = QPushButton(self.tr("上一页"), self)
        self.prev_button.clicked.connect(lambda: self._page(-1))
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.next_button.clicked.connect(lambda: self._page(1))
        pager.addWidget(self.prev_button)
        pager.addWidget(self.next_button)
        lay.addLayout(pager)
        self.search()

    def filters(self) -> dict[str, Any]:
        from clerk import clock

        f: dict[str, Any] = {"action": self.action.currentData() or None,
                             "operator": self.operator.text().strip() or None}
        span = self.dates.span()
        if span is not None:
            f["since"] = dt.datetime.combine(span[0], dt.time(), clock.zone())
            f["until"] = dt.datetime.combine(span[1], dt.time(), clock.zone()) + dt.timedelta(days=1)
        return f

    def search(self) -> None:
        self.offset = 0
        self._load()

    def _page(self, step: int) -> None:
        new = self.offset + step * PAGE_SIZE
        if new >= 0 and (step < 0 or self.has_more):
            self.offset = new
            self._load()

    def _load(self) -> None:
        from clerk.security.audit import list_entries

        store, actor, f, offset = self.ctx.store, self.actor, self.filters(), self.offset
        self._generation += 1
        generation = self._generation
        Query(self, lambda: list_entries(store, actor, limit=PAGE_SIZE + 1, offset=offset, **f)).success(lambda rows: self._show(generation, rows)).failure(self._refused).run_in_background()

    def _show(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self.has_more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        self.model.set_rows(rows)
        page = self.offset // PAGE_SIZE + 1
        self.page_label.setText(self.tr("第 %1 页，本页 %2 条").replace("%1", str(page)).replace("%2", str(len(rows))))
        self.prev_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.has_more)
        self.loaded.emit(len(rows))

    def _refused(self, exc: BaseException) -> None:
        self._say(messages.describe(exc), ok=False)

    def verify(self) -> None:
        from clerk.security.audit import verify_store

        store = self.ctx.store
        self.verify_button.setEnabled(False)
        Query(self, lambda: verify_store(store)).success(self._verified).failure(self._verify_failed).run_in_background()

    def _verified(self, result: Any) -> None:
        self.verify_button.setEnabled(True)
        if result.ok:
            self._say(self.tr("审计链完整：共 %1 条记录，未发现修改、删除或调换。").replace("%1", str(result.entries)), ok=True)
        else:
            self._say(self.tr("审计链校验未通过：") + result.problem.message, ok=False)
        self.verified.emit(result)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self._say(self.tr("无法校验审计链：") + messages.describe(exc), ok=False)

    def _say(self, text: str, *, ok: bool) -> None:
        colour = "#1e7e34" if ok else "#c0392b"
        bg = "#e8f5ec" if ok else "#fdecea"
        self.verify_label.setStyleSheet(f"color: {colour}; background: {bg}; padding: 8px 10px;"
                                        "border-radius: 4px; font-weight: bold;")
        self.verify_label.setText(text)
        self.verify_label.show()
