"""The intake screen: bundle → situations → applicant → one form | one checklist → accept / notify / reject."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.catalog.merge import MergedForm, merge
from clerk.context import AppContext
from clerk.intake.model import CaseView, MaterialStatus
from clerk.intake.validation import ValidationFailed
from clerk.security.actor import Actor
from ui import labels, messages
from ui.events import (
    CallNextRequested,
    CaseFinished,
    CaseOpened,
    CasesChanged,
    EventListener,
    ImportFilesRequested,
    NewCaseRequested,
    OpenCaseRequested,
    PrintRequested,
    ShowCasesRequested,
    TicketCalled,
)
from ui.intake.accept import AcceptRule, accept_at_window
from ui.intake.autosave import Autosaver
from ui.intake.card import CardIntake
from ui.intake.checklist import ChecklistPanel
from ui.intake.dialogs import OutcomeDialog, ProblemsDialog, ReasonDialog
from ui.intake.files import ImportResult, import_files
from ui.intake.layout import FormLayout
from ui.intake.picker import BundlePicker
from ui.ops import Op, Query
from ui.qt import (
    QCheckBox,
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
    bring_to_front,
)
from ui.shell import Shell
from ui.widgets.choice import ChoiceRow


class IntakePage(CardIntake, FormLayout, EventListener, QWidget):
    """综合受理: one case at a time, autosaved as it is typed.

    The operator is read from the shell when an action starts (``actor``), never kept.

    Attributes:
        pending_ticket: the number of the queue ticket just called (the next new case carries it).
        materials_ui: the checklist's page strips, viewer, scan panel and scan-inbox banner (``scanning``).

    Signals:
        case_changed(object): the open CaseView, or None when no case is open.
        finished(str): case_uuid of a case that was accepted, notified or refused.
    """

    case_changed = Signal(object)
    finished = Signal(str)

    def __init__(self, shell: Shell, parent: QWidget | None = None, *, accept_rule: AcceptRule = accept_at_window,
                 scanning: bool = True) -> None:
        super().__init__(parent)
        self.shell = shell
        self.accept_rule = accept_rule
        self.case: CaseView | None = None
        self.merged: MergedForm | None = None
        self.dialog: QDialog | None = None
        self.pending_ticket: str | None = None
        self._pending_material: str | None = None
        self._can_print = _renderer_installed()
        self.autosave = Autosaver(self)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(lambda exc: messages.error(self, exc, prefix=self.tr("自动保存失败：")))

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
        all_drafts.clicked.connect(lambda: self.shell.events.publish(ShowCasesRequested(status="draft")))
        b.addWidget(all_drafts)
        self.drafts_banner.hide()
        self._latest_draft: str | None = None
        root.addWidget(self.drafts_banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.picker = BundlePicker(shell.ctx.catalog, self.splitter)
        self.picker.setObjectName("pickerPanel")
        self.picker.chosen.connect(self.start)
        self.picker.guided.connect(self.start)
        self.form_scroll = QScrollArea(self.splitter)
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checklist = ChecklistPanel(self.splitter)
        self.checklist.setObjectName("checklistPanel")
        self.checklist.status_chosen.connect(self.set_material_status)
        self.checklist.files_chosen.connect(self.import_files)
        self.checklist.built.connect(self._tab_order_when_built)
        from ui.intake.licences import add_licence_bar

        self.licence_bar = add_licence_bar(self)  # 调用电子证照 (issue 18)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 640, 460])
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setCollapsible(1, False)
        self.splitter.setCollapsible(2, False)
        self.picker_enabled = True
        """False on the field laptop (the visit decides the bundle): the picker never shows."""
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
        self.materials_ui: Any = None
        if scanning:
            from ui.intake.materials import MaterialsPanel

            self.materials_ui = MaterialsPanel(self)
        from ui.intake.assist_panel import AssistPanel

        self.assist = AssistPanel(self)
        """OCR offers and cross-check warnings of the pages scanned or imported into a material."""
        self.assistant_box: Any = None
        """The window assistant's question box (F1), once opened."""
        self.setup_devices()  # the ID card, the document camera, the signing pad (ui/intake/card.py)
        self.listen(shell.events)

    @property
    def ctx(self) -> AppContext:
        return self.shell.ctx

    @property
    def actor(self) -> Actor:
        """The operator now at the window (after 切换操作员, the new one)."""
        return self.shell.actor

    # -- requests from elsewhere (ui.events) --------------------------------------------------------
    def on_event_open_case_requested(self, event: OpenCaseRequested) -> None:
        self.shell.show_tab(self)
        if self.case is not None and self.case.case_uuid == event.case_uuid:
            if event.material and self.materials_ui is not None:
                self.materials_ui.select(event.material)
            return
        self._pending_material = event.material or None
        self.resume(event.case_uuid)

    def on_event_new_case_requested(self, _event: NewCaseRequested) -> None:
        self.shell.show_tab(self)
        self.new_case()

    def on_event_ticket_called(self, event: TicketCalled) -> None:
        """An intake ticket: a new intake for it (the open draft stays saved, the bundle search gets the
        focus). A 出件 ticket is the hand-out's (``ui/followup``); a 咨询 one needs no case."""
        if event.service == "pickup":
            return
        if event.service == "consult":
            messages.info(self, self.tr("%1 号（咨询）已叫到").replace("%1", event.ticket_no))
            return
        self.pending_ticket = event.ticket_no
        self.shell.show_tab(self)
        self.new_case()
        messages.info(self, self.tr("%1 号已叫到：请选择要办理的事项").replace("%1", event.ticket_no))

    def on_event_cases_changed(self, _event: CasesChanged) -> None:
        self.refresh_drafts()

    def on_event_import_files_requested(self, event: ImportFilesRequested) -> None:
        if self.case is not None and self.case.case_uuid == event.case_uuid:
            self.import_files(event.code, list(event.paths))

    # -- opening and closing a case ---------------------------------------------------------------
    def new_case(self) -> None:
        """Ctrl+N: the open draft stays saved; the bundle search gets the focus."""
        self.close_case()
        self.reflow()
        self.picker.focus_search()

    # -- the layout for the screen ---------------------------------------------------------------
    WIDE = 1700
    """From this width the bundle list stays beside an open case; below it the case takes the width."""
    NARROW = 1000
    """Below this width the checklist goes under the form."""

    def reflow(self) -> None:
        """Lays the screen out for its width: at 1920 the bundle list, the form and the checklist side by
        side; at 1366 an open case takes the whole width (Ctrl+N brings the list back); narrower, the
        checklist goes under the form. Never a horizontal scroll bar."""
        width = max(self.width(), 1)
        narrow = width < self.NARROW
        self.splitter.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        show_picker = self.picker_enabled and (self.case is None or width >= self.WIDE) and not narrow
        self.picker.setVisible(show_picker or (self.picker_enabled and self.case is None))
        room = (self.height() if narrow else width) - 40
        picker = 230 if self.picker.isVisible() and not narrow else 0
        rest = max(room - picker, 400)
        form = int(rest * (0.55 if not narrow else 0.6))
        self.splitter.setSizes([picker, form, rest - form])
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        compact = self.height() < 800
        self.checklist.set_compact(compact)
        if self.materials_ui is not None:
            self.materials_ui.scan_panel.set_compact(compact)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.reflow()

    def start(self, bundle_code: str, answers: dict[str, str] | None = None) -> None:
        """Starts a new draft for the chosen bundle (default situation answers, or those 智能导办 implied),
        with the called ticket."""
        self.close_case()
        actor, intake = self.actor, self.ctx.intake
        ticket, self.pending_ticket = self.pending_ticket, None
        situations = dict(answers) if answers else None
        if ticket is None:
            Op(self, lambda: intake.start_draft(actor, bundle_code, situations)).success(self.open_case) \
                .failure(self._failed).run_in_background()
            return

        def failed(exc: BaseException) -> None:
            self.pending_ticket = ticket
            messages.info(self, self.tr("无法开始受理：") + messages.describe(exc))

        Op(self, lambda: intake.start_draft(actor, bundle_code, situations, ticket_no=ticket)).success(self.open_case) \
            .failure(failed).run_in_background()

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
        self._case_changed(view)
        self.reflow()
        self.applicant.first_editor().setFocus() if not view.applicant.name else None
        if self._pending_material and self.materials_ui is not None:
            self.materials_ui.select(self._pending_material)
        self._pending_material = None
        self.take_pending_card()  # an ID card read before the case was started (ui/intake/card.py)

    def resume(self, case_uuid: str) -> None:
        intake = self.ctx.intake
        self.close_case()
        Query(self, lambda: intake.get(case_uuid)).success(self.open_case).failure(self._failed).run_in_background()

    def resume_latest_draft(self) -> None:
        if self._latest_draft:
            self.resume(self._latest_draft)

    def close_case(self) -> None:
        self.autosave.attach(None)
        self.case = None
        self.merged = None
        self.form_panel = None
        self.person_links = None  # deleted with the form it was in (opening another case rebuilds both)
        self.checklist.clear()
        self._show_empty()
        self._case_changed(None)

    def _case_changed(self, view: CaseView | None) -> None:
        self.case_changed.emit(view)
        self.shell.events.publish(CaseOpened(view))

    def flush(self) -> None:
        """On window close: every pending change written before the program goes."""
        self.autosave.flush_now()

    def close_down(self) -> None:
        """The window is closing: the pending autosave written, scanning and the inbox banner stopped."""
        self.flush()
        if self.materials_ui is not None:
            self.materials_ui.shutdown()

    def refresh_drafts(self) -> None:
        intake, actor = self.ctx.intake, self.actor
        Query(self, lambda: intake.drafts(actor)).success(self._show_drafts).run_in_background()

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
        empty = QLabel(self.tr("请在左侧选择要办理的一件事（Ctrl+N 搜索，可输入拼音首字母）") if self.picker_enabled
                       else self.tr("请在左侧上门清单中选择一户（↑/↓），按回车开始办理"))
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

    def _update_case_label(self) -> None:
        if self.case is None:
            return
        self.case_label.setText(f"{self.case.case_no} · {labels.case_status(self.case.status)}")

    # -- changes ----------------------------------------------------------------------------------
    def _saved(self, view: CaseView) -> None:
        if self.case is not None and view.case_uuid == self.case.case_uuid:
            self.case = view
            self.save_label.setText(self.tr("已自动保存 %1").replace("%1", _now()))

    def answer_situation(self, code: str, option: str | list[str]) -> None:
        if self.case is None:
            return
        self.autosave.flush()
        case_uuid, intake, ctx = self.case.case_uuid, self.ctx.intake, self.ctx

        def job() -> CaseView:
            view = intake.save_draft(case_uuid, situations={code: option})
            intake.keep_form_fields(case_uuid, {f.code for f in merge(ctx.catalog.bundle(view.bundle_code),
                                                                      view.situations).fields})
            return intake.get(case_uuid)

        Op(self, job).success(self._situations_applied).failure(self._failed).run_in_background()

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
        Op(self, lambda: intake.set_material(case_uuid, code, MaterialStatus(status))) \
            .success(self.materials_changed).failure(self._failed).run_in_background()

    def import_files(self, code: str, paths: list[Path]) -> None:
        """The seam for files into a material: the import dialog, drag-and-drop and tests all call this."""
        if self.case is None:
            return
        case_uuid, ctx = self.case.case_uuid, self.ctx
        card = self.checklist.cards.get(code)
        if card is not None:
            card.pages.setText(self.tr("导入中…"))

        def done(result: ImportResult) -> None:
            self.materials_changed(result.view)
            if result.problems and code in self.checklist.cards:
                self.checklist.cards[code].show_problem("\n".join(result.problems))
            if result.imported:
                messages.info(self, self.tr("已导入 %n 个文件", "", result.imported))

        Op(self, lambda: import_files(ctx, case_uuid, code, paths)).success(done).failure(self._failed) \
            .run_in_background()

    def materials_changed(self, view: CaseView) -> None:
        """The case read again after its materials changed: the checklist follows (and its problems go)."""
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
        Query(self, lambda: intake.history(id_number)).success(lambda h: self._history_found(h, case_uuid)) \
            .run_in_background()

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
        messages.info(self, self.tr("已按历史记录预填，请与申请人核对"))

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

        Op(self, job).success(self.materials_changed).failure(self._failed).run_in_background()
        self.history.reused()

    # -- outcomes ---------------------------------------------------------------------------------
    def accept_case(self) -> None:
        """受理 under the window's accept rule (``ui.intake.accept``), as the operator now at the window."""
        if self.case is None:
            return
        self.autosave.flush()
        ctx, actor, case_uuid = self.ctx, self.actor, self.case.case_uuid
        signed = self.checklist.commitment.isChecked()
        rule, texts = self.accept_rule, self.accept_texts()
        Op(self, lambda: rule(ctx, actor, case_uuid, signed, texts)).success(self._accept_done) \
            .failure(self._failed).run_in_background()

    def accept_texts(self) -> dict[str, str]:
        """The messages an accept rule may add, translated here (the rule runs in a worker)."""
        return {"commitment": self.tr("有容缺后补的材料，须申请人签署告知承诺书"),
                "signature": self.tr("上门受理须有申请人签名（在左侧签名板签名并保存）")}

    def _accept_done(self, result: tuple[str, Any]) -> None:
        kind, payload = result
        if kind == "accepted":
            self._finished(payload)
            return
        self.show_problems(payload)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Marks every problem at its field and lists them all in one dialog (in the interface language)."""
        problems = messages.translate_problems(problems)
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
            self.checklist.scroll_area.ensureWidgetVisible(self.checklist.cards[rest])
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
        Op(self, lambda: intake.notify(actor, case_uuid)).success(self._finished).failure(self._failed) \
            .run_in_background()

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
        Op(self, lambda: intake.reject(actor, case_uuid, reason)).success(self._finished).failure(self._failed) \
            .run_in_background()

    def _finished(self, view: CaseView) -> None:
        self.close_case()
        self.finished.emit(view.case_uuid)
        self.shell.events.publish(CaseFinished(view.case_uuid, view.ticket_no or ""))
        dialog = OutcomeDialog(view, self._can_print, self)
        dialog.next_requested.connect(self.new_case)
        dialog.call_next_requested.connect(lambda: self.shell.events.publish(CallNextRequested()))
        dialog.print_requested.connect(lambda case_uuid: self.print_outcome(view, dialog))
        self._open_dialog(dialog)
        messages.info(self, f"{view.case_no} " + labels.case_status(view.status))

    def print_outcome(self, view: CaseView, dialog: OutcomeDialog | None = None) -> None:
        """Ctrl+P in the outcome: every document of the outcome (the receipt and, with deferred materials,
        the commitment letter) to the printer remembered for it; with none remembered the outcome closes
        and the print preview opens with the focus (never under a modal dialog)."""
        if not self._can_print:
            return
        from clerk.documents import outcome_documents, printer_setting

        kinds = outcome_documents(view)
        settings = self.ctx.settings
        direct = bool(kinds) and all(
            str(getattr(settings, printer_setting(k), "") or "") and
            not str(getattr(settings, printer_setting(k), "")).startswith("qt:") for k in kinds)
        if direct:
            if dialog is not None:
                dialog.show_printing([labels.document_kind(k) for k in kinds])
        elif dialog is not None:
            dialog.accept()
        self.shell.events.publish(PrintRequested(view.case_uuid, tuple(kinds), direct=direct))

    def print_case(self, case_uuid: str) -> None:
        """The outcome's documents in the print preview (``ui/printing`` answers ``PrintRequested``)."""
        if self._can_print:
            self.shell.events.publish(PrintRequested(case_uuid))

    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.open()
        bring_to_front(dialog)  # its keys (Ctrl+P, F2, Enter) work at once

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_problems(exc.problems)
            return
        messages.error(self, exc, timeout_ms=messages.INFO_MS)

    # -- materials by key ------------------------------------------------------------------------
    def focused_material(self) -> str | None:
        """The material whose card has the focus, else the one selected for scanning."""
        card = self.checklist.card_of(self.focusWidget())
        if card is not None:
            return card.code
        if self.materials_ui is not None:
            return self.materials_ui.scan_panel.selected
        return None

    def import_into_focused(self) -> None:
        """Ctrl+O: the file dialog for the focused material (its pages are imported into it)."""
        code = self.focused_material()
        card = self.checklist.cards.get(code) if code else None
        if card is None:
            messages.info(self, self.tr("请先把光标移到要导入的材料上（Tab 或 ↑/↓）"))
            return
        card.choose_files()

    def scan_into_focused(self) -> None:
        """Ctrl+Shift+S: scans into the focused material."""
        code = self.focused_material()
        if code is None or self.materials_ui is None:
            messages.info(self, self.tr("请先把光标移到要扫描的材料上"))
            return
        self.materials_ui.select(code)
        self.materials_ui.scan_panel.scan()

    def waive_e_licences(self) -> None:
        """Ctrl+E: every material still missing that the e-licence library has → 免提交 (one write)."""
        if self.case is None:
            return
        codes = [m.code for m in self.case.materials if m.e_license and m.status is MaterialStatus.MISSING]
        if not codes:
            messages.info(self, self.tr("没有可以调用电子证照免提交的缺少材料"))
            return
        case_uuid, intake = self.case.case_uuid, self.ctx.intake

        def job() -> CaseView:
            view = self.case
            for code in codes:
                view = intake.set_material(case_uuid, code, MaterialStatus.E_LICENSE)
            assert view is not None
            return view

        Op(self, job).success(self.materials_changed).failure(self._failed).run_in_background()
        messages.info(self, self.tr("%n 项材料调用电子证照免提交", "", len(codes)))

    # -- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter moves on to the next field to type (Ctrl+Enter accepts, see the window's shortcuts);
        from a name, Enter skips the ID type (Tab still stops there)."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and isinstance(focus, QLineEdit | QComboBox | QRadioButton | ChoiceRow | QGroupBox | QCheckBox):
            for block in (getattr(self, "applicant", None), getattr(self, "agent", None)):
                if block is not None and focus is block.name and block.id_type.currentIndex() == 0:
                    block.id_number.setFocus(Qt.FocusReason.TabFocusReason)
                    return
            self.focusNextChild()
            return
        super().keyPressEvent(event)


def _now() -> str:
    from clerk import clock

    return clock.now().strftime("%H:%M:%S")


def _renderer_installed() -> bool:
    """Printing (printing/, reportlab) is installed: its renderer is registered (not imported yet)."""
    from importlib.metadata import entry_points

    return any(ep.name == "render" for ep in entry_points(group="window_clerk.documents"))

