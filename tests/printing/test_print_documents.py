"""Every paper of the window renders from a stored case and reads back: text, fonts, barcodes."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image, ImageDraw

from clerk.intake.model import CaseStatus, CaseView, MaterialStatus
from clerk.settings import HallSettings
from printing import (
    HandoffRow,
    QueueTicket,
    SignatureImageError,
    material_label_value,
    render_commitment_letter,
    render_handoff_sheet,
    render_material_labels,
    render_one_time_notice,
    render_queue_ticket,
    render_receipt,
    render_refusal,
    render_separator_sheets,
    separator_value,
)
from printing.samples import sample_case
from tests.helpers.printing import (
    all_codes,
    page_count,
    page_size_mm,
    pages_text,
    pdf_fonts,
    pdf_text,
    squeezed,
)

CODE128 = "Code128"
QR = "QRCode"


def _all_documents(hall: HallSettings) -> dict[str, bytes]:
    acc = sample_case(CaseStatus.ACCEPTED)
    rows = [HandoffRow("区医疗保障局", acc.case_no, acc.applicant.name, acc.bundle_name, m.code, m.name, m.pages,
                       m.originals, m.copies) for m in acc.materials if m.status is MaterialStatus.PROVIDED]
    return {
        "receipt": render_receipt(acc, hall),
        "notice": render_one_time_notice(sample_case(CaseStatus.NOTIFIED, missing=6), hall),
        "commitment": render_commitment_letter(acc, hall),
        "refusal": render_refusal(sample_case(CaseStatus.REJECTED), hall),
        "labels": render_material_labels(acc, hall),
        "separators": render_separator_sheets(acc, hall),
        "handoff": render_handoff_sheet(rows, hall, sheet_no="LZ-20261123-W03-001",
                                        handed_at=dt.datetime(2026, 11, 23, 16, 30), clerk="李婷"),
        "ticket": render_queue_ticket(QueueTicket("A012", "新生儿出生一件事", 7, dt.datetime(2026, 11, 23, 9, 12)), hall),
    }


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return _all_documents(HallSettings())


@pytest.mark.parametrize("kind", ["receipt", "notice", "commitment", "refusal", "labels", "separators", "handoff",
                                  "ticket"])
def test_every_font_is_embedded_cjk_truetype(documents: dict[str, bytes], kind: str) -> None:
    pdf = documents[kind]
    assert pdf.startswith(b"%PDF-")
    fonts = pdf_fonts(pdf)
    assert fonts, "no font in the PDF"
    assert all(f["emb"] == "yes" for f in fonts), f"a font is not embedded: {fonts}"
    assert all("WenQuanYi" in f["name"] for f in fonts), fonts
    assert all(f["sub"] == "yes" for f in fonts), "embedded as a subset"


def test_receipt_reads_back(accepted_case: CaseView, hall: HallSettings) -> None:
    pdf = render_receipt(accepted_case, hall)
    text = pdf_text(pdf)
    flat = squeezed(pdf_text(pdf, mode="-raw"))
    assert "受理通知书" in text and hall.name in text
    assert accepted_case.case_no in text
    assert "欧阳晓明" in text
    assert "2301**********1234" in text and accepted_case.applicant.id_number not in text
    assert "138****2345" in text
    for matter in accepted_case.matters:
        assert squeezed(matter.name) in flat and squeezed(matter.department) in flat
    for m in accepted_case.materials:
        if m.status in (MaterialStatus.PROVIDED, MaterialStatus.E_LICENSE, MaterialStatus.DEFERRED):
            assert squeezed(m.name) in flat, m.name
    assert "委托书" not in flat  # not required: not listed
    assert "2026年12月07日" in text  # legal due date and deferred deadlines
    assert "2026年11月23日" in text
    assert "李婷" in text and "W03" in text
    assert hall.phone in text and "12345" in text
    assert "好差评" in text
    # page numbers and the running header on every page
    pages = pages_text(pdf)
    for i, page in enumerate(pages, 1):
        assert f"第{i}页共{len(pages)}页" in squeezed(page)  # drawn as 第 x 页 共 y 页
        assert "受理通知书" in page and accepted_case.case_no in page


def test_receipt_codes_decode_at_150_dpi(accepted_case: CaseView, hall: HallSettings) -> None:
    codes = all_codes(render_receipt(accepted_case, hall), dpi=150)
    assert (CODE128, accepted_case.case_no) in codes
    assert (QR, hall.check_url + accepted_case.case_no) in codes
    assert (QR, hall.evaluation_url + accepted_case.case_no) in codes


def test_receipt_by_post_and_agent(hall: HallSettings) -> None:
    case = sample_case().model_copy(deep=True)
    case.delivery.method = "post"
    case.delivery.recipient = "欧阳晓明"
    case.delivery.address = "哈尔滨市道里区安静街 88 号"
    case.agent = case.applicant.model_copy(update={"name": "王代办", "id_number": "230102198001019999"})
    text = pdf_text(render_receipt(case, hall))
    assert "邮寄送达" in text and "安静街" in text
    assert "代办人" in text and "王代办" in text and "2301**********9999" in text


def test_one_time_notice_lists_every_missing_material(notified_case: CaseView, hall: HallSettings) -> None:
    case = notified_case.model_copy(deep=True)
    case.materials[0].status = MaterialStatus.MISSING
    case.materials[0].required = False  # optional and missing: not demanded
    pdf = render_one_time_notice(case, hall)
    text = pdf_text(pdf)
    flat = squeezed(pdf_text(pdf, mode="-raw"))
    assert "一次性告知单" in text and case.case_no in text
    assert len(case.missing) == 6
    for m in case.missing:
        assert squeezed(m.name) in flat
        assert squeezed(m.why) in flat
        assert squeezed(m.source) in flat
    assert "原件1份，复印件2份" in flat
    assert "可容缺承诺" in flat
    assert "2026年12月07日" in text  # return_by
    assert squeezed(hall.notice_intro) in flat
    assert "父母双方居民身份证" not in flat  # optional one, and provided ones, are not listed
    assert "出生医学证明（第一联）" not in flat
    assert (CODE128, case.case_no) in all_codes(pdf)


def test_sixty_missing_materials_paginate_with_nothing_lost(hall: HallSettings) -> None:
    case = sample_case(CaseStatus.NOTIFIED, missing=60)
    pdf = render_one_time_notice(case, hall)
    pages = pages_text(pdf)
    n = len(pages)
    assert n > 1 and page_count(pdf) == n
    flat = squeezed(pdf_text(pdf, mode="-raw"))
    for m in case.missing:
        assert squeezed(m.name) in flat, f"lost: {m.name}"
        # each row once: the repeated table header must not duplicate rows
        assert flat.count(squeezed(m.name)) == 1, m.name
    assert "共60项" in flat
    for i, page in enumerate(pages, 1):
        assert f"第{i}页共{n}页" in squeezed(page)  # drawn as 第 x 页 共 y 页
        assert "一次性告知单" in page and case.case_no in page, f"page {i} lacks the running header"
        if i > 1:
            assert "材料名称" in page, f"page {i} lacks the repeated table header"
    assert f"第1页共{n}页" in squeezed(pages[0])


def test_applicant_text_prints_literally_and_emoji_do_not_crash(hall: HallSettings) -> None:
    name = "<b>&amp;</b>😀"
    for status in (CaseStatus.ACCEPTED, CaseStatus.NOTIFIED, CaseStatus.REJECTED):
        case = sample_case(status, applicant_name=name, missing=2)
        case.reject_reason = "材料 <i>不符</i> & 😀"
        pdfs = [render_receipt(case, hall), render_one_time_notice(case, hall), render_commitment_letter(case, hall),
                render_refusal(case, hall), render_material_labels(case, hall), render_separator_sheets(case, hall)]
        for pdf in pdfs:
            text = pdf_text(pdf)
            assert "<b>&amp;</b>〓" in text, "markup must print literally; emoji becomes 〓"
            assert "😀" not in text
        assert "材料 <i>不符</i> & 〓" in pdf_text(pdfs[3])


def test_long_bundle_and_material_names_wrap(hall: HallSettings) -> None:
    case = sample_case().model_copy(deep=True)
    case.bundle_name = "企业开办及变更登记、公章刻制、发票申领、社保登记、公积金缴存登记" * 3 + "“一件事”"
    case.materials[0].name = "法定代表人、股东、监事、董事及财务负责人身份证明材料（含委托代理人）" * 4
    pdf = render_receipt(case, hall)
    flat = squeezed(pdf_text(pdf, mode="-raw"))
    assert squeezed(case.materials[0].name) in flat
    assert "企业开办及变更登记" in flat


def test_commitment_letter_lists_deferred_and_places_signature(accepted_case: CaseView, hall: HallSettings) -> None:
    plain = render_commitment_letter(accepted_case, hall)
    text = pdf_text(plain)
    flat = squeezed(pdf_text(plain, mode="-raw"))
    assert "告知承诺书" in text and accepted_case.case_no in text
    for m in accepted_case.deferred:
        assert squeezed(m.name) in flat
    assert "2026年12月07日" in text
    assert squeezed(hall.commitment_text) in flat
    assert "申请人（签字/盖章）" in text and "受理人（签字）" in text
    assert b"/Subtype /Image" not in plain

    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).line([(20, 150), (200, 40), (380, 160), (580, 50)], fill="black", width=8)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    signed = render_commitment_letter(accepted_case, hall, signature=buf.getvalue())
    assert b"/Subtype /Image" in signed
    assert "2026年11月23日" in pdf_text(signed)  # the signing date fills in with a captured signature
    with pytest.raises(SignatureImageError):
        render_commitment_letter(accepted_case, hall, signature=b"not an image")


def test_refusal_has_reason_and_appeal(rejected_case: CaseView, hall: HallSettings) -> None:
    pdf = render_refusal(rejected_case, hall)
    text = pdf_text(pdf)
    flat = squeezed(pdf_text(pdf, mode="-raw"))
    assert "不予受理通知书" in text and rejected_case.case_no in text
    assert squeezed(rejected_case.reject_reason) in flat
    assert squeezed(hall.refusal_appeal_text) in flat
    assert "欧阳晓明" in text
    assert (CODE128, rejected_case.case_no) in all_codes(pdf)


def test_material_labels_carry_case_and_material_code(accepted_case: CaseView, hall: HallSettings) -> None:
    pdf = render_material_labels(accepted_case, hall)
    provided = [m for m in accepted_case.materials if m.status is MaterialStatus.PROVIDED]
    expected = {(CODE128, material_label_value(accepted_case.case_no, m.code)) for m in provided}
    # 0.30 mm modules: read at 300 dpi, as any office printer prints them
    assert expected <= all_codes(pdf, dpi=300)
    text = pdf_text(pdf)
    for m in provided:
        assert f"{accepted_case.case_no}-{m.code}" in text
    assert page_count(pdf) == 1
    # 15 stickers do not fit one 14-up sheet
    many = render_material_labels(accepted_case, hall, provided * 3 + provided[:3])
    assert page_count(many) == 2


def test_separator_sheets_one_page_per_material(accepted_case: CaseView, hall: HallSettings) -> None:
    pdf = render_separator_sheets(accepted_case, hall)
    provided = [m for m in accepted_case.materials if m.status is MaterialStatus.PROVIDED]
    assert page_count(pdf) == len(provided)
    pages = pages_text(pdf)
    from tests.helpers.printing import decode

    for page_codes, text, m in zip(decode(pdf, 150), pages, provided, strict=True):
        value = separator_value(accepted_case.case_no, m.code)
        assert (CODE128, value) in page_codes
        assert value in text and squeezed(m.name) in squeezed(text)


def test_handoff_sheet_per_department(hall: HallSettings) -> None:
    a = sample_case()
    b = sample_case().model_copy(update={"case_no": "230102-20261123-W03-0013"})
    rows = []
    for case, dept in ((a, "道里公安分局户政大队"), (b, "道里公安分局户政大队"), (a, "区医疗保障局")):
        for m in case.materials[:3]:
            rows.append(HandoffRow(dept, case.case_no, case.applicant.name, case.bundle_name, m.code, m.name,
                                   m.pages, m.originals, m.copies))
    pdf = render_handoff_sheet(rows, hall, sheet_no="LZ-20261123-W03-001", handed_at=dt.datetime(2026, 11, 23, 16, 30),
                               clerk="李婷", window="W03")
    pages = pages_text(pdf)
    assert len(pages) == 2
    assert "道里公安分局户政大队" in pages[0] and "区医疗保障局" in pages[1]
    assert "2 件，6 份材料，12 页" in pages[0]
    flat = squeezed(pdf_text(pdf, mode="-raw"))
    for m in a.materials[:3]:
        assert squeezed(m.name) in flat
    codes = all_codes(pdf)
    assert {(CODE128, a.case_no), (CODE128, b.case_no), (CODE128, "LZ-20261123-W03-001")} <= codes


def test_queue_ticket_is_80mm_wide_and_fitted(hall: HallSettings) -> None:
    ticket = QueueTicket("A012", "新生儿出生一件事", 7, dt.datetime(2026, 11, 23, 9, 12), "https://q.example/t/A012")
    pdf = render_queue_ticket(ticket, hall)
    assert page_count(pdf) == 1
    w, h = page_size_mm(pdf)
    assert w == pytest.approx(80, abs=0.05)
    assert 60 < h < 200, h
    text = pdf_text(pdf)
    assert "A012" in text and "新生儿出生一件事" in text and "7" in text and "09:12" in text
    assert (QR, "https://q.example/t/A012") in all_codes(pdf)
    # a long service name makes the ticket taller, still one page
    longer = render_queue_ticket(QueueTicket("B100", "企业开办、变更、注销及其他商事登记综合业务" * 3, 120,
                                             dt.datetime(2026, 11, 23, 9, 12)), hall)
    assert page_count(longer) == 1 and page_size_mm(longer)[1] > h
