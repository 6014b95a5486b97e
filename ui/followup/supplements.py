"""补正/容缺 tab: cases the back office sent back with its note (print the notice, add files, send), and the
commitments list (deferred materials by deadline: due soon amber, overdue red) with "mark fulfilled"."""

from __future__ import annotations

from pathlib import Path

from clerk.context import AppContext
from clerk.intake.model import MaterialStatus
from clerk.printjobs import save_pdf
from clerk.security.actor import Actor
from clerk.supplements import Commitment, SupplementRequest, SupplementResult, SupplementService
from ui import labels, messages
from ui.ops import Op, Query
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell
from ui.widgets.files import FilePicker, native_file_picker
from ui.widgets.styles import AMBER, AMBER_TEXT, FOLLOWUP, RED, RED_TEXT


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(32)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    hh.setStretchLastSection(True)
    return t


def _head(text: str, parent: QWidget, name: str = "followHead") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    return label


class SupplementsPage(QWidget):
    """补正/容缺.

    Attributes:
        pick_files: the file-picker seam ``(parent, title) -> [Path]`` (tests replace the native dialog).

    Signals:
        requests_loaded(int): the 需补正 list was loaded; its length.
        commitments_loaded(int): the commitments list was loaded; its length.
        sent(object): a SupplementResult was queued for the platform.
        printed(str): path of a 补正材料通知书 PDF.
    """

    requests_loaded = Signal(int)
    commitments_loaded = Signal(int)
    sent = Signal(object)
    printed = Signal(str)

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shell = shell
        self.pick_files: FilePicker = native_file_picker()
        self.requests: list[SupplementRequest] = []
        self.commitments: list[Commitment] = []
        self.request: SupplementRequest | None = None
        self.staged: dict[str, list[Path]] = {}
        self.setStyleSheet(FOLLOWUP)
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        root.addWidget(split)

        # -- top: 需补正 ------------------------------------------------------------------------------
        top = QWidget(split)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 6)
        head = QHBoxLayout()
        head.addWidget(_head(self.tr("需补正（承办部门退回）"), top), 1)
        self.refresh_button = QPushButton(self.tr("刷新"), top)
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        tv.addLayout(head)
        row = QHBoxLayout()
        self.request_table = _table(top, [self.tr("受理编号"), self.tr("申请人"), self.tr("电话"), self.tr("退回时间"),
                                          self.tr("补正要求")], "requestTable")
        self.request_table.itemSelectionChanged.connect(self._request_chosen)
        row.addWidget(self.request_table, 3)
        detail = QWidget(top)
        dv = QVBoxLayout(detail)
        dv.setContentsMargins(8, 0, 0, 0)
        self.note = QLabel(self.tr("选择左侧一件，查看承办部门的补正要求"), detail)
        self.note.setObjectName("noteBox")
        self.note.setWordWrap(True)
        dv.addWidget(self.note)
        self.materials = QListWidget(detail)
        self.materials.setObjectName("supplementMaterials")
        dv.addWidget(self.materials, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印补正通知书"), detail)
        self.print_button.clicked.connect(self.print_notice)
        buttons.addWidget(self.print_button)
        self.add_button = QPushButton(self.tr("添加文件…"), detail)
        self.add_button.setToolTip(self.tr("为选中的材料添加补正文件（PDF、JPEG、PNG、TIFF）"))
        self.add_button.clicked.connect(self.add_files)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self.send_button = QPushButton(self.tr("发送补正"), detail)
        self.send_button.setObjectName("primaryButton")
        self.send_button.clicked.connect(self.send)
        buttons.addWidget(self.send_button)
        dv.addLayout(buttons)
        row.addWidget(detail, 2)
        tv.addLayout(row, 1)

        # -- bottom: commitments ----------------------------------------------------------------------
        bottom = QWidget(split)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 6, 0, 0)
        head2 = QHBoxLayout()
        head2.addWidget(_head(self.tr("容缺承诺（按承诺期限）"), bottom))
        legend_soon = _head(self.tr("  3 个工作日内到期  "), bottom, "legendSoon")
        legend_soon.setStyleSheet(f"background: {AMBER.name()}; color: {AMBER_TEXT.name()}; border-radius: 4px;")
        legend_over = _head(self.tr("  已超期  "), bottom, "legendOver")
        legend_over.setStyleSheet(f"background: {RED.name()}; color: {RED_TEXT.name()}; border-radius: 4px;")
        head2.addWidget(legend_soon)
        head2.addWidget(legend_over)
        head2.addStretch(1)
        self.fulfil_button = QPushButton(self.tr("已补齐（选择文件）…"), bottom)
        self.fulfil_button.clicked.connect(self.fulfil_selected)
        head2.addWidget(self.fulfil_button)
        bv.addLayout(head2)
        self.commit_table = _table(bottom, [self.tr("受理编号"), self.tr("申请人"), self.tr("电话"), self.tr("容缺材料"),
                                            self.tr("承诺期限"), self.tr("剩余工作日"), self.tr("提醒")], "commitTable")
        bv.addWidget(self.commit_table, 1)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([480, 420])
        self._show_request(None)

    @property
    def ctx(self) -> AppContext:
        return self.shell.ctx

    @property
    def actor(self) -> Actor:
        """The operator now at the window: a supplement is recorded under whoever sends it."""
        return self.shell.actor

    @property
    def service(self) -> SupplementService:
        return self.shell.ctx.supplements

    # -- loading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        svc = self.service
        Query(self, svc.requests).success(self._show_requests).failure(self._failed).run_in_background()
        Query(self, svc.commitments).success(self._show_commitments).failure(self._failed).run_in_background()

    def _show_requests(self, requests: list[SupplementRequest]) -> None:
        keep = self.request.case_uuid if self.request else None
        self.requests = requests
        self.request_table.setRowCount(len(requests))
        for r, q in enumerate(requests):
            cells = [q.case_no, q.applicant_name, q.applicant_phone,
                     f"{q.asked_at:%Y-%m-%d %H:%M}" if q.asked_at else "", q.note.replace("\n", " ")]
            for c, text in enumerate(cells):
                self.request_table.setItem(r, c, QTableWidgetItem(text))
        again = next((i for i, q in enumerate(requests) if q.case_uuid == keep), None)
        if again is not None:
            self.request_table.selectRow(again)
        else:
            self._show_request(None)
        self.requests_loaded.emit(len(requests))

    def _show_commitments(self, items: list[Commitment]) -> None:
        self.commitments = items
        self.commit_table.setRowCount(len(items))
        for r, c in enumerate(items):
            if c.overdue:
                mark, bg, fg = self.tr("已超期"), RED, RED_TEXT
            elif c.due_soon:
                mark, bg, fg = self.tr("即将到期"), AMBER, AMBER_TEXT
            else:
                mark, bg, fg = "", None, None
            left = str(c.working_days_left) if not c.overdue else self.tr("超期")
            cells = [c.case_no, c.applicant_name, c.applicant_phone, c.material_name, c.deadline.isoformat(), left, mark]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if bg is not None and fg is not None:
                    item.setBackground(bg)
                    item.setForeground(fg)
                self.commit_table.setItem(r, col, item)
        self.fulfil_button.setEnabled(bool(items))
        self.commitments_loaded.emit(len(items))

    def row_colour(self, row: int) -> str:
        """The background of a commitments row ('' when unmarked): for tests and screenshots."""
        item = self.commit_table.item(row, 0)
        brush = item.background() if item is not None else None
        return brush.color().name() if brush is not None and brush.style() != Qt.BrushStyle.NoBrush else ""

    # -- one request --------------------------------------------------------------------------------------
    def _request_chosen(self) -> None:
        rows = self.request_table.selectionModel().selectedRows()
        self._show_request(self.requests[rows[0].row()] if rows else None)

    def _show_request(self, q: SupplementRequest | None) -> None:
        if q is None or (self.request is not None and q.case_uuid != self.request.case_uuid):
            self.staged = {}
        self.request = q
        self.materials.clear()
        on = q is not None
        for b in (self.print_button, self.add_button):
            b.setEnabled(on)
        if q is None:
            self.note.setText(self.tr("选择一件，查看承办部门的补正要求"))
            self.send_button.setEnabled(False)
            return
        self.note.setText(self.tr("承办部门意见：") + (q.note or self.tr("（未写明，请电话联系承办部门）")))
        for m in q.materials:
            text = f"{m.name} — {labels.material_status(m.status)}"
            if m.deadline:
                text += self.tr("，承诺 %1 前").replace("%1", m.deadline.isoformat())
            text += self.tr("，已有 %n 个文件", "", m.files)
            staged = self.staged.get(m.code)
            if staged:
                text += self.tr("；待发送：") + "、".join(p.name for p in staged)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m.code)
            if m.status is MaterialStatus.DEFERRED:
                item.setForeground(AMBER_TEXT)
            self.materials.addItem(item)
        if self.materials.count():
            self.materials.setCurrentRow(0)
        self.send_button.setEnabled(any(self.staged.values()))

    def current_material(self) -> str | None:
        item = self.materials.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def add_files(self) -> None:
        """Stages files for the selected material (sent together by "发送补正")."""
        code = self.current_material()
        if self.request is None or code is None:
            messages.info(self, self.tr("请先选择案件和材料"))
            return
        paths = self.pick_files(self, self.tr("选择补正文件"))
        if not paths:
            return
        self.staged.setdefault(code, []).extend(paths)
        row = self.materials.currentRow()
        self._show_request(self.request)
        self.materials.setCurrentRow(row)

    def send(self) -> None:
        """One supplement event per material with its staged files, queued for the platform."""
        if self.request is None or not any(self.staged.values()):
            return
        svc, actor, case_uuid = self.service, self.actor, self.request.case_uuid
        staged = {k: list(v) for k, v in self.staged.items() if v}
        self.send_button.setEnabled(False)

        def job() -> list[SupplementResult]:
            return [svc.add_files(actor, case_uuid, code, paths) for code, paths in staged.items()]

        def done(results: list[SupplementResult]) -> None:
            self.staged = {}
            n = sum(len(r.files) for r in results)
            messages.info(self, self.tr("补正已保存并排队发送：%n 个文件", "", n))
            for r in results:
                self.sent.emit(r)
            self.refresh()

        Op(self, job).success(done).failure(self._send_failed).run_in_background()

    def _send_failed(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        self._failed(exc)

    def print_notice(self) -> None:
        q, ctx = self.request, self.ctx
        if q is None:
            return

        def done(path: Path) -> None:
            messages.info(self, self.tr("补正材料通知书已生成：") + str(path))
            self.printed.emit(str(path))

        Query(self, lambda: save_pdf(ctx, q.case_uuid, "supplement_notice", request=q)).success(done) \
            .failure(self._failed).run_in_background()

    # -- commitments ---------------------------------------------------------------------------------------
    def fulfil_selected(self) -> None:
        row = self.commit_table.currentRow()
        if not 0 <= row < len(self.commitments):
            messages.info(self, self.tr("请先在容缺承诺列表中选择一项"))
            return
        c = self.commitments[row]
        paths = self.pick_files(self, self.tr("选择“%1”的文件").replace("%1", c.material_name))
        if not paths:
            return
        svc, actor = self.service, self.actor

        def done(result: SupplementResult) -> None:
            messages.info(self, self.tr("%1 的“%2”已补齐，排队发送").replace("%1", c.case_no).replace("%2", c.material_name))
            self.sent.emit(result)
            self.refresh()

        Op(self, lambda: svc.fulfil(actor, c.case_uuid, c.material_code, paths)).success(done) \
            .failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        messages.error(self, exc, prefix=self.tr("操作失败："), timeout_ms=messages.INFO_MS)
