"""Shared typesetting of the hall's papers: styles, tables, codes, page chrome and the PDF build."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

import qrcode
import qrcode.constants
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from printing.fonts import FONT_NAME, register_cjk_font
from printing.text import one_line, para

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X
GRID = colors.Color(0.25, 0.25, 0.25)
SHADE = colors.Color(0.94, 0.94, 0.94)
GREY = colors.Color(0.35, 0.35, 0.35)


class Styles:
    """Paragraph styles; built after the font is registered."""

    def __init__(self) -> None:
        f = register_cjk_font()
        base = dict(fontName=f, wordWrap="CJK", textColor=colors.black)
        self.title = ParagraphStyle("title", fontSize=19, leading=26, alignment=TA_CENTER, spaceAfter=2 * mm, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=12, leading=17, alignment=TA_CENTER, **base)
        self.section = ParagraphStyle("section", fontSize=12, leading=17, spaceBefore=4 * mm, spaceAfter=2 * mm,
                                      **base)
        self.body = ParagraphStyle("body", fontSize=10.5, leading=17, firstLineIndent=21, alignment=TA_LEFT,
                                   spaceBefore=1 * mm, **base)
        self.plain = ParagraphStyle("plain", fontSize=10.5, leading=16, **base)
        self.cell = ParagraphStyle("cell", fontSize=9.5, leading=13.5, **base)
        self.cell_center = ParagraphStyle("cellc", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cellh", parent=self.cell, alignment=TA_CENTER)
        self.small = ParagraphStyle("small", fontSize=8.5, leading=12, textColor=GREY, fontName=f, wordWrap="CJK")
        self.small_center = ParagraphStyle("smallc", parent=self.small, alignment=TA_CENTER)
        self.note = ParagraphStyle("note", parent=self.small, spaceBefore=1.5 * mm)
        self.right = ParagraphStyle("right", parent=self.plain, alignment=TA_RIGHT)


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


def p(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of literal (escaped, glyph-safe) text."""
    return Paragraph(para(text), style or styles().plain)


