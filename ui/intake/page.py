"""The intake screen: bundle → situations → applicant → one form | one checklist → accept / notify / reject."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.catalog.merge import MergedForm, merge
from clerk.context import AppContext
from clerk.intake.model import CASE_STATUS_LABELS, CaseView, MaterialStatus
from clerk.intake.validation import ValidationFailed
from clerk.security.actor import Actor
from ui import adapters
from ui.intake import printing
from ui.intake.autosave import Autosaver
from ui.intake.checklist import ChecklistPanel
from ui.intake.dialogs import OutcomeDialog, ProblemsDialog, ReasonDialog
from ui.intake.form import FormPanel
from ui.intake.history import HistoryBanner
from ui.intake.person import PersonBlock
from ui.intake.picker import BundlePicker
from ui.intake.situations import SituationPanel
from ui.qt import (
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tasks import Tasks


class IntakePage(QWidget):
    """综合受理: one case at a time, autosaved as it is typed.

    Signals:
        case_changed(object): the open CaseView, or None when no case is open.
        message(str): a line for the status bar.
        finished(str): case_uuid of a case that was accepted, notified or refused.
        show_drafts(): the clerk wants the list of open drafts.
    """

    case_changed = Signal(object)
    message = Signal(str)
    finished = Signal(str)
    show_drafts = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.tasks = ctx, actor, tasks
        self.case: CaseView | None = None
        self.merged: MergedForm | None = None
        self.dialog: QDialog | None = None
        self.form_panel: FormPanel | None = None
        self.situations: SituationPanel | None = None
        self._renderer: Any = printing.document_renderer()
        self.autosave = Autosaver(ctx, tasks, self)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(lambda m: self.message.emit(self.tr("自动保存失败：") + m))

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(8)
        self.drafts_banner = QFrame(self)
        self.drafts_banner.setObjectName("banner")
        b = QHBoxLayout(self.drafts_banner)
        b.setContentsMargins(12, 6, 12, 6)
        self.drafts_label = QLabel(self.drafts_banner)
        b.addWidget(self.drafts_label, 1)
        self.resume_button = QPushButton(self.tr("继续办理最近的草稿"), self.drafts_banner)
        self.resume_button.setObjectName("resumeDraft")
        self.resume_button.clicked.connect(self.resume_latest_draft)
        b.addWidget(self.resume_button)
        all_drafts = QPushButton(self.tr("查看全部草稿"), self.drafts_banner)
        all_drafts.clicked.connect(self.show_drafts)
        b.addWidget(all_drafts)
        self.drafts_banner.hide()
        self._latest_draft: str | None = None
        root.addWidget(self.drafts_banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.picker = BundlePicker(ctx.catalog, self.splitter)
        self.picker.setObjectName("pickerPanel")
        self.picker.chosen.connect(self.start)
        self.form_scroll = QScrollArea(self.splitter)
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checklist = ChecklistPanel(self.splitter)
        self.checklist.setObjectName("checklistPanel")
        self.checklist.status_chosen.connect(self.set_material_status)
        self.checklist.files_chosen.connect(self.import_files)
        self.checklist.built.connect(self._tab_order_when_built)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 640, 460])
        self.splitter.setChildrenCollapsible(False)
        root.addWidget(self.splitter, 1)

        bar = QFrame(self)
        bar.setObjectName("actionBar")
        a = QHBoxLayout(bar)
        a.setContentsMargins(12, 8, 12, 8)
        a.setSpacing(10)
        self.case_label = QLabel(bar)
        self.case_label.setObjectName("caseLabel")
        a.addWidget(self.case_label)
        self.save_label = QLabel(bar)
        self.save_label.setObjectName("saveLabel")
        a.addWidget(self.save_label, 1)
        self.reject_button = QPushButton(self.tr("不予受理…"), bar)
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(self.reject_case)
        self.notify_button = QPushButton(self.tr("一次性告知"), bar)
        self.notify_button.setObjectName("notifyButton")
        self.notify_button.setToolTip(self.tr("材料不齐且不能容缺时，一次告知需补正的全部材料"))
        self.notify_button.clicked.connect(self.notify_case)
        self.accept_button = QPushButton(self.tr("受理 (Ctrl+Enter)"), bar)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setToolTip(self.tr("检查全部内容并受理 (Ctrl+Enter)"))
        self.accept_button.clicked.connect(self.accept_case)
        for btn in (self.reject_button, self.notify_button, self.accept_button):
            a.addWidget(btn)
        root.addWidget(bar)
        self._show_empty()

    # -- opening and closing a case ---------------------------------------------------------------
    def new_case(self) -> None:
        """Ctrl+N: the open draft stays saved; the bundle search gets the focus."""
        self.close_case()
        self.picker.focus_search()

    def start(self, bundle_code: str) -> None:
        """Starts a new draft for the chosen bundle (default situation answers)."""
        self.close_case()
        actor, intake = self.actor, self.ctx.intake
        self.tasks.run(lambda: intake.start_draft(actor, bundle_code), write=True,
                       on_success=self.open_case, on_failure=self._failed)

    def open_case(self, view: CaseView) -> None:
        self.autosave.attach(view.case_uuid)
        self.case = view
        self.merged = merge(self.ctx.catalog.bundle(view.bundle_code), view.situations)
        self._build_form(view)
        self.checklist.set_materials(view.materials, self.merged)
        self.checklist.commitment.setChecked(view.commitment_signed_at is not None)
        self._tab_order_when_built()
        self.drafts_banner.hide()
        self._update_case_label()
        self._set_actions_enabled(True)
        self.case_changed.emit(view)
        self.applicant.first_editor().setFocus() if not view.applicant.name else None

    def resume(self, case_uuid: str) -> None:
        intake = self.ctx.intake
        self.close_case()
        self.tasks.run(lambda: intake.get(case_uuid), on_success=self.open_case, on_failure=self._failed)

    def resume_latest_draft(self) -> None:
        if self._latest_draft:
            self.resume(self._latest_draft)

    def close_case(self) -> None:
        self.autosave.attach(None)
        self.case = None
        self.merged = None
        self.form_panel = None
        self.checklist.clear()
        self._show_empty()
        self.case_changed.emit(None)

    def flush(self) -> None:
        """On window close: every pending change written before the program goes."""
        self.autosave.flush_now()

    def refresh_drafts(self) -> None:
        intake, actor = self.ctx.intake, self.actor
        self.tasks.run(lambda: intake.drafts(actor), on_success=self._show_drafts)

    def _show_drafts(self, drafts: list[Any]) -> None:
        if not drafts or self.case is not None:
            self.drafts_banner.hide()
            return
        latest = drafts[0]
        self._latest_draft = latest.case_uuid
        bundle = self._bundle_name(latest.bundle_code)
        who = latest.applicant_name or self.tr("未填姓名")
        self.drafts_label.setText(self.tr("有 %n 份未办完的草稿。最近：", "", len(drafts))
                                  + f"{who} · {bundle} · {latest.created_at:%m-%d %H:%M}")
        self.drafts_banner.show()

    def _bundle_name(self, code: str) -> str:
        try:
            return self.ctx.catalog.bundle(code).name
        except KeyError:
            return code

    # -- building the form ------------------------------------------------------------------------
    def _show_empty(self) -> None:
        empty = QLabel(self.tr("请在左侧选择要办理的一件事（Ctrl+N 搜索，可输入拼音首字母）"))
        empty.setObjectName("emptyHint")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.form_scroll.setWidget(empty)
        self.case_label.setText(self.tr("未打开案件"))
        self.save_label.setText("")
        self._set_actions_enabled(False)

    def _set_actions_enabled(self, on: bool) -> None:
        for btn in (self.accept_button, self.notify_button, self.reject_button):
            btn.setEnabled(on)

    def _section(self, title: str, body: QWidget, lay: QVBoxLayout, name: str = "") -> QGroupBox:
        box = QGroupBox(title)
        if name:
            box.setObjectName(name)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(14, 10, 14, 12)
        inner.addWidget(body)
        lay.addWidget(box)
        return box

    def _build_form(self, view: CaseView) -> None:
        assert self.merged is not None
        bundle = self.merged.bundle
        content = QWidget()
        content.setObjectName("formContent")
        lay = QVBoxLayout(content)
        lay.setContentsMargins(4, 0, 10, 12)
        lay.setSpacing(10)
        title = QLabel(bundle.name, content)
        title.setObjectName("bundleTitle")
        lay.addWidget(title)
        matters = QLabel(self.tr("联办事项：") + "、".join(f"{m.name}（{m.department}）" for m in self.merged.matters), content)
        matters.setObjectName("mattersLine")
        matters.setWordWrap(True)
        self.matters_label = matters
        lay.addWidget(matters)
        self.situations = None
        if bundle.situations:
            self.situations = SituationPanel(bundle, view.situations)
            self.situations.answered.connect(self.answer_situation)
            self._section(self.tr("情形"), self.situations, lay, "situationsBox")
        kinds = tuple(k.value for k in bundle.applicant_kinds)
        self.applicant = PersonBlock("applicant", kinds)
        self.applicant.set_value(view.applicant.model_dump())
        self.applicant.changed.connect(lambda d: self.autosave.set_part("applicant", d))
        self.applicant.left.connect(self.autosave.flush)
        self.applicant.id_confirmed.connect(self._look_up_history)
        applicant_box = QWidget()
        ab = QVBoxLayout(applicant_box)
        ab.setContentsMargins(0, 0, 0, 0)
        self.history = HistoryBanner(applicant_box)
        self.history.prefill.connect(self.prefill)
        self.history.reuse.connect(self.reuse_materials)
        ab.addWidget(self.history)
        ab.addWidget(self.applicant)
        self._section(self.tr("申请人"), applicant_box, lay, "applicantBox")
        self.agent_box = QGroupBox(self.tr("有代办人（代为办理）"))
        self.agent_box.setObjectName("agentBox")
        self.agent_box.setCheckable(True)
        self.agent_box.setChecked(view.agent is not None)
        self.agent = PersonBlock("agent", ("person",), phone_required=False)
        if view.agent is not None:
            self.agent.set_value(view.agent.model_dump())
        self.agent.setVisible(view.agent is not None)
        agl = QVBoxLayout(self.agent_box)
        agl.setContentsMargins(14, 4, 14, 4)
        agl.addWidget(self.agent)
        self.agent_box.toggled.connect(self._agent_toggled)
        self.agent.changed.connect(lambda d: self.autosave.set_part("agent", d))
        self.agent.left.connect(self.autosave.flush)
        lay.addWidget(self.agent_box)
        self.form_box = QGroupBox(self.tr("申请表（一表申请）"))
        self.form_box.setObjectName("formBox")
        self.form_layout = QVBoxLayout(self.form_box)
        self.form_layout.setContentsMargins(14, 10, 14, 12)
        lay.addWidget(self.form_box)
        lay.addStretch(1)
        self._build_fields(view.form)
        self.form_scroll.setWidget(content)

    def _build_fields(self, values: dict[str, Any]) -> None:
        assert self.merged is not None
        if self.form_panel is not None:
            self.form_panel.setParent(None)
            self.form_panel.deleteLater()
        self.form_panel = FormPanel(self.merged, values)
        self.form_panel.changed.connect(self.autosave.set_form)
        self.form_panel.left.connect(lambda _c: self.autosave.flush())
        self.form_panel.built.connect(self._tab_order_when_built)
        self.form_layout.addWidget(self.form_panel)

    def _tab_order_when_built(self) -> None:
        """Tab order is set once the progressively built form and checklist are complete."""
        if self.case is not None and self.form_panel is not None and self.form_panel.complete \
                and self.checklist.complete:
            self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        if self.situations is not None:
            chain += [g.checkedButton() or g.button(0) for g in self.situations.groups.values()]
        a = self.applicant
        chain += [w for w in (a.kind_group.checkedButton(), a.name, a.id_type, a.id_number, a.phone, a.rep, a.address) if w]
        chain.append(self.agent_box)
        g = self.agent
        chain += [g.name, g.id_type, g.id_number, g.phone, g.address]
        if self.form_panel is not None:
            chain += self.form_panel.focus_order()
        chain += [c.focus_target() for c in self.checklist.cards.values()]
        chain += [self.checklist.commitment, self.accept_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _agent_toggled(self, on: bool) -> None:
        self.agent.setVisible(on)
        self.autosave.set_part("agent", self.agent.value() if on else None)
        if on:
            self.agent.name.setFocus()

    def _update_case_label(self) -> None:
        if self.case is None:
            return
        status = CASE_STATUS_LABELS.get(self.case.status.value, self.case.status.value)
        self.case_label.setText(f"{self.case.case_no} · {status}")

    # -- changes ----------------------------------------------------------------------------------
    def _saved(self, view: CaseView) -> None:
        if self.case is not None and view.case_uuid == self.case.case_uuid:
            self.case = view
            self.save_label.setText(self.tr("已自动保存 %1").replace("%1", _now()))

    def answer_situation(self, code: str, option: str) -> None:
        if self.case is None:
            return
        self.autosave.flush()
        case_uuid, intake, ctx = self.case.case_uuid, self.ctx.intake, self.ctx

        def job() -> CaseView:
            view = intake.save_draft(case_uuid, situations={code: option})
            keep = {f.code for f in merge(ctx.catalog.bundle(view.bundle_code), view.situations).fields}
            adapters.prune_form(ctx, case_uuid, keep)
            return intake.get(case_uuid)

        self.tasks.run(job, write=True, on_success=self._situations_applied, on_failure=self._failed)

    def _situations_applied(self, view: CaseView) -> None:
        if self.case is None or view.case_uuid != self.case.case_uuid:
            return
        values = {k: v for k, v in (self.form_panel.values() if self.form_panel else {}).items() if v not in (None, "")}
        self.case = view
        self.merged = merge(self.ctx.catalog.bundle(view.bundle_code), view.situations)
        self.matters_label.setText(self.tr("联办事项：") + "、".join(f"{m.name}（{m.department}）" for m in self.merged.matters))
        self._build_fields({**view.form, **values})
        self.checklist.set_materials(view.materials, self.merged)
        self._tab_order_when_built()

    def set_material_status(self, code: str, status: str) -> None:
        if self.case is None:
            return
        case_uuid, intake = self.case.case_uuid, self.ctx.intake
        self.tasks.run(lambda: intake.set_material(case_uuid, code, MaterialStatus(status)), write=True,
                       on_success=self._materials_changed, on_failure=self._failed)

    def import_files(self, code: str, paths: list[Path]) -> None:
        """The seam for files into a material: the import dialog, drag-and-drop and tests all call this."""
        if self.case is None:
            return
        case_uuid, ctx = self.case.case_uuid, self.ctx
        card = self.checklist.cards.get(code)
        if card is not None:
            card.pages.setText(self.tr("导入中…"))

        def done(result: adapters.ImportResult) -> None:
            self._materials_changed(result.view)
            if result.problems and code in self.checklist.cards:
                self.checklist.cards[code].show_problem("\n".join(result.problems))
            if result.imported:
                self.message.emit(self.tr("已导入 %n 个文件", "", result.imported))

        self.tasks.run(lambda: adapters.import_files(ctx, case_uuid, code, paths), write=True,
                       on_success=done, on_failure=self._failed)

    def _materials_changed(self, view: CaseView) -> None:
        if self.case is None or view.case_uuid != self.case.case_uuid or self.merged is None:
            return
        self.case = view
        self.checklist.set_materials(view.materials, self.merged)
        for m in view.materials:
            if m.status is not MaterialStatus.MISSING:
                self.checklist.cards[m.code].show_problem(None)

    # -- history (智能预填) ------------------------------------------------------------------------
    def _look_up_history(self, id_number: str) -> None:
        if self.case is None:
            return
        intake, case_uuid = self.ctx.intake, self.case.case_uuid
        self.tasks.run(lambda: intake.history(id_number), on_success=lambda h: self._history_found(h, case_uuid))

    def _history_found(self, history: Any, case_uuid: str) -> None:
        if self.case is None or self.case.case_uuid != case_uuid or history is None:
            return
        codes = {m.code for m in self.case.materials if m.status is MaterialStatus.MISSING}
        self.history.offer(history, case_uuid, codes)

    def prefill(self) -> None:
        h = self.history.history
        if h is None or self.form_panel is None:
            return
        current = self.applicant.value()
        merged_applicant = {**current, **{k: v for k, v in h.applicant.items() if not current.get(k)}}
        self.applicant.set_value(merged_applicant)
        self.autosave.set_part("applicant", self.applicant.value())
        for code, editor in self.form_panel.editors.items():
            if code in h.form and editor.value() in (None, ""):
                editor.set_value(h.form[code])
                self.autosave.set_form(code, editor.value())
        self.autosave.flush()
        self.message.emit(self.tr("已按历史记录预填，请与申请人核对"))

    def reuse_materials(self) -> None:
        h = self.history.history
        if h is None or self.case is None:
            return
        wanted = [r for r in h.reusable if any(m.code == r.code and m.status is MaterialStatus.MISSING
                                               for m in self.case.materials)]
        case_uuid, intake = self.case.case_uuid, self.ctx.intake

        def job() -> CaseView:
            for r in wanted:
                intake.reuse_material(case_uuid, r.code, r)
            return intake.get(case_uuid)

        self.tasks.run(job, write=True, on_success=self._materials_changed, on_failure=self._failed)
        self.history.reused()

    # -- outcomes ---------------------------------------------------------------------------------
    def accept_case(self) -> None:
        if self.case is None:
            return
        self.autosave.flush()
        case_uuid, intake, actor = self.case.case_uuid, self.ctx.intake, self.actor
        signed = self.checklist.commitment.isChecked()
        needs_commitment = self.tr("有容缺后补的材料，须申请人签署告知承诺书")

        def job() -> tuple[str, Any]:
            problems = intake.check_for_accept(case_uuid)
            if problems:
                view = intake.get(case_uuid)
                if not any(m.status is MaterialStatus.DEFERRED for m in view.materials) or signed:
                    problems.pop("commitment", None)
                elif "commitment" not in problems:
                    problems["commitment"] = needs_commitment
            if not problems:
                try:
                    return "accepted", intake.accept(actor, case_uuid, commitment_signed=signed)
                except ValidationFailed as exc:
                    return "problems", exc.problems
            return "problems", problems

        self.tasks.run(job, write=True, on_success=self._accept_done, on_failure=self._failed)

    def _accept_done(self, result: tuple[str, Any]) -> None:
        kind, payload = result
        if kind == "accepted":
            self._finished(payload)
            return
        self.show_problems(payload)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Marks every problem at its field and lists them all in one dialog."""
        for key, message in problems.items():
            section, _, rest = key.partition(".")
            if section == "applicant":
                self.applicant.show_problem(rest, message)
            elif section == "agent":
                self.agent.show_problem(rest, message)
            elif section == "form" and self.form_panel and rest in self.form_panel.editors:
                editor = self.form_panel.editors[rest]
                editor.show_problem(message.split("：", 1)[-1])
            elif section == "materials" and rest in self.checklist.cards:
                self.checklist.cards[rest].show_problem(message)
            elif section == "commitment":
                self.checklist.show_commitment_problem(message)
        labels = {"applicant.phone": self.tr("申请人联系电话"), "applicant.id_number": self.tr("申请人证件号码")}
        dialog = ProblemsDialog(problems, labels, self)
        dialog.go_to.connect(self.go_to)
        dialog.notify_requested.connect(self.notify_case)
        self._open_dialog(dialog)

    def go_to(self, key: str) -> None:
        section, _, rest = key.partition(".")
        target: QWidget | None = None
        if section == "applicant":
            target = self.applicant.editor_for(rest)
        elif section == "agent":
            target = self.agent.editor_for(rest)
        elif section == "form" and self.form_panel and rest in self.form_panel.editors:
            target = self.form_panel.editors[rest].focus_target()
        elif section == "materials" and rest in self.checklist.cards:
            target = self.checklist.cards[rest].focus_target()
            self.checklist.scroll.ensureWidgetVisible(self.checklist.cards[rest])
        elif section == "commitment":
            target = self.checklist.commitment
        if target is not None:
            self.form_scroll.ensureWidgetVisible(target)
            target.setFocus()

    def notify_case(self) -> None:
        if self.case is None:
            return
        self.autosave.flush()
        case_uuid, intake, actor = self.case.case_uuid, self.ctx.intake, self.actor
        self.tasks.run(lambda: intake.notify(actor, case_uuid), write=True,
                       on_success=self._finished, on_failure=self._failed)

    def reject_case(self) -> None:
        if self.case is None:
            return
        dialog = ReasonDialog(self)
        dialog.accepted.connect(lambda: self._reject_with(dialog.text()))
        self._open_dialog(dialog)

    def _reject_with(self, reason: str) -> None:
        if self.case is None:
            return
        self.autosave.flush()
        case_uuid, intake, actor = self.case.case_uuid, self.ctx.intake, self.actor
        self.tasks.run(lambda: intake.reject(actor, case_uuid, reason), write=True,
                       on_success=self._finished, on_failure=self._failed)

    def _finished(self, view: CaseView) -> None:
        self.close_case()
        self.finished.emit(view.case_uuid)
        dialog = OutcomeDialog(view, self._renderer is not None, self)
        dialog.next_requested.connect(self.new_case)
        dialog.print_requested.connect(self.print_case)
        self._open_dialog(dialog)
        self.message.emit(f"{view.case_no} " + CASE_STATUS_LABELS.get(view.status.value, ""))

    def print_case(self, case_uuid: str) -> None:
        """The outcome's documents in the print preview (``ui.intake.printing``): printer choice, queue, 补打."""
        if self._renderer is not None:
            printing.print_outcome(self.ctx, self.actor, self.tasks, case_uuid, parent=self.window(),
                                   on_failure=self._failed)

    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.open()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_problems(exc.problems)
            return
        self.message.emit(self.tr("操作失败：") + str(exc))

    # -- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter moves on to the next field (Ctrl+Enter accepts, see the window's shortcuts)."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and isinstance(focus, QLineEdit | QComboBox | QRadioButton):
            self.focusNextChild()
            return
        super().keyPressEvent(event)


def _now() -> str:
    import datetime as dt

    return dt.datetime.now().strftime("%H:%M:%S")
