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


MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
LANDLINE = re.compile(r"^0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?$")
_ASCII_CODE = re.compile(r"^[0-9A-Z]*$")
_RIC = re.compile(r"^[0-9]{17}[0-9X]$")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
"""Full-width forms (全角 ０-９, Ａ-Ｚ, －, ＋, the ideographic space) and their ASCII counterparts."""


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """Why ``text`` may not be taken, or None: control characters (Unicode Cc; in multiline text tab
    and newline are fine), format characters (Cf: bidi overrides, zero-width spaces, BOM, soft hyphen),
    lone surrogates (Cs) and line/paragraph separators. Names and free text everywhere use this."""
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if cat == "Cs":
            return f"第 {i + 1} 个字符是无效的 Unicode 代理字符（U+{ord(ch):04X}）"
        if cat == "Cc" and not (multiline and ch in "\n\t"):
            return f"含有控制字符 U+{ord(ch):04X}（第 {i + 1} 个字符），请删除后重新输入"
        if cat in ("Cf", "Zl", "Zp"):
            return f"含有不可见的格式字符 U+{ord(ch):04X}（第 {i + 1} 个字符），请删除后重新输入"
    return None


def clean_text(value: str) -> str:
    """NFC-normalised and stripped (Windows line ends as ``\\n``); see ``bad_character`` for what is refused."""
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()


def normalise_code(value: str) -> str:
    """An ID number, credit code or phone as typed: full-width digits and letters (全角, what a Chinese
    input method gives) become ASCII, spaces go, letters are upper-cased. Nothing else is mapped: a
    superscript ² or a circled ① stays what it is and the format check refuses it (NFKC would turn
    them into digits, but nobody types them by accident — they come from pasted formatted text)."""
    return value.translate(_FULLWIDTH).replace(" ", "").strip().upper()


def check_text(value: Any, *, max_length: int, multiline: bool = False) -> tuple[str, str | None]:
    if not isinstance(value, str):
        return "", "应为文字"
    text = clean_text(value)
    bad = bad_character(text, multiline=multiline)
    if bad:
        return text, bad
    if not multiline:
        text = " ".join(text.split())
    if len(text) > max_length:
        return text, f"太长：{len(text)} 个字符，最多 {max_length} 个"
    return text, None


RESIDENCE_PERMIT_REGIONS = frozenset({"810000", "820000", "830000"})
"""The region codes of 港澳台居民居住证 numbers (Hong Kong, Macao, Taiwan residents; GB 11643 format)."""


def known_region(code: str) -> bool:
    """A county code that exists or existed (python-stdnum's table), or a residence permit's 810000,
    820000, 830000 (stdnum's table has no 830000).

    Not stdnum's ``get_birth_place``: it wants the code to have existed in the birth year, but most
    people born before 1984 were numbered in 1984-85 under the codes of that time — and people keep
    the number they were given after their county is merged or renamed.
    """
    from stdnum import numdb

    if code in RESIDENCE_PERMIT_REGIONS:
        return True

    parts = dict(p for part in numdb.get("cn/loc").info(code) for p in part[1].items())
    return "county" in parts


def region_name(code: str) -> str:
    """The name of a region code (``440305`` → ``广东省南山区``; "" when unknown)."""
    from stdnum import numdb

    if len(code) != 6 or not code.isdigit():
        return ""
    parts = dict(p for part in numdb.get("cn/loc").info(code) for p in part[1].items())
    province = str(parts.get("province", ""))
    county = str(parts.get("county", "")).split("]")[-1].split(",")[-1]
    if not county:
        return ""
    return county if county == province else province + county


def check_region(value: str) -> tuple[str, str | None]:
    """A handling region (属地): a 6-digit 行政区划代码 that exists (province, city or county)."""
    code = normalise_code(value)
    if len(code) != 6 or not code.isdigit():
        return code, f"属地应为 6 位行政区划代码（如 440305），而不是 {shown(value)}"
    if not region_name(code):
        return code, f"行政区划代码 {code} 不存在"
    return code, None


def check_cn_ric(value: str) -> tuple[str, str | None]:
    """居民身份证号码: 18 characters, region, a real birth date not in the future, check digit."""
    number = normalise_code(value)
    if not number:
        return number, "请填写身份证号码"
    if len(number) != 18:
        return number, f"身份证号码应为 18 位，现为 {len(number)} 位"
    if not _RIC.match(number):
        return number, "身份证号码格式不对：前 17 位应为数字 0-9，最后一位为数字或 X（上标、圆圈等特殊数字不能用）"
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
    code = normalise_code(value)
    if not code:
        return code, "请填写统一社会信用代码"
    if len(code) != 18:
        return code, f"统一社会信用代码应为 18 位，现为 {len(code)} 位"
    if not _ASCII_CODE.match(code):
        return code, "统一社会信用代码只能由数字 0-9 和大写字母组成"
    try:
        uscc.validate(code)
    except stdnum_exc.InvalidChecksum:
        return code, "统一社会信用代码校验位不对，请核对是否输错"
    except stdnum_exc.ValidationError:
        return code, "统一社会信用代码格式不对（不可含 I、O、Z、S、V 等字母）"
    return code, None


