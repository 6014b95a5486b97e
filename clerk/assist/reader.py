"""Field extraction from a page by layout and label rules, then validation (智能预填的识别部分).

``extract(page, kind)`` runs the OCR engine and reads the fields of one document kind:
idcard_front (居民身份证人像面), idcard_back (国徽面), business_licence (营业执照),
hukou_page (户口簿常住人口登记卡), birth_certificate (出生医学证明). A value that fails its check
(ID check digit, credit-code check character, an impossible date) is left out of ``fields`` and
its reason kept in ``refused``: nothing is invented, nothing misread is offered.
``extract_lines`` does the same from OCR lines already read (tests, the bench, a second kind).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from clerk import clock
from clerk.assist.layout import (
    Row,
    dominant_angle,
    find_labels,
    group_rows,
    label_pattern,
    page_segments,
    read_value,
)
from clerk.assist.ocr import OcrLine, engine, load_page
from clerk.assist.validate import (
    Checked,
    all_dates,
    check_id_number,
    check_uscc,
    parse_date,
    validity_span_ok,
)
from clerk.errors import ClerkError

KINDS = ("idcard_front", "idcard_back", "business_licence", "hukou_page", "birth_certificate")
KIND_LABELS = {
    "idcard_front": "居民身份证人像面",
    "idcard_back": "居民身份证国徽面",
    "business_licence": "营业执照",
    "hukou_page": "户口簿常住人口登记卡",
    "birth_certificate": "出生医学证明",
}
FIELD_LABELS: dict[str, str] = {
    "name": "姓名", "sex": "性别", "nation": "民族", "birth_date": "出生日期", "address": "住址",
    "id_number": "公民身份号码", "issuer": "签发机关", "valid_from": "有效期起", "valid_to": "有效期至",
    "uscc": "统一社会信用代码", "legal_representative": "法定代表人", "type": "类型",
    "registration_date": "成立日期", "relation": "与户主关系", "child_name": "新生儿姓名",
    "birth_datetime": "出生时间", "birth_place": "出生地点", "mother_name": "母亲姓名",
    "mother_id_number": "母亲身份证号码", "father_name": "父亲姓名", "father_id_number": "父亲身份证号码",
}
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "idcard_front": ("name", "sex", "nation", "birth_date", "address", "id_number"),
    "idcard_back": ("issuer", "valid_from", "valid_to"),
    "business_licence": ("uscc", "name", "legal_representative", "address", "type", "registration_date"),
    "hukou_page": ("name", "relation", "id_number", "address"),
    "birth_certificate": ("child_name", "sex", "birth_datetime", "birth_place", "mother_name", "mother_id_number",
                          "father_name", "father_id_number"),
}

KEYWORDS: dict[str, tuple[str, ...]] = {
    "idcard_front": ("公民身份号码", "姓名", "性别", "民族", "出生", "住址"),
    "idcard_back": ("中华人民共和国", "居民身份证", "签发机关", "有效期限"),
    "business_licence": ("营业执照", "统一社会信用代码", "法定代表人", "注册资本", "成立日期", "经营范围", "登记机关",
                         "营业期限", "住所"),
    "hukou_page": ("常住人口登记卡", "户主或与户主关系", "公民身份证件编号", "籍贯", "曾用名", "宗教信仰", "服务处所",
                   "兵役状况"),
    "birth_certificate": ("出生医学证明", "新生儿姓名", "出生时间", "出生地点", "母亲姓名", "父亲姓名", "接生机构",
                          "MEDICALCERTIFICATEOFBIRTH"),
}
"""Printed words by which a page shows what it is (a page of one kind filed under another is flagged)."""

NATIONS = ("汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
           "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
           "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯",
           "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
"""The 56 民族 as the card prints them (GB/T 3304), without 族."""


class UnknownKind(ClerkError, ValueError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"不认识的证照种类 {kind!r}，可选：" + "、".join(f"{k}（{KIND_LABELS[k]}）" for k in KINDS))


@dataclass(frozen=True)
class Extraction:
    """What one page gave: the kind read, checked field values with a confidence each, refusals."""

    kind: str
    fields: dict[str, str]
    confidence: dict[str, float]
    refused: dict[str, str] = field(default_factory=dict)
    """Field → why its recognised value was not offered (e.g. a check digit that does not match)."""
    detected_kind: str | None = None
    """The kind the page's printed keywords point to (None: nothing recognisable)."""
    kind_scores: dict[str, float] = field(default_factory=dict)
    text: str = ""
    """All recognised text, row by row (kept in memory for the assistant, never logged)."""

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "fields": dict(self.fields),
                "confidence": {k: round(v, 3) for k, v in self.confidence.items()},
                "refused": dict(self.refused), "detected_kind": self.detected_kind}


