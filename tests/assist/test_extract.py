"""Field extraction by layout and label rules, then validation, on OCR lines (no engine needed)."""

from __future__ import annotations

import pytest

from clerk.assist.reader import UnknownKind, detect_kind, extract_lines
from clerk.assist.validate import check_id_number, check_uscc, parse_date, validity_span_ok
from tests.assist.lines import idcard_front, line

NUMBER = "110101199003071233"


def test_id_card_front_fields_and_a_label_word_inside_the_address() -> None:
    e = extract_lines(idcard_front(), "idcard_front")
    assert e.fields == {"name": "王小明", "sex": "男", "nation": "汉", "birth_date": "1990-03-07",
                        "address": "北京市东城区民族路12号院3号楼", "id_number": NUMBER}
    assert e.detected_kind == "idcard_front" and not e.refused
    assert e.confidence["id_number"] >= 0.99 and 0 < e.confidence["name"] <= 1


@pytest.mark.parametrize("turn", [4.0, -6.0, 90.0, 180.0, 270.0])
def test_a_card_lying_turned_still_reads_in_rows(turn: float) -> None:
    e = extract_lines(idcard_front(turn=turn), "idcard_front")
    assert e.fields["address"] == "北京市东城区民族路12号院3号楼"
    assert e.fields["id_number"] == NUMBER and e.fields["name"] == "王小明"


def test_a_misread_id_number_is_refused_not_offered() -> None:
    misread = NUMBER[:10] + "8" + NUMBER[11:]  # one digit misread: the check digit no longer matches
    e = extract_lines(idcard_front(number=misread), "idcard_front")
    assert "id_number" not in e.fields
    assert "校验位" in e.refused["id_number"]


def test_an_x_check_digit_is_upper_case_and_lookalike_letters_are_repaired() -> None:
    e = extract_lines(idcard_front(number="11010219880101004x", birth="1988年1月1日", sex="女"), "idcard_front")
    assert e.fields["id_number"] == "11010219880101004X"
    assert check_id_number("11O1011990O3071233").value == NUMBER  # O for 0: repaired, then checked
    assert check_id_number("1101011990030712").problem.startswith("身份证号码位数不对")


def test_birth_date_or_sex_that_disagree_with_the_checked_number_are_refused() -> None:
    e = extract_lines(idcard_front(birth="1990年8月7日", sex="女"), "idcard_front")
    assert e.fields["id_number"] == NUMBER
    assert "birth_date" not in e.fields and "sex" not in e.fields
    assert "不一致" in e.refused["birth_date"] and "不一致" in e.refused["sex"]


def test_nation_must_be_one_of_the_56() -> None:
    assert extract_lines(idcard_front(nation="维吾尔"), "idcard_front").fields["nation"] == "维吾尔"
    e = extract_lines(idcard_front(nation="火星"), "idcard_front")
    assert "nation" not in e.fields and "56" in e.refused["nation"]


def test_id_card_back_validity() -> None:
    lines = [line("中华人民共和国", 270, 70, 44), line("居民身份证", 270, 150, 60),
             line("签发机关北京市公安局东城分局", 140, 370, 30), line("有效期限2015.03.12-2035.03.12", 140, 440, 30)]
    e = extract_lines(lines, "idcard_back")
    assert e.fields == {"issuer": "北京市公安局东城分局", "valid_from": "2015-03-12", "valid_to": "2035-03-12"}
    long_term = [*lines[:3], line("有效期限2015.03.12-长期", 140, 440, 30)]
    assert extract_lines(long_term, "idcard_back").fields["valid_to"] == "长期"
    misread = [*lines[:3], line("有效期限2015.03.12-2036.03.12", 140, 440, 30)]  # 21 years: a misread
    e = extract_lines(misread, "idcard_back")
    assert "valid_to" not in e.fields and "valid_from" not in e.fields and "5、10或20年" in e.refused["valid_to"]
    assert validity_span_ok("2016-02-29", "2021-03-01") and not validity_span_ok("2016-01-01", "2017-01-01")


USCC = "91110108MA01ABCD1E"


