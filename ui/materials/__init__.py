"""The material devices of the desk: the keyboard-wedge barcode scanner and the scan-to-folder inbox.

``install(shell)`` puts the wedge on the application: a scanned case (or material) barcode opens the
case from any screen — an editable one at the intake screen (``OpenCaseRequested``, the material
selected), any other in the case list (``ShowCasesRequested``) — unless a screen is the shell's scan
target (the 出件 lookup), which then gets the code as typing. The inbox of ``settings.scan_inbox`` is
watched by the AppContext (``ctx.start_inbox``); the intake screen offers each new file there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui import labels, messages
from ui.events import OpenCaseRequested, ShowCaseRequested, ShowCasesRequested
from ui.materials.wedge import WedgeFilter, parse_code
from ui.ops import Query
from ui.qt import QApplication, QObject, Signal
from ui.shell import Shell

__all__ = ["MaterialsFeature", "install", "parse_code"]

EDITABLE = ("draft", "notified")


class MaterialsFeature(QObject):
    """The wedge and the inbox of one window.

    Signals:
        case_opened(str): a case number the wedge opened (at the intake screen or in the case list).
    """

    case_opened = Signal(str)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.wedge = WedgeFilter(self, active=lambda: shell.scan_target is None)
        self.wedge.scanned.connect(self.open_code)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
        shell.on_close(self.shutdown)
        folder = shell.ctx.settings.scan_inbox
        if folder:
            self.start_inbox(Path(folder).expanduser())

    def start_inbox(self, folder: Path) -> None:
        """Watches ``folder`` for files a network scanner drops (the intake screen offers each one)."""
        try:
            self.shell.ctx.start_inbox(folder)
        except OSError as exc:
            messages.info(self.shell.widget, self.tr("扫描文件夹 %1 无法使用：").replace("%1", str(folder))
                          + messages.describe(exc))

    def shutdown(self) -> None:
        """The window is closing: the wedge lets go of the application, the inbox is no longer watched."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
        self.shell.ctx.stop_inbox()

    def open_code(self, case_no: str, material: str = "") -> None:
        """Opens the scanned case from any screen: editable ones at the intake, others in the case list."""
        where = self.shell.widget
        if QApplication.activeModalWidget() is not None:
            messages.info(where, self.tr("请先关闭当前对话框，再扫描案件条码"))
            return
        intake = self.shell.ctx.intake
        Query(self, lambda: intake.get_by_no(case_no)).success(lambda v: self._open(v, material)) \
            .failure(lambda _exc: messages.info(where, self.tr("没有找到案件 %1").replace("%1", case_no))) \
            .run_in_background()

    def _open(self, view: Any, material: str) -> None:
        where, events = self.shell.widget, self.shell.events
        if view.status.value in EDITABLE:
            events.publish(OpenCaseRequested(view.case_uuid, material))
            messages.info(where, self.tr("已打开案件 %1").replace("%1", view.case_no))
        else:
            events.publish(ShowCasesRequested(text=view.case_no))
            events.publish(ShowCaseRequested(view.case_uuid))
            messages.info(where, self.tr("案件 %1 已%2，已打开案件详情").replace("%1", view.case_no)
                          .replace("%2", labels.case_status(view.status)))
        self.case_opened.emit(view.case_no)


def install(shell: Shell) -> MaterialsFeature:
    return MaterialsFeature(shell)
