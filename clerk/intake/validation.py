"""Validation of what a person types: ID numbers, credit codes, phones, form values.

Every problem names the field and says in Chinese what is wrong (``Problems`` maps field → message).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from stdnum import exceptions as stdnum_exc
from stdnum.cn import ric, uscc

from clerk import clock
from clerk.catalog.merge import MergedField, MergedForm
from clerk.catalog.schema import FieldType
from clerk.errors import ClerkError

Problems = dict[str, str]


class ValidationFailed(ClerkError, ValueError):
    """Input that cannot be taken; ``problems`` maps a field path to a message in Chinese."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def clean_text(value: str) -> str:
    """NFC-normalised, stripped, without control or bidi-override characters (newlines kept)."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", value)).strip()


def check_text(value: Any, *, max_length: int, multiline: bool = False) -> tuple[str, str | None]:
    if not isinstance(value, str):
        return "", "应为文字"
    text = clean_text(value)
    if not multiline:
        text = " ".join(text.split())
    if len(text) > max_length:
        return text, f"太长：{len(text)} 个字符，最多 {max_length} 个"
    return text, None


def known_region(code: str) -> bool:
    """A county code that exists or existed (python-stdnum's table).

    Not stdnum's ``get_birth_place``: it wants the code to have existed in the birth year, but most
    people born before 1984 were numbered in 1984-85 under the codes of that time.
    """
    from stdnum import numdb

    parts = dict(p for part in numdb.get("cn/loc").info(code) for p in part[1].items())
    return "county" in parts


def check_cn_ric(value: str) -> tuple[str, str | None]:
    """居民身份证号码: 18 characters, region, a real birth date not in the future, check digit."""
    number = clean_text(value).replace(" ", "").upper()
    if not number:
        return number, "请填写身份证号码"
    if len(number) != 18:
        return number, f"身份证号码应为 18 位，现为 {len(number)} 位"
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return number, "身份证号码格式不对：前 17 位应为数字，最后一位为数字或 X"
    try:
        birth = ric.get_birth_date(number)
    except stdnum_exc.ValidationError:
        return number, f"身份证号码中的出生日期 {number[6:14]} 不存在"
    if birth > clock.today() or birth.year < 1900:
        return number, f"身份证号码中的出生日期 {birth.isoformat()} 不可能"
    if not known_region(number[:6]):
        return number, f"身份证号码中的地区码 {number[:6]} 不存在"
    if ric.calc_check_digit(number) != number[17]:
        return number, "身份证号码校验位不对，请核对是否输错"
    return number, None


def check_uscc(value: str) -> tuple[str, str | None]:
    """统一社会信用代码: 18 characters and its check character (GB 32100-2015)."""
    code = clean_text(value).replace(" ", "").upper()
    if not code:
        return code, "请填写统一社会信用代码"
    if len(code) != 18:
        return code, f"统一社会信用代码应为 18 位，现为 {len(code)} 位"
    try:
        uscc.validate(code)
    except stdnum_exc.InvalidChecksum:
        return code, "统一社会信用代码校验位不对，请核对是否输错"
    except stdnum_exc.ValidationError:
        return code, "统一社会信用代码格式不对（不可含 I、O、Z、S、V 等字母）"
    return code, None


def check_phone(value: str) -> tuple[str, str | None]:
    phone = clean_text(value).replace(" ", "")
    if phone.startswith("+86"):
        phone = phone[3:]
    if MOBILE.match(phone) or LANDLINE.match(phone):
        return phone, None
    return phone, "电话号码不对：手机为 1 开头的 11 位数字，座机如 0451-12345678"


_DOC_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "passport": (re.compile(r"^[A-Z0-9]{5,17}$"), "护照号码应为 5 至 17 位字母或数字"),
    "hk_macao_permit": (re.compile(r"^[HM]\d{8}(\d{2})?$"), "港澳居民来往内地通行证号码应为 H 或 M 开头加 8 或 10 位数字"),
    "taiwan_permit": (re.compile(r"^\d{8}(\d{2})?$"), "台湾居民来往大陆通行证号码应为 8 或 10 位数字"),
    "foreign_permanent_residence": (
        re.compile(r"^([A-Z]{3}\d{12}|9\d{17})$"),
        "外国人永久居留身份证号码应为 3 个字母加 12 位数字（旧版）或 9 开头的 18 位（新版）",
    ),
}


def check_id(id_type: str, value: str) -> tuple[str, str | None]:
    if id_type == "cn_ric":
        return check_cn_ric(value)
    if id_type == "uscc":
        return check_uscc(value)
    pattern = _DOC_PATTERNS.get(id_type)
    if pattern is None:
        return value, f"不认识的证件类型 {id_type!r}"
    number = clean_text(value).replace(" ", "").upper()
    if not number:
        return number, "请填写证件号码"
    return number, None if pattern[0].match(number) else pattern[1]


def check_field(field: MergedField, value: Any) -> tuple[Any, str | None]:
    """Checks one form value against its merged field; returns the normalised value and a problem."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None, ("必填" if field.required else None)
    t = field.type
    if t in (FieldType.TEXT, FieldType.LONG_TEXT):
        return check_text(value, max_length=field.max_length, multiline=t is FieldType.LONG_TEXT)
    if not isinstance(value, str | int | float | bool):
        return None, "类型不对"
    if t is FieldType.DATE:
        try:
            d = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return None, f"日期应写成 YYYY-MM-DD，如 2026-11-22，而不是 {str(value)[:20]!r}"
        if not dt.date(1900, 1, 1) <= d <= dt.date(2100, 12, 31):
            return None, f"日期 {d.isoformat()} 超出合理范围"
        return d.isoformat(), None
    if t is FieldType.NUMBER:
        if isinstance(value, bool):
            return None, "应为数字"
        try:
            num = float(str(value).strip().replace(",", ""))
        except ValueError:
            return None, f"应为数字，而不是 {str(value)[:20]!r}"
        if num != num or abs(num) > 1e12:
            return None, "数字超出范围"
        return (int(num) if num.is_integer() else num), None
    if t is FieldType.PHONE:
        return check_phone(str(value))
    if t is FieldType.CN_RIC:
        return check_cn_ric(str(value))
    if t is FieldType.USCC:
        return check_uscc(str(value))
    if t is FieldType.CHOICE:
        codes = {o.code: o.label for o in field.options}
        if value not in codes:
            return None, "请从选项中选择：" + "、".join(codes.values())
        return value, None
    if t is FieldType.BOOL:
        if isinstance(value, bool):
            return value, None
        if str(value).lower() in ("true", "1", "yes", "是"):
            return True, None
        if str(value).lower() in ("false", "0", "no", "否"):
            return False, None
        return None, "应为“是”或“否”"
    return value, None  # pragma: no cover - every FieldType is handled above


def check_form(merged: MergedForm, form: dict[str, Any], *, partial: bool = False) -> tuple[dict[str, Any], Problems]:
    """Checks a whole form; unknown fields are problems; with ``partial`` a missing value is not."""
    problems: Problems = {}
    clean: dict[str, Any] = {}
    known = {f.code for f in merged.fields}
    for code in form:
        if code not in known:
            problems[f"form.{code}"] = f"“{merged.bundle.name}”的表单没有这一项"
    for f in merged.fields:
        value, problem = check_field(f, form.get(f.code))
        if problem and not (partial and form.get(f.code) in (None, "")):
            problems[f"form.{f.code}"] = f"{f.label}：{problem}"
        elif value is not None:
            clean[f.code] = value
    return clean, problems


def check_person(data: Any, where: str, *, kinds: tuple[str, ...] = ("person", "enterprise")) -> tuple[dict[str, Any], Problems]:
    """Checks an applicant or agent: kind, name, ID type and number, phone, address."""
    problems: Problems = {}
    if not isinstance(data, dict):
        return {}, {where: "应为一个对象（姓名、证件类型、证件号码、电话……）"}
    allowed = {"kind", "name", "id_type", "id_number", "phone", "address", "legal_representative"}
    for k in data:
        if k not in allowed:
            problems[f"{where}.{k}"] = "不认识的项目"
    kind = data.get("kind", "person")
    if kind not in kinds:
        problems[f"{where}.kind"] = "申请人类型应为 " + " 或 ".join(kinds)
    label = "单位名称" if kind == "enterprise" else "姓名"
    name, p = check_text(data.get("name", ""), max_length=100)
    if not name:
        problems[f"{where}.name"] = f"请填写{label}"
    elif p:
        problems[f"{where}.name"] = f"{label}{p}"
    id_type = data.get("id_type") or ("uscc" if kind == "enterprise" else "cn_ric")
    if kind == "enterprise" and id_type != "uscc":
        problems[f"{where}.id_type"] = "单位申请人的证件类型应为统一社会信用代码（uscc）"
    if kind == "person" and id_type == "uscc":
        problems[f"{where}.id_type"] = "个人申请人的证件类型不能是统一社会信用代码"
    number, p = check_id(id_type, str(data.get("id_number", "")))
    if p:
        problems[f"{where}.id_number"] = p
    phone = ""
    if data.get("phone"):
        phone, p = check_phone(str(data["phone"]))
        if p:
            problems[f"{where}.phone"] = p
    address, p = check_text(data.get("address", ""), max_length=200)
    if p:
        problems[f"{where}.address"] = f"地址{p}"
    rep, p = check_text(data.get("legal_representative", ""), max_length=100)
    if p:
        problems[f"{where}.legal_representative"] = f"法定代表人{p}"
    return {
        "kind": kind, "name": name, "id_type": id_type, "id_number": number,
        "phone": phone, "address": address, "legal_representative": rep,
    }, problems
