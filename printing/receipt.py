"""受理通知书 — the receipt handed to the applicant when the window accepts a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from clerk.intake.model import CaseMaterial, CaseView, MaterialStatus
from clerk.settings import HallSettings
from printing.casepaper import applicant_pairs, material_form, matters_rows, number_block
from printing.fonts import FONT_NAME
from printing.layout import (
    CONTENT_WIDTH,
    GRID,
    build_pdf,
    cn_date,
    cn_datetime,
    grid_table,
    keep,
    kv_table,
    p,
    pm,
    qr,
    quoted,
    reprint_stamp,
    section,
    styles,
    vspace,
)
from printing.text import para

TITLE = "受理通知书"

_RECEIVED = (MaterialStatus.PROVIDED, MaterialStatus.ORIGINAL_CHECKED, MaterialStatus.E_LICENSE)


def licence_state(m: CaseMaterial) -> str:
    """How an ``e_license`` material was had: 电子证照（编号…）, 待核验电子证照 or 数据共享核验（编号…）."""
    if m.licence_number:
        return f"电子证照（编号{m.licence_number}）"
    if m.licence_pending:
        return "待核验电子证照"
    if m.shared_check and m.shared_check.get("result") is True:
        return f"数据共享核验（编号{m.shared_check.get('reference')}）"
    return "电子证照免提交"

SIGNATURE_MATERIAL = "applicant_signature"
"""Code of the pseudo-material the applicant's captured signature is stored as (``clerk.field``):
never listed in a material table of any printout."""


def listed_materials(materials: Iterable[CaseMaterial]) -> list[CaseMaterial]:
    """``materials`` as a printout lists them: without the signature pseudo-material."""
    return [m for m in materials if m.code != SIGNATURE_MATERIAL]


def _where(case: CaseView) -> str:
    """Where the case was taken: 上门 at the visit's address, or the hall's window."""
    if case.visit_address:
        return f"由本中心工作人员上门（{para(case.visit_address)}）"
    return f"在本中心 {para(case.window)} 号综合窗口"


def render_receipt(case: CaseView, hall: HallSettings, *, reprint_at: dt.datetime | None = None) -> bytes:
    """The receipt (受理通知书) of an accepted case as PDF bytes; ``reprint_at`` marks every page 补打."""
    st = styles()
    story: list[Flowable] = [
        p(hall.name, st.subtitle),
        p(TITLE, st.title),
        number_block("受理编号", case.case_no, hall.check_url + case.case_no, "扫码查询办理进度"),
        vspace(3 * mm),
        p(f"{case.applicant.name}：", st.plain),
        pm(
            f"您（单位）申请办理的{para(quoted(case.bundle_name))}，材料齐全、符合法定形式，"
            f"已于 {cn_datetime(case.accepted_at or case.created_at)} {_where(case)}受理。"
            f"本件法定办结日期为 <u>{cn_date(case.due_date, '（待定）')}</u>。",
            st.body,
        ),
        *section("一、受理信息"),
        kv_table(applicant_pairs(case) + [
            ("受理日期", cn_date(case.accepted_at or case.created_at)),
            ("法定办结日期", cn_date(case.due_date, "（待定）")),
            ("*结果送达", _delivery_text(case)),
            *_region_pairs(case),
            ("受理人", f"{case.operator_name or case.operator}（工号 {case.operator}）"),
            ("受理方式", f"上门办理（{case.visit_address}）") if case.visit_address
            else ("受理窗口", f"{case.window} 号综合窗口"),
        ]),
        *section("二、办理事项"),
        grid_table(matters_rows(case), [12 * mm, CONTENT_WIDTH - 12 * mm - 52 * mm - 28 * mm, 52 * mm, 28 * mm]),
    ]

    received = [m for m in listed_materials(case.materials) if m.status in _RECEIVED]
    story += section("三、已收材料")
    rows: list[list[Any]] = [[p(h, st.cell_head) for h in ("序号", "材料名称", "提交形式", "页数", "状态")]]
    for i, m in enumerate(received, 1):
        paper = m.status in (MaterialStatus.PROVIDED, MaterialStatus.ORIGINAL_CHECKED)
        state = {MaterialStatus.PROVIDED: "已提交", MaterialStatus.ORIGINAL_CHECKED: "已核验原件"}.get(m.status) or licence_state(m)
        rows.append([
            p(i, st.cell_center), p(m.name, st.cell), p(material_form(m) if paper else "—", st.cell_center),
            p(m.pages if paper and m.files else "—", st.cell_center),
            p(state, st.cell_center),
        ])
    if not received:
        rows.append([p("—", st.cell_center), p("（无）", st.cell), "", "", ""])
    story.append(grid_table(rows, [12 * mm, CONTENT_WIDTH - 12 * mm - 40 * mm - 14 * mm - 30 * mm, 40 * mm, 14 * mm, 30 * mm]))

    deferred = listed_materials(case.deferred)
    if deferred:
        story += section("四、容缺后补材料（已签署告知承诺书）")
        rows = [[p(h, st.cell_head) for h in ("序号", "材料名称", "提交形式", "补交期限")]]
        for i, m in enumerate(deferred, 1):
            rows.append([p(i, st.cell_center), p(m.name, st.cell), p(material_form(m), st.cell_center),
                         p(cn_date(m.deadline, "—"), st.cell_center)])
        story.append(grid_table(rows, [12 * mm, CONTENT_WIDTH - 12 * mm - 40 * mm - 34 * mm, 40 * mm, 34 * mm]))
        story.append(p("请在补交期限前将上述材料送交本中心综合窗口；逾期未补交的，按告知承诺书的约定处理。", st.note))

    story += [
        vspace(3 * mm),
        p(hall.receipt_footer, st.plain),
        p(f"咨询电话：{hall.phone}　　投诉监督电话：{hall.complaint_phone}　　地址：{hall.address}", st.small),
        p(f"办公时间：{hall.office_hours}", st.small),
        vspace(4 * mm),
        keep(_evaluation_box(case, hall)),
        vspace(5 * mm),
        p(f"{hall.name}（盖章）　　{cn_date(case.accepted_at or case.created_at)}", st.right),
    ]
    return build_pdf(story, title=TITLE, number=case.case_no, hall_name=hall.name, subject=case.bundle_name,
                     stamp=reprint_stamp(reprint_at))


def _region_pairs(case: CaseView) -> list[tuple[str, object]]:
    """跨域通办: a case taken in here for another region's authority says so (异地代收代办)."""
    if not case.remote_intake:
        return []
    from clerk.intake.validation import region_name

    name = region_name(case.handling_region)
    return [("*办理属地", f"异地代收代办，由 {name or case.handling_region}（{case.handling_region}）承办部门办理")]


def _delivery_text(case: CaseView) -> str:
    d = case.delivery
    if d.method == "post":
        return f"邮寄送达：{d.recipient} {d.phone} {d.address}".strip()
    return "到本中心综合窗口领取（凭本通知书或受理编号）"


def _evaluation_box(case: CaseView, hall: HallSettings) -> Table:
    st = styles()
    text = [
        p("好差评 · 邀请您评价", st.section),
        p("办事满意吗？请用手机扫描右侧二维码，对本次服务作出评价。"
          "您的每一条评价都会被认真对待，差评将在规定时限内回访整改。", st.plain),
    ]
    t = Table([[text, [qr(hall.evaluation_url + case.case_no, 24 * mm), p("扫码评价", st.small_center)]]],
              colWidths=[CONTENT_WIDTH - 36 * mm, 36 * mm])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (0, 0), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return t