# -- labels per kind: every printed label, so a value stops where the next one begins -------------
_LABELS: dict[str, dict[str, str]] = {
    "idcard_front": {"姓名": "name", "性别": "sex", "民族": "nation", "出生": "birth_date", "住址": "address",
                     "公民身份号码": "id_number"},
    "idcard_back": {"签发机关": "issuer", "有效期限": "validity", "中华人民共和国": "", "居民身份证": ""},
    "business_licence": {
        "统一社会信用代码": "uscc", "名称": "name", "类型": "type", "法定代表人": "legal_representative",
        "负责人": "legal_representative", "经营者": "legal_representative", "执行事务合伙人": "legal_representative",
        "投资人": "legal_representative", "住所": "address", "经营场所": "address", "主要经营场所": "address",
        "营业场所": "address", "成立日期": "registration_date", "注册日期": "registration_date", "注册资本": "",
        "营业期限": "", "经营范围": "", "登记机关": "", "营业执照": "", "副本": "", "出资额": "", "组成形式": "",
    },
    "hukou_page": {
        "姓名": "name", "户主或与户主关系": "relation", "与户主关系": "relation", "公民身份证件编号": "id_number",
        "公民身份号码": "id_number", "住址": "address", "曾用名": "", "性别": "", "出生地": "", "民族": "", "籍贯": "",
        "出生日期": "", "宗教信仰": "", "身高": "", "血型": "", "文化程度": "", "婚姻状况": "", "兵役状况": "",
        "服务处所": "", "职业": "", "登记日期": "", "本市(县)其他住址": "", "何时由何地迁来本市(县)": "",
        "何时由何地迁来本址": "", "承办人签章": "", "常住人口登记卡": "",
    },
    "birth_certificate": {
        "新生儿姓名": "child_name", "性别": "sex", "出生时间": "birth_datetime", "出生地点": "birth_place",
        "母亲姓名": "mother_name", "父亲姓名": "father_name", "母亲有效身份证件类别及号码": "mother_id_number",
        "父亲有效身份证件类别及号码": "father_id_number", "健康状况": "", "体重": "", "身长": "", "年龄": "",
        "国籍": "", "民族": "", "出生地分类": "", "接生机构名称": "", "出生证编号": "", "出生医学证明": "",
    },
}
_MULTILINE = {"address", "type", "issuer", "birth_place", "licence_name"}
"""Fields whose value may wrap onto the lines below (in its column, until the next label)."""
_FRAGMENTS: dict[str, dict[str, str]] = {"business_licence": {"住": "住所", "名": "名称", "类": "类型"}}
"""Halves of the licence's letter-spaced labels (住　　所) standing alone when the other half was lost."""
_LABEL_RE = {k: label_pattern(list(v)) for k, v in _LABELS.items()}
_CANON = {k: {lab: lab for lab in v} for k, v in _LABELS.items()}


def _cjk_only(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "·")


def _to_fullwidth_brackets(text: str) -> str:
    return text.replace("(", "（").replace(")", "）").replace(":", "：").replace(";", "；").replace(",", "，")


def _clean_text(text: str) -> str:
    """A Chinese text value: no stray Latin words (bilingual labels), Chinese punctuation."""
    t = re.sub(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z'.]*(?:\s+[A-Za-z][A-Za-z'.]*)*(?![0-9A-Za-z])", "", text)
    return _to_fullwidth_brackets(re.sub(r"\s+", "", t)).strip("：:，,;；。")


def _person_name(text: str) -> Checked:
    name = _cjk_only(text)
    if 2 <= len(name) <= 6:
        return Checked(name)
    return Checked(None, "未识别到姓名" if not name else f"姓名长度不合理：{name}")


def _sex(text: str) -> Checked:
    for ch in text:
        if ch in "男女":
            return Checked(ch)
    return Checked(None, "未识别到性别")


def _nation(text: str) -> Checked:
    t = _cjk_only(text).removesuffix("族")
    if t in NATIONS:
        return Checked(t)
    for n in sorted(NATIONS, key=len, reverse=True):  # 汉 read with a stray mark after it
        if t.startswith(n) and len(t) <= len(n) + 1:
            return Checked(n)
    return Checked(None, f"民族不在56个民族之列：{t}" if t else "未识别到民族")


def _address(text: str) -> Checked:
    t = _clean_text(text)
    return Checked(t) if len(t) >= 4 else Checked(None, "未识别到地址")


def _text(text: str, min_len: int = 2) -> Checked:
    t = _clean_text(text)
    return Checked(t) if len(t) >= min_len else Checked(None, "未识别到")


