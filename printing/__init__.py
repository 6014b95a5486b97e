"""Printouts of the comprehensive window (reportlab PDFs) and the printers they go to.

Every renderer takes the stored case (``clerk.intake.model.CaseView``) and the hall's settings
(``clerk.settings.HallSettings``) and returns PDF bytes; text is set in an embedded CJK TrueType
font (``printing.fonts``). Printers are in ``printing.backends``.
"""

from printing.backends import CupsPrinter, PdfFilePrinter, Printer, PrinterError
from printing.commitment import render_commitment_letter
from printing.delivery import render_delivery_receipt
from printing.fonts import FontNotFoundError, find_cjk_font, register_cjk_font
from printing.handoff import HandoffRow, render_handoff_sheet
from printing.labels import (
    LabelSheet,
    material_label_value,
    render_material_labels,
    render_separator_sheets,
    separator_value,
)
from printing.layout import SignatureImageError
from printing.masking import mask_id, mask_name, mask_phone
from printing.notice import render_one_time_notice
from printing.receipt import render_receipt
from printing.refusal import render_refusal
from printing.supplement import render_supplement_notice
from printing.ticket import QueueTicket, render_queue_ticket

__all__ = [
    "CupsPrinter",
    "FontNotFoundError",
    "HandoffRow",
    "LabelSheet",
    "PdfFilePrinter",
    "Printer",
    "PrinterError",
    "QueueTicket",
    "SignatureImageError",
    "find_cjk_font",
    "mask_id",
    "mask_name",
    "mask_phone",
    "material_label_value",
    "register_cjk_font",
    "render_commitment_letter",
    "render_delivery_receipt",
    "render_handoff_sheet",
    "render_material_labels",
    "render_one_time_notice",
    "render_queue_ticket",
    "render_receipt",
    "render_refusal",
    "render_separator_sheets",
    "render_supplement_notice",
    "separator_value",
]
