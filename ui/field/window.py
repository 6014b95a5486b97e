"""The field-mode window (上门办理): prepare while online, the visit list with prefill, the same intake page,
the applicant's signature, photos of documents, the receipt as PDF, an offline indicator, sync back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk import field
from clerk.intake.model import CaseView, MaterialStatus
from clerk.intake.validation import ValidationFailed
from ui.field.conflicts import ConflictsDialog
from ui.field.photo import PhotoTaker
from ui.field.signature import SignaturePad
from ui.followup.common import STYLE, error_text, render_to_prints
from ui.intake.page import IntakePage
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCloseEvent,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tasks import Tasks

PROBE_MS = 30_000
FIELD_STYLE = STYLE + """
QFrame#fieldHeader { background: #1f4e8c; }
QLabel#fieldTitle { color: #ffffff; font-size: 20px; font-weight: bold; }
QLabel#fieldOperator { color: #d9e2ec; font-size: 14px; }
QLabel#netOnline { color: #ffffff; background: #1b8a4a; border-radius: 10px; padding: 3px 12px; font-weight: bold; }
QLabel#netOffline { color: #ffffff; background: #7b8794; border-radius: 10px; padding: 3px 12px; font-weight: bold; }
QFrame#fieldHeader QPushButton { background: #ffffff; color: #1f4e8c; border: none; border-radius: 4px; padding: 6px 14px;
                                 font-weight: bold; }
QListWidget#visitList::item { padding: 6px 4px; border-bottom: 1px solid #e4e7eb; color: #102a43; }
QListWidget#visitList::item:selected { background: #dbe8f7; color: #102a43; border-left: 4px solid #1f4e8c; }
"""
STATE_LABELS = {"planned": QT_TRANSLATE_NOOP("FieldWindow", "待上门"), "started": QT_TRANSLATE_NOOP("FieldWindow", "办理中"), "taken": QT_TRANSLATE_NOOP("FieldWindow", "已受理")}


class FieldIntakePage(IntakePage):
    """The window's intake page; acceptance goes through ``clerk.field.accept_visit`` (signature required)."""

    def accept_case(self) -> None:
        if self.case is None:
            return
        self.autosave.flush()
        ctx, actor, case_uuid = self.ctx, self.actor, self.case.case_uuid
        signed = self.checklist.commitment.isChecked()
        no_signature = self.tr("上门受理须有申请人签名（在左侧签名板签名并保存）")

        def job() -> tuple[str, Any]:
            problems = ctx.intake.check_for_accept(case_uuid)
            view = ctx.intake.get(case_uuid)
            if not any(m.status is MaterialStatus.DEFERRED for m in view.materials) or signed:
                problems.pop("commitment", None)
            if field.signature_of(ctx, case_uuid) is None:
                problems[f"materials.{field.SIGNATURE_MATERIAL}"] = no_signature
            if problems:
                return "problems", problems
            try:
                return "accepted", field.accept_visit(ctx, actor, case_uuid, commitment_signed=signed)
            except ValidationFailed as exc:
                return "problems", exc.problems

        self.tasks.run(job, write=True, on_success=self._accept_done, on_failure=self._failed)


