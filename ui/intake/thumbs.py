"""Page thumbnails: made off the UI thread (``ctx.materials.thumbnail`` in a task), cached as pixmaps; the strip on a card."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ui.ops import Query
from ui.qt import QHBoxLayout, QIcon, QImage, QLabel, QObject, QPixmap, QSize, QToolButton, QWidget, Signal

if TYPE_CHECKING:
    from clerk.materials.service import MaterialsService, PageInfo

ThumbKey = tuple[str, int, int]
STRIP_MAX = 6
"""Thumbnails shown on a card; more pages show as a "+N" button that opens the viewer."""
STRIP_SIZE = QSize(46, 64)


def key_of(page: PageInfo) -> ThumbKey:
    return (page.sha256, page.page_index, page.rotation)


class Thumbnails(QObject):
    """One in-memory cache of page thumbnails per window (the disk cache is clerk's ``ThumbnailCache``).

    Signals:
        ready(object): a ThumbKey whose pixmap is now in the cache.
    """

    ready = Signal(object)

    def __init__(self, materials: MaterialsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.materials = materials
        self._cache: dict[ThumbKey, QPixmap] = {}
        self._asked: set[ThumbKey] = set()

    def get(self, page: PageInfo) -> QPixmap | None:
        """The pixmap if cached; otherwise None and one background job makes it (``ready`` tells when)."""
        key = key_of(page)
        pix = self._cache.get(key)
        if pix is not None:
            return pix
        if key not in self._asked:
            self._asked.add(key)
            materials = self.materials

            def job() -> QImage:
                image = QImage()
                image.loadFromData(materials.thumbnail(page), "PNG")
                return image

            Query(self, job).success(functools.partial(self._store, key)) \
                .failure(functools.partial(self._forget, key)).run_in_background()
        return None

    def _forget(self, key: ThumbKey, _exc: BaseException) -> None:
        self._asked.discard(key)

    def _store(self, key: ThumbKey, image: QImage) -> None:
        self._asked.discard(key)
        if not image.isNull():
            self._cache[key] = QPixmap.fromImage(image)
            self.ready.emit(key)


class PageStrip(QWidget):
    """The thumbnails of one material's pages under its card; a click opens the page viewer there.

    Signals:
        page_clicked(int): index of the clicked page (the "+N" button gives the first hidden one).
    """

    page_clicked = Signal(int)

    def __init__(self, thumbs: Thumbnails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStrip")
        self.thumbs = thumbs
        self.pages: list[PageInfo] = []
        self.buttons: list[QToolButton] = []
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.setSpacing(6)
        self._lay = lay
        self.more: QToolButton | None = None
        self.blank_hint = QLabel(self)
        self.blank_hint.setObjectName("blankHint")
        self.blank_hint.setStyleSheet("color: #8d5400; font-size: 9pt;")
        self.blank_hint.hide()
        thumbs.ready.connect(self._thumb_ready)
        self.hide()

    def set_pages(self, pages: list[PageInfo]) -> None:
        self.pages = list(pages)
        for b in self.buttons:
            b.setParent(None)
            b.deleteLater()
        self.buttons = []
        if self.more is not None:
            self.more.setParent(None)
            self.more.deleteLater()
            self.more = None
        self._lay.removeWidget(self.blank_hint)
        while self._lay.count():
            self._lay.takeAt(0)
        for i, page in enumerate(self.pages[:STRIP_MAX]):
            b = QToolButton(self)
            b.setObjectName("thumb")
            b.setIconSize(STRIP_SIZE)
            b.setFixedSize(STRIP_SIZE.width() + 8, STRIP_SIZE.height() + 8)
            b.setToolTip(self.tr("第 %1 页：%2").replace("%1", str(i + 1)).replace("%2", page.source_name)
                         + (self.tr("（疑似空白页）") if page.looks_blank else ""))
            b.setStyleSheet("QToolButton#thumb { background: #f5f7fa; border: 1px solid %s; border-radius: 3px; padding: 0; }"
                            "QToolButton#thumb:hover { border-color: #2f6fba; }" % ("#de911d" if page.looks_blank else "#d9e2ec"))
            b.clicked.connect(lambda _on=False, i=i: self.page_clicked.emit(i))
            pix = self.thumbs.get(page)
            if pix is not None:
                b.setIcon(QIcon(pix))
            self._lay.addWidget(b)
            self.buttons.append(b)
        hidden = len(self.pages) - STRIP_MAX
        if hidden > 0:
            self.more = QToolButton(self)
            self.more.setObjectName("morePages")
            self.more.setText(self.tr("+%1 页").replace("%1", str(hidden)))
            self.more.setFixedHeight(STRIP_SIZE.height() + 8)
            self.more.clicked.connect(lambda: self.page_clicked.emit(STRIP_MAX))
            self._lay.addWidget(self.more)
        blanks = sum(1 for p in self.pages if p.looks_blank)
        self.blank_hint.setText(self.tr("%n 页疑似空白", "", blanks))
        self.blank_hint.setVisible(blanks > 0)
        self._lay.addWidget(self.blank_hint)
        self._lay.addStretch(1)
        self.setVisible(bool(self.pages))

    def _thumb_ready(self, key: Any) -> None:
        for page, b in zip(self.pages, self.buttons, strict=False):
            if key_of(page) == key:
                pix = self.thumbs.get(page)
                if pix is not None:
                    b.setIcon(QIcon(pix))

    def loaded_count(self) -> int:
        """Thumbnails drawn so far (for tests and the screenshot script)."""
        return sum(1 for b in self.buttons if not b.icon().isNull())
