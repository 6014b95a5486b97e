"""Print preview: a case's documents rendered from the stored case, page by page, with zoom, printed through the queue.

Rendering (``clerk.printjobs.render_document``, pypdfium2) and printing (``print_document``) run in
tasks; the dialog only shows pages and the clerk's printer choice (remembered per document kind).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from clerk.context import AppContext
from clerk.security.actor import Actor
from ui import labels, messages
from ui.ops import Op, Query, mark_closing
from ui.printing import choice
from ui.printing.pages import QT_SCHEME, make_printer, qt_printer, render_pages
from ui.qt import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    bring_to_front,
)
from ui.qt.printsupport import QPrintDialog
from ui.shell import Shell

ZOOMS = (50, 75, 100, 125, 150, 200)


@dataclass
class Rendered:
    kind: str
    pdf: bytes
    pages: list[QImage]
    reprint: bool


def render_for_preview(ctx: AppContext, case_uuid: str, kind: str) -> Rendered:
    """The document as it would print now (补打-marked when printed before) and its page images."""
    from clerk import clock
    from clerk.printjobs import render_document

    reprint = ctx.print_queue.was_printed(case_uuid, kind)
    pdf = render_document(ctx, case_uuid, kind, reprint_at=clock.now() if reprint else None)
    return Rendered(kind, pdf, render_pages(pdf), reprint)


class PrintPreviewDialog(QDialog):
    """Preview and print one or more documents of a case (e.g. receipt + commitment letter).

    Signals:
        rendered(str): a document kind finished rendering (its pages are shown when it is current).
        printed(object): a ``clerk.printjobs.PrintOutcome`` (printed, or left in the queue with a message).
        failed(str): rendering or printing could not start (the message is also shown in the dialog).
    """

    rendered = Signal(str)
    printed = Signal(object)
    failed = Signal(str)

    def __init__(self, shell: Shell, case_uuid: str, kinds: list[str], *, case_no: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shell, self.case_uuid = shell, case_uuid
        self.kinds = list(kinds)
        self.docs: dict[str, Rendered] = {}
        self.page = 0
        self.zoom: int | None = None  # None: fit the page into the view
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("打印预览") + (f" — {case_no}" if case_no else ""))
        self.resize(*fit_screen(self, 1280, 900))
        root = QHBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(12)
        root.addLayout(self._viewer(), 1)
        root.addWidget(self._side())
        for kind in self.kinds:
            self._render(kind)

    # -- layout -------------------------------------------------------------------------------------
    def _viewer(self) -> QVBoxLayout:
        v = QVBoxLayout()
        v.setSpacing(8)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ 上一页"), self)
        self.prev_button.setShortcut(QKeySequence("PgUp"))
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.page_label.setMinimumWidth(120)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(self.tr("下一页 ▶"), self)
        self.next_button.setShortcut(QKeySequence("PgDown"))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.zoom_out = QPushButton("－", self)
        self.zoom_out.setToolTip(self.tr("缩小 (Ctrl+-)"))
        self.zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setObjectName("zoomCombo")
        self.zoom_combo.addItem(self.tr("适合页面"), 0)
        for z in ZOOMS:
            self.zoom_combo.addItem(f"{z}%", z)
        self.zoom_combo.activated.connect(lambda i: self.set_zoom(int(self.zoom_combo.itemData(i)) or None))
        self.zoom_in = QPushButton("＋", self)
        self.zoom_in.setToolTip(self.tr("放大 (Ctrl++)"))
        self.zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in.clicked.connect(lambda: self._step_zoom(1))
        for tool in (self.zoom_out, self.zoom_combo, self.zoom_in):
            bar.addWidget(tool)
        v.addLayout(bar)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("previewArea")
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setStyleSheet("QScrollArea#previewArea { background: #5f6670; border: none; }")
        self.page_view = QLabel(self.tr("正在生成文书…"))
        self.page_view.setObjectName("pageView")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_view.setStyleSheet("QLabel#pageView { color: white; background: transparent; }")
        self.scroll_area.setWidget(self.page_view)
        self.scroll_area.setWidgetResizable(False)
        v.addWidget(self.scroll_area, 1)
        return v

    @property
    def ctx(self) -> AppContext:
        return self.shell.ctx

    @property
    def actor(self) -> Actor:
        """The operator now at the window: a print is recorded under whoever prints it."""
        return self.shell.actor

    def _side(self) -> QWidget:
        side = QFrame(self)
        side.setObjectName("previewSide")
        side.setFixedWidth(380)
        v = QVBoxLayout(side)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(8)
        v.addWidget(QLabel(self.tr("文书"), side))
        self.doc_combo = QComboBox(side)
        self.doc_combo.setObjectName("docCombo")
        for kind in self.kinds:
            self.doc_combo.addItem(labels.document_kind(kind), kind)
        self.doc_combo.currentIndexChanged.connect(self._doc_changed)
        v.addWidget(self.doc_combo)
        self.reprint_label = QLabel(self.tr("此文书已打印过，本次为补打（每页标注“补打”及时间）"), side)
        self.reprint_label.setObjectName("reprintHint")
        self.reprint_label.setWordWrap(True)
        self.reprint_label.setStyleSheet("color: #b3261e;")
        self.reprint_label.hide()
        v.addWidget(self.reprint_label)
        v.addSpacing(8)
        v.addWidget(QLabel(self.tr("打印到"), side))
        kind = self.kinds[0] if self.kinds else "receipt"
        self.printer = choice.PrinterChoice(self.ctx.paths.data_dir / "prints",
                                            choice.remembered(self.ctx, kind), parent=side)
        v.addWidget(self.printer)
        v.addSpacing(8)
        many = len(self.kinds) > 1
        self.print_button = QPushButton(self.tr("打印本份 (Ctrl+Shift+P)") if many else self.tr("打印 (Ctrl+P)"), side)
        self.print_button.setObjectName("printButton")
        self.print_button.setShortcut(QKeySequence("Ctrl+Shift+P" if many else "Ctrl+P"))
        self.print_button.setDefault(not many)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.print_documents([self.current_kind()]))
        v.addWidget(self.print_button)
        self.print_all_button = QPushButton(self.tr("全部打印（%n 份） Ctrl+P", "", len(self.kinds)), side)
        self.print_all_button.setObjectName("printAllButton")
        if many:  # Ctrl+P prints every document, as in the outcome dialog
            self.print_all_button.setShortcut(QKeySequence("Ctrl+P"))
            self.print_all_button.setDefault(True)
        self.print_all_button.setVisible(many)
        self.print_all_button.setEnabled(False)
        self.print_all_button.clicked.connect(lambda: self.print_documents(list(self.kinds)))
        v.addWidget(self.print_all_button)
        self.status = QLabel(side)
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        v.addWidget(self.status)
        v.addStretch(1)
        close = QPushButton(self.tr("关闭"), side)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        v.addWidget(close)
        return side

    # -- rendering ------------------------------------------------------------------------------------
    def _render(self, kind: str) -> None:
        ctx, case_uuid = self.ctx, self.case_uuid
        Query(self, lambda: render_for_preview(ctx, case_uuid, kind)).success(self._rendered) \
            .failure(lambda e: self._fail(kind, e)).run_in_background()

    def _rendered(self, doc: Rendered) -> None:
        self.docs[doc.kind] = doc
        if doc.kind == self.current_kind():
            self.show_page(0)
        self.print_all_button.setEnabled(len(self.docs) == len(self.kinds))
        self.rendered.emit(doc.kind)

    def _fail(self, kind: str, exc: BaseException) -> None:
        message = messages.describe(exc)
        if kind == self.current_kind():
            self.page_view.setText(self.tr("无法生成文书：") + message)
            self.page_view.adjustSize()
        self.status.setText(message)
        self.failed.emit(message)

    def current_kind(self) -> str:
        return str(self.doc_combo.currentData() or "")

    def page_count(self) -> int:
        doc = self.docs.get(self.current_kind())
        return len(doc.pages) if doc else 0

    def _doc_changed(self, _i: int) -> None:
        self.printer.set_spec(choice.remembered(self.ctx, self.current_kind()) or self.printer.spec())
        self.show_page(0)

    # -- pages and zoom -------------------------------------------------------------------------------
    def show_page(self, n: int) -> None:
        doc = self.docs.get(self.current_kind())
        self.print_button.setEnabled(doc is not None)
        self.reprint_label.setVisible(bool(doc and doc.reprint))
        if doc is None:
            self.page_label.setText("")
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        self.page = max(0, min(n, len(doc.pages) - 1))
        total = len(doc.pages)
        self.page_label.setText(self.tr("第 %1 / %2 页").replace("%1", str(self.page + 1)).replace("%2", str(total)))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < total - 1)
        self._paint()

    def set_zoom(self, percent: int | None) -> None:
        self.zoom = percent
        self.zoom_combo.setCurrentIndex(max(0, self.zoom_combo.findData(percent or 0)))
        self._paint()

    def _step_zoom(self, step: int) -> None:
        current = self.zoom or self._fit_percent()
        if step > 0:
            nxt = next((z for z in ZOOMS if z > current), ZOOMS[-1])
        else:
            nxt = next((z for z in reversed(ZOOMS) if z < current), ZOOMS[0])
        self.set_zoom(nxt)

    def _fit_percent(self) -> int:
        doc = self.docs.get(self.current_kind())
        if not doc or not doc.pages:
            return 100
        img = doc.pages[self.page]
        room = self.scroll_area.viewport().size()
        return max(10, int(min((room.width() - 24) / img.width(), (room.height() - 24) / img.height()) * 100))

    def _paint(self) -> None:
        doc = self.docs.get(self.current_kind())
        if not doc or not doc.pages:
            return
        img = doc.pages[self.page]
        percent = self.zoom or self._fit_percent()
        scaled = img.scaled(max(1, img.width() * percent // 100), max(1, img.height() * percent // 100),
                            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.page_view.setPixmap(QPixmap.fromImage(scaled))
        self.page_view.resize(scaled.size())
        self.page_view.setToolTip(self.tr("缩放 %1%").replace("%1", str(percent)))

    def done(self, result: int) -> None:
        mark_closing(self)  # results of ops still running are dropped
        super().done(result)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.zoom is None:
            self._paint()

    # -- printing -------------------------------------------------------------------------------------
    def print_documents(self, kinds: list[str]) -> None:
        """Prints ``kinds`` to the chosen printer (Qt's dialog first when that is the choice)."""
        spec = self.printer.spec()
        configured = None
        if spec.startswith(QT_SCHEME):
            configured = qt_printer(spec[len(QT_SCHEME):])
            dialog = QPrintDialog(configured, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            spec = QT_SCHEME + configured.printerName()
        for kind in kinds:
            choice.remember(self, kind, spec)
        self.print_button.setEnabled(False)
        self.print_all_button.setEnabled(False)
        self.status.setText(self.tr("正在打印…"))
        ctx, actor, case_uuid = self.ctx, self.actor, self.case_uuid

        def job(kind: str) -> Any:
            from clerk.printjobs import print_document

            return print_document(ctx, actor, case_uuid, kind, spec,
                                  make_printer=lambda s: make_printer(s, configured))

        for kind in kinds:
            Op(self, functools.partial(job, kind)).success(self._printed) \
                .failure(functools.partial(self._print_failed, kind)).run_in_background()

    def _printed(self, outcome: Any) -> None:
        job = outcome.job
        if outcome.printed:
            text = self.tr("已打印：") + job.title
        else:
            text = self.tr("未打印，已留在打印队列（可在状态栏“打印队列”中重试）：") + outcome.message
        self.status.setText(text)
        self._after_print()
        self.printed.emit(outcome)

    def _print_failed(self, kind: str, exc: BaseException) -> None:
        message = messages.describe(exc)
        self.status.setText(self.tr("无法打印：") + message)
        self._after_print()
        self.failed.emit(message)

    def _after_print(self) -> None:
        self.print_button.setEnabled(self.current_kind() in self.docs)
        self.print_all_button.setEnabled(len(self.docs) == len(self.kinds))
        for kind in self.kinds:  # the next print of a printed document is a 补打: show it so
            if kind in self.docs:
                self._render(kind)


def fit_screen(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """``width`` × ``height`` shrunk to the screen the window is on (a 1366×768 hall PC)."""
    parent = widget.parentWidget()
    screen = (parent or widget).screen()
    if screen is None:
        return width, height
    room = screen.availableGeometry()
    return min(width, room.width() - 40), min(height, room.height() - 60)


def open_preview(shell: Shell, case_uuid: str, kinds: list[str], *, case_no: str = "") -> PrintPreviewDialog:
    """Opens the (non-modal) preview over the shell's window; it deletes itself when closed."""
    dialog = PrintPreviewDialog(shell, case_uuid, kinds, case_no=case_no, parent=shell.widget)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    bring_to_front(dialog)  # the focus goes to the preview: Ctrl+P prints, Esc closes
    (dialog.print_all_button if len(kinds) > 1 else dialog.print_button).setFocus()
    return dialog