def _birth_datetime(text: str) -> Checked:
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2})\s*时\s*(\d{1,2})\s*分", text)
    if m is None:
        d = parse_date(text, earliest=dt.date(1900, 1, 1), latest=clock.today())
        return Checked(d.value, d.problem) if d.ok else d
    try:
        year, month, day, hour, minute = (int(g) for g in m.groups())
        value = dt.datetime(year, month, day, hour, minute)
    except ValueError:
        return Checked(None, f"出生时间不存在：{m.group(0)}")
    if value.date() > clock.today():
        return Checked(None, "出生时间晚于今天")
    return Checked(value.strftime("%Y-%m-%dT%H:%M"))


_CHECKS: dict[str, Callable[[str], Checked]] = {
    "name": _person_name, "child_name": _person_name, "mother_name": _person_name, "father_name": _person_name,
    "legal_representative": _person_name, "relation": lambda t: _text(_cjk_only(t), 1),
    "sex": _sex, "nation": _nation, "address": _address, "birth_place": _address,
    "issuer": lambda t: _text(t, 4), "type": lambda t: _text(t, 2),
    "id_number": check_id_number, "mother_id_number": check_id_number, "father_id_number": check_id_number,
    "uscc": check_uscc, "birth_date": lambda t: parse_date(t, latest=clock.today()),
    "registration_date": lambda t: parse_date(t, earliest=dt.date(1949, 10, 1), latest=clock.today()),
    "birth_datetime": _birth_datetime,
}
_VERIFIED = {"id_number", "mother_id_number", "father_id_number", "uscc"}
"""Fields whose check character proves the reading: their confidence is at least 0.99."""


def detect_kind(text: str) -> tuple[str | None, dict[str, float]]:
    """The kind whose printed keywords the page shows most (share of its keywords found)."""
    flat = re.sub(r"\s+", "", text).upper()
    scores = {k: sum(1 for w in words if w in flat) / len(words) for k, words in KEYWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return (best if scores[best] >= 0.3 else None), scores


class _Reader:
    def __init__(self, kind: str, lines: Sequence[OcrLine]) -> None:
        self.kind = kind
        self.rows = [Row(r) for r in group_rows(page_segments(lines))]
        self.hits = find_labels(self.rows, _LABEL_RE[kind], _CANON[kind], _FRAGMENTS.get(kind))
        self.fields: dict[str, str] = {}
        self.confidence: dict[str, float] = {}
        self.refused: dict[str, str] = {}

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.rows)

    def raw(self, name: str) -> tuple[str, float] | None:
        """The first labelled value of field ``name`` (label → field in ``_LABELS``)."""
        labels = _LABELS[self.kind]
        for hit in self.hits:
            if labels.get(hit.label) == name:
                wraps = name in _MULTILINE or (self.kind == "business_licence" and f"licence_{name}" in _MULTILINE)
                v = read_value(self.rows, hit, self.hits, multiline=wraps)
                if v is not None:
                    return v.text, v.score
        return None

    def put(self, name: str, raw: tuple[str, float] | None, check: Callable[[str], Checked] | None = None) -> None:
        if raw is None:
            return
        text, score = raw
        result = (check or _CHECKS[name])(text)
        if result.ok:
            assert result.value is not None
            self.fields[name] = result.value
            self.confidence[name] = max(score, 0.99) if name in _VERIFIED else score
            self.refused.pop(name, None)
        elif name not in self.fields:
            self.refused[name] = result.problem

    def find_token(self, name: str, check: Callable[[str], Checked]) -> None:
        """A checked number anywhere on the page when its label was not read (or its value failed)."""
        if name in self.fields:
            return
        failed = ""
        for row in self.rows:
            for seg in row.segments:
                result = check(seg.text)
                if result.ok:
                    self.put(name, (seg.text, seg.score), check)
                    return
                if not failed and "校验" in result.problem:
                    failed = result.problem  # shaped like one, but its check character is wrong
        if failed and name not in self.refused:
            self.refused[name] = failed

    def result(self) -> Extraction:
        detected, scores = detect_kind(self.text)
        order = KIND_FIELDS[self.kind]
        fields = {k: self.fields[k] for k in order if k in self.fields}
        return Extraction(self.kind, fields, {k: self.confidence[k] for k in fields},
                          {k: v for k, v in self.refused.items() if k not in fields}, detected, scores, self.text)


