"""Case search: case number, name, pinyin initials, ID number, phone, date range, status; paged; PII masked."""

from __future__ import annotations

from typing import Any

from clerk import clock
from clerk.context import AppContext
from clerk.intake.search import CaseQuery
from clerk.security.masking import mask_id, mask_phone
from ui import labels
from ui.events import (
    CaseFinished,
    CasesChanged,
    EventListener,
    OpenCaseRequested,
    ShowCaseRequested,
    ShowCasesRequested,
)
from ui.ops import Query
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QContextMenuEvent,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell
from ui.widgets.date_range import DateRangeFilter

PAGE_SIZE = 50


class CaseTableModel(QAbstractTableModel):
    """Rows of CaseSummary with ID numbers and phones masked."""

    def __init__(self, bundle_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.deadline_flags: dict[str, str] = {}
        """case_uuid → clerk.deadlines.DeadlineFlag value ('' / due_soon / overdue), for the deadline marks."""
        self.bundle_names = bundle_names
        self.headers = [QCoreApplication.translate("CaseTableModel", "受理编号"), QCoreApplication.translate("CaseTableModel", "一件事"), QCoreApplication.translate("CaseTableModel", "申请人"),
                        QCoreApplication.translate("CaseTableModel", "证件号码"), QCoreApplication.translate("CaseTableModel", "电话"), QCoreApplication.translate("CaseTableModel", "状态"),
                        QCoreApplication.translate("CaseTableModel", "创建时间"), QCoreApplication.translate("CaseTableModel", "办结期限")]

    def set_rows(self, rows: list[Any], flags: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.deadline_flags = dict(flags or {})
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
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r.case_uuid
        flag = self.deadline_flags.get(r.case_uuid, "")
        if flag and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                             Qt.ItemDataRole.ToolTipRole):
            return _deadline_mark(flag, role, index.column())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        c = index.column()
        return [
            r.case_no,
            self.bundle_names.get(r.bundle_code, r.bundle_code),
            r.applicant_name,
            mask_id(r.applicant_id_number) if r.applicant_id_number else "",
            mask_phone(r.applicant_phone) if r.applicant_phone else "",
            labels.case_status(r.status),
            f"{clock.local(r.created_at):%Y-%m-%d %H:%M}",
            (r.due_date.isoformat() if r.due_date else "")
            + (QCoreApplication.translate("CaseTableModel", _DEADLINE_SUFFIX[flag]) if flag in _DEADLINE_SUFFIX else ""),
        ][c]


class CaseTable(QTableView):
    """The case table; its context menu is the same from the mouse and from the keyboard (Shift+F10, the
    Menu key: the current row's, under it).

    Signals:
        menu_requested(int, QPoint): the row and where the menu goes (viewport coordinates).
    """

    menu_requested = Signal(int, QPoint)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
            if index.isValid():
                self.setCurrentIndex(index)
            pos = self.viewport().mapFromGlobal(event.globalPos())
        else:
            index = self.currentIndex()
            pos = self.visualRect(index).center() if index.isValid() else QPoint(0, 0)
        if index.isValid():
            self.menu_requested.emit(index.row(), pos)
        event.accept()


class CaseListPage(EventListener, QWidget):
    """The case list tab. Reloads when shown, when a case was finished at this window and when many
    cases changed; other features add to its right-click menu (``shell.add_case_menu``).

    Signals:
        open_requested(str): case_uuid of a draft or notified case to continue at the intake screen.
        loaded(int): a page of results arrived; the total count.
    """

    open_requested = Signal(str)
    loaded = Signal(int)

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shell = shell
        ctx = shell.ctx
        self.offset = 0
        self.total = 0
        self.last_menu: QMenu | None = None
        self.case_view: Any = None
        self._generation = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.text = QLineEdit(self)
        self.text.setObjectName("caseSearch")
        self.text.setPlaceholderText(self.tr("受理编号、姓名、拼音首字母、身份证号码或电话 (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.search)
        bar.addWidget(self.text, 3)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("全部状态"), "")
        for code in labels.CASE_STATUS:
            self.status.addItem(labels.case_status(code), str(code))
        self.status.currentIndexChanged.connect(lambda _i: self.search())
        bar.addWidget(self.status, 1)
        self.dates = DateRangeFilter(self, days_back=30)
        self.use_dates, self.date_from, self.date_to = self.dates.use_dates, self.dates.date_from, self.dates.date_to
        self.dates.changed.connect(self.search)
        bar.addWidget(self.dates)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.search_button.setObjectName("searchButton")
        self.search_button.clicked.connect(self.search)
        bar.addWidget(self.search_button)
        lay.addLayout(bar)
        names = {b.code: b.name for b in ctx.catalog.bundles}
        self.model = CaseTableModel(names, self)
        self.table = CaseTable(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((210, 230, 230, 170, 120, 110, 150)):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.table.menu_requested.connect(lambda row, pos: self.menu_for_row(row, pos))
        lay.addWidget(self.table, 1)
        pager = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        pager.addWidget(self.count_label, 1)
        self.prev_button = QPushButton(self.tr("上一页"), self)
        self.prev_button.clicked.connect(lambda: self._page(-1))
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.next_button.clicked.connect(lambda: self._page(1))
        pager.addWidget(self.prev_button)
        pager.addWidget(self.next_button)
        lay.addLayout(pager)
        self.open_requested.connect(lambda case_uuid: shell.events.publish(OpenCaseRequested(case_uuid)))
        shell.tab_shown.connect(lambda w: self.search() if w is self else None)
        self.listen(shell.events)

    @property
    def ctx(self) -> AppContext:
        return self.shell.ctx

    # -- requests from elsewhere (ui.events) --------------------------------------------------------
    def on_event_show_cases_requested(self, event: ShowCasesRequested) -> None:
        """Shows the list with that search text and status (the barcode wedge, 查看全部草稿)."""
        self.shell.show_tab(self)
        if event.text:
            self.text.setText(event.text)
        self.status.blockSignals(True)
        self.show_status(event.status)
        self.status.blockSignals(False)
        self.search()

    def on_event_case_finished(self, _event: CaseFinished) -> None:
        self.search()

    def on_event_cases_changed(self, _event: CasesChanged) -> None:
        self.search()

    def find_cases(self) -> None:
        """Ctrl+F: the case list, its search box ready."""
        self.shell.show_tab(self)
        self.focus_search()

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The menu of the case under ``pos`` (viewport coordinates), as a right-click there opens it."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        self.table.setCurrentIndex(index)
        return self.menu_for_row(index.row(), pos)

    def keyboard_menu(self) -> QMenu | None:
        """The menu of the current row, as Shift+F10 or the Menu key opens it (the same menu)."""
        index = self.table.currentIndex()
        return self.menu_for_row(index.row(), self.table.visualRect(index).center()) if index.isValid() else None

    def menu_for_row(self, r: int, pos: QPoint) -> QMenu | None:
        """The one menu of a case: 查看详情, then what the installed features offer for it (print, reveal …)."""
        if not 0 <= r < len(self.model.rows):
            return None
        row = self.model.rows[r]
        menu = QMenu(self.table)
        menu.setObjectName("caseMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = menu.addAction(self.tr("查看案件详情"))
        view.setObjectName("viewCase")
        view.triggered.connect(lambda _c=False, u=row.case_uuid: self.view_case(u))
        if row.status.value in ("draft", "notified"):
            resume = menu.addAction(self.tr("继续办理"))
            resume.triggered.connect(lambda _c=False, u=row.case_uuid: self.open_requested.emit(u))
        menu.addSeparator()
        for fill in self.shell.case_menus():
            fill(row, menu)
        self.last_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    def view_case(self, case_uuid: str) -> Any:
        """The read-only case view (案件详情) of any case."""
        from ui.cases.case_view import open_case_view

        self.case_view = open_case_view(self.shell, case_uuid)
        return self.case_view

    def on_event_show_case_requested(self, event: ShowCaseRequested) -> None:
        self.view_case(event.case_uuid)

    def focus_search(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def query(self) -> CaseQuery:
        status = self.status.currentData()
        date_from, date_to = self.dates.span() or (None, None)
        return CaseQuery(text=self.text.text().strip(), status=(status,) if status else (),
                         date_from=date_from, date_to=date_to, limit=PAGE_SIZE, offset=self.offset)

    def search(self) -> None:
        self.offset = 0
        self._load()

    def show_status(self, status: str) -> None:
        i = self.status.findData(status)
        self.status.setCurrentIndex(max(i, 0))

    def _page(self, step: int) -> None:
        new = self.offset + step * PAGE_SIZE
        if 0 <= new < max(self.total, 1):
            self.offset = new
            self._load()

    def _load(self) -> None:
        q = self.query()
        self._generation += 1
        generation, ctx = self._generation, self.ctx

        def job() -> tuple[list[Any], int, dict[str, str]]:
            from clerk.deadlines import case_flags

            rows, total = ctx.intake.search(q)
            return rows, total, {u: f.value for u, f in case_flags(ctx, [r.case_uuid for r in rows]).items()}

        Query(self, job).success(lambda r: self._show(generation, r)).run_in_background()

    def _show(self, generation: int, result: tuple[Any, ...]) -> None:
        if generation != self._generation:  # an older search answered late
            return
        rows, total = result[0], result[1]
        self.total = total
        self.model.set_rows(rows, result[2] if len(result) > 2 else None)
        page = self.offset // PAGE_SIZE + 1
        pages = max(1, -(-total // PAGE_SIZE))
        self.count_label.setText(self.tr("共 %n 件", "", total) + self.tr("，第 %1/%2 页").replace("%1", str(page)).replace("%2", str(pages)))
        self.prev_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + PAGE_SIZE < total)
        self.loaded.emit(total)

    def _activated(self, index: QModelIndex) -> None:
        """Enter or double-click: a draft or notified case continues at the intake screen; any other
        case opens read-only (案件详情)."""
        row = self.model.rows[index.row()]
        if row.status.value in ("draft", "notified"):
            self.open_requested.emit(row.case_uuid)
        else:
            self.view_case(row.case_uuid)


_DEADLINE_SUFFIX = {"due_soon": QT_TRANSLATE_NOOP("CaseTableModel", "  【即将到期】"), "overdue": QT_TRANSLATE_NOOP("CaseTableModel", "  【已超期】")}
_DEADLINE_COLOURS = {"due_soon": ("#fff3c4", "#7a4d00"), "overdue": ("#fde2e1", "#a61b1b")}


def _deadline_mark(flag: str, role: int, column: int) -> Any:
    """限时办结 marks (clerk.deadlines.case_flags): amber when due within 2 working days, red when overdue."""
    from ui.qt import QColor

    if flag not in _DEADLINE_COLOURS:
        return None
    back, fore = _DEADLINE_COLOURS[flag]
    if role == Qt.ItemDataRole.BackgroundRole:
        return QColor(back)
    if role == Qt.ItemDataRole.ForegroundRole and column in (0, 7):
        return QColor(fore)
    if role == Qt.ItemDataRole.ToolTipRole:
        return (QCoreApplication.translate("CaseTableModel", "已超过法定办结期限") if flag == "overdue"
                else QCoreApplication.translate("CaseTableModel", "2 个工作日内到期"))
    return None
