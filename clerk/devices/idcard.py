"""What an ID-card reader gives: the card (``IdCard``), the GA 467 text block it is read from, its JSON.

A second-generation resident ID card (居民身份证), a residence permit for Hong Kong, Macao and Taiwan
residents (港澳台居民居住证) and a foreign permanent residence card (外国人永久居留身份证) all hand the
reader one 256-byte text block (the vendor SDK's ``wz.txt``): UCS-2 little-endian, fixed-width fields
padded with spaces, the card type in bytes 248–249. ``parse_text_block`` reads the three layouts:

=========  ===========================================================================================
marker     layout (byte offsets)
=========  ===========================================================================================
" "        resident card (GA 467): name 0–30, sex 30–32 (1 男, 2 女), nation 32–36 (GB 3304 code),
           birth 36–52 (YYYYMMDD), address 52–122, ID number 122–158, issuing authority 158–188,
           valid from 188–204, valid to 204–220 (YYYYMMDD or 长期), the rest reserved (最新住址)
"J"        港澳台居民居住证: the same, with no nation; 220–238 the travel permit number (通行证号码),
           238–242 the issue count (签发次数); its number starts 810000 / 820000 / 830000
"I"        外国人永久居留身份证 (2017 edition and earlier, 15-character number): English name 0–120,
           sex 120–122, number 122–152, nationality 152–158 (ISO 3166 alpha-3), Chinese name 158–188,
           valid from 188–204, valid to 204–220, birth 220–236, card version 236–240,
           authority code 240–248
"Y"        外国人永久居留身份证 (2023 edition, 18-digit number starting 9): Chinese name 0–30, sex 30–32,
           renewal count 32–36, birth 36–52, English name 52–122 (+ 220–242), number 122–158,
           valid from 188–204, valid to 204–220, nationality 242–248, link to the old number 250–256
=========  ===========================================================================================

Anything else — a short block, an unknown marker, an undecodable character, a date that does not
exist, a number whose check digit or birth date does not match — is refused with ``MalformedCard``
saying what: a reader never fills a form with half a card.

The card is personal data: ``repr`` masks the name and number (a log line or a traceback never holds
them), and the photo stays in memory (``photo_png``) unless the caller asks for a file.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from clerk import clock
from clerk.errors import ClerkError
from clerk.intake.validation import bad_character, check_cn_ric, check_id
from clerk.security.masking import mask_id, mask_name

BLOCK_SIZE = 256
MAX_PHOTO_BYTES = 256 * 1024
"""A card photo is a 102 × 126 picture (~38 KB as BMP); anything far bigger is not one."""
MAX_PHOTO_SIDE = 1024


class IdCardError(ClerkError):
    """Base of everything a card read can end in; the message is one line in Chinese."""


class NoCard(IdCardError):
    """No card on the reader (or it was taken away during the read)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("读卡器上没有身份证：请把证件平放在读卡器上再读" + (f"（{detail}）" if detail else ""))


class ReaderUnavailable(IdCardError):
    """The reader cannot be used: library missing or unloadable, not connected, service not answering."""


class ReadFailed(IdCardError):
    """A card was there but could not be read (moved during the read, a chip that does not answer)."""