def check_phone(value: str) -> tuple[str, str | None]:
    phone = normalise_code(value)
    if phone.startswith("+86"):
        phone = phone[3:]
    if MOBILE.match(phone) or LANDLINE.match(phone):
        return phone, None
    return phone, "电话号码不对：手机为 1 开头的 11 位数字，座机如 0451-12345678"


_DOC_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "passport": (re.compile(r"^[A-Z0-9]{5,17}$", re.ASCII), "护照号码应为 5 至 17 位字母或数字"),
    "hk_macao_permit": (re.compile(r"^[HM]\d{8}(\d{2})?$", re.ASCII), "港澳居民来往内地通行证号码应为 H 或 M 开头加 8 或 10 位数字"),
    "taiwan_permit": (re.compile(r"^\d{8}(\d{2})?$", re.ASCII), "台湾居民来往大陆通行证号码应为 8 或 10 位数字"),
    "foreign_permanent_residence": (
        re.compile(r"^([A-Z]{3}\d{12}|9\d{17})$", re.ASCII),
        "外国人永久居留身份证号码应为 3 个字母加 12 位数字（旧版）或 9 开头的 18 位（新版）",
    ),
}


def check_id(id_type: str, value: str) -> tuple[str, str | None]:
    if id_type == "cn_ric":
        return check_cn_ric(value)
    if id_type == "uscc":
        return check_uscc(value)
    pattern = _DOC_PATTERNS.get(id_type) if isinstance(id_type, str) else None
    if pattern is None:
        return value, f"不认识的证件类型 {shown(id_type)}"
    number = normalise_code(value)
    if not number:
        return number, "请填写证件号码"
    return number, None if pattern[0].match(number) else pattern[1]


def check_field(field: MergedField, value: Any, *, strict: bool = False) -> tuple[Any, str | None]:
    """Checks one form value against its merged field; returns the normalised value and a problem.

    ``strict`` (a case document from outside, e.g. the CLI's JSON): a value must already have its
    JSON type (a yes/no field ``true``/``false``, a number a number, everything else a string); the
    lenient default also takes the strings a form widget gives ("是", "12").
    """
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None, ("必填" if field.required else None)
    t = field.type
    if t in (FieldType.TEXT, FieldType.LONG_TEXT):
        return check_text(value, max_length=field.max_length, multiline=t is FieldType.LONG_TEXT)
    if not isinstance(value, str | int | float | bool):
        return None, "类型不对"
    if strict:
        want = {FieldType.BOOL: (bool,), FieldType.NUMBER: (int, float)}.get(t, (str,))
        if not isinstance(value, want) or (t is FieldType.NUMBER and isinstance(value, bool)):
            return None, {FieldType.BOOL: "应为 true 或 false（不加引号）",
                          FieldType.NUMBER: "应为数字（不加引号）"}.get(t, "应为文字（加引号）")
    if isinstance(value, str) and (bad := bad_character(value)):
        return None, bad
    if t is FieldType.DATE:
        try:
            d = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return None, f"日期应写成 YYYY-MM-DD，如 2026-11-22，而不是 {shown(value)}"
        if not dt.date(1900, 1, 1) <= d <= dt.date(2100, 12, 31):
            return None, f"日期 {d.isoformat()} 超出合理范围"
        return d.isoformat(), None
    if t is FieldType.NUMBER:
        if isinstance(value, bool):
            return None, "应为数字"
        try:
            num = float(normalise_code(str(value)).replace(",", "")) if isinstance(value, str) else float(value)
        except (ValueError, OverflowError):
            return None, f"应为数字，而不是 {shown(value)}"
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


def check_form(merged: MergedForm, form: dict[str, Any], *, partial: bool = False,
               strict: bool = False) -> tuple[dict[str, Any], Problems]:
    """Checks a whole form; unknown fields are problems; with ``partial`` a missing value is not."""
    problems: Problems = {}
    clean: dict[str, Any] = {}
    known = {f.code for f in merged.fields}
    for code in form:
        if code not in known:
            problems[f"form.{shown_key(code)}"] = f"“{merged.bundle.name}”的表单没有这一项"
    for f in merged.fields:
        value, problem = check_field(f, form.get(f.code), strict=strict)
        if problem and not (partial and form.get(f.code) in (None, "")):
            problems[f"form.{f.code}"] = f"{f.label}：{problem}"
        elif value is not None:
            clean[f.code] = value
    return clean, problems