def _licence(code: str) -> list:
    return [
        line("营业执照", 380, 240, 96), line("统一社会信用代码", 110, 300, 26), line(code, 110, 340, 32, w=400),
        line("名称", 110, 500, 28), line("北京星河科技有限公司", 290, 500, 28), line("注册资本", 680, 500, 28),
        line("人民币100万元整", 850, 500, 28),
        line("类型", 110, 584, 28), line("有限责任公司（自然人投资", 290, 584, 28), line("成立日期", 680, 584, 28),
        line("2015年06月01日", 850, 584, 28), line("或控股）", 290, 626, 28),
        line("法定代表人李强", 110, 698, 28), line("营业期限", 680, 698, 28), line("2015年06月01日至长期", 850, 698, 28),
        line("经营范围", 110, 812, 28), line("一般项目：软件开发；技术", 290, 812, 28), line("住所", 680, 812, 28),
        line("北京市海淀区中关村大街", 850, 812, 28), line("服务。", 290, 854, 28), line("1号", 850, 854, 28),
        line("登记机关", 700, 1480, 30), line("2020年01月02日", 820, 1600, 30),
    ]


def test_business_licence_two_columns_and_wrapped_values() -> None:
    e = extract_lines(_licence(USCC), "business_licence")
    assert e.fields == {"uscc": USCC, "name": "北京星河科技有限公司", "legal_representative": "李强",
                        "address": "北京市海淀区中关村大街1号", "type": "有限责任公司（自然人投资或控股）",
                        "registration_date": "2015-06-01"}
    assert e.confidence["uscc"] >= 0.99


def test_a_misread_credit_code_failing_its_check_character_is_never_offered() -> None:
    for i in range(2, 17):  # any one character misread (to another legal character) fails the check
        ch = USCC[i]
        wrong = USCC[:i] + ("1" if ch != "1" else "2") + USCC[i + 1:]
        e = extract_lines(_licence(wrong), "business_licence")
        assert "uscc" not in e.fields, wrong
        assert "校验" in e.refused["uscc"]
        assert e.fields["name"] == "北京星河科技有限公司"  # the rest of the page is still read
    assert check_uscc(USCC.replace("0", "O")).value == USCC  # O never occurs in a credit code: read as 0


def test_hukou_page_table() -> None:
    lines = [line("常住人口登记卡", 430, 30, 44),
             line("姓名", 52, 136, 24), line("李秀英", 212, 134, 28), line("户主或与户主关系", 570, 138, 24),
             line("妻", 792, 134, 28), line("曾用名", 52, 222, 24), line("性别", 570, 224, 24), line("女", 792, 220, 28),
             line("住址", 52, 480, 24), line("天津市和平区南京路88号", 212, 478, 28),
             line("宗教信仰", 52, 566, 24), line("公民身份证件编号", 570, 568, 20),
             line("110101198506120020", 792, 564, 27, w=300)]
    e = extract_lines(lines, "hukou_page")
    assert e.fields == {"name": "李秀英", "relation": "妻", "id_number": "110101198506120020",
                        "address": "天津市和平区南京路88号"}


def test_birth_certificate_with_bilingual_labels() -> None:
    lines = [line("出生医学证明", 560, 60, 52), line("Medical Certificate of Birth", 580, 130, 26, w=420),
             line("新生儿姓名", 90, 210, 24), line("王乐乐", 290, 206, 30), line("性别", 720, 210, 24),
             line("女", 820, 206, 30), line("Name", 90, 240, 15, w=40), line("Sex", 720, 240, 15, w=30),
             line("出生时间", 90, 300, 24), line("2025年3月5日8时30分", 290, 296, 30, w=330),
             line("Date of Birth", 90, 330, 15, w=100),
             line("出生地点", 90, 390, 24), line("北京市东城区", 290, 386, 30), line("Place of Birth", 90, 420, 15, w=100),
             line("母亲姓名", 90, 570, 24), line("李秀英", 290, 566, 30), line("Mother's Name", 90, 600, 15, w=100),
             line("母亲有效身份证件类别及号码", 90, 650, 24), line("居民身份证110101198506120020", 520, 646, 28, w=520),
             line("父亲姓名", 90, 740, 24), line("王小明", 290, 736, 30),
             line("父亲有效身份证件类别及号码", 90, 820, 24), line("居民身份证110101199003071233", 520, 816, 28, w=520)]
    e = extract_lines(lines, "birth_certificate")
    assert e.fields == {"child_name": "王乐乐", "sex": "女", "birth_datetime": "2025-03-05T08:30",
                        "birth_place": "北京市东城区", "mother_name": "李秀英", "mother_id_number": "110101198506120020",
                        "father_name": "王小明", "father_id_number": NUMBER}