def pm(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of trusted markup; interpolate user text only through ``printing.text.para``."""
    return Paragraph(markup, style or styles().plain)


def cn_date(d: dt.date | dt.datetime | None, blank: str = "____年__月__日") -> str:
    if d is None:
        return blank
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def cn_datetime(d: dt.datetime | None) -> str:
    if d is None:
        return ""
    return f"{cn_date(d)} {d.hour:02d}:{d.minute:02d}"


BAR_WIDTH = 1.0
"""Code128 module width in points (0.35 mm): 2 px at 150 dpi, which zxing reads reliably."""


class BarcodeFlowable(Flowable):  # type: ignore[misc]
    """A Code128 whose human-readable line is inside its box (reportlab draws it below the box)."""

    def __init__(self, barcode: Code128, text_height: float) -> None:
        super().__init__()
        self.barcode = barcode
        self.text_height = text_height
        self.value: str = barcode.value

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        w, h = self.barcode.wrap(availWidth, availHeight)
        self.width, self.height = w, h + self.text_height
        return self.width, self.height

    def draw(self) -> None:
        self.barcode.drawOn(self.canv, 0, self.text_height)


def code128(value: str, *, bar_width: float = BAR_WIDTH, bar_height: float = 11 * mm, human: bool = True,
            font_size: float = 9) -> BarcodeFlowable:
    """A vector Code128 with 10-module quiet zones and the human-readable line in the CJK font."""
    register_cjk_font()
    bc = Code128(value, barWidth=bar_width, barHeight=bar_height, humanReadable=human,
                 fontName=FONT_NAME, fontSize=font_size, quiet=1, lquiet=10 * bar_width, rquiet=10 * bar_width)
    return BarcodeFlowable(bc, font_size * 1.25 if human else 0)


class QrFlowable(Flowable):  # type: ignore[misc]
    """A vector QR code, ``size`` points square including its 4-module quiet zone.

    Drawn as one filled path of horizontal runs in module units (no reportlab Drawing: that would pull
    in Helvetica, and per-rectangle number formatting is most of the render time without rl_accel).
    The mask pattern is fixed: any mask is a valid code, and choosing the best costs ~20 ms a code.
    """

    _LEVELS = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
               "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}

    def __init__(self, value: str, size: float, level: str = "M") -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=self._LEVELS[level], border=4, mask_pattern=2)
        code.add_data(value)
        code.make(fit=True)
        self.value = value
        self.matrix: list[list[bool]] = code.get_matrix()
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.matrix)
        ops: list[str] = []
        for r, row in enumerate(self.matrix):
            y = n - r - 1
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    ops.append(f"{start} {y} {c - start} 1.001 re")
                else:
                    c += 1
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.scale(self.width / n, self.height / n)
        canv._code.append(" ".join(ops) + " f")  # raw path operators: integers, no per-number formatting
        canv.restoreState()


def qr(value: str, size: float = 26 * mm, level: str = "M") -> QrFlowable:
    """A vector QR code of ``value``, ``size`` points square including its quiet zone."""
    return QrFlowable(value, size, level)


def grid_table(rows: Sequence[Sequence[Any]], col_widths: Sequence[float], *, header_rows: int = 1,
               label_cols: Sequence[int] = (), extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A form table with thin borders; header rows shaded and repeated on every page."""
    t = Table([list(r) for r in rows], colWidths=list(col_widths), repeatRows=header_rows)
    cmds: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    for c in label_cols:
        cmds.append(("BACKGROUND", (c, 0), (c, -1), SHADE))
    cmds += list(extra)
    t.setStyle(TableStyle(cmds))
    return t


def kv_table(pairs: Sequence[tuple[str, object]], *, columns: int = 2, label_width: float = 24 * mm) -> Table:
    """Label/value pairs, ``columns`` pairs per row (labels shaded); a label starting with ``*`` spans the row."""
    st = styles()
    value_width = (CONTENT_WIDTH - columns * label_width) / columns
    rows: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    cur: list[Any] = []
    for label, value in pairs:
        cell = value if isinstance(value, Flowable) else p(value, st.cell)
        if label.startswith("*"):  # full-width pair
            if cur:
                rows.append(cur + [""] * (2 * columns - len(cur)))
                cur = []
            rows.append([p(label[1:], st.cell_center), cell] + [""] * (2 * columns - 2))
            spans.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
            continue
        cur += [p(label, st.cell_center), cell]
        if len(cur) == 2 * columns:
            rows.append(cur)
            cur = []
    if cur:
        rows.append(cur + [""] * (2 * columns - len(cur)))
        spans.append(("SPAN", (len(cur) - 1, len(rows) - 1), (-1, len(rows) - 1)))
    widths = [label_width, value_width] * columns
    spanned = {cmd[1][1] for cmd in spans}
    shade = [("BACKGROUND", (c, r), (c, r), SHADE) for r in range(len(rows)) for c in range(0, 2 * columns, 2)
             if r not in spanned or c == 0]
    return grid_table(rows, widths, header_rows=0, extra=spans + shade)


def section(text: str, min_space: float = 35 * mm) -> list[Flowable]:
    """A section heading, moved to the next page when less than ``min_space`` is left under it.

    (``keepWithNext`` would drag a long table whole onto the next page and leave a blank one.)
    """
    return [CondPageBreak(min_space), p(text, styles().section)]


def quoted(name: str) -> str:
    """``name`` in Chinese quotes; quotes inside become single ones (“新生儿出生‘一件事’”)."""
    return "“" + name.replace("“", "‘").replace("”", "’") + "”"


def signature_line(label: str, width: float = 60 * mm, label_width: float = 34 * mm) -> Table:
    """``label：________  日期：________`` as one aligned row."""
    st = styles()
    t = Table([[p(label, st.plain), "", p("日期：", st.plain), ""]],
              colWidths=[label_width, width, 18 * mm, 40 * mm], rowHeights=[11 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return t


class SignatureImageError(ValueError):
    """The signature bytes are not an image reportlab can read."""


def signature_image(data: bytes, box: tuple[float, float]) -> Flowable:
    """A captured signature (PNG/JPEG bytes) scaled into ``box`` (width, height), aspect kept."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        w, h = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # PIL raises several types for unreadable images
        raise SignatureImageError("签名图像无法读取（需要 PNG 或 JPEG）") from exc
    scale = min(box[0] / w, box[1] / h)
    return Image(io.BytesIO(data), width=w * scale, height=h * scale)


def signature_block(rows: list[list[Any]], col_widths: Sequence[float], row_heights: Sequence[float]) -> Table:
    """Signature lines: rows of (label, signature or name, "日期：", date), ruled under columns 2 and 4."""
    t = Table(rows, colWidths=list(col_widths), rowHeights=list(row_heights), hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def vspace(h: float) -> Spacer:
    return Spacer(1, h)


def reprint_stamp(at: dt.datetime | None) -> str:
    """The mark on every page of a reprint (补打): ``补打 2026-11-23 10:05``; empty for a first print."""
    return f"补打 {at:%Y-%m-%d %H:%M}" if at is not None else ""


def draw_stamp(canv: Canvas, stamp: str, x_right: float, y: float, size: float = 9) -> None:
    """``stamp`` boxed in red, its right edge at ``x_right``, its baseline at ``y`` (e.g. 补打 with the time)."""
    if not stamp:
        return
    canv.saveState()
    canv.setFont(FONT_NAME, size)
    w = canv.stringWidth(stamp, FONT_NAME, size)
    red = colors.Color(0.75, 0.1, 0.1)
    canv.setFillColor(red)
    canv.setStrokeColor(red)
    canv.setLineWidth(0.8)
    canv.rect(x_right - w - 2 * mm, y - 1.2 * mm, w + 2 * mm, size + 1.6 * mm, stroke=1, fill=0)
    canv.drawRightString(x_right - 1 * mm, y, stamp)
    canv.restoreState()


def _numbered_canvas(header_left: str, header_right: str, footer_note: str, stamp: str = "") -> type[Canvas]:
    """A canvas that holds pages back to print 第 x 页 共 y 页 and the running header on each
    (and ``stamp``, e.g. 补打 with the time, in the top margin of every page)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT_NAME
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._chrome(total)
                super().showPage()
            super().save()

        def _chrome(self, total: int) -> None:
            w, h = self._pagesize
            y = h - 14 * mm
            self.saveState()
            self.setFont(FONT_NAME, 8.5)
            self.setFillColor(GREY)
            self.drawString(MARGIN_X, y, header_left)
            self.drawRightString(w - MARGIN_X, y, header_right)
            self.setStrokeColor(GREY)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, y - 2 * mm, w - MARGIN_X, y - 2 * mm)
            self.line(MARGIN_X, 13 * mm, w - MARGIN_X, 13 * mm)
            self.drawCentredString(w / 2, 8.5 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            if footer_note:
                self.drawString(MARGIN_X, 8.5 * mm, footer_note)
            self.restoreState()
            draw_stamp(self, stamp, w - MARGIN_X, h - 8.5 * mm)

    return NumberedCanvas


def build_pdf(story: list[Flowable], *, title: str, number: str, hall_name: str, footer_note: str = "",
              subject: str = "", pagesize: tuple[float, float] = PAGE,
              on_page: Callable[[Canvas, Any], None] | None = None, stamp: str = "") -> bytes:
    """Lays ``story`` out on A4 with the running header (hall · title · number) and page numbers.

    ``stamp`` (see ``reprint_stamp``) is printed boxed in the top margin of every page.
    """
    register_cjk_font()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{title} {number}".strip(), author=hall_name, subject=subject,
        creator="window-clerk",
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, pagesize[0] - 2 * MARGIN_X, pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page or _noop)])
    right = f"{title}　编号：{number}" if number else title
    canvasmaker = _numbered_canvas(one_line(hall_name), one_line(right), one_line(footer_note), one_line(stamp))
    doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue()


def _noop(canvas: Canvas, doc: Any) -> None:
    pass
