"""Validation of ID numbers, credit codes, phones and form values: every problem named in Chinese."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.demo import make_id_number, make_uscc
from clerk.intake.validation import (
    check_cn_ric,
    check_id,
    check_person,
    check_phone,
    check_text,
    check_uscc,
    clean_text,
)


def test_valid_id_number_is_normalised() -> None:
    number, problem = check_cn_ric(" 11010519491231002x ")
    assert problem is None
    assert number == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期 19491331 不存在"),
        ("1101051949123100", "18 位"),
        ("99010519491231002X", "地区码"),
        ("11010519491231002Y", "格式不对"),
        ("110105" + (dt.date.today() + dt.timedelta(days=40)).strftime("%Y%m%d") + "0010", "不可能"),
        ("", "请填写"),
    ],
)
def test_bad_id_numbers_say_what_is_wrong(number: str, fragment: str) -> None:
    _, problem = check_cn_ric(number)
    assert problem is not None and fragment in problem


def test_old_region_code_of_a_person_born_before_it_existed_is_accepted() -> None:
    # 230102 (道里区) dates from 1983; people born earlier were numbered in 1984-85 with it.
    body = "230102" + "19500101" + "123"
    from stdnum.cn import ric

    number = body + ric.calc_check_digit(body + "0")
    assert check_cn_ric(number)[1] is None


@given(st.integers(min_value=0, max_value=10**6))
def test_generated_id_numbers_validate_and_any_single_digit_change_is_caught(seed: int) -> None:
    rng = random.Random(seed)
    number = make_id_number(rng)
    assert check_cn_ric(number)[1] is None
    pos = rng.randrange(14, 17)  # a digit of the sequence part: only the check digit can catch it
    changed = number[:pos] + str((int(number[pos]) + 1) % 10) + number[pos + 1 :]
    assert check_cn_ric(changed)[1] is not None


def test_uscc() -> None:
    code = make_uscc(random.Random(3))
    assert check_uscc(code) == (code, None)
    assert "校验位" in (check_uscc(code[:-1] + ("0" if code[-1] != "0" else "1"))[1] or "")
    assert "18 位" in (check_uscc("9111")[1] or "")


@pytest.mark.parametrize("phone", ["13812345678", "+8613812345678", "0451-12345678", "045112345678"])
def test_phone_ok(phone: str) -> None:
    assert check_phone(phone)[1] is None


@pytest.mark.parametrize("phone", ["12345678901", "1381234567", "abc", "13812345678x"])
def test_phone_bad(phone: str) -> None:
    assert "电话号码不对" in (check_phone(phone)[1] or "")


def test_other_documents() -> None:
    assert check_id("passport", "E12345678")[1] is None
    assert check_id("hk_macao_permit", "H12345678")[1] is None
    assert check_id("hk_macao_permit", "X12345678")[1] is not None
    assert "不认识的证件类型" in (check_id("driver", "1")[1] or "")


def test_text_refuses_control_format_and_surrogate_characters_and_limits_length() -> None:
    """Control (Cc), format/bidi (Cf) characters and lone surrogates are refused, not silently dropped:
    the clerk sees what was wrong (a name is not recorded differently from what was typed)."""
    for bad, code in (("张\x00三", "U+0000"), ("张三\u202e", "U+202E"), ("张\u200b三", "U+200B"),
                      ("张\ufeff三", "U+FEFF"), ("W03\n../x", "U+000A"), ("张\ud800", "代理")):
        _, problem = check_text(bad, max_length=100)
        assert problem is not None and code in problem, (bad, problem)
    assert check_text("第一行\r\n第二行\t！", max_length=100, multiline=True) == ("第一行\n第二行\t！", None)
    assert clean_text(" \u00c5 ") == "\u00c5"  # NFC, stripped
    text, problem = check_text("长" * 10_000, max_length=100)
    assert problem is not None and "10000" in problem
    assert check_text("<b>&amp;</b>😀", max_length=100) == ("<b>&amp;</b>😀", None)


def test_full_width_digits_are_taken_superscripts_and_other_digits_refused() -> None:
    """全角 digits and letters (what an input method gives) are ASCII; ¹²³, ①, ٣ are refused (documented
    in clerk/intake/validation.py ``normalise_code``), never turned into a crash or a different number."""
    assert check_cn_ric("１１０１０５１９４９１２３１００２ｘ") == ("11010519491231002X", None)
    assert check_phone("１３８１２３４５６７８") == ("13812345678", None)
    for number in ("¹¹⁰¹⁰⁵¹⁹⁴⁹¹²³¹⁰⁰²X", "①10105194912310021", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"):
        _, problem = check_cn_ric(number)
        assert problem is not None and ("格式不对" in problem or "18 位" in problem), (number, problem)
    assert check_phone("¹3812345678")[1] is not None
    assert check_id("passport", "Ｅ１２３４５６７８") == ("E12345678", None)
    assert check_id("passport", "E１２3٤5678")[1] is not None


def test_person_problems_name_the_field() -> None:
    _, problems = check_person({"kind": "person", "name": "", "id_number": "123", "phone": "1"}, "applicant")
    assert set(problems) == {"applicant.name", "applicant.id_number", "applicant.phone"}
    _, problems = check_person({"kind": "enterprise", "name": "某公司", "id_type": "cn_ric", "id_number": "x"}, "applicant")
    assert "applicant.id_type" in problems
    _, problems = check_person("张三", "agent")
    assert "agent" in problems
