"""The window-mode main window: header, pages, status bar — the ``Shell`` every feature is installed into.

It knows the features only as the list ``FEATURES`` of packages whose ``install(shell)`` it calls once
the data dir is open (``set_session``); what each installs (tabs, actions, menus, header and status
widgets) it does through the ``Shell`` methods (``ui/shell/base.py`` and the layout ones here).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ui.qt import QFrame, QHBoxLayout, QLabel, Qt, QTabWidget, QVBoxLayout, QWidget
from ui.shell.base import ShellWindow

if TYPE_CHECKING:  # the window shows before clerk/ is imported (see main.py)
    from ui.shell.session import Session

FEATURES: tuple[str, ...] = (
    "ui.intake", "ui.cases", "ui.followup", "ui.materials", "ui.queue", "ui.security", "ui.printing", "ui.sync",
    "ui.devices",
    "ui.loops",
)
"""The window mode's features, in the order they are installed (the tabs come in this order)."""


class MainWindow(ShellWindow):
    """综合窗口受理工作台 (window mode); implements ``ui.shell.Shell``."""

    def __init__(self, session: Session | None = None, parent: QWidget | None = None, *,
                 features: tuple[str, ...] = FEATURES) -> None:
        """Shows at once; the features are installed by ``set_session`` when the data dir is open."""
        super().__init__(parent)
        self.features = features
        self.setWindowTitle(self.tr("综合窗口受理工作台"))
        self.resize(1366, 768)
        self.setMinimumSize(1200, 700)
        central = QWidget(self)
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(self._header())
        self._body = QHBoxLayout()
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.loading = QLabel(self.tr("正在打开本地数据…"), self.tabs)
        self.loading.setObjectName("emptyHint")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.loading, self.tr("综合受理"))
        self._body.addWidget(self.tabs, 1)
        v.addLayout(self._body, 1)
        self.setCentralWidget(central)
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.operator_label = QLabel(self)
        self.operator_label.setObjectName("operatorLabel")
        bar.addPermanentWidget(self.operator_label)
        if session is not None:
            self.set_session(session)

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
        self._header_layout = h
        return head

    def set_session(self, session: Session) -> None:
        """Installs the features over the opened AppContext and the logged-in operator."""
        self.session = session
        ctx = session.ctx
        self.setWindowTitle(self.tr("综合窗口受理工作台") + f" — {ctx.settings.hall.name}")
        self.hall_label.setText(ctx.settings.hall.name)
        self.demo_label.setVisible(session.demo)
        self.tabs.removeTab(0)
        self.loading.deleteLater()
        for name in self.features:
            self.install(importlib.import_module(name).install)
        self.tabs.currentChanged.connect(lambda i: self.tab_shown.emit(self.tabs.widget(i)))
        self.show_operator()

    def show_operator(self) -> None:
        actor = self.actor
        self.operator_label.setText(self.tr("操作员：%1 · 窗口 %2").replace("%1", actor.display_name or actor.username)
                                    .replace("%2", actor.window))

    # -- Shell: the layout ----------------------------------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    def current_tab(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def add_header_widget(self, widget: QWidget) -> None:
        self._header_layout.addWidget(widget)

    def add_side_panel(self, widget: QWidget) -> None:
        self._body.insertWidget(0, widget)
