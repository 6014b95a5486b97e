"""Material labels (a sheet of stickers) and separator sheets (分隔页) between scanned materials."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from clerk.intake.model import CaseMaterial, CaseView, MaterialStatus
from clerk.settings import HallSettings
from printing.fonts import FONT_NAME, register_cjk_font
from printing.layout import (
    CONTENT_WIDTH,
    build_pdf,
    cn_date,
    code128,
    draw_stamp,
    kv_table,
    p,
    qr,
    quoted,
    reprint_stamp,
    styles,
    vspace,
)
from printing.masking import mask_name
from printing.text import one_line, para

LABEL_BAR_WIDTH = 0.85
"""Module of the label barcode (0.30 mm): read by hand scanners on any office printer (≥ 300 dpi)."""


@dataclass(frozen=True)
class LabelSheet:
    """Geometry of an A4 label stock; the default is the borderless 2 × 7 sheet of 105 × 42.3 mm stickers
    (wide enough for the material barcode at a 0.30 mm module)."""

    columns: int = 2
    rows: int = 7
    width: float = 105 * mm
    height: float = 42.3 * mm
    left: float = 0.0
    top: float = 0.45 * mm
    h_gap: float = 0.0
    v_gap: float = 0.0
    padding: float = 4 * mm


def material_label_value(case_no: str, material_code: str) -> str:
    """What a material label's barcode encodes: ``case_no-material_code``."""
    return f"{case_no}-{material_code}"


def separator_value(case_no: str, material_code: str) -> str:
    """What a separator sheet's barcode encodes: ``SEP:case_no:material_code``."""
    return f"SEP:{case_no}:{material_code}"


def _paper(case: CaseView, materials: Sequence[CaseMaterial] | None) -> list[CaseMaterial]:
    if materials is not None:
        return list(materials)
    return [m for m in case.materials if m.status is MaterialStatus.PROVIDED]


def render_material_labels(case: CaseView, hall: HallSettings, materials: Sequence[CaseMaterial] | None = None,
                           *, sheet: LabelSheet = LabelSheet(), skip: int = 0,
                           reprint_at: dt.datetime | None = None) -> bytes:
    """A label sheet, one sticker per paper material (default: the PROVIDED ones).

    Each sticker: material name, applicant and bundle, and a Code128 of ``case_no-material_code``.
    ``skip`` leaves the first stickers of a partly used sheet blank. ``reprint_at`` puts a small
    补打 stamp in the top padding of the top-right sticker of every sheet.
    """
    font = register_cjk_font()
    mats = _paper(case, materials)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, initialFontName=font)
    c.setTitle(f"材料标签 {case.case_no}")
    c.setAuthor(hall.name)
    per_page = sheet.columns * sheet.rows
    name_style = ParagraphStyle("label", fontName=font, fontSize=9.5, leading=12, wordWrap="CJK")
    applicant = one_line(mask_name(case.applicant.name) if hall.mask_names else case.applicant.name)
    slot = skip
    stamp = reprint_stamp(reprint_at)
    right = sheet.left + sheet.columns * sheet.width + (sheet.columns - 1) * sheet.h_gap - 1.5 * mm
    for m in mats:
        if slot and slot % per_page == 0:
            draw_stamp(c, stamp, right, A4[1] - sheet.top - 3.2 * mm, 6)
            c.showPage()
        i = slot % per_page
        col, row = i % sheet.columns, i // sheet.columns
        x = sheet.left + col * (sheet.width + sheet.h_gap)
        y = A4[1] - sheet.top - (row + 1) * sheet.height - row * sheet.v_gap
        _draw_label(c, x, y, sheet, m, case, applicant, name_style)
        slot += 1
    if not mats:
        c.setFont(font, 10)
        c.drawString(20 * mm, A4[1] - 30 * mm, "（无需贴标签的纸质材料）")
    draw_stamp(c, stamp, right, A4[1] - sheet.top - 3.2 * mm, 6)
    c.showPage()
    c.save()
    return buf.getvalue()


