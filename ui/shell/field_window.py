"""The field-mode window (上门办理工作台): the ``Shell`` of the field laptop.

The intake screen (installed with the field's accept rule, without the bundle picker and the scanning
controls), the field panel left of it, and printing; the same features as the window mode's, composed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QFrame, QHBoxLayout, QLabel, QSplitter, Qt, QVBoxLayout, QWidget
from ui.shell.base import ShellWindow
from ui.widgets.styles import FOLLOWUP

if TYPE_CHECKING:
    from ui.shell.session import Session

STYLE = FOLLOWUP + """
QFrame#fieldHeader { background: #1f4e8c; }
QLabel#fieldTitle { color: #ffffff; font-size: 20px; font-weight: bold; }
QLabel#fieldOperator { color: #d9e2ec; font-size: 14px; }
QLabel#netOnline { color: #ffffff; background: #1b8a4a; border-radius: 10px; padding: 3px 12px; font-weight: bold; }
QLabel#netOffline { color: #ffffff; background: #7b8794; border-radius: 10px; padding: 3px 12px; font-weight: bold; }
QFrame#fieldHeader QPushButton { background: #ffffff; color: #1f4e8c; border: none; border-radius: 4px; padding: 6px 14px;
                                 font-weight: bold; }
QListWidget#visitList::item { padding: 6px 4px; border-bottom: 1px solid #e4e7eb; color: #102a43; }
QListWidget#visitList::item:selected { background: #dbe8f7; color: #102a43; border-left: 4px solid #1f4e8c; }
"""


class FieldWindow(ShellWindow):
    """上门办理工作台; implements ``ui.shell.Shell``."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, probe: bool = True) -> None:
        super().__init__(parent)
        from ui import devices, field, intake, printing

        self.session = session
        self.setWindowTitle(self.tr("上门办理工作台") + f" — {session.ctx.settings.hall.name}")
        self.setStyleSheet(STYLE)
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(1600, room.width()) if room else 1600, min(1000, room.height()) if room else 1000)
        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header())
        self.split = QSplitter(Qt.Orientation.Horizontal, central)
        self.split.setChildrenCollapsible(False)
        root.addWidget(self.split, 1)
        self.setCentralWidget(central)
        self.statusBar()
        self.install(intake.install, accept_rule=field.accept_visit, scanning=False, picker=False)
        self.install(field.install, probe=probe)
        self.install(printing.install)
        self.install(devices.install)  # the card reader (F4) and the device panel on the field laptop too
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([380, 1220])

    def _header(self) -> QWidget:
        head = QFrame(self)
        head.setObjectName("fieldHeader")
        h = QHBoxLayout(head)
        h.setContentsMargins(16, 8, 16, 8)
        title = QLabel(self.tr("上门办理"), head)
        title.setObjectName("fieldTitle")
        h.addWidget(title)
        self.operator_label = QLabel(head)
        self.operator_label.setObjectName("fieldOperator")
        h.addWidget(self.operator_label, 1)
        self._header_layout = h
        self.show_operator()
        return head

    def show_operator(self) -> None:
        actor = self.actor
        self.operator_label.setText(self.tr("工作人员：") + (actor.display_name or actor.username))

    # -- Shell: the layout ----------------------------------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> None:
        self.split.addWidget(widget)  # one page: the intake screen

    def show_tab(self, widget: QWidget) -> None:
        pass  # the page is always shown

    def current_tab(self) -> QWidget | None:
        return self.split.widget(self.split.count() - 1) if self.split.count() else None

    def add_header_widget(self, widget: QWidget) -> None:
        self._header_layout.addWidget(widget)

    def add_side_panel(self, widget: QWidget) -> None:
        self.split.insertWidget(0, widget)
