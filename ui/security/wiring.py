"""Puts the security features into the main window: the 操作员 menu (lock, switch, audit log), the
idle lock, reveal on the case list, role-dependent menu items and the exit warning."""

from __future__ import annotations

from typing import Any

from ui.qt import QAction, QKeySequence, QObject, Signal


class SecurityControls(QObject):
    """What ``MainWindow`` gets from ``install(window, session)``.

    Signals:
        actor_changed(object): another operator took over the window (切换操作员).
    """

    actor_changed = Signal(object)

    def __init__(self, window: Any, session: Any) -> None:
        super().__init__(window)
        from ui.security.idle_lock import IdleGuard
        from ui.security.reveal import CaseListReveal

        self.window, self.session = window, session
        self.audit_dialog: Any = None
        self.switch_dialog: Any = None
        self._closing = False
        self.guard = IdleGuard(window, session.ctx, session.actor, window.tasks)
        self.guard.unlocked.connect(self._unlocked)
        self.reveal = CaseListReveal(window.cases, session.ctx, lambda: self.session.actor)
        menu = window.menuBar().addMenu(self.tr("操作员"))
        menu.setObjectName("operatorMenu")
        self.menu = menu
        self.lock_action = self._add(menu, self.tr("锁屏"), "Ctrl+L", self.guard.lock)
        self.switch_action = self._add(menu, self.tr("切换操作员…"), None, self.switch_operator)
        menu.addSeparator()
        self.audit_action = self._add(menu, self.tr("审计日志…"), None, self.open_audit)
        self.apply_roles()

    def _add(self, menu: Any, text: str, keys: str | None, slot: Any) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def apply_roles(self) -> None:
        """Shows what the operator's role allows: the audit log for supervisors (SUPERVISE) only."""
        from clerk.security.actor import Permission

        supervisor = self.session.actor.can(Permission.SUPERVISE)
        self.audit_action.setVisible(supervisor)
        self.audit_action.setEnabled(supervisor)

    def open_audit(self) -> Any:
        """The audit screen for a supervisor; a clerk is told why not (the service refuses anyway)."""
        from clerk.security.actor import Permission, PermissionDenied

        actor = self.session.actor
        if not actor.can(Permission.SUPERVISE):
            self.window.statusBar().showMessage(str(PermissionDenied(actor, Permission.SUPERVISE)), 10000)
            return None
        from ui.security.audit_view import AuditDialog

        if self.audit_dialog is not None:
            self.audit_dialog.close()
        self.audit_dialog = AuditDialog(self.session.ctx, actor, self.window)
        self.audit_dialog.show()
        return self.audit_dialog

    def switch_operator(self) -> Any:
        """切换操作员: the new operator logs in; the window (and what is typed in it) stays."""
        from ui.security.login import LoginDialog

        self.switch_dialog = LoginDialog(self.session.ctx, self.window, switch_from=self.session.actor)
        self.switch_dialog.logged_in.connect(lambda r: self.set_actor(r.actor))
        self.switch_dialog.open()
        return self.switch_dialog

    def set_actor(self, actor: Any) -> None:
        self.session.actor = actor
        if getattr(self.window, "intake", None) is not None:
            self.window.intake.actor = actor
        self.guard.set_actor(actor)
        label = self.window.tr("操作员：%1 · 窗口 %2").replace("%1", actor.display_name or actor.username)
        self.window.operator_label.setText(label.replace("%2", actor.window))
        self.apply_roles()
        if self.audit_dialog is not None and not self.apply_audit_allowed():
            self.audit_dialog.close()
            self.audit_dialog = None
        self.window.statusBar().showMessage(self.tr("已切换操作员：") + (actor.display_name or actor.username), 8000)
        self.actor_changed.emit(actor)

    def apply_audit_allowed(self) -> bool:
        from clerk.security.actor import Permission

        return self.session.actor.can(Permission.SUPERVISE)

    def _unlocked(self, who: Any) -> None:
        if who.username != self.session.actor.username:
            self.window.statusBar().showMessage(self.tr("已由 %1 解锁").replace("%1", who.display_name or who.username), 8000)

    def before_close(self) -> Any:
        """Stops the idle lock; after a real login, warns about unsynced cases (non-blocking)."""
        self.guard.stop()
        if self._closing:  # close() twice (e.g. the window was already hidden): warn once
            return None
        self._closing = True
        if self.audit_dialog is not None:
            self.audit_dialog.close()
        if getattr(self.session, "logged_in", False):
            from ui.security.startup import exit_warning

            return exit_warning(None, self.session.ctx)
        return None


def install(window: Any, session: Any) -> SecurityControls:
    return SecurityControls(window, session)
