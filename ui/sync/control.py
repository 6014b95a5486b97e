"""The window's sync: starts the worker (non-demo: when a platform URL and a token exist), shows its state,
opens the problems dialog, re-login, and announces case updates the clerk must act on.

The worker and the engine belong to the AppContext (``ctx.start_sync``, ``ctx.sync_engine()``: one per
data dir); in demo mode the demo's start-up starts it (``ui/shell/demo.py``) and this only shows it.
"""

from __future__ import annotations

import logging

from clerk.events import CaseUpdated, SyncProgress
from clerk.sync.worker import SyncWorker
from ui import messages
from ui.events import EventListener
from ui.ops import Query
from ui.qt import QInputDialog, QLineEdit, QObject, Qt, Signal
from ui.shell import Shell
from ui.sync.indicator import SyncIndicator
from ui.sync.notify import CaseNotices
from ui.sync.problems import ProblemsDialog

log = logging.getLogger(__name__)


def configured(ctx: object) -> bool:
    """A platform URL is set and the keyring holds a token of the last logged-in username."""
    from clerk.security import credentials
    from clerk.sync import current_username

    url = ctx.settings.platform_url  # type: ignore[attr-defined]
    user = current_username(ctx) if url else None  # type: ignore[arg-type]
    try:
        return bool(url and user and credentials.get_stored(url, user) is not None)
    except Exception as exc:  # no keychain: sync stays off, the clerk works offline  # noqa: BLE001
        log.warning("sync not started: %s", exc)
        return False


class SyncControl(EventListener, QObject):
    """Owns the status-bar indicator and the notices; starts and stops the context's SyncWorker.

    Signals:
        started(): a worker was started here.
        problems_opened(object): the ProblemsDialog just shown.
    """

    started = Signal()
    problems_opened = Signal(object)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.indicator = SyncIndicator(shell.widget)
        self.notices = CaseNotices(shell.ctx, shell.overlay_host())
        self.problems: ProblemsDialog | None = None
        self.indicator.sync_now.connect(self.wake)
        self.indicator.problems_requested.connect(self.open_problems)
        self.indicator.login_requested.connect(self.relogin)
        shell.add_status_widget(self.indicator, first=True)
        shell.on_close(self.stop)
        if self.worker is not None:
            self.indicator.show_state(self.worker.state())
        self.listen(shell.events)

    def on_event_sync_progress(self, event: SyncProgress) -> None:
        self.indicator.show_state(event.state)

    def on_event_case_updated(self, event: CaseUpdated) -> None:
        self.notices.on_case_updated(event.case_uuid, event.status, event.note)

    @property
    def worker(self) -> SyncWorker | None:
        return self.shell.ctx.sync_worker

    def start_if_configured(self) -> None:
        """Non-demo: checks (in a query) for a platform URL and a stored token, then starts the worker."""
        if self.shell.demo or self.worker is not None:
            return
        ctx = self.shell.ctx
        Query(self, lambda: configured(ctx)).success(lambda ok: self._start() if ok else None) \
            .failure(lambda _e: None).run_in_background()

    def _start(self) -> None:
        if self.shell.ctx.sync_worker is not None:
            return
        worker = self.shell.ctx.start_sync()
        self.indicator.show_state(worker.state())
        self.started.emit()

    def wake(self) -> None:
        worker = self.shell.ctx.sync_worker
        if worker is not None:
            worker.wake()

    def open_problems(self) -> ProblemsDialog:
        if self.problems is None:
            shell = self.shell
            self.problems = ProblemsDialog(shell.ctx.sync_engine, lambda: shell.actor.username, wake=self.wake,
                                           parent=shell.widget)
            self.problems.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.problems.finished.connect(lambda _r: setattr(self, "problems", None))
        self.problems.show()
        self.problems_opened.emit(self.problems)
        return self.problems

    def relogin(self) -> None:
        """Asks for the platform password of the last username and logs in again (token → keyring)."""
        from clerk.sync import current_username, login

        ctx, widget = self.shell.ctx, self.shell.widget
        user = current_username(ctx) or self.shell.actor.username
        password, ok = QInputDialog.getText(widget, self.tr("登录政务服务平台"),
                                            self.tr("用户 %1 的平台密码：").replace("%1", user),
                                            QLineEdit.EchoMode.Password)
        if not ok or not password:
            return
        url = ctx.settings.platform_url

        def done(_: object) -> None:
            if ctx.sync_worker is None:
                self._start()
            self.wake()

        Query(self, lambda: login(ctx, url, user, password)).success(done) \
            .failure(lambda e: messages.error(widget, e, prefix=self.tr("登录失败："))).run_in_background()

    def stop(self) -> None:
        """Stops the worker (the window is closing); closing the context would do it too."""
        self.shell.ctx.stop_sync()