class MalformedCard(IdCardError, ValueError):
    """The reader's data is not a card this program can read: what is wrong, in one line."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"证件信息无法识别：{problem}")
        self.problem = problem


class CardType(StrEnum):
    RESIDENT = "resident"
    """居民身份证"""
    HK_MACAO_TAIWAN = "hk_macao_taiwan_residence"
    """港澳台居民居住证"""
    FOREIGN_PERMANENT = "foreign_permanent_residence"
    """外国人永久居留身份证"""


CARD_TYPE_LABELS: dict[CardType, str] = {
    CardType.RESIDENT: "居民身份证",
    CardType.HK_MACAO_TAIWAN: "港澳台居民居住证",
    CardType.FOREIGN_PERMANENT: "外国人永久居留身份证",
}

NATIONS: dict[str, str] = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗", "07": "彝", "08": "壮",
    "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶", "14": "白", "15": "土家", "16": "哈尼",
    "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳", "21": "佤", "22": "畲", "23": "高山", "24": "拉祜",
    "25": "水", "26": "东乡", "27": "纳西", "28": "景颇", "29": "柯尔克孜", "30": "土", "31": "达斡尔",
    "32": "仫佬", "33": "羌", "34": "布朗", "35": "撒拉", "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌",
    "40": "普米", "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克", "46": "德昂",
    "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔", "51": "独龙", "52": "鄂伦春", "53": "赫哲",
    "54": "门巴", "55": "珞巴", "56": "基诺",
    "97": "其他", "98": "外国血统",
}
"""GB 3304-1991: the 56 nations by their two-digit code, the short name a card prints (蒙古, not
蒙古族), and the codes for 其他 (97, not yet identified) and 外国血统 (98, 外国血统中国籍人士)."""
NATION_NAMES = frozenset(NATIONS.values())

_HMT_PREFIXES = ("810000", "820000", "830000")
_DATE = re.compile(r"^\d{8}$")


@dataclass(frozen=True)
class IdCard:
    """One card as read. Dates are dates; ``valid_to`` None is 长期 (no end)."""

    card_type: CardType
    name: str
    sex: str
    """男 or 女"""
    nation: str | None
    """The short GB 3304 name (汉, 蒙古, 维吾尔); None on a permit that has none."""
    birth_date: dt.date
    address: str
    id_number: str
    issuer: str
    """签发机关 (a foreign permanent residence card: the code of the authority that took the application)."""
    valid_from: dt.date
    valid_to: dt.date | None
    english_name: str = ""
    nationality: str = ""
    """ISO 3166 alpha-3 code of a foreign permanent resident's nationality."""
    pass_number: str = ""
    """港澳台居民居住证: the number of the holder's travel permit (通行证号码)."""
    issue_count: int | None = None
    """港澳台居民居住证: how many times it was issued (签发次数)."""
    photo_png: bytes | None = field(default=None, repr=False, compare=False)
    """The card's photo as PNG bytes (in memory only), or None when the reader gave none."""

    def __repr__(self) -> str:  # personal data: never the full name or number in a log or traceback
        return (f"IdCard({self.card_type.value}, {mask_name(self.name)}, {mask_id(self.id_number)}, "
                f"valid_to={self.valid_to})")

    __str__ = __repr__

    @property
    def id_type(self) -> str:
        """The applicant's ``id_type`` (``clerk.intake.model.ID_TYPE_LABELS``): a residence permit's
        number has the resident-number format."""
        return "foreign_permanent_residence" if self.card_type is CardType.FOREIGN_PERMANENT else "cn_ric"

    def expired_on(self, day: dt.date) -> bool:
        return self.valid_to is not None and self.valid_to < day

    @property
    def expired(self) -> bool:
        """Past its 有效期限 today (``clerk.clock``); a 长期 card never is."""
        return self.expired_on(clock.today())

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    def person(self) -> dict[str, Any]:
        """The applicant block a card fills (``clerk.intake.validation.check_person`` takes it)."""
        return {"kind": "person", "name": self.name, "id_type": self.id_type, "id_number": self.id_number,
                "address": self.address}

    def as_json(self, photo: Path | None = None) -> dict[str, Any]:
        """The documented JSON shape (``python -m clerk idcard read --json``, the simulator's file).

        ``photo``: where this read's PNG copy of the photo was written, or None.
        """
        out: dict[str, Any] = {
            "card_type": self.card_type.value, "name": self.name, "sex": self.sex, "nation": self.nation,
            "birth_date": self.birth_date.isoformat(), "address": self.address, "id_number": self.id_number,
            "issuer": self.issuer, "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None, "expired": self.expired,
            "photo": str(photo) if photo is not None else None,
        }
        for key in ("english_name", "nationality", "pass_number"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.issue_count is not None:
            out["issue_count"] = self.issue_count
        return out

    def with_photo(self, png: bytes | None) -> IdCard:
        return replace(self, photo_png=png)


# -- the GA 467 text block --------------------------------------------------------------------------------
def parse_text_block(block: bytes) -> IdCard:
    """The card in a reader's 256-byte text block (``wz.txt``); ``MalformedCard`` says what is wrong."""
    if len(block) == BLOCK_SIZE + 2 and block[:2] == b"\xff\xfe":
        block = block[2:]  # a byte-order mark some SDKs write in front
    if len(block) < BLOCK_SIZE:
        raise MalformedCard(f"文字信息只有 {len(block)} 字节，应为 {BLOCK_SIZE} 字节（读卡不完整，请重读）")
    if len(block) > BLOCK_SIZE and block[BLOCK_SIZE:].strip(b" \x00\r\n"):
        raise MalformedCard(f"文字信息有 {len(block)} 字节，不是 {BLOCK_SIZE} 字节的身份证文字信息")
    block = block[:BLOCK_SIZE]
    marker = _text(block, 248, 250, "证件类型标识")
    if marker in ("", " "):
        return _validated(_resident(block, CardType.RESIDENT))
    if marker == "J":
        return _validated(_resident(block, CardType.HK_MACAO_TAIWAN))
    if marker == "I":
        return _validated(_foreign_2017(block))
    if marker == "Y":
        return _validated(_foreign_2023(block))
    raise MalformedCard(f"不认识的证件类型标识“{_shown(marker)}”（第 248–249 字节）")


def _text(block: bytes, start: int, end: int, what: str) -> str:
    try:
        text = block[start:end].decode("utf-16-le")
    except UnicodeDecodeError:
        raise MalformedCard(f"“{what}”含有无法解码的字符（第 {start}–{end} 字节）") from None
    text = text.rstrip(" \x00")
    if (bad := bad_character(text)) is not None:
        raise MalformedCard(f"“{what}”{bad}")
    return text


def _date(text: str, what: str, *, open_end: bool = False) -> dt.date | None:
    if open_end and text == "长期":
        return None
    if not _DATE.match(text):
        raise MalformedCard(f"“{what}”应为 8 位日期（YYYYMMDD），读到“{_shown(text)}”")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise MalformedCard(f"“{what}”{text} 不是存在的日期") from None


def _sex(code: str) -> str:
    sex = {"1": "男", "2": "女"}.get(code)
    if sex is None:
        raise MalformedCard(f"性别代码应为 1（男）或 2（女），读到“{_shown(code)}”")
    return sex


def _resident(block: bytes, kind: CardType) -> IdCard:
    nation_code = _text(block, 32, 36, "民族")
    nation: str | None
    if kind is CardType.HK_MACAO_TAIWAN:
        nation = None  # a residence permit has no nation; whatever the reserved bytes say
    elif nation_code not in NATIONS:
        raise MalformedCard(f"民族代码“{_shown(nation_code)}”不在 GB 3304 中")
    else:
        nation = NATIONS[nation_code]
    issue_count: int | None = None
    pass_number = ""
    if kind is CardType.HK_MACAO_TAIWAN:
        pass_number = _text(block, 220, 238, "通行证号码")
        count = _text(block, 238, 242, "签发次数")
        if count:
            if not count.isdigit():
                raise MalformedCard(f"签发次数应为数字，读到“{_shown(count)}”")
            issue_count = int(count)
    birth = _date(_text(block, 36, 52, "出生日期"), "出生日期")
    start = _date(_text(block, 188, 204, "有效期起始日期"), "有效期起始日期")
    assert birth is not None and start is not None
    return IdCard(
        card_type=kind, name=_text(block, 0, 30, "姓名"), sex=_sex(_text(block, 30, 32, "性别")), nation=nation,
        birth_date=birth, address=_text(block, 52, 122, "住址"), id_number=_text(block, 122, 158, "公民身份号码"),
        issuer=_text(block, 158, 188, "签发机关"), valid_from=start,
        valid_to=_date(_text(block, 204, 220, "有效期截止日期"), "有效期截止日期", open_end=True),
        pass_number=pass_number, issue_count=issue_count,
    )


def _foreign_2017(block: bytes) -> IdCard:
    english = _text(block, 0, 120, "英文姓名")
    chinese = _text(block, 158, 188, "中文姓名")
    birth = _date(_text(block, 220, 236, "出生日期"), "出生日期")
    start = _date(_text(block, 188, 204, "有效期起始日期"), "有效期起始日期")
    assert birth is not None and start is not None
    return IdCard(
        card_type=CardType.FOREIGN_PERMANENT, name=chinese or english, sex=_sex(_text(block, 120, 122, "性别")),
        nation=None, birth_date=birth, address="", id_number=_text(block, 122, 152, "永久居留证号码"),
        issuer=_text(block, 240, 248, "受理机关代码"), valid_from=start,
        valid_to=_date(_text(block, 204, 220, "有效期截止日期"), "有效期截止日期", open_end=True),
        english_name=english, nationality=_text(block, 152, 158, "国籍"),
    )


def _foreign_2023(block: bytes) -> IdCard:
    english = (_text(block, 52, 122, "英文姓名") + _text(block, 220, 242, "英文姓名（续）")).strip()
    chinese = _text(block, 0, 30, "中文姓名")
    birth = _date(_text(block, 36, 52, "出生日期"), "出生日期")
    start = _date(_text(block, 188, 204, "有效期起始日期"), "有效期起始日期")
    assert birth is not None and start is not None
    return IdCard(
        card_type=CardType.FOREIGN_PERMANENT, name=chinese or english, sex=_sex(_text(block, 30, 32, "性别")),
        nation=None, birth_date=birth, address="", id_number=_text(block, 122, 158, "永久居留证号码"),
        issuer="", valid_from=start,
        valid_to=_date(_text(block, 204, 220, "有效期截止日期"), "有效期截止日期", open_end=True),
        english_name=english, nationality=_text(block, 242, 248, "国籍"),
    )


def _validated(card: IdCard) -> IdCard:
    """The checks every card passes, however it was read (SDK block, local service, simulator)."""
    if not card.name:
        raise MalformedCard("没有姓名")
    if len(card.name) > 60:
        raise MalformedCard(f"姓名太长（{len(card.name)} 个字符）")
    if card.card_type is CardType.FOREIGN_PERMANENT:
        number, problem = check_id("foreign_permanent_residence", card.id_number)
        if problem:
            raise MalformedCard(f"永久居留证号码：{problem}")
        if card.nationality and not re.fullmatch(r"[A-Z]{3}", card.nationality):
            raise MalformedCard(f"国籍代码应为 3 个大写字母，读到“{_shown(card.nationality)}”")
    else:
        number, problem = check_cn_ric(card.id_number)
        if problem:
            raise MalformedCard(f"证件号码：{problem}")
        if number[6:14] != card.birth_date.strftime("%Y%m%d"):
            raise MalformedCard("卡上的出生日期与证件号码中的不一致")
        if (int(number[16]) % 2 == 1) != (card.sex == "男"):
            raise MalformedCard("卡上的性别与证件号码中的不一致")
        hmt = number.startswith(_HMT_PREFIXES)
        if card.card_type is CardType.HK_MACAO_TAIWAN and not hmt:
            raise MalformedCard(f"港澳台居民居住证的号码应以 810000、820000 或 830000 开头，读到 {mask_id(number)}")
        if card.card_type is CardType.RESIDENT and hmt:
            raise MalformedCard("号码是港澳台居民居住证的号码，证件类型标识却是居民身份证")
        if not card.address:
            raise MalformedCard("没有住址")
    if card.valid_to is not None and card.valid_to < card.valid_from:
        raise MalformedCard("有效期截止日期早于起始日期")
    if card.birth_date > clock.today():
        raise MalformedCard(f"出生日期 {card.birth_date.isoformat()} 在今天之后")
    if card.nation is not None and card.nation not in NATION_NAMES:
        raise MalformedCard(f"民族“{_shown(card.nation)}”不在 GB 3304 中")
    return replace(card, id_number=number)


def _shown(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text[:24])


# -- the photo ---------------------------------------------------------------------------------------------
def photo_to_png(data: bytes) -> bytes:
    """The card photo (the SDK's decoded ``zp.bmp``, or a PNG/JPEG from a service) as PNG bytes."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_PHOTO_BYTES:
        raise MalformedCard(f"照片有 {len(data) // 1024} KB，不像证件照片")
    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format not in ("BMP", "PNG", "JPEG") or max(im.size) > MAX_PHOTO_SIDE:
                raise MalformedCard(f"照片格式不对（{im.format}，{im.size[0]}×{im.size[1]}）")
            out = io.BytesIO()
            im.convert("RGB").save(out, "PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        if isinstance(exc, MalformedCard):
            raise
        raise MalformedCard("照片无法解码") from None


# -- the JSON shape (the simulator's file, a local service's answer) ------------------------------------------
_JSON_KEYS = {"card_type", "name", "sex", "nation", "birth_date", "address", "id_number", "issuer", "valid_from",
              "valid_to", "expired", "photo", "photo_base64", "english_name", "nationality", "pass_number",
              "issue_count", "wz", "wz_base64"}


def card_from_json(data: Any, *, base_dir: Path | None = None) -> IdCard:
    """A card in the documented JSON shape (``IdCard.as_json``), checked like a card from the SDK.

    The photo: ``photo`` is a file (relative to ``base_dir``, the simulator's folder) or
    ``photo_base64`` the image's bytes (a local service). ``wz_base64`` instead of the fields: the raw
    256-byte text block, read with ``parse_text_block``. ``expired`` is ignored (recomputed).
    """
    if not isinstance(data, Mapping):
        raise MalformedCard("应为一个 JSON 对象")
    unknown = sorted(str(k) for k in data if k not in _JSON_KEYS)
    if unknown:
        raise MalformedCard(f"不认识的项目 {'、'.join(unknown[:5])}")
    photo = _json_photo(data, base_dir)
    raw = data.get("wz_base64") or data.get("wz")
    if raw is not None:
        return parse_text_block(_b64(raw, "wz_base64")).with_photo(photo)
    try:
        kind = CardType(data.get("card_type", "resident"))
    except ValueError:
        raise MalformedCard(f"card_type 应为 {'、'.join(t.value for t in CardType)} 之一") from None
    nation = data.get("nation")
    if nation is not None and not isinstance(nation, str):
        raise MalformedCard("nation 应为文字或 null")
    if isinstance(nation, str) and nation.endswith("族") and nation[:-1] in NATION_NAMES:
        nation = nation[:-1]
    if kind is CardType.RESIDENT and nation is None:
        raise MalformedCard("居民身份证应有民族")
    if kind is not CardType.RESIDENT:
        nation = None
    sex = data.get("sex")
    if sex not in ("男", "女"):
        raise MalformedCard("sex 应为“男”或“女”")
    count = data.get("issue_count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
        raise MalformedCard("issue_count 应为非负整数")
    birth = _json_date(data, "birth_date")
    start = _json_date(data, "valid_from")
    assert birth is not None and start is not None
    card = IdCard(
        card_type=kind, name=_json_text(data, "name"), sex=sex, nation=nation, birth_date=birth,
        address=_json_text(data, "address"), id_number=_json_text(data, "id_number"),
        issuer=_json_text(data, "issuer"), valid_from=start, valid_to=_json_date(data, "valid_to", open_end=True),
        english_name=_json_text(data, "english_name"), nationality=_json_text(data, "nationality"),
        pass_number=_json_text(data, "pass_number"), issue_count=count, photo_png=photo,
    )
    return _validated(card)


def _json_text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise MalformedCard(f"{key} 应为文字")
    if (bad := bad_character(value)) is not None:
        raise MalformedCard(f"{key} {bad}")
    if len(value) > 200:
        raise MalformedCard(f"{key} 太长")
    return value.strip()


def _json_date(data: Mapping[str, Any], key: str, *, open_end: bool = False) -> dt.date | None:
    value = data.get(key)
    if value is None and open_end:
        return None
    if open_end and value == "长期":
        return None
    if not isinstance(value, str):
        raise MalformedCard(f"{key} 应为 YYYY-MM-DD 格式的日期")
    try:
        return dt.date.fromisoformat(value) if "-" in value else _date(value, key)
    except ValueError:
        raise MalformedCard(f"{key} 应为 YYYY-MM-DD 格式的日期，读到“{_shown(value)}”") from None


def _b64(value: Any, key: str) -> bytes:
    if not isinstance(value, str):
        raise MalformedCard(f"{key} 应为 base64 文字")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise MalformedCard(f"{key} 不是有效的 base64") from None


def _json_photo(data: Mapping[str, Any], base_dir: Path | None) -> bytes | None:
    if data.get("photo_base64") is not None:
        return photo_to_png(_b64(data["photo_base64"], "photo_base64"))
    path = data.get("photo")
    if path is None or base_dir is None:
        return None
    if not isinstance(path, str) or not path:
        raise MalformedCard("photo 应为照片文件的路径或 null")
    file = (base_dir / path) if not Path(path).is_absolute() else Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise MalformedCard(f"照片文件 {path} 无法读取（{exc.strerror or exc}）") from None
    return photo_to_png(raw)


# -- making blocks (the fake SDK in the tests, the demo's simulator cards) ----------------------------------
def encode_text_block(card: IdCard) -> bytes:
    """The 256-byte block a reader would hand over for ``card`` (the inverse of ``parse_text_block``)."""

    def put(buf: bytearray, start: int, end: int, text: str) -> None:
        raw = text.encode("utf-16-le")
        if len(raw) > end - start:
            raise ValueError(f"{text!r} does not fit {end - start} bytes")
        buf[start:end] = raw + " ".encode("utf-16-le") * ((end - start - len(raw)) // 2)

    def ymd(d: dt.date | None) -> str:
        return "长期" if d is None else d.strftime("%Y%m%d")

    sex = "1" if card.sex == "男" else "2"
    buf = bytearray(" ".encode("utf-16-le") * (BLOCK_SIZE // 2))
    if card.card_type is CardType.FOREIGN_PERMANENT and len(card.id_number) == 15:
        put(buf, 0, 120, card.english_name)
        put(buf, 120, 122, sex)
        put(buf, 122, 152, card.id_number)
        put(buf, 152, 158, card.nationality)
        put(buf, 158, 188, card.name if card.name != card.english_name else "")
        put(buf, 188, 204, ymd(card.valid_from))
        put(buf, 204, 220, ymd(card.valid_to))
        put(buf, 220, 236, ymd(card.birth_date))
        put(buf, 236, 240, "01")
        put(buf, 240, 248, card.issuer)
        put(buf, 248, 250, "I")
        return bytes(buf)
    if card.card_type is CardType.FOREIGN_PERMANENT:
        put(buf, 0, 30, card.name if card.name != card.english_name else "")
        put(buf, 30, 32, sex)
        put(buf, 36, 52, ymd(card.birth_date))
        put(buf, 52, 122, card.english_name[:35])
        put(buf, 122, 158, card.id_number)
        put(buf, 188, 204, ymd(card.valid_from))
        put(buf, 204, 220, ymd(card.valid_to))
        put(buf, 220, 242, card.english_name[35:])
        put(buf, 242, 248, card.nationality)
        put(buf, 248, 250, "Y")
        return bytes(buf)
    code = {v: k for k, v in NATIONS.items()}.get(card.nation or "", "")
    put(buf, 0, 30, card.name)
    put(buf, 30, 32, sex)
    put(buf, 32, 36, code)
    put(buf, 36, 52, ymd(card.birth_date))
    put(buf, 52, 122, card.address)
    put(buf, 122, 158, card.id_number)
    put(buf, 158, 188, card.issuer)
    put(buf, 188, 204, ymd(card.valid_from))
    put(buf, 204, 220, ymd(card.valid_to))
    if card.card_type is CardType.HK_MACAO_TAIWAN:
        put(buf, 220, 238, card.pass_number)
        put(buf, 238, 242, "" if card.issue_count is None else f"{card.issue_count:02d}")
        put(buf, 248, 250, "J")
    return bytes(buf)


__all__ = [
    "BLOCK_SIZE", "CARD_TYPE_LABELS", "NATIONS", "CardType", "IdCard", "IdCardError", "MalformedCard", "NoCard",
    "ReadFailed", "ReaderUnavailable", "card_from_json", "encode_text_block", "parse_text_block", "photo_to_png",
]
