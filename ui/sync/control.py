"""The window's sync: starts the worker (non-demo: when a platform URL and a token exist), shows its state,
opens the problems dialog, re-login, and announces case updates the clerk must act on.

Demo mode: ``ui.session.start_demo_server`` creates the demo user on the embedded server, logs in
and starts the worker (``session.sync_worker``); this class only shows and stops it.
"""

from __future__ import annotations

from typing import Any

from ui.qt import QInputDialog, QLineEdit, QObject, Qt, Signal
from ui.sync import runner
from ui.sync.indicator import SyncIndicator
from ui.sync.notify import CaseNotices
from ui.sync.problems import ProblemsDialog
from ui.tasks import Tasks


class SyncControl(QObject):
    """Owns the status-bar indicator, the notices and (non-demo) the session's SyncWorker.

    Signals:
        started(): a worker was started here.
        problems_opened(object): the ProblemsDialog just shown.
    """

    started = Signal()
    problems_opened = Signal(object)

    def __init__(self, window: Any, session: Any, tasks: Tasks, bridge: Any) -> None:
        super().__init__(window)
        self.window, self.session, self.tasks = window, session, tasks
        self.indicator = SyncIndicator(tasks, window)
        self.notices = CaseNotices(session.ctx, tasks, window.centralWidget())
        self.problems: ProblemsDialog | None = None
        bridge.sync_progress.connect(self.indicator.show_state)
        bridge.case_updated.connect(self.notices.on_case_updated)
        self.indicator.sync_now.connect(self.wake)
        self.indicator.problems_requested.connect(self.open_problems)
        self.indicator.login_requested.connect(self.relogin)
        if session.sync_worker is not None:
            self.indicator.show_state(session.sync_worker.state())

    @property
    def worker(self) -> Any:
        return self.session.sync_worker

    def start_if_configured(self) -> None:
        """Non-demo: checks (in a task) for a platform URL and a stored token, then starts the worker."""
        if self.session.demo or self.worker is not None:
            return
        ctx = self.session.ctx
        self.tasks.run(lambda: runner.configured(ctx), on_success=lambda ok: self._start() if ok else None,
                       on_failure=lambda _e: None)

    def _start(self) -> None:
        if self.worker is not None:
            return
        self.session.sync_worker = runner.start_worker(self.session.ctx)
        self.indicator.show_state(self.worker.state())
        self.started.emit()

    def wake(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def open_problems(self) -> ProblemsDialog:
        if self.problems is None:
            session = self.session
            self.problems = ProblemsDialog(lambda: runner.engine_of(session), self.tasks, session.actor.username,
                                           wake=self.wake, parent=self.window)
            self.problems.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.problems.finished.connect(lambda _r: setattr(self, "problems", None))
        self.problems.show()
        self.problems_opened.emit(self.problems)
        return self.problems

    def relogin(self) -> None:
        """Asks for the platform password of the last username and logs in again (token → keyring)."""
        from clerk.sync import current_username, login

        ctx = self.session.ctx
        user = current_username(ctx) or self.session.actor.username
        password, ok = QInputDialog.getText(self.window, self.tr("登录政务服务平台"),
                                            self.tr("用户 %1 的平台密码：").replace("%1", user),
                                            QLineEdit.EchoMode.Password)
        if not ok or not password:
            return
        url = ctx.settings.platform_url

        def done(_: object) -> None:
            if self.worker is None:
                self._start()
            self.wake()

        self.tasks.run(lambda: login(ctx, url, user, password), on_success=done,
                       on_failure=lambda e: self.window.statusBar().showMessage(self.tr("登录失败：") + str(e), 10000))

    def stop(self) -> None:
        """Stops the worker (the window is closing); the session's close would do it too."""
        if self.worker is not None:
            self.worker.stop()
