"""What every shell window shares: the session, the threads, the actor, actions, menus, the status bar,
the scan target, the case-menu entries, the closing steps and the installed features.

``MainWindow`` and ``FieldWindow`` add their own layout (tabs, header, side panel) on top of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ui import messages
from ui.ops import TaskManager
from ui.qt import QAction, QCloseEvent, QKeySequence, QMainWindow, QMenu, QWidget, Signal
from ui.shell import CaseMenu

if TYPE_CHECKING:
    from clerk.context import AppContext
    from clerk.events import EventBus
    from clerk.security.actor import Actor
    from ui.shell.session import Session

log = logging.getLogger(__name__)
T = TypeVar("T")


class ShellWindow(QMainWindow):
    """The common part of the ``ui.shell.Shell`` windows.

    Signals:
        actor_changed(object): another operator took over (the new Actor).
        tab_shown(object): the page now shown.
        scan_target_changed(object): the widget that takes scanned codes as typing, or None.
    """

    actor_changed = Signal(object)
    tab_shown = Signal(object)
    scan_target_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.tasks = TaskManager(self)
        self._installed: list[object] = []
        self._closers: list[Callable[[], object]] = []
        self._case_menus: list[CaseMenu] = []
        self._scan_target: QWidget | None = None

    def install(self, installer: Callable[..., object], **options: object) -> object:
        """Installs one feature (``installer(self, **options)``) and keeps what it returns."""
        feature = installer(self, **options)
        self._installed.append(feature)
        return feature

    # -- the session ----------------------------------------------------------------------------------------
    @property
    def ctx(self) -> AppContext:
        assert self.session is not None, "features are installed once the data dir is open"
        return self.session.ctx

    @property
    def events(self) -> EventBus:
        return self.ctx.events

    @property
    def actor(self) -> Actor:
        assert self.session is not None
        return self.session.actor

    @property
    def demo(self) -> bool:
        return bool(self.session and self.session.demo)

    @property
    def logged_in(self) -> bool:
        return bool(self.session and self.session.logged_in)

    @property
    def window_code(self) -> str:
        return self.actor.window or self.ctx.settings.window

    @property
    def widget(self) -> QMainWindow:
        return self

    def set_actor(self, actor: Actor) -> None:
        assert self.session is not None
        self.session.actor = actor
        self.show_operator()
        self.actor_changed.emit(actor)

    def show_operator(self) -> None:
        """Shows who works at the window (each window has its own label for it)."""

    # -- chrome ------------------------------------------------------------------------------------------------
    def add_menu(self, title: str, name: str = "") -> QMenu:
        menu = self.menuBar().addMenu(title)
        if name:
            menu.setObjectName(name)
        return menu

    def add_action(self, text: str, keys: list[str], slot: Callable[[], object], *,
                   menu: QMenu | None = None) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def add_status_widget(self, widget: QWidget, *, first: bool = False) -> None:
        bar = self.statusBar()
        if first:
            bar.insertPermanentWidget(0, widget)
        else:
            bar.addPermanentWidget(widget)

    def status(self, text: str, timeout_ms: int = messages.INFO_MS) -> None:
        messages.info(self, text, timeout_ms)

    def show_message(self, message: messages.Message) -> None:
        """``ui.messages``' sink: every notice and error of this window ends up in its status bar."""
        self.statusBar().showMessage(message.text, message.timeout_ms)

    def overlay_host(self) -> QWidget:
        central = self.centralWidget()
        assert central is not None
        return central

    @property
    def scan_target(self) -> QWidget | None:
        return self._scan_target

    def set_scan_target(self, widget: QWidget | None) -> None:
        if widget is not self._scan_target:
            self._scan_target = widget
            self.scan_target_changed.emit(widget)

    def add_case_menu(self, fill: CaseMenu) -> None:
        self._case_menus.append(fill)

    def case_menus(self) -> list[CaseMenu]:
        return list(self._case_menus)

    def on_close(self, fn: Callable[[], object]) -> None:
        self._closers.append(fn)

    def feature(self, kind: type[T]) -> T:
        for f in self._installed:
            if isinstance(f, kind):
                return f
        raise LookupError(f"no feature of type {kind.__name__} is installed")

    # -- closing ------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Nothing typed is lost: every feature's closing step runs (autosaves first), then the window waits
        for its background work."""
        try:
            for fn in self._closers:
                try:
                    fn()
                except Exception:  # one feature's failure must not keep the others from closing
                    log.exception("closing step failed")
        finally:
            self.tasks.wait()
        super().closeEvent(event)