def _idcard_front(r: _Reader) -> None:
    for name in ("name", "sex", "nation", "birth_date", "address", "id_number"):
        r.put(name, r.raw(name))
    r.find_token("id_number", check_id_number)
    number = r.fields.get("id_number")
    if number is None:
        return
    # The number repeats the birth date and (by parity) the sex: a field read differently is refused.
    born = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    sex = "男" if int(number[16]) % 2 else "女"
    for name, expected in (("birth_date", born), ("sex", sex)):
        if name in r.fields and r.fields[name] != expected:
            del r.fields[name]
            r.refused[name] = f"与身份证号码中的{'出生日期' if name == 'birth_date' else '性别'}不一致，可能识别有误"


def _idcard_back(r: _Reader) -> None:
    r.put("issuer", r.raw("issuer"))
    if "issuer" in r.fields and "公安" not in r.fields["issuer"]:
        r.confidence["issuer"] *= 0.5
    raw = r.raw("validity")
    if raw is None:
        for row in r.rows:
            if len(all_dates(row.text)) >= 1 and ("长期" in row.text or len(all_dates(row.text)) >= 2):
                raw = (row.text, row.score_between(0, len(row.text)))
                break
    if raw is None:
        return
    text, score = raw
    dates = [d for d in all_dates(text) if d]
    if not dates:
        r.refused["valid_from"] = "未识别到有效期限"
        return
    start = dates[0]
    if "长期" in text or ("长" in text and len(dates) == 1):
        r.fields.update(valid_from=start, valid_to="长期")
        r.confidence.update(valid_from=score, valid_to=score)
    elif len(dates) >= 2 and validity_span_ok(start, dates[1]):
        r.fields.update(valid_from=start, valid_to=dates[1])
        r.confidence.update(valid_from=score, valid_to=score)
    else:
        r.refused.update(valid_from="有效期限的起止日期不是5、10或20年，可能识别有误",
                         valid_to="有效期限的起止日期不是5、10或20年，可能识别有误")


def _business_licence(r: _Reader) -> None:
    r.put("uscc", r.raw("uscc"))
    r.find_token("uscc", check_uscc)
    r.put("name", r.raw("name"), lambda t: _text(t, 4))
    r.put("legal_representative", r.raw("legal_representative"))
    r.put("address", r.raw("address"))
    r.put("type", r.raw("type"))
    r.put("registration_date", r.raw("registration_date"))


def _hukou_page(r: _Reader) -> None:
    for name in ("name", "relation", "id_number", "address"):
        r.put(name, r.raw(name))
    r.find_token("id_number", check_id_number)


def _birth_certificate(r: _Reader) -> None:
    for name in ("child_name", "sex", "birth_datetime", "birth_place", "mother_name", "mother_id_number",
                 "father_name", "father_id_number"):
        r.put(name, r.raw(name))


_READERS: dict[str, Callable[[_Reader], None]] = {
    "idcard_front": _idcard_front, "idcard_back": _idcard_back, "business_licence": _business_licence,
    "hukou_page": _hukou_page, "birth_certificate": _birth_certificate,
}


def extract_lines(lines: Sequence[OcrLine], kind: str | None = None) -> Extraction:
    """The fields of ``kind`` (default: the kind the page's keywords show) from OCR lines."""
    if kind is not None and kind not in _READERS:
        raise UnknownKind(kind)
    if kind is None:
        text = "\n".join(ln.text for ln in lines)
        kind, scores = detect_kind(text)
        if kind is None:
            return Extraction("unknown", {}, {}, {}, None, scores, text)
    reader = _Reader(kind, lines)
    _READERS[kind](reader)
    return reader.result()


MAX_SIDE = {"idcard_front": 1152, "idcard_back": 1152, "hukou_page": 1408, "birth_certificate": 1408,
            "business_licence": 1408}
"""Long side a photo is scaled to before detection, per kind: a card's print is large, an A4 page's small."""


def read_upright(image: Image.Image, kind: str | None = None) -> list[OcrLine]:
    """The page's OCR lines; a page lying on its side is read a second time turned upright."""
    eng = engine()
    side = MAX_SIDE.get(kind or "", 1600)
    lines = eng.recognise(image, side)
    turn = round(dominant_angle(lines) / 90) % 4
    if turn in (1, 3) and lines:
        # The engine reads sideways crops less well than upright ones (upside down is fine).
        lines = eng.recognise(image.rotate(90 * turn, expand=True), side)
    return lines


def extract(page: Image.Image | Path, kind: str | None = None) -> Extraction:
    """Reads one page (a picture, or an image/PDF file's first page) as document ``kind``.

    Runs the OCR engine (loaded on first use, ~1 s): call it off the UI thread.
    """
    if kind is not None and kind not in _READERS:
        raise UnknownKind(kind)
    image = load_page(page) if isinstance(page, Path) else page
    return extract_lines(read_upright(image, kind), kind)
