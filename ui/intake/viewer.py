"""The page viewer of one material: look at a page (fit, 100 %, zoom), rotate, reorder, delete, move, replace.

Every change is a ``ctx.materials`` call in a write task; the page list is read back afterwards, so the
dialog always shows what is stored. Pages that look blank (the empty backs of a duplex scan) are
offered for removal, never removed without the clerk's click.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui import messages
from ui.intake.thumbs import Thumbnails, key_of
from ui.ops import Op, Query
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QIcon,
    QImage,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from clerk.materials.pagestore import PageStore
    from clerk.materials.service import MaterialsService, PageInfo

RENDER_DPI = 150
SCREEN_DPI = 96
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
FILE_FILTER = "PDF / 图片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic)"


def render_page(pages: PageStore, page: PageInfo, dpi: int = RENDER_DPI) -> tuple[QImage, float]:
    """One page with its rotation as a QImage (made in a worker; QImage is thread-safe) and its pixels per
    inch: PDF pages are rendered at ``dpi``, images keep their own pixels (their dpi from the file, else 200)."""
    from PIL import Image

    from clerk.materials.imaging import open_page

    im = open_page(pages.read(page.sha256), page.media_type, page.page_index, dpi=dpi)
    if page.media_type == "application/pdf":
        ppi = float(dpi)
    else:
        given = im.info.get("dpi")
        ppi = float(given[0]) if isinstance(given, tuple) and given and float(given[0]) >= 30 else 200.0
    im = im.convert("RGB")
    if page.rotation:
        im = im.rotate(-page.rotation, expand=True, resample=Image.Resampling.NEAREST)
    data = im.tobytes("raw", "RGB")
    return QImage(data, im.width, im.height, im.width * 3, QImage.Format.Format_RGB888).copy(), ppi


def _icon(pix: QPixmap) -> QIcon:
    """The page as it is also when selected (the list would tint a selected icon blue)."""
    icon = QIcon(pix)
    icon.addPixmap(pix, QIcon.Mode.Selected)
    return icon


class PageViewer(QDialog):
    """查看和整理材料页面: the pages of one material of the open case.

    Signals:
        changed(str): a material's pages changed (its code; a move changes two, each emitted).
    """

    changed = Signal(str)

    def __init__(self, materials: MaterialsService, pages: PageStore, thumbs: Thumbnails,
                 case_uuid: str, code: str, names: dict[str, str], *, start: int = 0,
                 parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self.read_only = read_only
        """Pages of a case that can no longer change (the case view): looked at, never edited."""
        self.materials, self.store, self.thumbs = materials, pages, thumbs
        self.case_uuid, self.code, self.names = case_uuid, code, names
        self.pages: list[PageInfo] = []
        self.zoom: float | None = None  # None: fit the window
        self._image: QImage | None = None
        self._ppi = float(RENDER_DPI)
        """Pixels per inch of the shown image: 100 % is the page's real size on a 96-dpi screen."""
        self._shown: tuple[Any, ...] | None = None
        self._start = start
        self.busy = False
        self.setObjectName("pageViewer")
        self.setWindowTitle(self.tr("材料页面：%1").replace("%1", names.get(code, code)))
        self.resize(1100, 780)
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 10)
        root.setSpacing(8)
        root.addWidget(self._toolbar())
        self.blank_bar = QFrame(self)
        self.blank_bar.setObjectName("banner")
        b = QHBoxLayout(self.blank_bar)
        b.setContentsMargins(10, 4, 10, 4)
        self.blank_label = QLabel(self.blank_bar)
        b.addWidget(self.blank_label, 1)
        self.remove_blanks_button = QPushButton(self.tr("删除这些空白页"), self.blank_bar)
        self.remove_blanks_button.setObjectName("removeBlanks")
        self.remove_blanks_button.clicked.connect(self.remove_blanks)
        b.addWidget(self.remove_blanks_button)
        self.blank_bar.hide()
        root.addWidget(self.blank_bar)
        body = QHBoxLayout()
        body.setSpacing(10)
        self.list = QListWidget(self)
        self.list.setObjectName("pageList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.TopToBottom)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(96, 136))
        self.list.setGridSize(QSize(124, 166))
        self.list.setFixedWidth(150)
        self.list.setStyleSheet("QListWidget#pageList { background: #ffffff; }"
                                "QListWidget#pageList::item { border: 2px solid transparent; border-radius: 4px; color: #334e68; }"
                                "QListWidget#pageList::item:selected { background: #e3edf9; border-color: #2f6fba; color: #102a43; }")
        # Static first, then InternalMove: an icon view then reorders rows on a drop instead of only
        # moving icons around (QListView::setMovement would switch dragging off again).
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.viewport().setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.model().rowsMoved.connect(lambda *_: self._dragged())
        body.addWidget(self.list)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("pageScroll")
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setStyleSheet("QScrollArea#pageScroll { background: #52606d; border: none; }")
        self.view = QLabel(self.tr("正在显示…"))
        self.view.setObjectName("pageView")
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setStyleSheet("color: #f0f4f8;")
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setWidgetResizable(False)
        body.addWidget(self.scroll_area, 1)
        root.addLayout(body, 1)
        bottom = QHBoxLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        bottom.addWidget(self.problem, 1)
        self.info = QLabel(self)
        self.info.setObjectName("hint")
        bottom.addWidget(self.info)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        root.addLayout(bottom)
        for keys, slot in (("Delete", self.delete_current), ("Ctrl+R", lambda: self.rotate(90)),
                           ("Ctrl+Shift+R", lambda: self.rotate(-90)), ("Alt+Left", lambda: self.shift(-1)),
                           ("Alt+Right", lambda: self.shift(1)), ("Ctrl+0", self.fit), ("Ctrl+1", self.actual_size),
                           ("Ctrl++", lambda: self.step_zoom(1)), ("Ctrl+=", lambda: self.step_zoom(1)),
                           ("Ctrl+-", lambda: self.step_zoom(-1))):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        thumbs.ready.connect(self._thumb_ready)
        if read_only:
            for w in (self.rotate_left, self.rotate_right, self.left_button, self.right_button, self.delete_button,
                      self.replace_button, self.move_target, self.move_button, self.remove_blanks_button):
                w.hide()
        self.reload()

    def _toolbar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("viewerToolbar")
        h = QHBoxLayout(bar)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(6)

        def button(text: str, name: str, slot: Any, tip: str = "") -> QPushButton:
            b = QPushButton(text, bar)
            b.setObjectName(name)
            b.clicked.connect(slot)
            if tip:
                b.setToolTip(tip)
            h.addWidget(b)
            return b

        button(self.tr("适合窗口"), "zoomFit", self.fit, "Ctrl+0")
        button("100%", "zoom100", self.actual_size, "Ctrl+1")
        button("−", "zoomOut", lambda: self.step_zoom(-1), "Ctrl+-")
        button("+", "zoomIn", lambda: self.step_zoom(1), "Ctrl++")
        self.zoom_label = QLabel(bar)
        self.zoom_label.setMinimumWidth(48)
        h.addWidget(self.zoom_label)
        h.addSpacing(12)
        self.rotate_left = button(self.tr("⟲ 左转"), "rotateLeft", lambda: self.rotate(-90), "Ctrl+Shift+R")
        self.rotate_right = button(self.tr("⟳ 右转"), "rotateRight", lambda: self.rotate(90), "Ctrl+R")
        self.left_button = button(self.tr("← 前移"), "moveEarlier", lambda: self.shift(-1), self.tr("Alt+← ；也可以拖动左侧的页面"))
        self.right_button = button(self.tr("后移 →"), "moveLater", lambda: self.shift(1), "Alt+→")
        self.delete_button = button(self.tr("删除"), "deletePage", self.delete_current, "Delete")
        self.replace_button = button(self.tr("替换…"), "replacePage", self._choose_replacement,
                                     self.tr("用另一个文件替换这一页"))
        h.addStretch(1)
        self.move_target = QComboBox(bar)
        self.move_target.setObjectName("moveTarget")
        self.move_target.setMinimumWidth(200)
        for c, name in self.names.items():
            if c != self.code:
                self.move_target.addItem(name, c)
        h.addWidget(self.move_target)
        self.move_button = button(self.tr("移到该材料"), "movePage", self.move_current)
        return bar

    # -- the pages ---------------------------------------------------------------------------------
    @property
    def current(self) -> PageInfo | None:
        row = self.list.currentRow()
        return self.pages[row] if 0 <= row < len(self.pages) else None

    def reload(self, select: int | None = None) -> None:
        materials, case_uuid, code = self.materials, self.case_uuid, self.code
        Query(self, lambda: materials.list_pages(case_uuid, code)) \
            .success(lambda pages: self.set_pages(pages, select)).failure(self._failed).run_in_background()

    def set_pages(self, pages: list[PageInfo], select: int | None = None) -> None:
        keep = self.list.currentRow() if select is None else select
        if self._start is not None:
            keep, self._start = self._start, None  # type: ignore[assignment]
        self.pages = list(pages)
        self.list.blockSignals(True)
        self.list.clear()
        for i, p in enumerate(self.pages):
            item = QListWidgetItem(self._label(i, p))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            pix = self.thumbs.get(p)
            if pix is not None:
                item.setIcon(_icon(pix))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.pages:
            self.list.setCurrentRow(max(0, min(keep, len(self.pages) - 1)))
        self._row_changed(self.list.currentRow())
        blanks = [str(i + 1) for i, p in enumerate(self.pages) if p.looks_blank]
        self.blank_label.setText(self.tr("第 %1 页疑似空白（可能是双面扫描的背面），是否删除？").replace("%1", "、".join(blanks)))
        self.blank_bar.setVisible(bool(blanks))
        self.info.setText(self.tr("共 %n 页", "", len(self.pages)))
        for w in (self.rotate_left, self.rotate_right, self.delete_button, self.replace_button, self.left_button,
                  self.right_button, self.move_button):
            w.setEnabled(bool(self.pages))
        self.move_button.setEnabled(bool(self.pages) and self.move_target.count() > 0)

    def _label(self, i: int, p: PageInfo) -> str:
        return f"{i + 1}" + (self.tr(" · 空白?") if p.looks_blank else "")

    def _thumb_ready(self, key: Any) -> None:
        for i, p in enumerate(self.pages):
            if key_of(p) == key and i < self.list.count():
                pix = self.thumbs.get(p)
                if pix is not None:
                    self.list.item(i).setIcon(_icon(pix))

    def _row_changed(self, row: int) -> None:
        page = self.current
        if page is None:
            self._image, self._shown = None, None
            self.view.setPixmap(QPixmap())
            self.view.setText(self.tr("这份材料没有页面"))
            self.view.adjustSize()
            return
        self.left_button.setEnabled(row > 0)
        self.right_button.setEnabled(row < len(self.pages) - 1)
        wanted = (page.sha256, page.page_index, page.rotation)
        if wanted == self._shown:
            return
        self._shown = wanted
        store = self.store
        Query(self, lambda: render_page(store, page)).success(functools.partial(self._show_rendered, wanted)) \
            .failure(self._failed).run_in_background()

    def _show_rendered(self, wanted: tuple[Any, ...], rendered: tuple[QImage, float]) -> None:
        self._show_image(wanted, *rendered)

    def _show_image(self, wanted: tuple[Any, ...], image: QImage, ppi: float) -> None:
        if wanted != self._shown:
            return  # the clerk moved on to another page
        self._image, self._ppi = image, ppi
        self._apply_zoom()

    # -- zoom ----------------------------------------------------------------------------------------
    def fit(self) -> None:
        self.zoom = None
        self._apply_zoom()

    def actual_size(self) -> None:
        self.zoom = 1.0
        self._apply_zoom()

    def step_zoom(self, direction: int) -> None:
        now = self._effective_zoom()
        steps = [z for z in ZOOM_STEPS if (z > now + 0.01 if direction > 0 else z < now - 0.01)]
        if steps:
            self.zoom = steps[0] if direction > 0 else steps[-1]
            self._apply_zoom()

    def _effective_zoom(self) -> float:
        if self.zoom is not None or self._image is None:
            return self.zoom or 1.0
        area = self.scroll_area.viewport().size()
        scale = min((area.width() - 8) / self._image.width(), (area.height() - 8) / self._image.height())
        return max(0.05, scale / (SCREEN_DPI / self._ppi))

    def _apply_zoom(self) -> None:
        if self._image is None:
            return
        z = self._effective_zoom()
        factor = z * SCREEN_DPI / self._ppi
        w, h = max(1, round(self._image.width() * factor)), max(1, round(self._image.height() * factor))
        pix = QPixmap.fromImage(self._image.scaled(w, h, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        self.view.setPixmap(pix)
        self.view.resize(pix.size())
        self.zoom_label.setText(f"{round(z * 100)}%")

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.zoom is None:
            self._apply_zoom()

    # -- changes -------------------------------------------------------------------------------------
    def _change(self, fn: Any, *, select: int | None = None, codes: tuple[str, ...] = ()) -> None:
        """One change at a time: the page buttons wait until the stored pages are shown again."""
        if self.busy or self.read_only:
            return
        self.busy = True
        self.problem.clear()
        self.list.setEnabled(False)
        materials, case_uuid, code = self.materials, self.case_uuid, self.code

        def job() -> list[PageInfo]:
            fn()
            return materials.list_pages(case_uuid, code)

        def done(pages: list[PageInfo]) -> None:
            self.busy = False
            self.list.setEnabled(True)
            self.set_pages(pages, select)
            for c in (self.code, *codes):
                self.changed.emit(c)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.list.setEnabled(True)
            self._failed(exc)
            self.reload()

        Op(self, job).success(done).failure(failed).run_in_background()

    def rotate(self, degrees: int) -> None:
        page = self.current
        if page is not None:
            materials = self.materials
            self._change(lambda: materials.rotate(page.id, degrees % 360), select=self.list.currentRow())

    def delete_current(self) -> None:
        page = self.current
        if page is not None:
            materials = self.materials
            self._change(lambda: materials.delete_page(page.id), select=self.list.currentRow())

    def remove_blanks(self) -> None:
        ids = [p.id for p in self.pages if p.looks_blank]
        if ids:
            materials = self.materials
            self._change(lambda: materials.delete_pages(ids), select=0)

    def shift(self, step: int) -> None:
        row = self.list.currentRow()
        new = row + step
        if self.current is None or not 0 <= new < len(self.pages):
            return
        ids = [p.id for p in self.pages]
        ids.insert(new, ids.pop(row))
        self._reorder(ids, new)

    def _dragged(self) -> None:
        ids = [int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())]
        if ids != [p.id for p in self.pages]:
            self._reorder(ids, self.list.currentRow())

    def _reorder(self, ids: list[int], select: int) -> None:
        materials, case_uuid, code = self.materials, self.case_uuid, self.code
        self._change(lambda: materials.reorder(case_uuid, code, ids), select=select)

    def move_current(self) -> None:
        page, to = self.current, self.move_target.currentData()
        if page is not None and to:
            materials = self.materials
            self._change(lambda: materials.move_page(page.id, to), select=self.list.currentRow(), codes=(to,))

    def _choose_replacement(self) -> None:
        from ui.widgets.files import open_files

        names = open_files(self, self.tr("用文件替换这一页"), FILE_FILTER)
        name = str(names[0]) if names else ""
        if name:
            self.replace_with(Path(name))

    def replace_with(self, path: Path) -> None:
        page = self.current
        if page is not None:
            materials = self.materials
            self._change(lambda: materials.replace_page(page.id, path), select=self.list.currentRow())

    def _failed(self, exc: BaseException) -> None:
        text = messages.describe(exc)
        self.problem.setText(text if isinstance(exc, (ValueError, OSError)) else self.tr("操作失败：") + text)
