"""The 80 mm thermal queue ticket (排队小票): page 80 mm wide, as tall as its content."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from clerk.settings import HallSettings
from printing.fonts import register_cjk_font
from printing.layout import cn_datetime, qr
from printing.text import para

TICKET_WIDTH = 80 * mm
TICKET_MARGIN = 4 * mm


@dataclass(frozen=True)
class QueueTicket:
    """What a queue ticket shows."""

    number: str
    service_name: str
    people_ahead: int | None
    """None: not known (a kiosk's fallback ticket while the hall server is down)."""
    issued_at: dt.datetime
    qr_value: str = ""
    """What the QR encodes (e.g. a queue-status URL); the ticket number if empty."""
    note: str = ""


def render_queue_ticket(ticket: QueueTicket, hall: HallSettings) -> bytes:
    """The queue ticket as a one-page PDF 80 mm wide, its height fitted to the content."""
    font = register_cjk_font()

    def style(name: str, size: float, leading: float | None = None, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.3,
                              alignment=1, wordWrap="CJK", **kw)

    width = TICKET_WIDTH - 2 * TICKET_MARGIN
    story: list[Flowable] = [
        Paragraph(para(hall.name), style("hall", 10.5)),
        Spacer(1, 1.5 * mm),
        HRFlowable(width="100%", thickness=0.6, dash=[2, 2]),
        Spacer(1, 2 * mm),
        Paragraph("您的排队号", style("lbl", 10)),
        Paragraph(para(ticket.number), style("num", 40, 46)),
        Paragraph(para(ticket.service_name), style("svc", 12, 16)),
        Spacer(1, 1.5 * mm),
        Paragraph(f"您前面还有 <font size=14>{int(ticket.people_ahead)}</font> 人等候" if ticket.people_ahead is not None
                  else "应急号：系统恢复后按取号先后顺序排队", style("ahead", 10.5, 17)),
        Paragraph(f"取号时间：{cn_datetime(ticket.issued_at)}", style("time", 9)),
        Spacer(1, 2 * mm),
        qr(ticket.qr_value or ticket.number, 30 * mm),
        Paragraph("扫码查看排队进度", style("qrcap", 8.5)),
    ]
    if ticket.note:
        story.append(Paragraph(para(ticket.note), style("note", 8.5)))
    story += [
        Spacer(1, 1.5 * mm),
        HRFlowable(width="100%", thickness=0.6, dash=[2, 2]),
        Spacer(1, 1 * mm),
        Paragraph(para(f"请留意叫号，过号请重新取号。咨询电话 {hall.phone}，投诉 {hall.complaint_phone}"),
                  style("foot", 8, 11)),
    ]
    for f in story:
        f.hAlign = "CENTER"
    height = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    page_h = height + 2 * TICKET_MARGIN + 2 * mm  # a little slack for rounding
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(TICKET_WIDTH, page_h), leftMargin=TICKET_MARGIN,
                          rightMargin=TICKET_MARGIN, topMargin=TICKET_MARGIN, bottomMargin=TICKET_MARGIN,
                          title=f"排队号 {ticket.number}", author=hall.name, creator="window-clerk")
    frame = Frame(TICKET_MARGIN, TICKET_MARGIN, width, page_h - 2 * TICKET_MARGIN,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("ticket", [frame])])
    doc.build(story, canvasmaker=_canvasmaker(font))
    return buf.getvalue()


def _canvasmaker(font: str) -> type:
    from reportlab.pdfgen.canvas import Canvas

    class TicketCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *a: object, **kw: object) -> None:
            kw["initialFontName"] = kw.get("initialFontName") or font
            super().__init__(*a, **kw)

    return TicketCanvas
