"""送达回证 — the proof of delivery the receiver signs when the results are handed over (一窗出件)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from clerk.handout import Handover
from clerk.intake.model import CaseView
from clerk.settings import HallSettings
from printing.casepaper import number_block
from printing.layout import (
    CONTENT_WIDTH,
    build_pdf,
    cn_date,
    cn_datetime,
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
from printing.masking import mask_id, mask_name, mask_phone
from printing.text import para

TITLE = "送达回证"

SIGNATURE_BOX = (56 * mm, 16 * mm)
"""Largest size of the receiver's signature image on its line (aspect kept)."""

HOTLINE = "12345"
"""The government service hotline (政务服务便民热线), printed with the hall's own numbers."""

_RECEIVED_BY = {"applicant": "申请人本人", "agent": "代领人（受申请人委托）", "post": "邮寄收件人"}


def render_delivery_receipt(case: CaseView, handover: Handover, hall: HallSettings, *,
                            reprint_at: dt.datetime | None = None, signature: bytes | None = None) -> bytes:
    """The proof of delivery (送达回证) of a delivered case, as PDF bytes.

    ``handover``: the hand-over record (``clerk.handout.Handover``): who received the results (name and
    ID number are printed masked), whether a power of attorney was checked, window pickup or post with
    its tracking number, when and by which clerk. ``signature``: optional PNG/JPEG of the receiver's
    signature, placed on the receiver's signature line (at most 56 × 16 mm); blank for a pen otherwise.
    Raises ``SignatureImageError`` when the signature bytes are not an image.
    """
    st = styles()
    post = handover.method == "post"
    story: list[Flowable] = [
        p(hall.name, st.subtitle),
        p(TITLE, st.title),
        number_block("受理编号", case.case_no),
        vspace(3 * mm),
        pm(
            f"申请人{para(_name(case.applicant.name, hall))}申请办理的{para(quoted(case.bundle_name))}已办结，"
            f"本中心于 {cn_datetime(handover.at)} 以{'邮寄' if post else '窗口领取'}方式送达下列办理结果。"
            "请领取人当面核对，确认无误后签字。",
            st.body,
        ),
        *section("一、案件信息"),
        kv_table([
            ("申请人", _name(case.applicant.name, hall)),
            ("受理日期", cn_date(case.accepted_at or case.created_at)),
            ("*申请事项", case.bundle_name),
        ]),
        *section("二、送达内容"),
        grid_table(_delivered_rows(case, handover), _delivered_widths()),
        *section("三、送达情况"),
        kv_table(_delivery_pairs(case, handover, hall)),
        vspace(6 * mm),
        keep(
            _signatures(handover, signature, case),
            vspace(3 * mm),
            p(f"{hall.name}（盖章）　　{cn_date(handover.at)}", st.right),
        ),
        vspace(4 * mm),
        p(f"咨询电话：{hall.phone}　　投诉监督电话：{hall.complaint_phone}"
          + ("" if hall.complaint_phone.strip() == HOTLINE else f"　　政务服务便民热线：{HOTLINE}"), st.cell),
        p(f"地址：{hall.address}　　办公时间：{hall.office_hours}", st.small),
        p("本回证一式两联：一联交领取人，一联随案归档。", st.small),
    ]
    return build_pdf(story, title=TITLE, number=case.case_no, hall_name=hall.name, subject=case.bundle_name,
                     stamp=reprint_stamp(reprint_at))


def _name(name: str, hall: HallSettings) -> str:
    return mask_name(name) if hall.mask_names else name


def _delivered_widths() -> list[float]:
    widths = [12 * mm, 0.0, 46 * mm, 40 * mm, 14 * mm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    return widths


def _delivered_rows(case: CaseView, handover: Handover) -> list[list[Any]]:
    """What is delivered: the result (办理结果/证照) of every matter this hand-over delivers (every matter
    of the case for a hand-over of the whole case), a box to tick each."""
    st = styles()
    rows: list[list[Any]] = [[p(h, st.cell_head) for h in ("序号", "办理事项", "承办部门", "送达内容", "核对")]]
    handed = [m for m in case.matters if m.code in handover.matters] if handover.matters else case.matters
    for i, m in enumerate(handed, 1):
        rows.append([p(i, st.cell_center), p(m.name, st.cell), p(m.department, st.cell),
                     p(m.result_name or "办理结果（证照/批文）", st.cell_center), p("□", st.cell_center)])
    if len(rows) == 1:
        rows.append([p("—", st.cell_center), p(case.bundle_name, st.cell), "",
                     p("办理结果（证照/批文）", st.cell_center), p("□", st.cell_center)])
    return rows


def _delivery_pairs(case: CaseView, handover: Handover, hall: HallSettings) -> list[tuple[str, object]]:
    post = handover.method == "post"
    pairs: list[tuple[str, object]] = [
        ("送达方式", "邮寄送达" if post else "窗口领取"),
        ("送达时间", cn_datetime(handover.at)),
    ]
    if post:
        d = case.delivery
        pairs += [
            ("邮件单号", handover.tracking_no or "—"),
            ("收件人", " ".join(x for x in (_name(d.recipient, hall) if d.recipient else "",
                                             mask_phone(d.phone) if d.phone else "") if x) or "—"),
            ("*邮寄地址", d.address or "—"),
        ]
    pairs += [
        ("领取人", handover.receiver_name or "—"),
        ("领取人身份", _RECEIVED_BY.get(handover.received_by, handover.received_by)),
        ("证件号码", mask_id(handover.receiver_id_masked) if handover.receiver_id_masked else "—"),
        ("授权委托书", "有（已查验并留存）" if handover.power_of_attorney else "无"),
        ("经办人", _operator(case, handover)),
        ("送达窗口", f"{handover.window or case.window} 号综合窗口"),
    ]
    return pairs


def _operator(case: CaseView, handover: Handover) -> str:
    if handover.operator == case.operator and case.operator_name:
        return f"{case.operator_name}（工号 {handover.operator}）"
    return handover.operator


def _signatures(handover: Handover, signature: bytes | None, case: CaseView) -> Table:
    st = styles()
    who = "收件人（签字）：" if handover.received_by == "post" else "领取人（签字）："
    sig: Any = signature_image(signature, SIGNATURE_BOX) if signature else ""
    signed = cn_date(handover.at) if signature else ""
    rows = [
        [p(who, st.plain), sig, p("日期：", st.plain), p(signed, st.plain)],
        [p("经办人（签字）：", st.plain), p(_operator(case, handover), st.plain), p("日期：", st.plain),
         p(cn_date(handover.at), st.plain)],
    ]
    return signature_block(rows, [38 * mm, 62 * mm, 18 * mm, 40 * mm], [19 * mm, 11 * mm])