PERSON_KEYS = ("kind", "name", "id_type", "id_number", "phone", "address", "legal_representative")


def check_person(data: Any, where: str, *, kinds: tuple[str, ...] = ("person", "enterprise")) -> tuple[dict[str, Any], Problems]:
    """Checks an applicant or agent: kind, name, ID type and number, phone, address."""
    from clerk.intake.model import ID_TYPE_LABELS

    problems: Problems = {}
    if not isinstance(data, dict):
        return {}, {where: "应为一个对象（姓名、证件类型、证件号码、电话……）"}
    for k in data:
        if k not in PERSON_KEYS:
            problems[f"{where}.{shown_key(k)}"] = "不认识的项目"
    kind = data.get("kind", "person")
    if not isinstance(kind, str) or kind not in kinds:
        problems[f"{where}.kind"] = "申请人类型应为 " + " 或 ".join(kinds)
        kind = kinds[0]
    label = "单位名称" if kind == "enterprise" else "姓名"
    name, p = check_text(data.get("name", ""), max_length=100)
    if not name and not p:
        problems[f"{where}.name"] = f"请填写{label}"
    elif p:
        problems[f"{where}.name"] = f"{label}{p}"
    id_type = data.get("id_type") or ("uscc" if kind == "enterprise" else "cn_ric")
    if not isinstance(id_type, str) or id_type not in ID_TYPE_LABELS:
        problems[f"{where}.id_type"] = f"证件类型应为 {'、'.join(ID_TYPE_LABELS)} 之一，而不是 {shown(id_type)}"
        id_type = "uscc" if kind == "enterprise" else "cn_ric"
    elif kind == "enterprise" and id_type != "uscc":
        problems[f"{where}.id_type"] = "单位申请人的证件类型应为统一社会信用代码（uscc）"
    elif kind == "person" and id_type == "uscc":
        problems[f"{where}.id_type"] = "个人申请人的证件类型不能是统一社会信用代码"
    raw_number = data.get("id_number", "")
    if not isinstance(raw_number, str):
        problems[f"{where}.id_number"] = "证件号码应为文字（加引号）"
        number = ""
    else:
        number, p = check_id(id_type, raw_number)
        if p:
            problems[f"{where}.id_number"] = p
    phone = ""
    if data.get("phone"):
        if not isinstance(data["phone"], str):
            problems[f"{where}.phone"] = "电话应为文字（加引号）"
        else:
            phone, p = check_phone(data["phone"])
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


def check_delivery(d: Any) -> tuple[dict[str, Any], Problems]:
    """送达方式: at the window, or by post with address, recipient and phone."""
    if not isinstance(d, dict):
        return {"method": "window"}, {"delivery": "应为一个对象，如 {\"method\": \"window\"}"}
    problems: Problems = {}
    method = d.get("method", "window")
    if method not in ("window", "post"):
        return {"method": "window"}, {"delivery.method": "送达方式应为窗口领取（window）或邮寄（post）"}
    if method == "window":
        return {"method": "window"}, {}
    out: dict[str, Any] = {"method": "post"}
    for key, label in (("address", "邮寄地址"), ("recipient", "收件人")):
        text, p = check_text(d.get(key, ""), max_length=200)
        if not text and not p:
            problems[f"delivery.{key}"] = f"邮寄送达须填写{label}"
        elif p:
            problems[f"delivery.{key}"] = f"{label}{p}"
        out[key] = text
    raw_phone = d.get("phone", "")
    phone, p = check_phone(raw_phone) if isinstance(raw_phone, str) else ("", "电话应为文字（加引号）")
    if p:
        problems["delivery.phone"] = f"收件人{p}"
    out["phone"] = phone
    return out, problems


def shown(value: Any, limit: int = 24) -> str:
    """An input value for a message: one line, cut to ``limit`` characters, invisible characters and
    lone surrogates as ``\\uXXXX`` (so an echoed value can never break the line or the encoding)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = repr(value)
        return text if len(text) <= limit else text[:limit] + "…"
    if isinstance(value, list | tuple):
        return "一个列表"
    if isinstance(value, dict):
        return "一个对象"
    text = str(value)
    cut = text[:limit]
    out = "".join(ch if ch.isprintable() and unicodedata.category(ch) not in ("Cs", "Cf") else f"\\u{ord(ch):04x}"
                  for ch in cut)
    return f"“{out}{'…' if len(text) > limit else ''}”"


def shown_key(key: Any, limit: int = 40) -> str:
    """A key of the input for a field path (``form.<key>``): as it is when plain, else escaped."""
    text = str(key)
    if text.isascii() and text.isprintable() and len(text) <= limit and text.strip() == text and text:
        return text
    return shown(text, limit)
