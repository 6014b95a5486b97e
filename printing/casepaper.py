"""Blocks several case papers share: the number with its barcode, the applicant, material wording."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from clerk.intake.model import ID_TYPE_LABELS, CaseMaterial, CaseView, Person
from printing.fonts import FONT_NAME
from printing.layout import CONTENT_WIDTH, code128, p, pm, qr, styles
from printing.masking import mask_id, mask_phone
from printing.text import para


def number_block(label: str, number: str, qr_value: str | None = None, qr_caption: str = "") -> Table:
    """``label：number`` over its Code128, with an optional QR code and caption on the right."""
    st = styles()
    left: list[Flowable] = [p(f"{label}：{number}", st.plain), code128(number)]
    if qr_value is None:
        t = Table([[p(f"{label}：{number}", st.plain), code128(number)]],
                  colWidths=[CONTENT_WIDTH - 96 * mm, 96 * mm])
        t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
        ]))
        return t
    else:
        right: list[Flowable] = [qr(qr_value, 24 * mm), p(qr_caption, st.small_center)]
        t = Table([[left, right]], colWidths=[CONTENT_WIDTH - 34 * mm, 34 * mm])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
    ]))
    return t


def person_pairs(person: Person, role: str) -> list[tuple[str, object]]:
    """Label/value pairs of a person; a natural person's ID and phone are masked."""
    is_person = person.kind == "person"
    id_no = mask_id(person.id_number) if is_person else person.id_number
    pairs: list[tuple[str, object]] = [
        (role, person.name),
        ("证件类型", ID_TYPE_LABELS.get(str(person.id_type), str(person.id_type))),
        ("证件号码", id_no),
        ("联系电话", mask_phone(person.phone) if person.phone else ""),
    ]
    if not is_person and person.legal_representative:
        pairs.append(("法定代表人", person.legal_representative))
    return pairs


def applicant_pairs(case: CaseView) -> list[tuple[str, object]]:
    pairs = person_pairs(case.applicant, "申请人")
    if case.agent is not None:
        pairs += person_pairs(case.agent, "代办人")
    return pairs


def material_form(m: CaseMaterial) -> str:
    """How a material is to be handed in: ``原件 1 份，复印件 2 份``."""
    parts = []
    if m.originals:
        parts.append(f"原件 {m.originals} 份")
    if m.copies:
        parts.append(f"复印件 {m.copies} 份")
    return "，".join(parts) or "—"


def matters_rows(case: CaseView) -> list[list[Any]]:
    st = styles()
    rows: list[list[Any]] = [[p(h, st.cell_head) for h in ("序号", "办理事项", "承办部门", "承诺时限")]]
    for i, m in enumerate(case.matters, 1):
        limit = p(f"{m.time_limit_days} 个工作日", st.cell_center)
        if m.due_date is not None:  # accepted: its own due date, after the matters it waits for (depends_on)
            limit = pm(f"{para(m.time_limit_days)} 个工作日<br/>{para(f'{m.due_date.month}月{m.due_date.day}日前')}",
                       st.cell_center)
        rows.append([p(i, st.cell_center), p(m.name, st.cell), p(m.department, st.cell), limit])
    return rows