def test_a_page_with_nothing_recognisable_gives_no_values() -> None:
    noise = [line("注意保管", 100, 100, 30), line("2B", 300, 500, 20), line("Hello world", 50, 700, 20, w=200)]
    for kind in ("idcard_front", "idcard_back", "business_licence", "hukou_page", "birth_certificate"):
        assert extract_lines(noise, kind).fields == {}
    e = extract_lines(noise)
    assert e.kind == "unknown" and e.fields == {} and e.detected_kind is None
    assert extract_lines([], "idcard_front").fields == {}


def test_kind_detection_by_printed_words() -> None:
    assert detect_kind("营业执照\n统一社会信用代码 9111\n法定代表人 张三\n注册资本")[0] == "business_licence"
    assert detect_kind("出生医学证明 Medical Certificate of Birth 新生儿姓名")[0] == "birth_certificate"
    assert detect_kind("随便写点什么")[0] is None
    with pytest.raises(UnknownKind):
        extract_lines([], "passport")


def test_dates() -> None:
    assert parse_date("1990年1月2日").value == "1990-01-02"
    assert parse_date("2015.03.12").value == "2015-03-12"
    assert parse_date("1990年2月30日").problem.startswith("日期不存在")
    assert parse_date("无").value is None


def test_pages_load_from_images_and_pdfs_and_nothing_else(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io

    import img2pdf
    from PIL import Image

    from clerk.assist.ocr import load_page
    from clerk.materials.sniff import FileProblem

    buf = io.BytesIO()
    Image.new("RGB", (856, 540), (240, 240, 240)).save(buf, "JPEG")
    (tmp_path / "card.jpg").write_bytes(buf.getvalue())
    (tmp_path / "card.pdf").write_bytes(img2pdf.convert(buf.getvalue(), layout_fun=img2pdf.get_fixed_dpi_layout_fun((100, 100))))
    assert load_page(tmp_path / "card.jpg").size == (856, 540)
    w, h = load_page(tmp_path / "card.pdf").size  # rendered at 200 dpi
    assert abs(w - 1712) <= 2 and abs(h - 1080) <= 2
    with pytest.raises(FileProblem, match="只有 1 页"):
        load_page(tmp_path / "card.pdf", 1)
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04 not a page")
    with pytest.raises(FileProblem, match="不是 PDF 或图片"):
        load_page(tmp_path / "x.docx")


def test_a_letter_spaced_label_cut_by_the_detector_still_counts() -> None:
    lines = _licence(USCC)
    cut = [ln for ln in lines if ln.text not in ("住所", "一般项目：软件开发；技术")]
    cut += [line("一般项目：软件开发；技术住", 290, 812, 28, w=13 * 28 + 40), line("所", 700, 812, 28)]
    e = extract_lines(cut, "business_licence")
    assert e.fields["address"] == "北京市海淀区中关村大街1号"
    half = [ln for ln in lines if ln.text != "住所"] + [line("住", 680, 812, 28)]  # 所 lost altogether
    assert extract_lines(half, "business_licence").fields["address"] == "北京市海淀区中关村大街1号"
    stop = [ln for ln in lines if ln.text not in ("住所", "一般项目：软件开发；技术")]
    stop += [line("一般项目：软件开发；住所", 290, 812, 28, w=12 * 28)]  # joined after a stop
    assert extract_lines(stop, "business_licence").fields["address"] == "北京市海淀区中关村大街1号"


def test_a_stray_mark_next_to_the_number_is_not_part_of_it() -> None:
    assert check_id_number("6 " + NUMBER).value == NUMBER
    assert check_id_number(NUMBER + "7").value == NUMBER
    assert check_id_number("6" + NUMBER[:-1] + "0").value is None  # no window passes: refused
