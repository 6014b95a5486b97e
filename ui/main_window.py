"""The window-mode main window: header (hall, window, caller seam), intake and case-list tabs, status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.qt import (
    QAction,
    QCloseEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMainWindow,
    QPushButton,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tasks import Tasks

if TYPE_CHECKING:  # the window shows before clerk/ is imported (see main.py)
    from clerk.intake.model import CaseView
    from ui.session import Session


class MainWindow(QMainWindow):
    """综合窗口受理工作台 (window mode).

    Signals:
        call_next_requested(): F2; the queue component (clerk/queueing) plugs in here.
    """

    call_next_requested = Signal()

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        """Shows at once; the pages are built by ``set_session`` when the data dir is open."""
        super().__init__(parent)
        self.session: Session | None = None
        self.tasks = Tasks(self)
        self.bridge: Any = None
        self.setWindowTitle(self.tr("综合窗口受理工作台"))
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
        self.loading = QLabel(self.tr("正在打开本地数据…"), self.tabs)
        self.loading.setObjectName("emptyHint")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.loading, self.tr("综合受理"))
        v.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.sync_label = QLabel(self.tr("同步：未接入"), self)
        self.sync_label.setObjectName("syncLabel")
        self.sync_label.setToolTip(self.tr("与政务服务平台的同步状态（同步组件接入后显示）"))
        self.operator_label = QLabel(self)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.operator_label)
        self.tasks.failed.connect(lambda m: bar.showMessage(self.tr("操作失败：") + m, 10000))
        if session is not None:
            self.set_session(session)

    def set_session(self, session: Session) -> None:
        """Builds the intake and case-list pages over the opened AppContext and the logged-in actor."""
        from ui.bridge import EventBridge
        from ui.cases.case_list import CaseListPage
        from ui.intake.page import IntakePage

        self.session = session
        ctx, actor = session.ctx, session.actor
        self.bridge = EventBridge(ctx.events, self)
        self.setWindowTitle(self.tr("综合窗口受理工作台") + f" — {ctx.settings.hall.name}")
        self.hall_label.setText(ctx.settings.hall.name)
        self.demo_label.setVisible(session.demo)
        self.intake = IntakePage(ctx, actor, self.tasks, self.tabs)
        self.cases = CaseListPage(ctx, self.tasks, self.tabs)
        self.tabs.removeTab(0)
        self.loading.deleteLater()
        self.tabs.addTab(self.intake, self.tr("综合受理"))
        self.tabs.addTab(self.cases, self.tr("案件查询"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._add_caller_bar(session)
        bar = self.statusBar()
        self.operator_label.setText(self.tr("操作员：%1 · 窗口 %2").replace("%1", actor.display_name or actor.username)
                                    .replace("%2", actor.window))
        self.intake.message.connect(lambda m: bar.showMessage(m, 8000))
        self.intake.finished.connect(lambda _u: self.cases.search())
        self.intake.show_drafts.connect(self.show_drafts)
        self.intake.case_changed.connect(self._case_changed)
        self.cases.open_requested.connect(self.open_case)
        from ui.followup.wiring import FollowupWiring

        self.followup = FollowupWiring(self, session)  # 出件 and 补正/容缺 tabs; 一键评价 after each outcome
        self.bridge.sync_progress.connect(self._sync_progress)
        self._actions()
        from ui.materials.controller import MaterialsController

        self.materials_ui = MaterialsController(self, session)  # thumbnails, page viewer, scanning, scan inbox, barcode wedge
        from ui.security.wiring import install as install_security

        self.security = install_security(self, session)  # 操作员 menu, idle lock, reveal, audit log
        from ui.printing.window import install_printing
        from ui.sync.window import install_sync

        self.print_badge, self.case_print_menu = install_printing(self)  # print-queue badge, case print menu
        self.sync = install_sync(self)  # sync indicator, problems dialog, case-update notices
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
        self.hall_label = QLabel(head)
        self.hall_label.setObjectName("hallName")
        h.addWidget(self.hall_label, 1)
        self.demo_label = QLabel(self.tr("演示模式"), head)
        self.demo_label.setObjectName("demoBadge")
        self.demo_label.hide()
        h.addWidget(self.demo_label)
        # The caller bar: the queue component (叫号) puts the current ticket here and answers F2.
        self.ticket_label = QLabel(self.tr("当前号：—"), head)
        self.ticket_label.setObjectName("ticketLabel")
        h.addWidget(self.ticket_label)
        self.call_button = QPushButton(self.tr("叫下一位 (F2)"), head)
        self.call_button.setObjectName("callButton")
        self.call_button.setToolTip(self.tr("排队叫号组件尚未接入"))
        self.call_button.setEnabled(False)
        h.addWidget(self.call_button)
        self._header_layout = h
        return head

    def _add_caller_bar(self, session: Session) -> None:
        """The queue component's caller bar takes the seam's place (ui/queue/caller_bar.py)."""
        from ui.queue.caller_bar import CallerBar
        from ui.queue.common import HallAccess

        self.ticket_label.hide()
        self.call_button.hide()
        head = self.ticket_label.parentWidget()
        self.caller_bar = CallerBar(HallAccess.for_session(session), session.actor.window
                                    or session.ctx.settings.window, self.tasks, session.ctx.events, head)
        self._header_layout.addWidget(self.caller_bar)

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

        assert self.session is not None
        ctx, actor = self.session.ctx, self.session.actor

        def job() -> int:
            return s.seed_demo_cases(ctx, actor) if s.needs_demo_cases(ctx) else 0

        def done(n: int) -> None:
            if n:
                self.statusBar().showMessage(self.tr("已生成 %n 件演示案件", "", n), 8000)
                self.cases.search()
                self.intake.refresh_drafts()

        self.tasks.run(job, write=True, on_success=done)

    def _accept(self) -> None:  # Ctrl+Enter
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
            if self.session is not None:
                self.caller_bar.stop()
                self.intake.flush()
                self.security.before_close()  # the unsynced-cases warning (non-blocking)
        finally:
            if getattr(self, "sync", None) is not None:
                self.sync.stop()
            self.tasks.wait()
            if self.bridge is not None:
                self.bridge.detach()
        super().closeEvent(event)