def _draw_label(c: Canvas, x: float, y: float, sheet: LabelSheet, m: CaseMaterial, case: CaseView,
                applicant: str, name_style: ParagraphStyle) -> None:
    pad = sheet.padding
    inner_w = sheet.width - 2 * pad
    value = material_label_value(case.case_no, m.code)
    bar_width = min(LABEL_BAR_WIDTH, _fit_bar_width(value, sheet.width - 2 * mm, 0.6))
    bc = code128(value, bar_width=bar_width, bar_height=12 * mm, font_size=7.5)
    bw, bh = bc.wrap(sheet.width, sheet.height)
    bc.drawOn(c, x + (sheet.width - bw) / 2, y + 2 * mm)
    # The material name: at most two lines, shortened with … if longer.
    name = one_line(m.name)
    para_ = Paragraph(para(name), name_style)
    while True:
        _, h = para_.wrap(inner_w, sheet.height)
        if h <= 2 * name_style.leading + 0.1 or len(name) <= 2:
            break
        name = name[:-2] + "…"
        para_ = Paragraph(para(name), name_style)
    top = y + sheet.height - pad
    para_.drawOn(c, x + pad, top - h)
    c.setFont(FONT_NAME, 8)
    c.setFillGray(0.25)
    info = f"{applicant} · {m.code} · {one_line(case.bundle_name)}"
    while c.stringWidth(info, FONT_NAME, 8) > inner_w and len(info) > 3:
        info = info[:-2] + "…"
    c.drawString(x + pad, y + 2 * mm + bh + 1.5 * mm, info)
    c.setFillGray(0)


def _fit_bar_width(value: str, width: float, minimum: float) -> float:
    probe = Code128(value, barWidth=1, quiet=1, lquiet=10, rquiet=10)
    return max(minimum, float(width / probe.width))


def render_separator_sheets(case: CaseView, hall: HallSettings,
                            materials: Sequence[CaseMaterial] | None = None, *,
                            reprint_at: dt.datetime | None = None) -> bytes:
    """One separator sheet (分隔页) per material, to put before its pages in the scanner's feeder.

    A large Code128 of ``SEP:case_no:material_code`` (see ``separator_value``) when it fits the page at
    a readable module, always a QR code of the same value, and the same in text.
    """
    st = styles()
    mats = _paper(case, materials)
    big = ParagraphStyle("sepname", parent=st.title, fontSize=22, leading=30)
    story: list[Flowable] = []
    for i, m in enumerate(mats):
        value = separator_value(case.case_no, m.code)
        fit = _fit_bar_width(value, CONTENT_WIDTH, 0.0)
        # A long material code makes a Code128 wider than A4 at a readable module: the QR code of the
        # same value (always printed) is then what the splitter reads.
        linear: list[Flowable] = [code128(value, bar_width=min(1.8, fit), bar_height=32 * mm, font_size=12)] if fit >= 0.8 else []
        story += [
            p("材料分隔页", st.title),
            p("扫描时放在该材料第一页之前；本页不计入材料页数", st.small_center),
            vspace(10 * mm),
            *linear,
            vspace(6 * mm),
            qr(value, size=42 * mm),
            vspace(8 * mm),
            p(m.name, big),
            vspace(8 * mm),
            kv_table([
                ("受理编号", case.case_no),
                ("材料编码", m.code),
                ("申请人", mask_name(case.applicant.name) if hall.mask_names else case.applicant.name),
                ("日期", cn_date(case.accepted_at or case.created_at)),
                ("*办理事项", quoted(case.bundle_name)),
                ("*条码内容", value),
            ]),
        ]
        if i < len(mats) - 1:
            from reportlab.platypus import PageBreak

            story.append(PageBreak())
    if not mats:
        story.append(p("（无纸质材料）", st.plain))
    return build_pdf(story, title="材料分隔页", number=case.case_no, hall_name=hall.name,
                     stamp=reprint_stamp(reprint_at))
