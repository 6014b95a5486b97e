"""不予受理通知书 — the refusal with the reason and the applicant's means of appeal."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from clerk.intake.model import CaseView
from clerk.settings import HallSettings
from printing.casepaper import number_block
from printing.layout import (
    build_pdf,
    cn_date,
    keep,
    kv_table,
    p,
    pm,
    quoted,
    reprint_stamp,
    section,
    styles,
    vspace,
)
from printing.text import para

TITLE = "不予受理通知书"


def render_refusal(case: CaseView, hall: HallSettings, *, reprint_at: dt.datetime | None = None) -> bytes:
    """The refusal (不予受理通知书) with ``case.reject_reason`` and ``hall.refusal_appeal_text``."""
    st = styles()
    applied = case.created_at
    decided = case.rejected_at or case.created_at
    reason = case.reject_reason.strip().rstrip("。") or "（未填写理由）"
    story: list[Flowable] = [
        p(hall.name, st.subtitle),
        p(TITLE, st.title),
        number_block("文书编号", case.case_no),
        vspace(4 * mm),
        p(f"{case.applicant.name}：", st.plain),
        pm(
            f"你（单位）于 {cn_date(applied)} 提出的{para(quoted(case.bundle_name))}申请，经审查，"
            f"{para(reason)}。根据《中华人民共和国行政许可法》第三十二条的规定，决定不予受理。",
            st.body,
        ),
        p(hall.refusal_appeal_text, st.body),
        *section("申请信息"),
        kv_table([
            ("申请人", case.applicant.name),
            ("申请日期", cn_date(applied)),
            ("*申请事项", case.bundle_name + "（" + "、".join(m.name for m in case.matters) + "）"),
            ("*不予受理理由", reason),
        ]),
        vspace(4 * mm),
        p(f"咨询电话：{hall.phone}　　投诉监督电话：{hall.complaint_phone}　　地址：{hall.address}", st.small),
        vspace(12 * mm),
        keep(
            p(f"{hall.name}（盖章）", st.right),
            vspace(2 * mm),
            p(cn_date(decided), st.right),
            vspace(6 * mm),
            p(f"经办人：{case.operator_name or case.operator}（工号 {case.operator}）　　窗口：{case.window}", st.small),
        ),
    ]
    return build_pdf(story, title=TITLE, number=case.case_no, hall_name=hall.name, subject=case.bundle_name,
                     stamp=reprint_stamp(reprint_at))
