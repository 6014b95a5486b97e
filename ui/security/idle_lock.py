"""The idle lock (锁屏): input resets the timer; when it runs out an opaque overlay covers the main
window (the form underneath stays as it was) until the operator or a supervisor types a password."""

from __future__ import annotations

from typing import Any

from ui import messages
from ui.ops import Op
from ui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.shell import Shell

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})
POLL_MS = 1000
DEMO_PASSWORD = "demo"
"""The demo operator's password (``ui/shell/demo.py``): it unlocks a demo window locked with Ctrl+L."""


class LockOverlay(QFrame):
    """The opaque cover with the locked operator's name, a username (for a supervisor) and a password.

    Signals:
        unlock_requested(str, str): username, password.
    """

    unlock_requested = Signal(str, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockOverlay { background: #1f2d3d; }"
                           "#lockCard { background: #ffffff; border-radius: 10px; }"
                           "#lockTitle { font-size: 20pt; font-weight: bold; color: #1f2d3d; }"
                           "#lockError { color: #c0392b; font-weight: bold; }")
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame(self)
        card.setObjectName("lockCard")
        card.setFixedWidth(440)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(32, 28, 32, 28)
        lay.setSpacing(12)
        title = QLabel(self.tr("屏幕已锁定"), card)
        title.setObjectName("lockTitle")
        lay.addWidget(title)
        self.who = QLabel(card)
        self.who.setObjectName("lockOperator")
        self.who.setWordWrap(True)
        lay.addWidget(self.who)
        hint = QLabel(self.tr("本人或大厅管理人员输入密码解锁；表单内容保持不变。"), card)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6573;")
        lay.addWidget(hint)
        self.username = QLineEdit(card)
        self.username.setObjectName("lockUsername")
        self.username.setPlaceholderText(self.tr("用户名"))
        self.password = QLineEdit(card)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        for w in (self.username, self.password):
            w.setMinimumHeight(34)
            w.returnPressed.connect(self._submit)
            lay.addWidget(w)
        self.error = QLabel(card)
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.unlock_button = QPushButton(self.tr("解锁"), card)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setMinimumHeight(36)
        from ui.security.login import PRIMARY

        self.unlock_button.setStyleSheet(PRIMARY)
        self.unlock_button.clicked.connect(self._submit)
        lay.addWidget(self.unlock_button)
        outer.addWidget(card)
        self.hide()

    def show_for(self, actor: Any) -> None:
        self.who.setText(self.tr("操作员：") + f"{actor.display_name or actor.username}（{actor.username}）")
        self.username.setText(actor.username)
        self.password.clear()
        self.error.hide()
        self.unlock_button.setEnabled(True)
        host = self.parentWidget()
        if host is not None:
            self.setGeometry(host.rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()

    def _submit(self) -> None:
        if self.unlock_button.isEnabled():
            self.unlock_button.setEnabled(False)
            self.unlock_requested.emit(self.username.text().strip(), self.password.text())


class IdleGuard(QObject):
    """Watches the application's input, locks ``window`` after ``settings.idle_lock_minutes``.

    While locked, the window's central widget, menus and shortcuts are disabled (nothing typed
    reaches the form) and the overlay covers everything. In demo mode nothing locks by itself (the
    demo operator has no stored password); Ctrl+L still locks, and the demo password unlocks.

    Signals:
        locked(): the overlay went up.
        unlocked(object): the Actor who unlocked (the locked operator or a supervisor).
    """

    locked = Signal()
    unlocked = Signal(object)

    def __init__(self, shell: Shell) -> None:
        window = shell.widget
        super().__init__(window)
        from clerk.security.operators import IdleLock

        self.window, self.ctx = window, shell.ctx
        self.demo = shell.demo
        self.idle = IdleLock(shell.actor, self.ctx.settings.idle_lock_minutes)
        shell.actor_changed.connect(self.set_actor)
        self.overlay = LockOverlay(window)
        self.overlay.unlock_requested.connect(self._unlock)
        self._disabled: list[Any] = []
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        if not self.demo:
            self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.overlay.isVisible()

    def set_actor(self, actor: Any) -> None:
        """After an operator switch: the new operator's timer (and name on the overlay)."""
        from clerk.security.operators import IdleLock

        self.idle = IdleLock(actor, self.ctx.settings.idle_lock_minutes)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize and self.overlay.isVisible():
            self.overlay.setGeometry(self.window.rect())
        elif kind in INPUT_EVENTS and not self.overlay.isVisible():
            self.idle.touch()
        return False

    def check(self) -> None:
        if self.demo:  # the demo never locks by itself (Ctrl+L still does)
            return
        if not self.overlay.isVisible() and self.idle.is_locked():
            self._cover()

    def lock(self) -> None:
        """Locks now (Ctrl+L)."""
        if not self.overlay.isVisible():
            self.idle.lock()
            self._cover()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _cover(self) -> None:
        from clerk.security import audit

        actor, store = self.idle.actor, self.ctx.store
        self._disabled = [w for w in (self.window.centralWidget(), self.window.menuBar()) if w is not None and w.isEnabled()]
        self._disabled += [a for a in self.window.actions() if a.isEnabled()]
        for w in self._disabled:
            w.setEnabled(False)
        self.overlay.show_for(actor)
        if self.demo:
            self.overlay.error.setText(self.tr("演示模式：密码是 %1").replace("%1", DEMO_PASSWORD))
            self.overlay.error.setStyleSheet("color: #486581; font-weight: normal;")
            self.overlay.error.show()
        Op(self, lambda: audit.record(store, actor, audit.AuditAction.LOCK)).run_in_background()
        self.locked.emit()

    def _unlock(self, username: str, password: str) -> None:
        if self.demo and username == self.idle.actor.username:
            if password == DEMO_PASSWORD:
                self.idle.release()
                self._uncover(self.idle.actor)
            else:
                self.overlay.show_error(self.tr("密码不对（演示模式的密码是 %1）").replace("%1", DEMO_PASSWORD))
            return
        idle, service = self.idle, self.ctx.operators()
        Op(self, lambda: idle.unlock(service, username, password)).success(self._uncover).failure(self._refused).run_in_background()

    def _refused(self, exc: BaseException) -> None:
        from clerk.security.operators import LoginError

        text = messages.describe(exc)
        self.overlay.show_error(text if isinstance(exc, LoginError) else self.tr("解锁失败：") + text)

    def _uncover(self, who: Any) -> None:
        for w in self._disabled:
            w.setEnabled(True)
        self._disabled = []
        self.overlay.hide()
        self.unlocked.emit(who)