class FieldWindow(QMainWindow):
    """上门办理工作台.

    Attributes:
        photos: the PhotoTaker (camera or image-file seam).

    Signals:
        prepared(object): PreparedVisits after "准备上门清单".
        visits_loaded(int): the cached visit list was shown; its length.
        signed(object): the SignatureRef stored for the open case.
        synced(object): SyncBackResult of "同步回传".
        online_changed(bool): the platform became reachable / unreachable.
        receipt_written(str): path of a receipt PDF.
    """

    prepared = Signal(object)
    visits_loaded = Signal(int)
    signed = Signal(object)
    synced = Signal(object)
    online_changed = Signal(bool)
    receipt_written = Signal(str)

    def __init__(self, session: Any, parent: QWidget | None = None, *, probe: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.ctx, self.actor = session.ctx, session.actor
        self.tasks = Tasks(self)
        self.photos = PhotoTaker()
        self.online: bool | None = None
        self.visits: list[field.VisitPlan] = []
        self.last_case: str | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.setWindowTitle(self.tr("上门办理工作台") + f" — {self.ctx.settings.hall.name}")
        self.setStyleSheet(FIELD_STYLE)
        self.resize(1600, 1000)
        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header())
        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.setChildrenCollapsible(False)
        split.addWidget(self._side(split))
        self.intake = FieldIntakePage(self.ctx, self.actor, self.tasks, split)
        self.intake.picker.hide()  # a visit decides the bundle
        self.intake.splitter.setSizes([0, 620, 430])
        split.addWidget(self.intake)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 1220])
        root.addWidget(split, 1)
        self.setCentralWidget(central)
        bar = self.statusBar()
        self.intake.message.connect(lambda m: bar.showMessage(m, 10000))
        self.intake.case_changed.connect(self._case_changed)
        self.intake.finished.connect(self._finished)
        self.tasks.failed.connect(lambda m: bar.showMessage(self.tr("操作失败：") + m, 10000))
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_MS)
        self.probe_timer.timeout.connect(self.probe)
        if probe:
            self.probe_timer.start()
            QTimer.singleShot(0, self, self.probe)
        self.load_visits()

    # -- layout -------------------------------------------------------------------------------------------
    def _header(self) -> QWidget:
        head = QFrame(self)
        head.setObjectName("fieldHeader")
        h = QHBoxLayout(head)
        h.setContentsMargins(16, 8, 16, 8)
        title = QLabel(self.tr("上门办理"), head)
        title.setObjectName("fieldTitle")
        h.addWidget(title)
        who = QLabel(self.tr("工作人员：") + (self.actor.display_name or self.actor.username), head)
        who.setObjectName("fieldOperator")
        h.addWidget(who, 1)
        self.net_label = QLabel(self.tr("● 检测网络…"), head)
        self.net_label.setObjectName("netOffline")
        h.addWidget(self.net_label)
        self.prepare_button = QPushButton(self.tr("准备上门清单"), head)
        self.prepare_button.setToolTip(self.tr("出发前联网：下载事项目录、上门清单和申请人既往办件，供离线使用"))
        self.prepare_button.clicked.connect(self.prepare)
        h.addWidget(self.prepare_button)
        self.sync_button = QPushButton(self.tr("同步回传"), head)
        self.sync_button.setToolTip(self.tr("回到有网络的地方后上传已受理的案件；与后台冲突的操作留待人工处理"))
        self.sync_button.clicked.connect(self.sync_back)
        h.addWidget(self.sync_button)
        return head

    def _side(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        side.setMinimumWidth(360)
        v = QVBoxLayout(side)
        v.setContentsMargins(12, 10, 8, 10)
        v.setSpacing(10)
        visits = QGroupBox(self.tr("上门清单"), side)
        vv = QVBoxLayout(visits)
        self.prepared_label = QLabel(visits)
        self.prepared_label.setObjectName("followHint")
        self.prepared_label.setWordWrap(True)
        vv.addWidget(self.prepared_label)
        self.visit_list = QListWidget(visits)
        self.visit_list.setObjectName("visitList")
        self.visit_list.setWordWrap(True)
        self.visit_list.currentRowChanged.connect(self._visit_chosen)
        self.visit_list.itemActivated.connect(lambda _i: self.start_visit())
        vv.addWidget(self.visit_list, 1)
        self.prefill_label = QLabel(visits)
        self.prefill_label.setObjectName("followHint")
        self.prefill_label.setWordWrap(True)
        vv.addWidget(self.prefill_label)
        self.start_button = QPushButton(self.tr("开始办理此户"), visits)
        self.start_button.setObjectName("primaryButton")
        self.start_button.clicked.connect(self.start_visit)
        vv.addWidget(self.start_button)
        v.addWidget(visits, 1)

        sig = QGroupBox(self.tr("申请人签名"), side)
        sv = QVBoxLayout(sig)
        self.pad = SignaturePad(sig)
        self.pad.changed.connect(self._update_buttons)
        sv.addWidget(self.pad)
        row = QHBoxLayout()
        self.signature_status = QLabel(sig)
        self.signature_status.setObjectName("followHint")
        row.addWidget(self.signature_status, 1)
        self.clear_button = QPushButton(self.tr("清除"), sig)
        self.clear_button.clicked.connect(self.pad.clear)
        row.addWidget(self.clear_button)
        self.sign_button = QPushButton(self.tr("保存签名"), sig)
        self.sign_button.clicked.connect(self.save_signature)
        row.addWidget(self.sign_button)
        sv.addLayout(row)
        v.addWidget(sig)

        tools = QGroupBox(self.tr("材料拍照与回执"), side)
        tv = QVBoxLayout(tools)
        self.material_combo = QComboBox(tools)
        self.material_combo.setObjectName("photoMaterial")
        tv.addWidget(self.material_combo)
        row2 = QHBoxLayout()
        self.photo_button = QPushButton(self.tr("拍摄材料照片"), tools)
        self.photo_button.clicked.connect(self.take_photo)
        row2.addWidget(self.photo_button)
        self.receipt_button = QPushButton(self.tr("生成受理回执 PDF"), tools)
        self.receipt_button.clicked.connect(self.write_receipt)
        row2.addWidget(self.receipt_button)
        tv.addLayout(row2)
        v.addWidget(tools)
        self._update_buttons()
        return side

    # -- network ------------------------------------------------------------------------------------------
    def probe(self) -> None:
        ctx = self.ctx

        def job() -> bool:
            from clerk.sync import make_client

            client = make_client(ctx, timeout=(3.0, 5.0))
            try:
                client.health()
                return True
            finally:
                client.close()

        self.tasks.run(job, on_success=lambda _ok: self.set_online(True), on_failure=lambda _e: self.set_online(False))

    def set_online(self, on: bool) -> None:
        self.net_label.setText(self.tr("● 在线") if on else self.tr("● 离线（数据保存在本机）"))
        self.net_label.setObjectName("netOnline" if on else "netOffline")
        self.net_label.style().unpolish(self.net_label)
        self.net_label.style().polish(self.net_label)
        if on != self.online:
            self.online = on
            self.online_changed.emit(on)

    # -- visits -------------------------------------------------------------------------------------------
    def prepare(self) -> None:
        ctx = self.ctx
        self.prepare_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("正在准备上门清单…"))

        def job() -> field.PreparedVisits:
            from clerk.sync import make_client

            return field.prepare_visit(ctx, make_client(ctx))

        def done(p: field.PreparedVisits) -> None:
            self.prepare_button.setEnabled(True)
            self.set_online(True)
            self.statusBar().showMessage(self.tr("已准备 %n 户上门清单，可离线办理", "", len(p.visits)), 10000)
            self.load_visits()
            self.prepared.emit(p)

        def failed(exc: BaseException) -> None:
            self.prepare_button.setEnabled(True)
            self.statusBar().showMessage(self.tr("准备失败（已缓存的清单不变）：") + error_text(exc), 15000)

        self.tasks.run(job, write=True, on_success=done, on_failure=failed)

    def load_visits(self) -> None:
        ctx = self.ctx
        self.tasks.run(lambda: (field.visits(ctx), field.prepared_at(ctx), ctx.intake.catalog.version),
                       on_success=self._show_visits)

    def _show_visits(self, result: tuple[list[field.VisitPlan], Any, str]) -> None:
        plans, at, version = result
        keep = self.current_visit().visit_uuid if self.current_visit() else None
        self.visits = plans
        if at is None:
            self.prepared_label.setText(self.tr("本机还没有上门清单：出发前请联网点“准备上门清单”。"))
        else:
            self.prepared_label.setText(self.tr("上次准备：%1 · 已缓存 %2 户 · 事项目录 %3")
                                        .replace("%1", f"{at:%m-%d %H:%M}").replace("%2", str(len(plans)))
                                        .replace("%3", version))
        names = {b.code: b.name for b in self.ctx.catalog.bundles}
        self.visit_list.blockSignals(True)
        self.visit_list.clear()
        from clerk.security.masking import mask_name

        for v in plans:
            text = (f"{v.scheduled_for:%m-%d %H:%M}  {mask_name(str(v.applicant.get('name') or ''))}"
                    f"  [{self.tr(STATE_LABELS.get(v.state, v.state))}]\n{names.get(v.bundle_code, v.bundle_code)}\n{v.address}")
            if v.note:
                text += f"\n{v.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.visit_uuid)
            self.visit_list.addItem(item)
        self.visit_list.blockSignals(False)
        row = next((i for i, v in enumerate(plans) if v.visit_uuid == keep), 0 if plans else -1)
        self.visit_list.setCurrentRow(row)
        self._visit_chosen(row)
        self.visits_loaded.emit(len(plans))

    def current_visit(self) -> field.VisitPlan | None:
        row = self.visit_list.currentRow()
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def _visit_chosen(self, row: int) -> None:
        self._update_buttons()
        if not 0 <= row < len(self.visits):
            self.prefill_label.setText("")
            return
        ctx, visit_uuid = self.ctx, self.visits[row].visit_uuid
        self.tasks.run(lambda: field.prefill(ctx, visit_uuid), on_success=self._show_prefill)

    def _show_prefill(self, pre: dict[str, Any]) -> None:
        cases, reusable = pre.get("cases") or [], pre.get("reusable") or []
        if not cases:
            self.prefill_label.setText(self.tr("无既往办件：按上门清单预填申请人信息。"))
            return
        text = self.tr("既往办件 %n 件，表单已据此预填", "", len(cases))
        if reusable:
            text += self.tr("；可复用材料：") + "、".join(str(r["name"]) for r in reusable[:4])
        self.prefill_label.setText(text)

    def start_visit(self) -> None:
        plan = self.current_visit()
        if plan is None:
            return
        ctx, actor = self.ctx, self.actor
        self.tasks.run(lambda: field.start_visit(ctx, actor, plan.visit_uuid), write=True,
                       on_success=self._opened, on_failure=self._failed)

    def _opened(self, view: CaseView) -> None:
        self.intake.open_case(view)
        self.load_visits()

    # -- the open case ------------------------------------------------------------------------------------
    def _case_changed(self, view: CaseView | None) -> None:
        self.material_combo.clear()
        self.pad.clear()
        if view is not None:
            for m in view.materials:
                if m.code != field.SIGNATURE_MATERIAL:
                    self.material_combo.addItem(m.name, m.code)
            ctx, case_uuid = self.ctx, view.case_uuid
            self.tasks.run(lambda: field.signature_of(ctx, case_uuid), on_success=self._show_signature)
        else:
            self.signature_status.setText("")
        self._update_buttons()

    def _show_signature(self, ref: field.SignatureRef | None) -> None:
        self.signature_status.setText(self.tr("已保存签名 %1").replace("%1", f"{ref.at:%H:%M}") if ref
                                      else self.tr("尚未签名"))

    def _update_buttons(self) -> None:
        has_case = self.intake.case is not None if hasattr(self, "intake") else False
        self.start_button.setEnabled(self.current_visit() is not None)
        self.sign_button.setEnabled(has_case and not self.pad.is_empty())
        self.photo_button.setEnabled(has_case)
        self.material_combo.setEnabled(has_case)
        self.receipt_button.setEnabled(self.last_case is not None)

    def save_signature(self) -> None:
        if self.intake.case is None or self.pad.is_empty():
            return
        ctx, case_uuid, png = self.ctx, self.intake.case.case_uuid, self.pad.to_png()

        def done(ref: field.SignatureRef) -> None:
            self._show_signature(ref)
            self.statusBar().showMessage(self.tr("签名已保存"), 8000)
            self.signed.emit(ref)

        self.tasks.run(lambda: field.sign(ctx, case_uuid, png), write=True, on_success=done, on_failure=self._failed)

    def take_photo(self) -> None:
        code = self.material_combo.currentData()
        if self.intake.case is None or not code:
            return
        paths = self.photos.take(self)
        if paths:
            self.intake.import_files(str(code), [Path(p) for p in paths])

    def _finished(self, case_uuid: str) -> None:
        self.last_case = case_uuid
        self._update_buttons()
        self.load_visits()

    def write_receipt(self) -> None:
        if self.last_case is None:
            return
        ctx, case_uuid = self.ctx, self.last_case

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("受理回执已生成：") + str(path), 15000)
            self.receipt_written.emit(str(path))

        self.tasks.run(lambda: render_to_prints(ctx, case_uuid, "receipt"), on_success=done, on_failure=self._failed)

    # -- back online ---------------------------------------------------------------------------------------
    def sync_back(self) -> None:
        ctx = self.ctx
        self.sync_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("正在同步…"))

        def job() -> field.SyncBackResult:
            from clerk.sync import make_engine

            return field.sync_back(ctx, make_engine(ctx))

        self.tasks.run(job, write=True, on_success=self._synced, on_failure=self._sync_failed)

    def _synced(self, res: field.SyncBackResult) -> None:
        self.sync_button.setEnabled(True)
        r = res.result
        if r.unreachable:
            self.set_online(False)
            self.statusBar().showMessage(self.tr("平台不可达，数据仍保存在本机，稍后再同步"), 15000)
        else:
            self.set_online(True)
            text = self.tr("同步完成：上传 %n 项", "", r.pushed)
            if r.errors:
                text += self.tr("；问题：") + "；".join(r.errors[:2])
            self.statusBar().showMessage(text, 15000)
        self.load_visits()
        self.synced.emit(res)
        self.show_conflicts()

    def _sync_failed(self, exc: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.statusBar().showMessage(self.tr("同步失败：") + error_text(exc), 15000)

    def show_conflicts(self) -> None:
        """Opens the conflicts dialog when cases wait for a person's decision."""
        ctx = self.ctx

        def show(conflicts: list[field.Conflict]) -> None:
            if not conflicts:
                return
            if self.conflicts_dialog is None:
                self.conflicts_dialog = ConflictsDialog(ctx, self.actor, self.tasks, self)
                self.conflicts_dialog.finished.connect(lambda _r: setattr(self, "conflicts_dialog", None))
            self.conflicts_dialog.set_conflicts(conflicts)
            self.conflicts_dialog.open()

        self.tasks.run(lambda: field.list_conflicts(ctx), on_success=show)

    def _failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("操作失败：") + error_text(exc), 15000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        try:
            self.probe_timer.stop()
            self.intake.flush()
        finally:
            self.tasks.wait()
        super().closeEvent(event)
