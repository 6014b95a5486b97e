"""The pages of the checklist's materials: thumbnail strips on the cards, the page viewer, the scan panel
and the scan-to-folder banner of the intake screen (the barcode wedge is ``ui/materials``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.events import MaterialPagesChanged, ScanInboxFile
from ui.events import EventListener, ShowPagesRequested
from ui.intake.inbox_banner import InboxBanner
from ui.intake.scan_panel import ScanPanel
from ui.intake.thumbs import PageStrip, Thumbnails
from ui.ops import Query
from ui.qt import QApplication, QEvent, QObject, QTimer, QWidget, bring_to_front

if TYPE_CHECKING:
    from clerk.intake.model import CaseView
    from clerk.materials.service import PageInfo
    from ui.intake.checklist import MaterialCard
    from ui.intake.page import IntakePage
    from ui.intake.viewer import PageViewer

log = logging.getLogger(__name__)
EDITABLE = ("draft", "notified")


class MaterialsPanel(EventListener, QObject):
    """The materials part of one intake page.

    Attributes:
        strips: the page strip of each material card (by code).
        viewer: the page viewer now open, if any.
        scan_panel, banner: the scan controls and the scan-to-folder banner.
    """

    def __init__(self, page: IntakePage) -> None:
        super().__init__(page)
        self.page = page
        self.checklist = page.checklist
        self.viewer: PageViewer | None = None
        self.pages: dict[str, list[PageInfo]] = {}
        self.strips: dict[str, PageStrip] = {}
        self._dirty: set[str] = set()
        self.thumbs = Thumbnails(page.ctx.materials, self)

        self.scan_panel = ScanPanel(page.ctx.materials, parent=self.checklist)
        lay = self.checklist.layout()
        assert lay is not None
        lay.insertWidget(lay.indexOf(self.checklist.scroll_area) + 1, self.scan_panel)  # type: ignore[attr-defined]
        self.banner = InboxBanner(page)
        page_layout = page.layout()
        assert page_layout is not None
        page_layout.insertWidget(1, self.banner)  # type: ignore[attr-defined]

        self.checklist.card_added.connect(self._card_added)
        page.case_changed.connect(self._case_changed)
        self.banner.import_requested.connect(lambda code, path: self.page.import_files(code, [path]))
        self.scan_panel.material_selected.connect(self.select)
        self.scan_panel.scanned.connect(lambda _o: self._refresh_view())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self._reload_dirty)
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.timeout.connect(self._sync_names)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.listen(page.shell.events)

    # -- events ------------------------------------------------------------------------------------------
    def on_event_material_pages_changed(self, event: MaterialPagesChanged) -> None:
        self._pages_changed(event.case_uuid, event.code)

    def on_event_show_pages_requested(self, event: ShowPagesRequested) -> None:
        """The pages of a material of any case (the case view): editable only for the open draft."""
        from ui.intake.viewer import PageViewer

        if self.case is not None and self.case.case_uuid == event.case_uuid and self.case.status.value in EDITABLE:
            self.open_viewer(event.code)
            return
        intake, case_uuid = self.page.ctx.intake, event.case_uuid

        def show(view: CaseView) -> None:
            ctx = self.page.ctx
            names = {m.code: m.name for m in view.materials}
            if self.viewer is not None:
                self.viewer.close()
            self.viewer = PageViewer(ctx.materials, ctx.pages, self.thumbs, case_uuid, event.code, names,
                                     parent=self.page.window(), read_only=True)
            self.viewer.finished.connect(self._viewer_closed)
            self.viewer.show()
            bring_to_front(self.viewer)

        Query(self, lambda: intake.get(case_uuid)).success(show).run_in_background()

    def on_event_scan_inbox_file(self, event: ScanInboxFile) -> None:
        self.banner.offer(Path(event.path))

    def shutdown(self) -> None:
        """The window is closing: cancel a scan (its pages are kept), let go of the application."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
        self.scan_panel.cancel()
        self.stop_listening()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress and hasattr(obj, "code"):
            self.select(obj.code)  # a click anywhere on a material card makes it the scan target
        return False

    # -- the open case -------------------------------------------------------------------------------
    @property
    def case(self) -> CaseView | None:
        return self.page.case

    def _case_changed(self, view: CaseView | None) -> None:
        self.pages = {}
        self._dirty.clear()
        if self.viewer is not None and (view is None or view.case_uuid != self.viewer.case_uuid):
            self.viewer.close()
            self.viewer = None
        self._sync_names()

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
        card_layout = card.layout()
        assert card_layout is not None
        card_layout.insertWidget(2, strip)  # type: ignore[attr-defined]
        card.strip = strip
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
        materials, case_uuid = self.page.ctx.materials, view.case_uuid
        Query(self, lambda: materials.list_pages(case_uuid, code)) \
            .success(lambda pages: self._show_pages(case_uuid, code, pages)) \
            .failure(lambda exc: log.warning("pages of %s: %s", code, exc)).run_in_background()

    def _show_pages(self, case_uuid: str, code: str, pages: list[PageInfo]) -> None:
        if self.case is None or self.case.case_uuid != case_uuid:
            return
        self.pages[code] = pages
        card = self._card(code)
        if card is None:
            return
        if card.strip is not None:
            card.strip.set_pages(pages)
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
        intake, case_uuid = self.page.ctx.intake, view.case_uuid

        def apply(new: CaseView) -> None:
            if self.case is not None and self.case.case_uuid == case_uuid:
                self.page.materials_changed(new)

        Query(self, lambda: intake.get(case_uuid)).success(apply).run_in_background()

    # -- the viewer --------------------------------------------------------------------------------------
    def open_viewer(self, code: str, index: int = 0) -> PageViewer | None:
        from ui.intake.viewer import PageViewer

        view = self.case
        if view is None:
            return None
        if self.viewer is not None:
            self.viewer.close()
        ctx = self.page.ctx
        names = {m.code: m.name for m in view.materials}
        self.viewer = PageViewer(ctx.materials, ctx.pages, self.thumbs, view.case_uuid, code, names, start=index,
                                 parent=self.page.window())
        self.viewer.changed.connect(lambda c: self._pages_changed(view.case_uuid, c))
        self.viewer.finished.connect(self._viewer_closed)
        self.viewer.show()
        return self.viewer

    def _viewer_closed(self, _result: int) -> None:
        if self.viewer is not None:
            self.viewer.deleteLater()
            self.viewer = None
