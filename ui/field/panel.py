"""上门办理 (the field laptop): prepare while online, the visit list with prefill, the applicant's signature,
photos of documents, the receipt as PDF, an offline indicator, sync back.

``install(shell)`` puts this panel left of the intake screen and its buttons in the header; it follows the
case open at the intake screen (``CaseOpened``, ``CaseFinished``) and asks it to open a visit's case
(``OpenCaseRequested``) or to take a photo's files (``ImportFilesRequested``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from clerk import field
from clerk.context import AppContext
from clerk.intake.model import CaseView
from clerk.printjobs import save_pdf
from clerk.security.actor import Actor
from ui import messages
from ui.events import CaseFinished, CaseOpened, EventListener, ImportFilesRequested, OpenCaseRequested
from ui.field.conflicts import ConflictsDialog
from ui.field.photo import PhotoTaker
from ui.field.signature import SignaturePad
from ui.ops import Op, Query
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell

PROBE_MS = 30_000
STATE_LABELS = {"planned": QT_TRANSLATE_NOOP("FieldWindow", "待上门"), "started": QT_TRANSLATE_NOOP("FieldWindow", "办理中"),
                "taken": QT_TRANSLATE_NOOP("FieldWindow", "已受理")}


log = logging.getLogger(__name__)


class FieldPanel(EventListener, QWidget):
    """上门办理: the visit list, the signature pad, photos and the receipt (left of the intake screen).

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

    def __init__(self, shell: Shell, *, probe: bool = True) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.photos = PhotoTaker()
        self.online: bool | None = None
        self.visits: list[field.VisitPlan] = []
        self.case: CaseView | None = None
        self.last_case: str | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self._header_widgets()
        self._side()
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_MS)
        self.probe_timer.timeout.connect(self.probe)
        if probe:
            self.probe_timer.start()
            QTimer.singleShot(0, self, self.probe)
        shell.on_close(self.probe_timer.stop)
        self.listen(shell.events)
        self.load_visits()

    @property
    def ctx(self) -> AppContext:
        return self.shell.ctx

    @property
    def actor(self) -> Actor:
        return self.shell.actor

    def on_event_case_opened(self, event: CaseOpened) -> None:
        self.case = event.case
        self._case_changed(event.case)
        if event.case is None and self.isVisible():  # Ctrl+N or a case done: the next visit, by keyboard
            self.visit_list.setFocus()
            if self.visit_list.currentRow() < 0 and self.visit_list.count():
                self.visit_list.setCurrentRow(0)

    def on_event_case_finished(self, event: CaseFinished) -> None:
        self._finished(event.case_uuid)

    # -- layout -------------------------------------------------------------------------------------------
    def _header_widgets(self) -> None:
        self.net_label = QLabel(self.tr("● 检测网络…"), self)
        self.net_label.setObjectName("netOffline")
        self.shell.add_header_widget(self.net_label)
        self.prepare_button = QPushButton(self.tr("准备上门清单"), self)
        self.prepare_button.setToolTip(self.tr("出发前联网：下载事项目录、上门清单和申请人既往办件，供离线使用"))
        self.prepare_button.clicked.connect(self.prepare)
        self.shell.add_header_widget(self.prepare_button)
        self.sync_button = QPushButton(self.tr("同步回传"), self)
        self.sync_button.setToolTip(self.tr("回到有网络的地方后上传已受理的案件；与后台冲突的操作留待人工处理"))
        self.sync_button.clicked.connect(self.sync_back)
        self.shell.add_header_widget(self.sync_button)

    def _side(self) -> None:
        side = self
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

        Query(self, job).success(lambda _ok: self.set_online(True)).failure(lambda _e: self.set_online(False)).run_in_background()

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
        messages.info(self, self.tr("正在准备上门清单…"), 0)

        def job() -> field.PreparedVisits:
            from clerk.sync import make_client

            return field.prepare_visit(ctx, make_client(ctx))

        def done(p: field.PreparedVisits) -> None:
            self.prepare_button.setEnabled(True)
            self.set_online(True)
            messages.info(self, self.tr("已准备 %n 户上门清单，可离线办理", "", len(p.visits)), 10000)
            self.load_visits()
            self.prepared.emit(p)

        def failed(exc: BaseException) -> None:
            self.prepare_button.setEnabled(True)
            messages.info(self, self.tr("准备失败（已缓存的清单不变）：") + messages.describe(exc), 15000)

        Op(self, job).success(done).failure(failed).run_in_background()

    def load_visits(self) -> None:
        ctx = self.ctx
        Query(self, lambda: (field.visits(ctx), field.prepared_at(ctx), ctx.intake.catalog.version)).success(self._show_visits).run_in_background()

    def _show_visits(self, result: tuple[list[field.VisitPlan], Any, str]) -> None:
        plans, at, version = result
        current = self.current_visit()
        keep = current.visit_uuid if current is not None else None
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
        Query(self, lambda: field.prefill(ctx, visit_uuid)).success(self._show_prefill).run_in_background()

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
        Op(self, lambda: field.start_visit(ctx, actor, plan.visit_uuid)).success(self._opened).failure(self._failed).run_in_background()

    def _opened(self, view: CaseView) -> None:
        self.shell.events.publish(OpenCaseRequested(view.case_uuid))
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
            Query(self, lambda: field.signature_of(ctx, case_uuid)).success(self._show_signature).run_in_background()
        else:
            self.signature_status.setText("")
        self._update_buttons()

    def _show_signature(self, ref: field.SignatureRef | None) -> None:
        self.signature_status.setText(self.tr("已保存签名 %1").replace("%1", f"{ref.at:%H:%M}") if ref
                                      else self.tr("尚未签名"))

    def _update_buttons(self) -> None:
        has_case = self.case is not None
        self.start_button.setEnabled(self.current_visit() is not None)
        self.sign_button.setEnabled(has_case and not self.pad.is_empty())
        self.photo_button.setEnabled(has_case)
        self.material_combo.setEnabled(has_case)
        self.receipt_button.setEnabled(self.last_case is not None)

    def save_signature(self) -> None:
        if self.case is None or self.pad.is_empty():
            return
        ctx, case_uuid, png = self.ctx, self.case.case_uuid, self.pad.to_png()

        def done(ref: field.SignatureRef) -> None:
            self._show_signature(ref)
            messages.info(self, self.tr("签名已保存"), 8000)
            self.signed.emit(ref)

        Op(self, lambda: field.sign(ctx, case_uuid, png)).success(done).failure(self._failed).run_in_background()

    def take_photo(self) -> None:
        code = self.material_combo.currentData()
        if self.case is None or not code:
            return
        paths = self.photos.take(self)
        if paths and self.case is not None:
            self.shell.events.publish(ImportFilesRequested(self.case.case_uuid, str(code), tuple(Path(p) for p in paths)))

    def _finished(self, case_uuid: str) -> None:
        self.last_case = case_uuid
        self._update_buttons()
        self.load_visits()

    def write_receipt(self) -> None:
        if self.last_case is None:
            return
        ctx, case_uuid = self.ctx, self.last_case

        def done(path: Path) -> None:
            messages.info(self, self.tr("受理回执已生成：") + str(path), 15000)
            self.receipt_written.emit(str(path))

        Query(self, lambda: save_pdf(ctx, case_uuid, "receipt")).success(done).failure(self._failed).run_in_background()

    # -- back online ---------------------------------------------------------------------------------------
    def sync_back(self) -> None:
        ctx = self.ctx
        self.sync_button.setEnabled(False)
        messages.info(self, self.tr("正在同步…"), 0)

        def job() -> field.SyncBackResult:
            return field.sync_back(ctx, ctx.sync_engine())

        Op(self, job).success(self._synced).failure(self._sync_failed).run_in_background()

    def _synced(self, res: field.SyncBackResult) -> None:
        self.sync_button.setEnabled(True)
        r = res.result
        if r.needs_login:
            self.set_online(False)
            messages.info(self, self.tr("平台要求重新登录后才能同步；数据仍保存在本机"), 15000)
        elif r.unreachable or (r.errors and not r.pushed and not r.updates_applied):
            # nothing went through: offline, whatever the library's own (English) message was
            log.info("sync back: %s", "; ".join(r.errors))
            self.set_online(False)
            messages.info(self, self.tr("无法连接平台：数据仍保存在本机，回到有网络的地方再同步回传"), 15000)
        else:
            self.set_online(True)
            text = self.tr("同步完成：上传 %n 项", "", r.pushed)
            if r.errors:
                log.info("sync back problems: %s", "; ".join(r.errors))
                text += self.tr("；%n 项未能上传，稍后自动重试", "", len(r.errors))
            messages.info(self, text, 15000)
        self.load_visits()
        self.synced.emit(res)
        self.show_conflicts()

    def _sync_failed(self, exc: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.set_online(False)
        messages.info(self, self.tr("同步失败，数据仍保存在本机：") + messages.describe(exc), 15000)

    def show_conflicts(self) -> None:
        """Opens the conflicts dialog when cases wait for a person's decision."""
        ctx = self.ctx

        def show(conflicts: list[field.Conflict]) -> None:
            if not conflicts:
                return
            if self.conflicts_dialog is None:
                self.conflicts_dialog = ConflictsDialog(ctx, self.shell, self.shell.widget)
                self.conflicts_dialog.finished.connect(lambda _r: setattr(self, "conflicts_dialog", None))
            self.conflicts_dialog.set_conflicts(conflicts)
            self.conflicts_dialog.open()

        Query(self, lambda: field.list_conflicts(ctx)).success(show).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        messages.info(self, self.tr("操作失败：") + messages.describe(exc), 15000)
