"""告知承诺书 — the commitment letter the applicant signs for materials deferred under 容缺受理."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from clerk.intake.model import CaseView
from clerk.settings import HallSettings
from printing.casepaper import applicant_pairs, material_form, number_block
from printing.layout import (
    CONTENT_WIDTH,
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
    signature_block,
    signature_image,
    styles,
    vspace,
)
from printing.text import para

TITLE = "容缺受理告知承诺书"

SIGNATURE_BOX = (50 * mm, 16 * mm)


def render_commitment_letter(case: CaseView, hall: HallSettings, signature: bytes | None = None, *,
                             reprint_at: dt.datetime | None = None) -> bytes:
    """The commitment letter (告知承诺书) for ``case.deferred`` materials, as PDF bytes.

    ``signature``: optional PNG/JPEG bytes of the captured signature, scaled into the applicant's
    signature line (at most 50 × 16 mm, aspect kept); the line stays blank for a pen otherwise.
    """
    st = styles()
    story: list[Flowable] = [
        p(hall.name, st.subtitle),
        p(TITLE, st.title),
        number_block("受理编号", case.case_no),
        *section("一、申请人"),
        kv_table(applicant_pairs(case)),
        *section("二、容缺后补的材料"),
        pm(f"申请人申请办理{para(quoted(case.bundle_name))}，下列材料暂未提交，经申请人申请，"
           "适用容缺受理，先行受理、限期补交：", st.body),
        vspace(2 * mm),
    ]
    widths = [12 * mm, 0.0, 40 * mm, 34 * mm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    rows: list[list[Any]] = [[p(h, st.cell_head) for h in ("序号", "材料名称", "提交形式", "补交期限")]]
    for i, m in enumerate(case.deferred, 1):
        rows.append([p(i, st.cell_center), p(m.name, st.cell), p(material_form(m), st.cell_center),
                     p(cn_date(m.deadline, "—"), st.cell_center)])
    if len(rows) == 1:
        rows.append([p("—", st.cell_center), p("（无容缺材料）", st.cell), "", ""])
    story.append(grid_table(rows, widths))
    signed = case.commitment_signed_at
    story += [
        *section("三、承诺"),
        p(hall.commitment_text, st.body),
        vspace(8 * mm),
        keep(_signatures(case, signature, cn_date(signed) if (signed and signature) else "")),
    ]
    return build_pdf(story, title=TITLE, number=case.case_no, hall_name=hall.name, subject=case.bundle_name,
                     stamp=reprint_stamp(reprint_at))


def _signatures(case: CaseView, signature: bytes | None, signed_date: str) -> Table:
    st = styles()
    sig: Any = signature_image(signature, SIGNATURE_BOX) if signature else ""
    rows = [
        [p("申请人（签字/盖章）：", st.plain), sig, p("日期：", st.plain), p(signed_date, st.plain)],
        [p("受理人（签字）：", st.plain), p(f"{case.operator_name}（工号 {case.operator}）", st.plain),
         p("日期：", st.plain), p(signed_date, st.plain)],
    ]
    return signature_block(rows, [46 * mm, 56 * mm, 18 * mm, 40 * mm], [20 * mm, 14 * mm])
