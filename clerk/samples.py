"""Synthetic but realistic document images with their truth (tests, the bench and the demo).

Each ``render_<kind>`` draws one document the way the real one is laid out — the ID card's two
sides, a 营业执照 副本, a 户口簿 常住人口登记卡, a 出生医学证明 — with the CJK font the project
ships, and returns the picture and the values printed on it. ``photograph`` then puts it on a desk,
turns it a little, blurs it and saves it as a JPEG the way a document camera or a phone would.
No real person's data: names and addresses from Faker (zh_CN), ID numbers and credit codes with
valid check characters made up by ``clerk.demo``.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from clerk.demo import FONT_CANDIDATES, make_id_number, make_uscc

MONO_CANDIDATES = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", *FONT_CANDIDATES]
NATIONS_COMMON = ["汉", "汉", "汉", "汉", "回", "满", "蒙古", "壮", "维吾尔", "藏", "苗", "彝", "土家", "朝鲜", "侗", "瑶", "白"]
RELATIONS = ["户主", "妻", "夫", "子", "女", "长子", "长女", "次子", "孙子", "孙女", "父亲", "母亲"]
COMPANY_TYPES = ["有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "股份有限公司（非上市）",
                 "个人独资企业", "有限责任公司（法人独资）"]
BLUE = (40, 110, 170)
INK = (25, 25, 30)

KINDS = ("idcard_front", "idcard_back", "business_licence", "hukou_page", "birth_certificate")


@dataclass(frozen=True)
class Sample:
    """One drawn document: the clean picture, its kind and the values printed on it."""

    kind: str
    image: Image.Image
    truth: dict[str, str]


@lru_cache(maxsize=32)
def font(size: int, mono: bool = False) -> Any:
    for path in MONO_CANDIDATES if mono else FONT_CANDIDATES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def _spaced(d: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill: tuple[int, int, int],
            spacing: float = 0.0, mono: bool = False) -> float:
    """Draws ``text`` letter-spaced by ``spacing`` × size; returns the x after it."""
    x, y = xy
    f = font(size, mono)
    for ch in text:
        d.text((x, y), ch, font=f, fill=fill)
        x += d.textlength(ch, font=f) + spacing * size
    return x


def _wrap(text: str, width: int) -> list[str]:
    """Lines of ``width`` characters; a closing bracket or a stop never begins a line (避头点, as typeset)."""
    lines: list[str] = []
    for i in range(0, len(text), width):
        chunk = text[i:i + width]
        while lines and chunk and chunk[0] in "）)】》」』，。；：、！？":
            lines[-1] += chunk[0]
            chunk = chunk[1:]
        if chunk:
            lines.append(chunk)
    return lines or [""]


def _paper(size: tuple[int, int], rng: random.Random, base: tuple[int, int, int]) -> Image.Image:
    """A sheet with a faint, uneven tint and a fine guilloche-like pattern (security print)."""
    w, h = size
    im = Image.new("RGB", size, base)
    d = ImageDraw.Draw(im)
    for i in range(0, w + h, 9):
        tint = tuple(max(0, c - rng.randrange(6, 14)) for c in base)
        d.line([(i, 0), (i - h, h)], fill=tint, width=1)  # type: ignore[arg-type]
    return im


class _People:
    def __init__(self, rng: random.Random) -> None:
        from faker import Faker

        self.rng = rng
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(rng.randrange(1 << 30))

    def name(self, female: bool | None = None) -> str:
        if female is None:
            return str(self.fake.name())
        return str(self.fake.name_female() if female else self.fake.name_male())

    def address(self) -> str:
        f = self.fake
        return (f"{f.province()}{f.city_name()}市{self.district()}{f.street_name()}"
                f"{self.rng.randrange(1, 300)}号")[:34]

    def place(self) -> str:
        f = self.fake
        return f"{f.province()}{f.city_name()}市{self.district()}"

    def district(self) -> str:
        return str(self.fake.district()).rstrip("区县") + "区"

    def birth(self, start: int = 1950, span_years: int = 55) -> dt.date:
        return dt.date(start, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 365 * span_years))


def render_idcard_front(rng: random.Random) -> Sample:
    """人像面 at 10 px/mm (856 × 540): labels in blue, values in black, the number in a mono face."""
    p = _People(rng)
    female = rng.random() < 0.5
    name = p.name(female)
    birth = p.birth()
    id_number = make_id_number(rng, birth, female)
    nation = rng.choice(NATIONS_COMMON)
    address = p.address()
    im = _paper((856, 540), rng, (236, 240, 236))
    d = ImageDraw.Draw(im)
    d.rectangle([560, 70, 800, 370], fill=(214, 220, 226))  # the photo
    d.ellipse([620, 110, 740, 240], fill=(150, 150, 160))
    d.pieslice([590, 230, 770, 430], 180, 360, fill=(150, 150, 160))
    lx, vx = 55, 150
    _spaced(d, (lx, 62), "姓名", 26, BLUE, 0.6)
    _spaced(d, (vx, 56), name, 36, INK, 0.1)
    _spaced(d, (lx, 128), "性别", 26, BLUE, 0.6)
    _spaced(d, (vx, 124), "男女"[female], 30, INK)
    _spaced(d, (vx + 115, 128), "民族", 26, BLUE, 0.6)
    _spaced(d, (vx + 215, 124), nation, 30, INK)
    _spaced(d, (lx, 192), "出生", 26, BLUE, 0.6)
    x = _spaced(d, (vx, 188), f"{birth.year}", 30, INK)
    x = _spaced(d, (x + 12, 190), "年", 26, BLUE)
    x = _spaced(d, (x + 12, 188), f"{birth.month}", 30, INK)
    x = _spaced(d, (x + 12, 190), "月", 26, BLUE)
    x = _spaced(d, (x + 12, 188), f"{birth.day}", 30, INK)
    _spaced(d, (x + 12, 190), "日", 26, BLUE)
    _spaced(d, (lx, 256), "住址", 26, BLUE, 0.6)
    for i, line in enumerate(_wrap(address, 12)):
        _spaced(d, (vx, 252 + i * 44), line, 30, INK, 0.05)
    _spaced(d, (lx, 452), "公民身份号码", 26, BLUE, 0.15)
    _spaced(d, (265, 444), id_number, 38, INK, 0.12, mono=True)
    truth = {"name": name, "sex": "男女"[female], "nation": nation, "birth_date": birth.isoformat(),
             "address": address, "id_number": id_number}
    return Sample("idcard_front", im, truth)


def _emblem(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    x0, y0, x1, y1 = box
    d.ellipse(box, outline=(200, 40, 40), width=8)
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 4
    import math

    pts = []
    for i in range(10):
        a = math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.4
        pts.append((cx + rr * math.cos(a), cy - rr * math.sin(a)))
    d.polygon(pts, fill=(220, 170, 40))


def render_idcard_back(rng: random.Random) -> Sample:
    """国徽面: the emblem, 中华人民共和国 居民身份证, 签发机关 and 有效期限."""
    p = _People(rng)
    city = str(p.fake.city_name())
    district = p.district().rstrip("区")
    issuer = f"{city}市公安局{district}分局" if rng.random() < 0.7 else f"{city}市公安局"
    start = dt.date(2006, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 19))
    years = rng.choice([5, 10, 20, 20, 0])
    valid_to = "长期" if years == 0 else start.replace(year=start.year + years).isoformat()
    im = _paper((856, 540), rng, (238, 236, 230))
    d = ImageDraw.Draw(im)
    _emblem(d, (60, 45, 200, 185))
    _spaced(d, (270, 70), "中华人民共和国", 44, INK, 0.35)
    _spaced(d, (270, 150), "居民身份证", 60, INK, 0.45)
    _spaced(d, (140, 370), "签发机关", 26, INK, 0.3)
    _spaced(d, (300, 366), issuer, 30, INK)
    _spaced(d, (140, 440), "有效期限", 26, INK, 0.3)
    to = "长期" if years == 0 else f"{start.year + years}.{start.month:02d}.{start.day:02d}"
    _spaced(d, (300, 436), f"{start.year}.{start.month:02d}.{start.day:02d}-{to}", 30, INK)
    truth = {"issuer": issuer, "valid_from": start.isoformat(), "valid_to": valid_to}
    return Sample("idcard_back", im, truth)


def _cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def render_business_licence(rng: random.Random) -> Sample:
    """营业执照（副本）at 150 dpi on A4 (1240 × 1754): code top left, two columns, seal and date."""
    p = _People(rng)
    code = make_uscc(rng)
    name = str(p.fake.company())
    legal = p.name()
    ctype = rng.choice(COMPANY_TYPES)
    address = p.address()
    founded = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 25))
    capital = f"人民币{rng.choice([10, 50, 100, 200, 500, 1000])}万元整"
    scope = "一般项目：" + "；".join(rng.sample(
        ["技术服务、技术开发、技术咨询", "软件开发", "信息系统集成服务", "日用百货销售", "餐饮管理",
         "广告设计、代理", "会议及展览服务", "办公用品销售", "货物进出口", "企业管理咨询"], 4)) + "。"
    im = _paper((1240, 1754), rng, (250, 247, 238))
    d = ImageDraw.Draw(im)
    d.rectangle([40, 40, 1200, 1714], outline=(170, 60, 50), width=10)
    _emblem(d, (560, 90, 680, 210))
    _spaced(d, (380, 240), "营业执照", 96, (30, 20, 20), 0.5)
    _spaced(d, (560, 380), "（副本）", 36, INK)
    _spaced(d, (110, 300), "统一社会信用代码", 26, INK)
    _spaced(d, (110, 340), code, 32, INK, 0.05, mono=True)
    d.rectangle([980, 280, 1130, 430], outline=INK, width=3)  # the QR code's place
    for i in range(8):
        for j in range(8):
            if rng.random() < 0.5:
                d.rectangle([990 + i * 17, 290 + j * 17, 1005 + i * 17, 305 + j * 17], fill=INK)
    lx, vx, rx, rvx = 110, 290, 680, 850
    y = 500
    rows = [("名称", name, "注册资本", capital), ("类型", ctype, "成立日期", _cn_date(founded)),
            ("法定代表人", legal, "营业期限", f"{_cn_date(founded)}至长期")]
    for left, lval, right, rval in rows:
        _spaced(d, (lx, y), left, 28, INK, 0.0 if len(left) > 2 else 2.0)
        lines = _wrap(lval, 11)
        for i, line in enumerate(lines):
            _spaced(d, (vx, y + i * 42), line, 28, INK)
        _spaced(d, (rx, y), right, 28, INK, 0.0 if len(right) > 2 else 2.0)
        _spaced(d, (rvx, y), rval, 28, INK)
        y += 42 * max(2, len(lines)) + 30
    _spaced(d, (rx, y), "住所", 28, INK, 2.0)
    for i, line in enumerate(_wrap(address, 11)):
        _spaced(d, (rvx, y + i * 42), line, 28, INK)
    _spaced(d, (lx, y), "经营范围", 28, INK, 0.0)
    for i, line in enumerate(_wrap(scope, 11)):  # the column keeps clear of 住所 on its right
        _spaced(d, (vx, y + i * 42), line, 28, INK)
    d.ellipse([820, 1380, 1080, 1640], outline=(210, 40, 40), width=8)  # 登记机关 seal
    _spaced(d, (700, 1480), "登记机关", 30, INK, 0.2)
    _spaced(d, (820, 1600), _cn_date(founded + dt.timedelta(days=rng.randrange(0, 2000))), 30, INK)
    truth = {"uscc": code, "name": name, "legal_representative": legal, "address": address, "type": ctype,
             "registration_date": founded.isoformat()}
    return Sample("business_licence", im, truth)


def render_hukou_page(rng: random.Random) -> Sample:
    """户口簿 常住人口登记卡: a ruled table with labels and values in their cells (1200 × 840)."""
    p = _People(rng)
    female = rng.random() < 0.5
    name = p.name(female)
    birth = p.birth()
    id_number = make_id_number(rng, birth, female)
    relation = rng.choice(RELATIONS)
    address = p.address()
    im = _paper((1200, 840), rng, (244, 236, 226))
    d = ImageDraw.Draw(im)
    _spaced(d, (430, 30), "常住人口登记卡", 44, (60, 30, 30), 0.2)
    x0, x1, x2, x3, x4 = 40, 200, 560, 780, 1160
    rows = [
        [("姓名", name), ("户主或与户主关系", relation)],
        [("曾用名", ""), ("性别", "男女"[female])],
        [("出生地", str(p.fake.province()) + str(p.fake.city_name())), ("民族", rng.choice(NATIONS_COMMON))],
        [("籍贯", str(p.fake.province())), ("出生日期", _cn_date(birth))],
        [("住址", address)],
        [("宗教信仰", ""), ("公民身份证件编号", id_number)],
        [("文化程度", rng.choice(["大学本科", "高中", "初中", "研究生"])), ("婚姻状况", rng.choice(["已婚", "未婚"]))],
        [("服务处所", str(p.fake.company())[:12]), ("职业", rng.choice(["职员", "教师", "工人", "医生"]))],
    ]
    y = 110
    for row in rows:
        d.line([(x0, y), (x4, y)], fill=(120, 80, 70), width=2)
        (l1, v1), *rest = row
        _spaced(d, (x0 + 12, y + 26), l1, 24, INK)
        if rest:
            _spaced(d, (x1 + 12, y + 24), v1, 28, INK, mono=bool(v1) and v1 == id_number)
            l2, v2 = rest[0]
            size = 24 if len(l2) < 6 else 20
            _spaced(d, (x2 + 10, y + 28), l2, size, INK)
            _spaced(d, (x3 + 12, y + 24), v2, 28 if v2 != id_number else 27, INK, mono=v2 == id_number)
            for x in (x1, x2, x3):
                d.line([(x, y), (x, y + 86)], fill=(120, 80, 70), width=2)
        else:
            _spaced(d, (x1 + 12, y + 24), v1, 28, INK)
            d.line([(x1, y), (x1, y + 86)], fill=(120, 80, 70), width=2)
        y += 86
    d.line([(x0, y), (x4, y)], fill=(120, 80, 70), width=2)
    d.rectangle([x0, 110, x4, y], outline=(120, 80, 70), width=3)
    _spaced(d, (x0 + 12, y + 20), "登记日期", 22, INK)
    _spaced(d, (x1 + 12, y + 18), _cn_date(birth + dt.timedelta(days=rng.randrange(30, 9000))), 24, INK)
    d.ellipse([900, y - 40, 1080, y + 100], outline=(210, 40, 40), width=6)
    truth = {"name": name, "relation": relation, "id_number": id_number, "address": address}
    return Sample("hukou_page", im, truth)


def render_birth_certificate(rng: random.Random) -> Sample:
    """出生医学证明 (bilingual labels, 1500 × 1060): child, time and place of birth, both parents."""
    p = _People(rng)
    female = rng.random() < 0.5
    child = p.name(female)
    born = dt.datetime(2024, 1, 1, 0, 0) + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 700))
    mother_birth = p.birth(1985, 15)
    father_birth = p.birth(1980, 20)
    mother, father = p.name(True), p.name(False)
    mother_id = make_id_number(rng, mother_birth, True)
    father_id = make_id_number(rng, father_birth, False)
    place = p.place()
    city = str(p.fake.city_name())
    im = _paper((1500, 1060), rng, (246, 240, 232))
    d = ImageDraw.Draw(im)
    d.rectangle([30, 30, 1470, 1030], outline=(150, 110, 60), width=8)
    _spaced(d, (560, 60), "出生医学证明", 52, (60, 40, 20), 0.3)
    d.text((580, 130), "Medical Certificate of Birth", font=font(26, True), fill=(60, 40, 20))

    def label(x: int, y: int, zh: str, en: str) -> None:
        _spaced(d, (x, y), zh, 24, INK)
        d.text((x, y + 30), en, font=font(15, True), fill=(90, 90, 90))

    label(90, 210, "新生儿姓名", "Name")
    _spaced(d, (290, 206), child, 30, INK)
    label(720, 210, "性别", "Sex")
    _spaced(d, (820, 206), "男女"[female], 30, INK)
    label(90, 300, "出生时间", "Date of Birth")
    _spaced(d, (290, 296), f"{born.year}年{born.month}月{born.day}日{born.hour}时{born.minute}分", 30, INK)
    label(90, 390, "出生地点", "Place of Birth")
    _spaced(d, (290, 386), place, 30, INK)
    label(90, 480, "健康状况", "Health")
    _spaced(d, (290, 476), "良好", 30, INK)
    label(720, 480, "体重", "Weight")
    _spaced(d, (820, 476), f"{rng.randrange(2500, 4200)}克", 30, INK)
    label(90, 570, "母亲姓名", "Mother's Name")
    _spaced(d, (290, 566), mother, 30, INK)
    label(720, 570, "年龄", "Age")
    _spaced(d, (820, 566), str(born.year - mother_birth.year), 30, INK)
    label(90, 650, "母亲有效身份证件类别及号码", "Mother's ID No.")
    _spaced(d, (520, 646), "居民身份证 " + mother_id, 28, INK)
    label(90, 740, "父亲姓名", "Father's Name")
    _spaced(d, (290, 736), father, 30, INK)
    label(720, 740, "年龄", "Age")
    _spaced(d, (820, 736), str(born.year - father_birth.year), 30, INK)
    label(90, 820, "父亲有效身份证件类别及号码", "Father's ID No.")
    _spaced(d, (520, 816), "居民身份证 " + father_id, 28, INK)
    label(90, 910, "接生机构名称", "Institution")
    _spaced(d, (320, 906), f"{city}妇幼保健院", 30, INK)
    d.ellipse([1150, 800, 1380, 1010], outline=(210, 40, 40), width=6)
    truth = {"child_name": child, "sex": "男女"[female], "birth_datetime": born.strftime("%Y-%m-%dT%H:%M"),
             "birth_place": place, "mother_name": mother, "mother_id_number": mother_id,
             "father_name": father, "father_id_number": father_id}
    return Sample("birth_certificate", im, truth)


RENDERERS = {
    "idcard_front": render_idcard_front,
    "idcard_back": render_idcard_back,
    "business_licence": render_business_licence,
    "hukou_page": render_hukou_page,
    "birth_certificate": render_birth_certificate,
}


def render(kind: str, rng: random.Random) -> Sample:
    return RENDERERS[kind](rng)


def photograph(im: Image.Image, rng: random.Random, *, desk: bool = True, max_angle: float = 6.0,
               blur: float | None = None, quality: int | None = None, turn: int = 0) -> bytes:
    """The document as a camera or a scanner sees it: on a desk, turned, blurred, as a JPEG.

    ``turn`` (0/90/180/270) puts the document on its side or upside down on top of the small angle.
    """
    return photograph_with_corners(im, rng, desk=desk, max_angle=max_angle, blur=blur, quality=quality,
                                   turn=turn)[0]


Corners = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]
"""The document's top-left, top-right, bottom-right and bottom-left corners in the photograph (pixels)."""


