"""PDF pages as images (pypdfium2, in a worker) and the Qt print path (drawing those pages on a QPrinter).

pdfium is not thread-safe: every use goes through ``_PDFIUM`` (one lock for the process). QImage
and painting on a QPrinter are allowed off the GUI thread (Qt: "QPainter can be used in a thread to
paint onto QImage, QPrinter and QPicture"), so a job may call ``render_pages`` and ``QtPagePrinter``.
"""

from __future__ import annotations

import threading
from typing import Any

from ui.qt import QCoreApplication, QImage, QPainter, QRect
from ui.qt.printsupport import QPrinter

_PDFIUM = threading.Lock()
PREVIEW_DPI = 110
PRINT_DPI = 300
QT_SCHEME = "qt:"
"""A printer spec ``qt:NAME`` is a printer chosen in Qt's print dialog (see ``make_printer``)."""


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Every page of ``pdf`` as an opaque RGB32 image at ``dpi``."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    images: list[QImage] = []
    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            for i in range(len(doc)):
                page = doc[i]
                bitmap = page.render(scale=dpi / 72, force_bitmap_format=raw.FPDFBitmap_BGRx)
                img = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                             QImage.Format.Format_RGB32).copy()
                img.setDotsPerMeterX(round(dpi / 0.0254))
                img.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(img)
                bitmap.close()
                page.close()
        finally:
            doc.close()
    return images


def draw_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Paints ``images`` one per sheet, scaled to the printable area with the aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintDialogError(QCoreApplication.translate("PrintPreviewDialog", "无法开始打印（打印机不可用）"))
    try:
        for n, img in enumerate(images):
            if n:
                printer.newPage()
            area = painter.viewport()
            size = img.size().scaled(area.size(), _keep_aspect())
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(img.rect())
            painter.drawImage(0, 0, img)
            painter.setViewport(area)
            painter.setWindow(area)
    finally:
        painter.end()


def _keep_aspect() -> Any:
    from ui.qt import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


class PrintDialogError(RuntimeError):
    """The Qt printer could not be used; ``retryable`` so the job stays queued."""

    retryable = True


class QtPagePrinter:
    """A ``clerk.printjobs`` printer over a configured ``QPrinter`` (from Qt's print dialog)."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.name = f"{QT_SCHEME}{printer.printerName()}"

    def print_pdf(self, pdf: bytes, title: str) -> str:
        self.printer.setDocName(title)
        draw_pages(self.printer, render_pages(pdf, PRINT_DPI))
        return self.printer.outputFileName() or self.printer.printerName() or "qt"


def qt_printer(name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    return printer


def make_printer(spec: str, configured: QPrinter | None = None) -> Any:
    """``qt:NAME`` → a Qt printer (``configured`` if the dialog just set one up); anything else → printing's."""
    if spec.startswith(QT_SCHEME):
        return QtPagePrinter(configured or qt_printer(spec[len(QT_SCHEME):]))
    from clerk import plugins

    return plugins.printer_factory()(spec)
