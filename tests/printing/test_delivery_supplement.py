"""送达回证 and 补正材料通知书: content read back, barcodes, literal applicant text, kind checks."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image, ImageDraw

from clerk.handout import Handover
from clerk.intake.model import CaseMaterial, CaseStatus, CaseView, Delivery, FileRef, MaterialStatus
from clerk.settings import HallSettings
from clerk.supplements import RequestedMaterial, SupplementRequest
from printing.delivery import render_delivery_receipt
from printing.documents import KINDS, WrongKind, render
from printing.receipt import SIGNATURE_MATERIAL, render_receipt
from printing.samples import sample_case
from printing.supplement import render_supplement_notice, requested_materials
from tests.helpers.printing import all_codes, page_count, pdf_text, squeezed

CODE128 = "Code128"
TRACKING = "SF1234567890123"
NOTE = ("出生医学证明（第一联）复印件不清晰，请提供原件重新扫描；"
        "居民户口簿（户主页及本人页）缺少户主页。")


def _handover(case: CaseView, *, method: str = "window", received_by: str = "applicant",
              poa: bool = False) -> Handover:
    return Handover(case.case_uuid, case.case_no, "ev-1", dt.datetime(2026, 12, 3, 14, 20), method,  # type: ignore[arg-type]
                    received_by, "张*明" if received_by == "agent" else "欧**明",  # type: ignore[arg-type]
                    "2301**********5678" if received_by == "agent" else "2301**********1234", poa,
                    TRACKING if method == "post" else None, "W03-017", "W03")


def _delivered() -> CaseView:
    return sample_case(CaseStatus.DELIVERED)


def _request(case: CaseView, note: str = NOTE) -> SupplementRequest:
    mats = tuple(RequestedMaterial(m.code, m.name, m.status, m.deadline, len(m.files))
                 for m in sorted(case.materials, key=lambda m: m.status is not MaterialStatus.DEFERRED))
    return SupplementRequest(case.case_uuid, case.case_no, case.bundle_code, "欧**明", "138****2345", note,
                             dt.datetime(2026, 11, 28, 10, 5), mats)


def _with_signature(case: CaseView) -> CaseView:
    sig = CaseMaterial(code=SIGNATURE_MATERIAL, name="申请人签名（上门办理）", status=MaterialStatus.PROVIDED,
                       files=[FileRef(sha256="1" * 64, size=900, media_type="image/png")], originals=0, copies=0)
    return case.model_copy(update={"materials": [*case.materials, sig]})


def _signature_png() -> bytes:
    im = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(im).line([(10, 90), (100, 20), (200, 100), (380, 30)], fill="black", width=6)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def test_delivery_receipt_by_post_with_agent_reads_back(hall: HallSettings) -> None:
    case = _delivered().model_copy(update={"delivery": Delivery(
        method="post", recipient="欧阳晓明", phone="13804512345", address="哈尔滨市道里区安静街 88 号")})
    pdf = render_delivery_receipt(case, _handover(case, method="post", received_by="agent", poa=True), hall,
                                  signature=_signature_png())
    assert page_count(pdf) == 1
    text = squeezed(pdf_text(pdf, mode="-raw"))
    for expected in (case.case_no, "送达回证", "2301**********5678", TRACKING, "邮寄送达", "张*明", "代领人",
                     "有（已查验并留存）", "2026年12月03日14:20", "W03号综合窗口", "李婷（工号W03-017）",
                     hall.phone, "12345", "领取人（签字）", *(m.name for m in case.matters)):
        assert squeezed(expected) in text, expected
    assert "230102199003071234" not in text and "13804512345" not in text


def test_delivery_receipt_at_the_window(hall: HallSettings) -> None:
    case = _delivered()
    text = squeezed(pdf_text(render_delivery_receipt(case, _handover(case), hall), mode="-raw"))
    assert "窗口领取" in text and "申请人本人" in text and "2301**********1234" in text
    assert "授权委托书无" in text and TRACKING not in text


def test_delivery_receipt_code128_decodes_at_150_dpi(hall: HallSettings) -> None:
    case = _delivered()
    assert (CODE128, case.case_no) in all_codes(render_delivery_receipt(case, _handover(case), hall))


def test_supplement_notice_lists_note_and_every_material(hall: HallSettings) -> None:
    case = _with_signature(sample_case(CaseStatus.SUPPLEMENT_REQUIRED))
    request = _request(case)
    asked = requested_materials(request)
    names = [m.name for m in asked]
    assert names == ["预防接种证", "社会保障卡申领照片（近六个月白底免冠）", "出生医学证明（第一联）",
                     "居民户口簿（户主页及本人页）"]
    pdf = render_supplement_notice(case, request, hall)
    text = squeezed(pdf_text(pdf, mode="-raw"))
    for expected in (case.case_no, "补正材料通知书", NOTE, "共4项", "2026年12月07日", "建立儿童预防接种档案",
                     "出生医院产科", "原件1份，复印件1份", *names):
        assert squeezed(expected) in text, expected
    assert "申请人签名" not in text and "父母双方居民身份证" not in text
    assert (CODE128, case.case_no) in all_codes(pdf)


def test_markup_and_emoji_print_literally(hall: HallSettings) -> None:
    name = "<b>&amp;</b>😀"
    case = sample_case(CaseStatus.SUPPLEMENT_REQUIRED, applicant_name=name)
    for pdf in (render_supplement_notice(case, _request(case, note=f"请补充 {name}"), hall),
                render_delivery_receipt(_delivered().model_copy(update={"applicant": case.applicant}),
                                        _handover(case), hall)):
        text = pdf_text(pdf)
        assert "<b>&amp;</b>〓" in text, "markup must print literally; emoji becomes 〓"
        assert "😀" not in text


def test_signature_material_is_never_listed(hall: HallSettings) -> None:
    case = _with_signature(sample_case(CaseStatus.ACCEPTED))
    receipt = squeezed(pdf_text(render_receipt(case, hall), mode="-raw"))
    assert "申请人签名" not in receipt and "父母双方居民身份证" in receipt
    delivered = _with_signature(_delivered())
    assert "申请人签名" not in squeezed(pdf_text(render_delivery_receipt(delivered, _handover(delivered), hall)))
    sig_missing = CaseMaterial(code=SIGNATURE_MATERIAL, name="申请人签名（上门办理）", status=MaterialStatus.MISSING)
    notified = sample_case(CaseStatus.NOTIFIED, missing=2)
    notified = notified.model_copy(update={"materials": [*notified.materials, sig_missing]})
    notice = squeezed(pdf_text(render("one_time_notice", notified, hall)))
    assert "申请人签名" not in notice and "共2项" in notice


def test_render_dispatches_the_new_kinds(hall: HallSettings) -> None:
    assert {"delivery_receipt", "supplement_notice"} <= set(KINDS)
    case = _delivered()
    stamp = dt.datetime(2026, 12, 4, 9, 0)
    pdf = render("delivery_receipt", case, hall, handover=_handover(case), reprint_at=stamp)
    assert "补打 2026-12-04 09:00" in pdf_text(pdf)
    sup = sample_case(CaseStatus.SUPPLEMENT_REQUIRED)
    assert "补正材料通知书" in pdf_text(render("supplement_notice", sup, hall, request=_request(sup)))


@pytest.mark.parametrize(("kind", "status", "extra", "fragment"), [
    ("delivery_receipt", CaseStatus.DELIVERED, {}, "没有送达记录"),
    ("delivery_receipt", CaseStatus.READY_FOR_PICKUP, {"handover": True}, "尚未送达"),
    ("supplement_notice", CaseStatus.SUPPLEMENT_REQUIRED, {}, "没有补正要求"),
    ("supplement_notice", CaseStatus.IN_REVIEW, {"request": True}, "未要求补正"),
])
def test_wrong_kind_is_one_chinese_line(hall: HallSettings, kind: str, status: CaseStatus,
                                        extra: dict[str, bool], fragment: str) -> None:
    case = sample_case(status)
    kwargs = {}
    if extra.get("handover"):
        kwargs["handover"] = _handover(case)
    if extra.get("request"):
        kwargs["request"] = _request(case)
    with pytest.raises(WrongKind) as err:
        render(kind, case, hall, **kwargs)  # type: ignore[arg-type]
    msg = str(err.value)
    assert fragment in msg and "\n" not in msg and err.value.kind == kind


def test_record_of_another_case_is_refused(hall: HallSettings) -> None:
    case = _delivered()
    other = case.model_copy(update={"case_uuid": "other", "case_no": "230102-20261123-W03-0099"})
    with pytest.raises(WrongKind, match="属于案件 230102-20261123-W03-0099"):
        render("delivery_receipt", case, hall, handover=_handover(other))


def test_delivery_receipt_of_some_matters_lists_only_those(hall: HallSettings) -> None:
    """One 送达回证 per hand-over: a hand-over of some matters lists those, and may be printed while the
    other matters are still with their departments."""
    from dataclasses import replace

    base = sample_case(CaseStatus.DELIVERED)
    assert len(base.matters) >= 2
    first, rest = base.matters[0], base.matters[1:]
    matters = [first.model_copy(update={"status": CaseStatus.DELIVERED}),
               *(m.model_copy(update={"status": CaseStatus.IN_REVIEW}) for m in rest)]
    case = base.model_copy(update={"status": CaseStatus.IN_REVIEW, "matters": matters})
    handover = replace(_handover(case), matters=(first.code,), matter_names=(first.name,))
    text = squeezed(pdf_text(render("delivery_receipt", case, hall, handover=handover), mode="-raw"))
    assert squeezed(first.name) in text
    assert all(squeezed(m.name) not in text for m in rest)
    with pytest.raises(WrongKind):  # nothing handed over yet: no 送达回证
        none_yet = case.model_copy(update={"matters": [m.model_copy(update={"status": CaseStatus.IN_REVIEW})
                                                       for m in matters]})
        render("delivery_receipt", none_yet, hall, handover=handover)


def test_receipt_shows_each_matters_due_date_and_a_remote_intake(hall: HallSettings) -> None:
    base = sample_case(CaseStatus.ACCEPTED)
    dues = [dt.date(2026, 12, 4 + i) for i in range(len(base.matters))]
    matters = [m.model_copy(update={"due_date": d, "due_days": 3 + i}) for i, (m, d) in enumerate(zip(base.matters, dues, strict=True))]
    case = base.model_copy(update={"matters": matters, "handling_region": "440106", "intake_region": "230102",
                                   "remote_intake": True})
    text = squeezed(pdf_text(render_receipt(case, hall), mode="-raw"))
    assert squeezed("异地代收代办") in text and "440106" in text
    for d in dues:  # each matter's own due date beside its time limit, and the whole case's
        assert squeezed(f"{d.month}月{d.day}日前") in text
    plain = squeezed(pdf_text(render_receipt(base, hall), mode="-raw"))
    assert squeezed("异地代收代办") not in plain