def photograph_with_corners(im: Image.Image, rng: random.Random, *, desk: bool = True, max_angle: float = 6.0,
                            blur: float | None = None, quality: int | None = None,
                            turn: int = 0) -> tuple[bytes, Corners]:
    """``photograph``, and where the document's corners ended up (what a document camera's crop must find)."""
    import math

    doc = im.convert("RGB")
    w, h = doc.size
    corners = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    if desk:
        pad = int(max(w, h) * rng.uniform(0.12, 0.3))
        tone = rng.choice([(120, 86, 58), (150, 120, 90), (90, 90, 95), (200, 196, 188), (60, 50, 45)])
        canvas = _paper((w + 2 * pad, h + 2 * pad), rng, tone)
        shadow = Image.new("RGB", doc.size, tuple(max(0, c - 40) for c in tone))  # type: ignore[arg-type]
        canvas.paste(shadow, (pad + 8, pad + 10))
        at = (pad + rng.randrange(-pad // 3, pad // 3 + 1), pad + rng.randrange(-pad // 3, pad // 3 + 1))
        canvas.paste(doc, at)
        corners = [(x + at[0], y + at[1]) for x, y in corners]
        doc = canvas
        fill = tone
    else:
        fill = (250, 250, 250)
    angle = rng.uniform(-max_angle, max_angle) + turn
    if angle:
        cx, cy = doc.size[0] / 2, doc.size[1] / 2
        doc = doc.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
        nx, ny = doc.size[0] / 2, doc.size[1] / 2
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        corners = [(nx + (x - cx) * c + (y - cy) * s, ny - (x - cx) * s + (y - cy) * c) for x, y in corners]
    radius = rng.uniform(0.3, 1.3) if blur is None else blur
    if radius > 0:
        doc = doc.filter(ImageFilter.GaussianBlur(radius))
    if rng.random() < 0.5:  # uneven light
        from PIL import ImageEnhance

        doc = ImageEnhance.Brightness(doc).enhance(rng.uniform(0.8, 1.1))
        doc = ImageEnhance.Contrast(doc).enhance(rng.uniform(0.8, 1.1))
    buf = io.BytesIO()
    doc.save(buf, "JPEG", quality=rng.randrange(35, 80) if quality is None else quality)
    return buf.getvalue(), (corners[0], corners[1], corners[2], corners[3])


def sample_set(kind: str, n: int, seed: int = 1) -> list[tuple[bytes, dict[str, str]]]:
    """``n`` photographed documents of ``kind`` with their truth, the same for the same seed."""
    rng = random.Random(f"{kind}:{seed}")
    out = []
    for _ in range(n):
        s = render(kind, rng)
        out.append((photograph(s.image, rng), s.truth))
    return out
