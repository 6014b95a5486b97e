"""补正材料通知书 — the one-time supplement notice of a case the back office sent back (需补正)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from clerk.intake.model import CaseMaterial, CaseView, MaterialStatus
from clerk.settings import HallSettings
from clerk.supplements import RequestedMaterial, SupplementRequest
from printing.casepaper import material_form, number_block
from printing.layout import (
    CONTENT_WIDTH,
    GRID,
    build_pdf,
    cn_date,
    grid_table,
    keep,
    kv_table,
    p,
    pm,
    quoted,
    reprint_stamp,
    section,
    signature_line,
    styles,
    vspace,
)
from printing.masking import mask_name
from printing.receipt import SIGNATURE_MATERIAL
from printing.text import para

TITLE = "补正材料通知书"

_OUTSTANDING = (MaterialStatus.DEFERRED, MaterialStatus.MISSING)


def requested_materials(request: SupplementRequest) -> list[RequestedMaterial]:
    """The materials the request asks for, in its order: every outstanding one (容缺后补 or missing) and
    every other one the back office's note names (by name or code); never the signature pseudo-material."""
    note = request.note or ""
    out: list[RequestedMaterial] = []
    for m in request.materials:
        if m.code == SIGNATURE_MATERIAL or m.status is MaterialStatus.NOT_REQUIRED:
            continue
        if m.status in _OUTSTANDING or (m.name and m.name in note) or (m.code and m.code in note):
            out.append(m)
    return out


def return_by(case: CaseView, asked: list[RequestedMaterial]) -> dt.date | None:
    """The date to bring the materials by, if known: the case's ``return_by``, else the earliest deadline."""
    if case.return_by is not None:
        return case.return_by
    deadlines = [m.deadline for m in asked if m.deadline is not None]
    return min(deadlines) if deadlines else None


def render_supplement_notice(case: CaseView, request: SupplementRequest, hall: HallSettings, *,
                             reprint_at: dt.datetime | None = None) -> bytes:
    """The supplement notice (补正材料通知书) of a case in 需补正, as PDF bytes.

    Prints the back office's note literally, then every material asked for (``requested_materials``) in
    one list with why it is needed, its form and where to get it (from the case's checklist, as the
    one-time notice does), the return-by date when it is known, and the case number as Code128 so the
    window finds the case when the applicant comes back.
    """
    st = styles()
    asked = requested_materials(request)
    by_code = {m.code: m for m in case.materials}
    due = return_by(case, asked)
    applicant = mask_name(case.applicant.name) if hall.mask_names else case.applicant.name
    story: list[Flowable] = [
        p(hall.name, st.subtitle),
        p(TITLE, st.title),
        number_block("受理编号", case.case_no),
        vspace(3 * mm),
        p(f"{applicant}：", st.plain),
        pm(f"您（单位）申请办理的{para(quoted(case.bundle_name))}（受理编号 {para(case.case_no)}），经承办部门审查，"
           "所提交的材料需要补正。现将需补正的全部内容一次性告知如下，请按要求补齐后送交本中心综合窗口。",
           st.body),
        *section("一、补正意见"),
        _note_box(request.note),
        *section("二、通知信息"),
        kv_table([
            ("申请人", applicant),
            ("通知日期", cn_date(request.asked_at)),
            ("*申请事项", case.bundle_name + "（" + "、".join(m.name for m in case.matters) + "）"),
            *([("*补正期限", f"请于 {cn_date(due)} 前补齐下列材料")] if due is not None else []),
        ]),
        *section(f"三、需补正的材料（共 {len(asked)} 项）"),
    ]
    widths = [10 * mm, 38 * mm, 0.0, 24 * mm, 30 * mm, 29 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    rows: list[list[Any]] = [[p(h, st.cell_head) for h in ("序号", "材料名称", "需要原因", "提交形式", "获取途径", "补交期限")]]
    for i, r in enumerate(asked, 1):
        m: CaseMaterial | None = by_code.get(r.code)
        why = (m.why + (f"（{m.note}）" if m.note else "")) if m else ""
        rows.append([
            p(i, st.cell_center), p(r.name, st.cell), p(why or "见补正意见", st.cell),
            p(material_form(m) if m else "—", st.cell_center), p((m.source if m else "") or "—", st.cell),
            p(cn_date(r.deadline or due, "—"), st.cell_center),
        ])
    if len(rows) == 1:
        rows.append([p("—", st.cell_center), p("（以补正意见为准）", st.cell), "", "", "", ""])
    story.append(grid_table(rows, widths))
    story += [
        vspace(5 * mm),
        keep(
            signature_line(f"告知人：{case.operator_name}", 50 * mm, 40 * mm),
            signature_line("申请人签收：", 50 * mm, 40 * mm),
            p(f"（{case.window} 号综合窗口）", st.small),
        ),
        vspace(5 * mm),
        p(f"办理地点：{hall.name}综合窗口（{hall.address}）", st.cell),
        p(f"办公时间：{hall.office_hours}", st.cell),
        p(f"咨询电话：{hall.phone}　　投诉监督电话：{hall.complaint_phone}", st.cell),
        p("补正材料时请携带本通知书，窗口扫描上方条码即可调出您的案件，无需重新申请。", st.small),
    ]
    return build_pdf(story, title=TITLE, number=case.case_no, hall_name=hall.name, subject=case.bundle_name,
                     stamp=reprint_stamp(reprint_at))


def _note_box(note: str) -> Paragraph:
    """The back office's note, printed literally (escaped, glyph-safe) in a box that may split across pages."""
    st = styles()
    text = note.strip() if note else ""
    style = ParagraphStyle("supplement_note", parent=st.plain, borderWidth=0.6, borderColor=GRID,
                           borderPadding=(5, 8, 7, 8), leftIndent=8, rightIndent=8, spaceBefore=5, spaceAfter=7)
    return p(text or "（承办部门未填写补正意见，请以下列材料清单为准）", style)
