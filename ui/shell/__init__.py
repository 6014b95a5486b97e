"""The shell: the one typed thing a feature is installed into (``Shell``), and the windows that are one.

A feature package (``ui/intake``, ``ui/cases`` …) exposes ``install(shell: Shell) -> object``; the
returned object is the feature (kept by the shell, found by tests with ``shell.feature(Type)``).
Through the shell a feature reaches the data dir's services (``ctx``), the window's threads
(``tasks``, for ``ui.ops``), the events (``events``, for ``ui.events``), the operator now at the window
(``actor``, read when an op starts; ``actor_changed`` when another operator takes over) and the
window's chrome (tabs, menus, actions, the status bar, the header, the scan target). Never another
feature, never the window's own attributes. ``docs/architecture.md`` tells the whole story.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from clerk.context import AppContext
    from clerk.events import EventBus
    from clerk.intake.service import CaseSummary
    from clerk.security.actor import Actor
    from ui.ops import TaskManager
    from ui.qt import QAction, QMainWindow, QMenu, QWidget, SignalInstance

T = TypeVar("T")

CaseMenu = Callable[["CaseSummary", "QMenu"], None]
"""``fill(case, menu)``: entries for one case (a row of the case list) in its right-click menu."""


class Shell(Protocol):
    """What a feature may use of the window it is installed into.

    Signals (on the implementing QObject):
        actor_changed(object): another operator took over the window (切换操作员); the new Actor.
        tab_shown(object): the widget of the tab the clerk just switched to.
        scan_target_changed(object): the widget that now takes scanned codes as typing, or None.
    """

    @property
    def ctx(self) -> AppContext: ...

    @property
    def tasks(self) -> TaskManager: ...

    @property
    def events(self) -> EventBus: ...

    @property
    def actor(self) -> Actor: ...

    @property
    def demo(self) -> bool: ...

    @property
    def logged_in(self) -> bool:
        """True once an operator logged in through the login dialog (not in demo mode)."""
        ...

    @property
    def window_code(self) -> str:
        """The hall window this workstation serves (W03): the operator's, else the settings'."""
        ...

    @property
    def widget(self) -> QMainWindow:
        """The top-level window: the parent of dialogs, what the idle lock covers."""
        ...

    actor_changed: SignalInstance
    tab_shown: SignalInstance
    scan_target_changed: SignalInstance

    def set_actor(self, actor: Actor) -> None:
        """Another operator works at this window from now on (the window and what is typed stay)."""
        ...

    def add_tab(self, widget: QWidget, title: str) -> None: ...

    def show_tab(self, widget: QWidget) -> None: ...

    def current_tab(self) -> QWidget | None: ...

    def add_menu(self, title: str, name: str = "") -> QMenu: ...

    def add_action(self, text: str, keys: list[str], slot: Callable[[], object], *,
                   menu: QMenu | None = None) -> QAction:
        """A window-wide action with its shortcuts (Ctrl+N, F2 …), in ``menu`` when one is given."""
        ...

    def add_header_widget(self, widget: QWidget) -> None:
        """A widget in the header bar, right of the hall's name (the caller bar)."""
        ...

    def add_status_widget(self, widget: QWidget, *, first: bool = False) -> None:
        """A permanent widget in the status bar (``first``: leftmost of them)."""
        ...

    def add_side_panel(self, widget: QWidget) -> None:
        """A panel left of the pages (the field laptop's visit list)."""
        ...

    def status(self, text: str, timeout_ms: int = 8000) -> None:
        """A notice in the status bar (``ui.messages.info`` on this window)."""
        ...

    def overlay_host(self) -> QWidget:
        """The widget notices float over (the pages' area, below the header)."""
        ...

    @property
    def scan_target(self) -> QWidget | None:
        """The widget that takes scanned barcodes as typing (the hand-out lookup), or None: a scan then
        opens the case it names (``ui/materials``' barcode wedge)."""
        ...

    def set_scan_target(self, widget: QWidget | None) -> None: ...

    def add_case_menu(self, fill: CaseMenu) -> None:
        """``fill(case, menu)`` adds entries for a case to the case list's right-click menu (print, reveal …)."""
        ...

    def case_menus(self) -> list[CaseMenu]:
        """What the installed features add to a case's menu (the case list calls each)."""
        ...

    def on_close(self, fn: Callable[[], object]) -> None:
        """``fn`` runs when the window closes, before its background work is waited for (in install order)."""
        ...

    def feature(self, kind: type[T]) -> T:
        """The installed feature of type ``kind`` (for tests and scripts; features never call it)."""
        ...


Installer = Callable[[Shell], object]
"""``install(shell) -> feature``: what every feature package exposes."""
