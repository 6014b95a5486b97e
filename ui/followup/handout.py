"""一窗出件 tab: the pickup list, SMS notice, open a case by barcode / case number / ID number, identity check,
hand-over (window or post), the 送达回证 as PDF, then the evaluation."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from clerk.context import AppContext
from clerk.handout import AgentInfo, HandoutError, HandoutService, Handover, PickupItem
from clerk.intake.model import CaseStatus, CaseView
from clerk.intake.service import CaseNotFound
from clerk.printjobs import save_pdf
from clerk.security.actor import Actor
from clerk.security.masking import mask_id, mask_name
from ui import labels, messages
from ui.ops import Op, Query
from ui.qt import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell
from ui.widgets.styles import FOLLOWUP

HANDABLE = (CaseStatus.READY_FOR_PICKUP, CaseStatus.APPROVED)
RESULT_OK = ("background: #e3f4e8; color: #14532d; border: 1px solid #9fd8b0; border-radius: 6px; padding: 12px 14px;"
             " font-size: 15px; font-weight: bold;")
RESULT_REFUSED = ("background: #fde2e1; color: #8a1313; border: 1px solid #f5a3a0; border-radius: 6px;"
                  " padding: 12px 14px; font-size: 15px; font-weight: bold;")


class HandoutPage(QWidget):
    """出件.

    Signals:
        handed_over(str): case_uuid of a case whose results were just handed over (→ evaluation).
        refused(str): the identity check refused the hand-over; the message shown.
        loaded(int): the pickup list was (re)loaded; its length.
        opened(object): the CaseView opened for hand-out (None when the lookup found nothing).
        printed(str): path of the 送达回证 PDF written.
    """

    handed_over = Signal(str)
    refused = Signal(str)
    loaded = Signal(int)
    opened = Signal(object)
    printed = Signal(str)

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shell = shell
        ctx = shell.ctx
        self.case: CaseView | None = None
        self.items: list[PickupItem] = []
        self.last_handover: Handover | None = None
        self.setStyleSheet(FOLLOWUP)
        names = {b.code: b.name for b in ctx.catalog.bundles}
        self._bundle_names = names

        root = QHBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        root.addWidget(split)

        # -- left: the pickup list ----------------------------------------------------------------
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 8, 0)
        head = QHBoxLayout()
        head.addWidget(self._label(self.tr("待领取（最早办结的在前）"), "followHead", left), 1)
        self.refresh_button = QPushButton(self.tr("刷新"), left)
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        self.notify_button = QPushButton(self.tr("短信通知申请人"), left)
        self.notify_button.setToolTip(self.tr("通过短信网关通知申请人领取（未配置网关时只记入日志）"))
        self.notify_button.clicked.connect(self.notify_selected)
        head.addWidget(self.notify_button)
        lv.addLayout(head)
        self.table = QTableWidget(0, 6, left)
        self.table.setObjectName("pickupTable")
        self.table.setHorizontalHeaderLabels([self.tr("受理编号"), self.tr("一件事"), self.tr("申请人"),
                                              self.tr("电话"), self.tr("办结时间"), self.tr("短信通知")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_text(self.items[r].case_no))
        lv.addWidget(self.table, 1)
        self.list_hint = self._label("", "followHint", left)
        lv.addWidget(self.list_hint)

        # -- right: open a case, check identity, hand over ----------------------------------------
        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        rv.setSpacing(10)
        rv.addWidget(self._label(self.tr("出件"), "followHead", right))
        find = QHBoxLayout()
        self.lookup = QLineEdit(right)
        self.lookup.setObjectName("handoutLookup")
        self.lookup.setPlaceholderText(self.tr("扫描受理通知书条码，或输入受理编号 / 身份证号码，回车"))
        self.lookup.setClearButtonEnabled(True)
        self.lookup.returnPressed.connect(lambda: self.open_text(self.lookup.text()))
        find.addWidget(self.lookup, 1)
        self.find_button = QPushButton(self.tr("查找"), right)
        self.find_button.clicked.connect(lambda: self.open_text(self.lookup.text()))
        find.addWidget(self.find_button)
        rv.addLayout(find)
        self.choice = QComboBox(right)
        self.choice.setObjectName("caseChoice")
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.choice.hide()
        rv.addWidget(self.choice)
        self._choices: list[CaseView] = []

        self.card = QFrame(right)
        self.card.setObjectName("caseCard")
        cv = QVBoxLayout(self.card)
        cv.setContentsMargins(14, 10, 14, 10)
        self.card_title = self._label(self.tr("尚未打开案件"), "caseCardTitle", self.card)
        cv.addWidget(self.card_title)
        self.card_body = self._label(self.tr("扫描申请人手中受理通知书上的条码即可打开。"), "caseCardBody", self.card)
        self.card_body.setWordWrap(True)
        cv.addWidget(self.card_body)
        rv.addWidget(self.card)

        self.check_box = QGroupBox(self.tr("身份核验与送达方式"), right)
        form = QFormLayout(self.check_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        how = QHBoxLayout()
        self.by_applicant = QRadioButton(self.tr("本人领取"), self.check_box)
        self.by_agent = QRadioButton(self.tr("他人代领"), self.check_box)
        self.by_post = QRadioButton(self.tr("邮寄送达"), self.check_box)
        self.how_group = QButtonGroup(self)
        for i, b in enumerate((self.by_applicant, self.by_agent, self.by_post)):
            self.how_group.addButton(b, i)
            how.addWidget(b)
        how.addStretch(1)
        self.by_applicant.setChecked(True)
        self.how_group.idToggled.connect(lambda _i, _on: self._mode_changed())
        form.addRow(self.tr("领取方式"), how)
        self.presented = QLineEdit(self.check_box)
        self.presented.setObjectName("presentedId")
        self.presented.setPlaceholderText(self.tr("读取或输入出示证件的号码"))
        self.presented.returnPressed.connect(self.hand_over)
        form.addRow(self.tr("出示证件号码"), self.presented)
        self.agent_name = QLineEdit(self.check_box)
        self.agent_name.setPlaceholderText(self.tr("代领人姓名"))
        self.agent_id = QLineEdit(self.check_box)
        self.agent_id.setPlaceholderText(self.tr("代领人证件号码（与出示证件一致）"))
        self.poa = QCheckBox(self.tr("已查验申请人签署的授权委托书，原件留存"), self.check_box)
        self.agent_rows = [(self.tr("代领人姓名"), self.agent_name), (self.tr("代领人证件"), self.agent_id),
                           ("", self.poa)]
        for label, widget in self.agent_rows:
            form.addRow(label, widget)
        self.tracking = QLineEdit(self.check_box)
        self.tracking.setObjectName("trackingNo")
        self.tracking.setPlaceholderText(self.tr("邮件单号（邮寄送达必填）"))
        self.tracking.setMaxLength(40)
        form.addRow(self.tr("邮件单号"), self.tracking)
        self._form = form
        rv.addWidget(self.check_box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reprint_button = QPushButton(self.tr("重新生成送达回证"), right)
        self.reprint_button.clicked.connect(self.print_receipt)
        self.reprint_button.setEnabled(False)
        buttons.addWidget(self.reprint_button)
        self.hand_button = QPushButton(self.tr("核验并交付"), right)
        self.hand_button.setObjectName("primaryButton")
        self.hand_button.clicked.connect(self.hand_over)
        buttons.addWidget(self.hand_button)
        rv.addLayout(buttons)
        self.result = QLabel(right)
        self.result.setWordWrap(True)
        self.result.hide()
        rv.addWidget(self.result)
        rv.addStretch(1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 620])
        self._mode_changed()
        self._set_case(None)

    @property
    def ctx(self) -> AppContext:
        return self.shell.ctx

    @property
    def actor(self) -> Actor:
        """The operator now at the window: the hand-over is recorded under whoever hands it over."""
        return self.shell.actor

    @property
    def service(self) -> HandoutService:
        return self.shell.ctx.handout

    @staticmethod
    def _label(text: str, name: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName(name)
        return label

    # -- the pickup list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        svc = self.service
        Query(self, svc.pickup_list).success(self._show_list).failure(self._failed).run_in_background()

    def _show_list(self, items: list[PickupItem]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for r, it in enumerate(items):
            cells = [it.case_no, self._bundle_names.get(it.bundle_code, it.bundle_code), it.applicant_name,
                     it.applicant_phone, f"{it.ready_since:%Y-%m-%d %H:%M}",
                     f"{it.notified_at:%m-%d %H:%M}" if it.notified_at else self.tr("未通知")]
            if it.delivery_method == "post":
                cells[1] += self.tr("（邮寄）")
            if it.waiting_matters and it.ready_matter_names:  # some matters are ready, others still with departments
                cells[1] += self.tr("（可领：%1）").replace("%1", "、".join(it.ready_matter_names))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.list_hint.setText(self.tr("共 %n 件待领取；双击一行打开", "", len(items)) if items
                               else self.tr("暂无待领取的办理结果"))
        self.notify_button.setEnabled(bool(items))
        self.loaded.emit(len(items))

    def notify_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            messages.info(self, self.tr("请先在列表中选择一件"))
            return
        item, svc = self.items[row], self.service

        def done(record: Any) -> None:
            messages.info(self, self.tr("已通知 %1（%2）").replace("%1", item.case_no).replace("%2", record.phone))
            self.refresh()

        Op(self, lambda: svc.notify_applicant(item.case_uuid)).success(done).failure(self._failed) \
            .run_in_background()

    # -- opening a case -------------------------------------------------------------------------------
    def open_text(self, text: str) -> None:
        """A scanned barcode, a typed case number or an ID number: the cases it opens."""
        svc = self.service
        self._hide_result()
        Query(self, lambda: svc.find_for_handout(text)).success(self._found).failure(self._not_found).run_in_background()

    def _found(self, views: list[CaseView]) -> None:
        self._choices = views
        self.choice.blockSignals(True)
        self.choice.clear()
        for v in views:
            self.choice.addItem(f"{v.case_no} · {v.bundle_name} · {labels.case_status(v.status)}")
        self.choice.blockSignals(False)
        self.choice.setVisible(len(views) > 1)
        self._set_case(views[0] if views else None)

    def _not_found(self, exc: BaseException) -> None:
        self._set_case(None)
        if isinstance(exc, CaseNotFound):
            self.show_refusal(self.tr("没有找到与“%1”对应的案件").replace("%1", self.lookup.text().strip()))
        else:
            self._failed(exc)

    def _choice_changed(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            self._set_case(self._choices[index])

    def _set_case(self, view: CaseView | None) -> None:
        self.case = view
        if view is None:
            self.card_title.setText(self.tr("尚未打开案件"))
            self.card_body.setText(self.tr("扫描申请人手中受理通知书上的条码即可打开。"))
            self.hand_button.setEnabled(False)
            self.check_box.setEnabled(False)
            self.opened.emit(None)
            return
        status = labels.case_status(view.status)
        self.card_title.setText(f"{view.case_no}  {view.bundle_name}")
        lines = [self.tr("申请人：") + f"{mask_name(view.applicant.name)}（{mask_id(view.applicant.id_number)}）",
                 self.tr("状态：") + status]
        if view.delivery.method == "post":
            lines.append(self.tr("申请时选择邮寄送达：") + view.delivery.address)
        if view.remote_intake:
            lines.append(self.tr("异地代收代办，属地：") + view.handling_region)
        ready = [m for m in view.matters if m.status in HANDABLE]
        if len(view.matters) > 1:  # one status per matter: each department returns its result on its own
            for m in view.matters:
                lines.append(f"  · {m.name}：{labels.case_status(m.status) if m.status else '—'}")
        if view.status is CaseStatus.DELIVERED:
            lines.append(self.tr("办理结果已送达，可重新生成送达回证。"))
        elif view.status not in HANDABLE and ready:
            lines.append(self.tr("本次可交付：%1；其余事项办结后再领").replace("%1", "、".join(m.name for m in ready)))
        elif view.status not in HANDABLE:
            lines.append(self.tr("此案件当前不能出件（尚未办结）。"))
        self.card_body.setText("\n".join(lines))
        ok = view.status in HANDABLE or bool(ready)
        self.hand_button.setEnabled(ok)
        self.check_box.setEnabled(ok)
        if ok:
            (self.by_post if view.delivery.method == "post" else self.by_applicant).setChecked(True)
            for w in (self.presented, self.agent_name, self.agent_id, self.tracking):
                w.clear()
            self.poa.setChecked(False)
            self.presented.setFocus()
        self.reprint_button.setEnabled(view.status is CaseStatus.DELIVERED)
        self.opened.emit(view)

    def _mode_changed(self) -> None:
        agent = self.by_agent.isChecked()
        post = self.by_post.isChecked()
        for _label, widget in self.agent_rows:
            self._form.setRowVisible(widget, agent)
        self._form.setRowVisible(self.tracking, post)
        self.presented.setPlaceholderText(self.tr("邮寄送达可不填") if post else self.tr("读取或输入出示证件的号码"))

    # -- the hand-over --------------------------------------------------------------------------------
    def hand_over(self) -> None:
        if self.case is None or not self.hand_button.isEnabled():
            return
        case_uuid, svc, actor = self.case.case_uuid, self.service, self.actor
        presented = self.presented.text()
        agent = None
        if self.by_agent.isChecked():
            agent = AgentInfo(self.agent_name.text().strip(), self.agent_id.text().strip(), self.poa.isChecked())
        method: Literal["window", "post"] = "post" if self.by_post.isChecked() else "window"
        tracking = self.tracking.text().strip() or None if method == "post" else None
        self.hand_button.setEnabled(False)

        def job() -> Handover:
            return svc.hand_over(actor, case_uuid, presented, agent=agent, method=method, tracking_no=tracking)

        Op(self, job).success(self._handed).failure(self._hand_failed).run_in_background()

    def _handed(self, record: Handover) -> None:
        self.last_handover = record
        who = {"applicant": self.tr("申请人本人"), "agent": self.tr("代领人"), "post": self.tr("邮寄")}[record.received_by]
        text = self.tr("已交付：%1，领取人 %2 %3").replace("%1", record.case_no).replace("%2", who) \
            .replace("%3", record.receiver_name)
        if record.matter_names:
            text += self.tr("（%1）").replace("%1", "、".join(record.matter_names))
        if record.tracking_no:
            text += self.tr("，邮件单号 %1").replace("%1", record.tracking_no)
        self._show_result(text, ok=True)
        messages.info(self, text)
        for w in (self.presented, self.agent_name, self.agent_id, self.tracking):
            w.clear()
        self.case = None
        self.open_delivered(record.case_uuid)
        self.print_receipt()
        self.refresh()
        self.handed_over.emit(record.case_uuid)

    def open_delivered(self, case_uuid: str) -> None:
        intake = self.ctx.intake
        Query(self, lambda: intake.get(case_uuid)).success(self._refresh_card).run_in_background()

    def _refresh_card(self, view: CaseView) -> None:
        if self.last_handover is not None and view.case_uuid == self.last_handover.case_uuid:
            self._set_case(view)

    def _hand_failed(self, exc: BaseException) -> None:
        self.hand_button.setEnabled(self.case is not None and (
            self.case.status in HANDABLE or any(m.status in HANDABLE for m in self.case.matters)))
        if isinstance(exc, HandoutError):  # IdentityMismatch, NotReady: read out as it is
            text = messages.describe(exc)
            self.show_refusal(text)
            self.refused.emit(text)
            self.presented.selectAll()
            self.presented.setFocus()
        else:
            self._failed(exc)

    def print_receipt(self) -> None:
        """The 送达回证 of the last hand-over, rendered from the stored case and its hand-over record."""
        record, ctx, svc = self.last_handover, self.ctx, self.service
        case_uuid = record.case_uuid if record else (self.case.case_uuid if self.case else None)
        no_record = self.tr("本机没有这件的送达记录")
        if case_uuid is None:
            return

        def job() -> Path:
            handover = record if record and record.case_uuid == case_uuid else svc.handover_record(case_uuid)
            if handover is None:
                raise HandoutError(no_record)
            return save_pdf(ctx, case_uuid, "delivery_receipt", handover=handover)

        def done(path: Path) -> None:
            messages.info(self, self.tr("送达回证已生成：") + str(path))
            self.printed.emit(str(path))

        Query(self, job).success(done).failure(self._failed).run_in_background()

    # -- messages -------------------------------------------------------------------------------------
    def show_refusal(self, text: str) -> None:
        self._show_result(text, ok=False)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.result.setStyleSheet(RESULT_OK if ok else RESULT_REFUSED)
        self.result.setText(("✔ " if ok else self.tr("不能交付：")) + text)
        self.result.show()
        self.result.updateGeometry()

    def _hide_result(self) -> None:
        self.result.hide()

    def _failed(self, exc: BaseException) -> None:
        messages.error(self, exc, prefix=self.tr("操作失败："), timeout_ms=messages.INFO_MS)
