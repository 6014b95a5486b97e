"""一次性告知单 — the one-time notice listing every missing material, so the applicant comes back once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from clerk.intake.model import CaseView
from clerk.settings import HallSettings
from printing.casepaper import material_form, number_block
from printing.layout import (
    CONTENT_WIDTH,
    build_pdf,
    cn_date,
    grid_table,
    keep,
    kv_table,
    p,
    reprint_stamp,
    section,
    signature_line,
    styles,
    vspace,
)
from printing.receipt import listed_materials

TITLE = "一次性告知单"


def render_one_time_notice(case: CaseView, hall: HallSettings, *, reprint_at: dt.datetime | None = None) -> bytes:
    """The one-time notice (一次性告知单) of a draft with missing materials, as PDF bytes.

    Lists every required material whose status is MISSING (``case.missing``, less the signature pseudo-material) with why it is needed,
    its form, where to get it and whether it may be deferred under a signed commitment (容缺).
    The draft's number is printed as Code128 so the clerk finds the draft on the return visit.
    """
    st = styles()
    notified = case.notified_at or case.created_at
    missing = listed_materials(case.missing)
    story: list[Flowable] = [
        p(hall.name, st.subtitle),
        p(TITLE, st.title),
        number_block("告知编号", case.case_no),
        vspace(3 * mm),
        p(f"{case.applicant.name}：", st.plain),
        p(hall.notice_intro, st.body),
        *section("一、申请信息"),
        kv_table([
            ("申请人", case.applicant.name),
            ("告知日期", cn_date(notified)),
            ("*申请事项", case.bundle_name + "（" + "、".join(m.name for m in case.matters) + "）"),
            ("*补齐期限", f"请于 {cn_date(case.return_by, '（另行通知）')} 前补齐下列材料"),
        ]),
        *section(f"二、需补正的材料（共 {len(missing)} 项）"),
    ]
    widths = [10 * mm, 44 * mm, 0.0, 26 * mm, 36 * mm, 17 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    rows: list[list[Any]] = [[p(h, st.cell_head) for h in ("序号", "材料名称", "需要原因", "提交形式", "获取途径", "可否容缺")]]
    for i, m in enumerate(missing, 1):
        why = m.why + (f"（{m.note}）" if m.note else "")
        rows.append([
            p(i, st.cell_center), p(m.name, st.cell), p(why or "—", st.cell), p(material_form(m), st.cell_center),
            p(m.source or "—", st.cell), p("可容缺承诺" if m.deferrable else "否", st.cell_center),
        ])
    if len(rows) == 1:
        rows.append([p("—", st.cell_center), p("（无缺少材料）", st.cell), "", "", "", ""])
    story.append(grid_table(rows, widths))
    if any(m.deferrable for m in missing):
        story.append(p("标注“可容缺承诺”的材料，可在签署告知承诺书后先行受理、限期补交。", st.note))
    story += [
        vspace(5 * mm),
        keep(
            signature_line(f"告知人：{case.operator_name}", 50 * mm, 40 * mm),
            signature_line("申请人签收：", 50 * mm, 40 * mm),
            p(f"（告知人工号 {case.operator}，{case.window} 号综合窗口）", st.small),
        ),
        vspace(5 * mm),
        p(f"办理地点：{hall.name}综合窗口（{hall.address}）", st.cell),
        p(f"办公时间：{hall.office_hours}", st.cell),
        p(f"咨询电话：{hall.phone}　　投诉监督电话：{hall.complaint_phone}", st.cell),
        p("补齐材料时请携带本告知单，窗口扫描上方条码即可调出您的申请，无需重复填写。", st.small),
    ]
    return build_pdf(story, title=TITLE, number=case.case_no, hall_name=hall.name, subject=case.bundle_name,
                     stamp=reprint_stamp(reprint_at))
