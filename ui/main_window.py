"""The window-mode main window: header (hall, window, caller seam), intake and case-list tabs, status bar."""

from __future__ import annotations

from typing import Any

from clerk.intake.model import CaseView
from ui.bridge import EventBridge
from ui.cases.case_list import CaseListPage
from ui.intake.page import IntakePage
from ui.qt import (
    QAction,
    QCloseEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.session import Session
from ui.tasks import Tasks


class MainWindow(QMainWindow):
    """综合窗口受理工作台 (window mode).

    Signals:
        call_next_requested(): F2; the queue component (clerk/queueing) plugs in here.
    """

    call_next_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        ctx, actor = session.ctx, session.actor
        self.tasks = Tasks(self)
        self.bridge = EventBridge(ctx.events, self)
        self.setWindowTitle(self.tr("综合窗口受理工作台") + f" — {ctx.settings.hall.name}")
        self.resize(1366, 768)
        self.setMinimumSize(1200, 700)

        central = QWidget(self)
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(self._header())
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.intake = IntakePage(ctx, actor, self.tasks, self.tabs)
        self.cases = CaseListPage(ctx, self.tasks, self.tabs)
        self.tabs.addTab(self.intake, self.tr("综合受理"))
        self.tabs.addTab(self.cases, self.tr("案件查询"))
        self.tabs.currentChanged.connect(self._tab_changed)
        v.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.sync_label = QLabel(self.tr("同步：未接入"), self)
        self.sync_label.setObjectName("syncLabel")
        self.sync_label.setToolTip(self.tr("与政务服务平台的同步状态（同步组件接入后显示）"))
        self.operator_label = QLabel(self.tr("操作员：%1 · 窗口 %2").replace("%1", actor.display_name or actor.username)
                                     .replace("%2", actor.window), self)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.operator_label)

        self.intake.message.connect(lambda m: bar.showMessage(m, 8000))
        self.intake.finished.connect(lambda _u: self.cases.search())
        self.intake.show_drafts.connect(self.show_drafts)
        self.intake.case_changed.connect(self._case_changed)
        self.cases.open_requested.connect(self.open_case)
        self.tasks.failed.connect(lambda m: bar.showMessage(self.tr("操作失败：") + m, 10000))
        self.bridge.sync_progress.connect(self._sync_progress)
        self._actions()
        self.intake.refresh_drafts()
        self.cases.search()

    def _header(self) -> QWidget:
        head = QFrame(self)
        head.setObjectName("header")
        h = QHBoxLayout(head)
        h.setContentsMargins(16, 8, 16, 8)
        title = QLabel(self.tr("综合窗口受理"), head)
        title.setObjectName("appTitle")
        h.addWidget(title)
        hall = QLabel(self.session.ctx.settings.hall.name, head)
        hall.setObjectName("hallName")
        h.addWidget(hall, 1)
        if self.session.demo:
            demo = QLabel(self.tr("演示模式"), head)
            demo.setObjectName("demoBadge")
            h.addWidget(demo)
        # The caller bar: the queue component (叫号) puts the current ticket here and answers F2.
        self.ticket_label = QLabel(self.tr("当前号：—"), head)
        self.ticket_label.setObjectName("ticketLabel")
        h.addWidget(self.ticket_label)
        self.call_button = QPushButton(self.tr("叫下一位 (F2)"), head)
        self.call_button.setObjectName("callButton")
        self.call_button.setToolTip(self.tr("排队叫号组件尚未接入"))
        self.call_button.setEnabled(False)
        h.addWidget(self.call_button)
        # The queue component's caller bar takes the seam's place (ui/queue/caller_bar.py).
        from ui.queue.caller_bar import CallerBar
        from ui.queue.common import HallAccess

        self.ticket_label.hide()
        self.call_button.hide()
        self.caller_bar = CallerBar(HallAccess.for_session(self.session), self.session.actor.window
                                    or self.session.ctx.settings.window, self.tasks, self.session.ctx.events, head)
        h.addWidget(self.caller_bar)
        return head

    def _actions(self) -> None:
        def add(text: str, keys: list[Any], slot: Any) -> QAction:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.new_action = add(self.tr("新建受理"), ["Ctrl+N"], self.new_case)
        self.find_action = add(self.tr("案件查询"), ["Ctrl+F"], self.find_cases)
        self.accept_action = add(self.tr("受理"), ["Ctrl+Return", "Ctrl+Enter"], self._accept)
        self.save_action = add(self.tr("立即保存"), ["Ctrl+S"], self.intake.autosave.flush)
        self.call_action = add(self.tr("叫下一位"), ["F2"], self.call_next_requested.emit)
        self.recall_action = add(self.tr("重呼"), ["F3"], self.caller_bar.recall)
        self.call_next_requested.connect(self.caller_bar.call_next)
        from ui.queue.intake_link import TicketIntake

        self.ticket_intake = TicketIntake(self.intake, self)
        self.caller_bar.ticket_called.connect(self.ticket_intake.begin)
        self.caller_bar.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.ticket_intake.message.connect(lambda m: self.statusBar().showMessage(m, 8000))

    def new_case(self) -> None:
        self.tabs.setCurrentWidget(self.intake)
        self.intake.new_case()

    def find_cases(self) -> None:
        self.tabs.setCurrentWidget(self.cases)
        self.cases.focus_search()

    def show_drafts(self) -> None:
        self.tabs.setCurrentWidget(self.cases)
        self.cases.show_status("draft")

    def open_case(self, case_uuid: str) -> None:
        self.tabs.setCurrentWidget(self.intake)
        self.intake.resume(case_uuid)

    def seed_demo_if_empty(self) -> None:
        """Demo mode, first run: ~30 sample cases written in the background, then the list refreshes."""
        from ui import session as s

        ctx, actor = self.session.ctx, self.session.actor

        def job() -> int:
            return s.seed_demo_cases(ctx, actor) if s.needs_demo_cases(ctx) else 0

        def done(n: int) -> None:
            if n:
                self.statusBar().showMessage(self.tr("已生成 %n 件演示案件", "", n), 8000)
                self.cases.search()
                self.intake.refresh_drafts()

        self.tasks.run(job, write=True, on_success=done)

    def _accept(self) -> None:
        if self.tabs.currentWidget() is self.intake and self.intake.dialog is None:
            self.intake.accept_case()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.cases:
            self.cases.search()

    def _case_changed(self, view: CaseView | None) -> None:
        self.ticket_label.setText(self.tr("当前号：") + (view.ticket_no or "—" if view else "—"))

    def _sync_progress(self, state: Any) -> None:
        self.sync_label.setText(self.tr("同步：") + str(getattr(state, "label", state)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Nothing typed is lost: pending autosaves are written before the window goes."""
        try:
            self.caller_bar.stop()
            self.intake.flush()
        finally:
            self.tasks.wait()
            self.bridge.detach()
        super().closeEvent(event)
