"""Wires the materials widgets into the window: thumbnail strips on the cards, the page viewer, the scan
panel, the scan-to-folder banner and the barcode wedge. The intake page stays as it is; this listens to it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk.intake.model import CASE_STATUS_LABELS
from ui.materials.bridge import MaterialsBridge
from ui.materials.inbox_banner import InboxBanner
from ui.materials.scan_panel import ScanPanel
from ui.materials.thumbs import PageStrip, Thumbnails
from ui.materials.wedge import WedgeFilter
from ui.qt import QApplication, QEvent, QObject, QTimer, QWidget, Signal

if TYPE_CHECKING:
    from clerk.intake.model import CaseView
    from clerk.materials.service import PageInfo
    from ui.intake.checklist import MaterialCard
    from ui.main_window import MainWindow
    from ui.materials.viewer import PageViewer
    from ui.session import Session

log = logging.getLogger(__name__)
EDITABLE = ("draft", "notified")


class MaterialsController(QObject):
    """The materials features of one main window.

    Signals:
        message(str): a line for the status bar.
        case_opened(str): a case number the wedge opened (in the intake tab or the case list).
    """

    message = Signal(str)
    case_opened = Signal(str)

    def __init__(self, window: MainWindow, session: Session) -> None:
        super().__init__(window)
        self.window, self.ctx, self.tasks = window, session.ctx, window.tasks
        self.intake = window.intake
        self.checklist = self.intake.checklist
        self.viewer: PageViewer | None = None
        self.pages: dict[str, list[PageInfo]] = {}
        self._pending_material: str | None = None
        self._dirty: set[str] = set()
        self.bridge = MaterialsBridge(self.ctx.events, self)
        self.thumbs = Thumbnails(self.ctx.materials, self.tasks, self)

        self.scan_panel = ScanPanel(self.ctx.materials, self.tasks, parent=self.checklist)
        lay = self.checklist.layout()
        lay.insertWidget(lay.indexOf(self.checklist.scroll) + 1, self.scan_panel)
        self.banner = InboxBanner(self.intake)
        self.intake.layout().insertWidget(1, self.banner)

        self.checklist.card_added.connect(self._card_added)
        self.intake.case_changed.connect(self._case_changed)
        self.bridge.pages_changed.connect(self._pages_changed)
        self.bridge.inbox_file.connect(lambda p: self.banner.offer(Path(p)))
        self.banner.import_requested.connect(lambda code, path: self.intake.import_files(code, [path]))
        self.scan_panel.material_selected.connect(self.select)
        self.scan_panel.scanned.connect(lambda _o: self._refresh_view())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self._reload_dirty)
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.timeout.connect(self._sync_names)
        self.message.connect(lambda m: window.statusBar().showMessage(m, 8000))

        app = QApplication.instance()
        self.wedge = WedgeFilter(self)
        self.wedge.scanned.connect(self.open_code)
        if app is not None:
            app.installEventFilter(self.wedge)
            app.focusChanged.connect(self._focus_changed)
        window.installEventFilter(self)
        self.inbox: Any = None
        if self.ctx.settings.scan_inbox:
            self.start_inbox(Path(self.ctx.settings.scan_inbox).expanduser())

    # -- lifecycle -------------------------------------------------------------------------------------
    def start_inbox(self, folder: Path) -> None:
        from clerk.materials.inbox import ScanInbox

        try:
            inbox = ScanInbox(folder, events=self.ctx.events)
            inbox.start()
        except OSError as exc:
            self.message.emit(self.tr("扫描文件夹 %1 无法使用：").replace("%1", str(folder)) + str(exc))
            return
        self.inbox = inbox

    def shutdown(self) -> None:
        """The window is closing: stop watching, cancel a scan (its pages are kept), let go of the app."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
        self.scan_panel.cancel()
        if self.inbox is not None:
            self.inbox.stop()
            self.inbox = None
        self.bridge.detach()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        elif event.type() == QEvent.Type.MouseButtonPress and hasattr(obj, "code"):
            self.select(obj.code)  # a click anywhere on a material card makes it the scan target
        return False

    # -- the open case -------------------------------------------------------------------------------
    @property
    def case(self) -> CaseView | None:
        return self.intake.case

    def _case_changed(self, view: CaseView | None) -> None:
        self.pages = {}
        self._dirty.clear()
        if self.viewer is not None and (view is None or view.case_uuid != self.viewer.case_uuid):
            self.viewer.close()
            self.viewer = None
        self._sync_names()
        if view is not None and self._pending_material:
            self.select(self._pending_material)
            self._pending_material = None

    def _names(self) -> dict[str, str] | None:
        view = self.case
        if view is None or view.status.value not in EDITABLE:
            return None
        return {m.code: m.name for m in view.materials}

    def _sync_names(self) -> None:
        names = self._names()
        selected = self.scan_panel.selected
        self.scan_panel.set_case(self.case.case_uuid if names is not None and self.case else None, names or {})
        self.banner.set_case(names, selected)

    def select(self, code: str) -> None:
        """Makes a material the target of scanning and of the inbox banner."""
        if code:
            self.scan_panel.select(code)
            self.banner.select(code)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        from ui.intake.checklist import MaterialCard

        w = new
        while w is not None and not isinstance(w, MaterialCard):
            w = w.parentWidget()
        if w is not None:
            self.select(w.code)

    # -- cards and their pages -----------------------------------------------------------------------
    def _card_added(self, card: MaterialCard) -> None:
        strip = PageStrip(self.thumbs, card)
        card.layout().insertWidget(2, strip)
        card.strip = strip  # type: ignore[attr-defined]
        strip.page_clicked.connect(lambda i, c=card.code: self.open_viewer(c, i))
        card.installEventFilter(self)
        self._load_pages(card.code)
        self._names_timer.start(0)

    def _card(self, code: str) -> MaterialCard | None:
        return self.checklist.cards.get(code)

    def _load_pages(self, code: str) -> None:
        view = self.case
        if view is None:
            return
        materials, case_uuid = self.ctx.materials, view.case_uuid
        self.tasks.run(lambda: materials.list_pages(case_uuid, code),
                       on_success=lambda pages: self._show_pages(case_uuid, code, pages),
                       on_failure=lambda exc: log.warning("pages of %s: %s", code, exc))

    def _show_pages(self, case_uuid: str, code: str, pages: list[PageInfo]) -> None:
        if self.case is None or self.case.case_uuid != case_uuid:
            return
        self.pages[code] = pages
        card = self._card(code)
        if card is None:
            return
        strip = getattr(card, "strip", None)
        if strip is not None:
            strip.set_pages(pages)
        card.set_page_count(len(pages))

    def _pages_changed(self, case_uuid: str, code: str) -> None:
        if self.case is not None and self.case.case_uuid == case_uuid and code:
            self._dirty.add(code)
            self._refresh_timer.start()

    def _reload_dirty(self) -> None:
        codes, self._dirty = self._dirty, set()
        for code in codes:
            self._load_pages(code)
        self._refresh_view()

    def _refresh_view(self) -> None:
        """The case view again (a material's status follows its pages) for the checklist and its buttons."""
        view = self.case
        if view is None:
            return
        intake, case_uuid = self.ctx.intake, view.case_uuid

        def apply(new: CaseView) -> None:
            if self.case is not None and self.case.case_uuid == case_uuid:
                self.intake._materials_changed(new)  # the page's own seam for changed materials

        self.tasks.run(lambda: intake.get(case_uuid), on_success=apply)

    # -- the viewer --------------------------------------------------------------------------------------
    def open_viewer(self, code: str, index: int = 0) -> PageViewer | None:
        from ui.materials.viewer import PageViewer

        view = self.case
        if view is None:
            return None
        if self.viewer is not None:
            self.viewer.close()
        names = {m.code: m.name for m in view.materials}
        self.viewer = PageViewer(self.ctx.materials, self.ctx.pages, self.tasks, self.thumbs, view.case_uuid, code,
                                 names, start=index, parent=self.window)
        self.viewer.changed.connect(lambda c: self._pages_changed(view.case_uuid, c))
        self.viewer.finished.connect(self._viewer_closed)
        self.viewer.show()
        return self.viewer

    def _viewer_closed(self, _result: int) -> None:
        if self.viewer is not None:
            self.viewer.deleteLater()
            self.viewer = None

    # -- the barcode wedge ---------------------------------------------------------------------------
    def open_code(self, case_no: str, material: str = "") -> None:
        """Opens the scanned case from any screen: editable ones at the intake, others in the case list."""
        if QApplication.activeModalWidget() is not None:
            self.message.emit(self.tr("请先关闭当前对话框，再扫描案件条码"))
            return
        intake = self.ctx.intake
        self.tasks.run(lambda: intake.get_by_no(case_no), on_success=lambda v: self._open_view(v, material),
                       on_failure=lambda _exc: self.message.emit(self.tr("没有找到案件 %1").replace("%1", case_no)))

    def _open_view(self, view: CaseView, material: str) -> None:
        w = self.window
        if view.status.value in EDITABLE:
            w.tabs.setCurrentWidget(self.intake)
            if self.case is not None and self.case.case_uuid == view.case_uuid:
                if material:
                    self.select(material)
            else:
                self._pending_material = material or None
                w.open_case(view.case_uuid)
            self.message.emit(self.tr("已打开案件 %1").replace("%1", view.case_no))
        else:
            cases = w.cases
            w.tabs.setCurrentWidget(cases)
            cases.text.setText(view.case_no)
            cases.status.blockSignals(True)
            cases.show_status("")
            cases.status.blockSignals(False)
            cases.search()
            self.message.emit(self.tr("案件 %1 已%2，在案件查询中显示").replace("%1", view.case_no)
                              .replace("%2", CASE_STATUS_LABELS.get(view.status.value, view.status.value)))
        self.case_opened.emit(view.case_no)
