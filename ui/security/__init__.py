"""Security at the window: the 操作员 menu (lock, switch operator, audit log), the idle lock, reveal from the
case list, role-dependent menu items and the unsynced-cases warning at exit.

``install(shell)``: after 切换操作员 the new operator is the shell's actor (``shell.set_actor``); every
screen reads it when its next action starts, and this feature follows ``actor_changed`` (roles, lock).
"""

from __future__ import annotations

from typing import Any

from clerk.security.actor import Actor, Permission, PermissionDenied
from ui import messages
from ui.qt import QAction, QObject, Signal
from ui.security.idle_lock import IdleGuard
from ui.security.reveal import CaseListReveal
from ui.shell import Shell

__all__ = ["SecurityControls", "install"]


class SecurityControls(QObject):
    """What ``install(shell)`` returns.

    Signals:
        actor_changed(object): another operator took over the window (切换操作员).
    """

    actor_changed = Signal(object)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.audit_dialog: Any = None
        self.switch_dialog: Any = None
        self._closing = False
        self.guard = IdleGuard(shell)
        self.guard.unlocked.connect(self._unlocked)
        self.reveal = CaseListReveal(shell)
        menu = shell.add_menu(self.tr("操作员"), "operatorMenu")
        self.menu = menu
        self.lock_action = shell.add_action(self.tr("锁屏"), ["Ctrl+L"], self.guard.lock, menu=menu)
        self.switch_action = shell.add_action(self.tr("切换操作员…"), [], self.switch_operator, menu=menu)
        menu.addSeparator()
        self.audit_action: QAction = shell.add_action(self.tr("审计日志…"), [], self.open_audit, menu=menu)
        shell.actor_changed.connect(self._actor_changed)
        shell.on_close(self.before_close)
        self.apply_roles()

    def apply_roles(self) -> None:
        """Shows what the operator's role allows: the audit log for supervisors (SUPERVISE) only."""
        supervisor = self.shell.actor.can(Permission.SUPERVISE)
        self.audit_action.setVisible(supervisor)
        self.audit_action.setEnabled(supervisor)

    def open_audit(self) -> Any:
        """The audit screen for a supervisor; a clerk is told why not (the service refuses anyway)."""
        actor = self.shell.actor
        if not actor.can(Permission.SUPERVISE):
            messages.info(self.shell.widget, messages.describe(PermissionDenied(actor, Permission.SUPERVISE)), 10000)
            return None
        from ui.security.audit_view import AuditDialog

        if self.audit_dialog is not None:
            self.audit_dialog.close()
        self.audit_dialog = AuditDialog(self.shell.ctx, actor, self.shell.widget)
        self.audit_dialog.show()
        return self.audit_dialog

    def switch_operator(self) -> Any:
        """切换操作员: the new operator logs in; the window (and what is typed in it) stays."""
        from ui.security.login import LoginDialog

        self.switch_dialog = LoginDialog(self.shell.ctx, self.shell.widget, switch_from=self.shell.actor)
        self.switch_dialog.logged_in.connect(lambda r: self.set_actor(r.actor))
        self.switch_dialog.open()
        return self.switch_dialog

    def set_actor(self, actor: Actor) -> None:
        """Another operator works at this window from now on (the shell tells every screen)."""
        self.shell.set_actor(actor)

    def _actor_changed(self, actor: Actor) -> None:
        self.apply_roles()
        if self.audit_dialog is not None and not actor.can(Permission.SUPERVISE):
            self.audit_dialog.close()
            self.audit_dialog = None
        messages.info(self.shell.widget, self.tr("已切换操作员：") + (actor.display_name or actor.username))
        self.actor_changed.emit(actor)

    def _unlocked(self, who: Actor) -> None:
        if who.username != self.shell.actor.username:
            messages.info(self.shell.widget, self.tr("已由 %1 解锁").replace("%1", who.display_name or who.username))

    def before_close(self) -> Any:
        """Stops the idle lock; after a real login, warns about unsynced cases (non-blocking)."""
        self.guard.stop()
        if self._closing:  # close() twice (e.g. the window was already hidden): warn once
            return None
        self._closing = True
        if self.audit_dialog is not None:
            self.audit_dialog.close()
        if self.shell.logged_in:
            from ui.security.startup import exit_warning

            return exit_warning(None, self.shell.ctx)
        return None


def install(shell: Shell) -> SecurityControls:
    return SecurityControls(shell)
