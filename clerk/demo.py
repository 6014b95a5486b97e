"""Realistic demo data (zh_CN via Faker): applicants with valid ID numbers and credit codes, scans."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

from stdnum.cn import ric, uscc

REGIONS = ["110105", "110108", "230102", "230103", "310104", "310115", "320102", "330106", "370102", "420106",
           "440106", "440305", "510107", "610113", "210102", "350203", "120101", "500103"]
FONT_CANDIDATES = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"]


def make_id_number(rng: random.Random, birth: dt.date | None = None, female: bool | None = None) -> str:
    birth = birth or dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 55))
    seq = rng.randrange(0, 1000)
    if female is not None:
        seq = seq - seq % 2 + (0 if female else 1)
    body = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def make_uscc(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + rng.choice(REGIONS) + "".join(rng.choice(alphabet) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def make_phone(rng: random.Random) -> str:
    return rng.choice(["138", "139", "150", "186", "177", "135", "188"]) + f"{rng.randrange(0, 10**8):08d}"


class DemoPeople:
    def __init__(self, seed: int = 7) -> None:
        from faker import Faker

        self.rng = random.Random(seed)
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(seed)

    def person(self) -> dict[str, Any]:
        female = self.rng.random() < 0.5
        name = self.fake.name_female() if female else self.fake.name_male()
        return {"kind": "person", "name": name, "id_type": "cn_ric", "id_number": make_id_number(self.rng, female=female),
                "phone": make_phone(self.rng), "address": self.fake.address().split(" ")[0][:60]}

    def enterprise(self) -> dict[str, Any]:
        return {"kind": "enterprise", "name": self.fake.company(), "id_type": "uscc", "id_number": make_uscc(self.rng),
                "phone": make_phone(self.rng), "address": self.fake.address().split(" ")[0][:60],
                "legal_representative": self.fake.name()}


def _font(size: int) -> Any:
    from PIL import ImageFont

    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def scan_image(title: str, subtitle: str = "", *, dpi: int = 100, fmt: str = "PNG") -> bytes:
    """A plausible A4 'scan' of a document with its title, as PNG or JPEG bytes."""
    from PIL import Image, ImageDraw

    w, h = int(8.27 * dpi), int(11.69 * dpi)
    im = Image.new("RGB", (w, h), (250, 249, 245))
    d = ImageDraw.Draw(im)
    d.rectangle([dpi // 2, dpi // 2, w - dpi // 2, h - dpi // 2], outline=(120, 30, 30), width=3)
    d.text((w // 2, dpi), title, fill=(20, 20, 20), font=_font(dpi // 3), anchor="mm")
    if subtitle:
        d.text((w // 2, dpi + dpi // 2), subtitle, fill=(60, 60, 60), font=_font(dpi // 6), anchor="mm")
    for i in range(14):
        y = 2 * dpi + i * dpi // 2
        d.line([dpi, y, w - dpi - (i * 37) % (w // 3), y], fill=(150, 150, 150), width=2)
    d.ellipse([w - 3 * dpi, h - 3 * dpi, w - dpi, h - dpi], outline=(200, 30, 30), width=6)
    buf = io.BytesIO()
    im.save(buf, fmt, quality=80) if fmt == "JPEG" else im.save(buf, fmt)
    return buf.getvalue()


def fill_value(field: Any, rng: random.Random, people: DemoPeople) -> Any:
    """A plausible value for a merged form field."""
    from clerk.catalog.schema import FieldType as T

    t = field.type
    if t is T.DATE:
        return (dt.date(2026, 11, 1) - dt.timedelta(days=rng.randrange(0, 300))).isoformat()
    if t is T.NUMBER:
        return rng.randrange(1, 200)
    if t is T.PHONE:
        return make_phone(rng)
    if t is T.CN_RIC:
        return make_id_number(rng)
    if t is T.USCC:
        return make_uscc(rng)
    if t is T.CHOICE:
        return rng.choice(field.options).code
    if t is T.BOOL:
        return rng.random() < 0.5
    if "地址" in field.label or "住址" in field.label:
        return people.fake.address().split(" ")[0][:60]
    if "姓名" in field.label or "名称" in field.label and "企业" not in field.label:
        return people.fake.name()
    if "企业" in field.label or "单位" in field.label or "公司" in field.label:
        return people.fake.company()
    if t is T.LONG_TEXT:
        return people.fake.sentence(nb_words=12)[: field.max_length]
    return people.fake.word()[: field.max_length] if field.max_length < 10 else people.fake.sentence(nb_words=3)[:min(20, field.max_length)]


def fill_form(merged: Any, rng: random.Random, people: DemoPeople) -> dict[str, Any]:
    """Plausible values for every field of a merged form, with the fields the bundle's conditions
    (办理条件) read set so that they hold (a demo or test case is an eligible one)."""
    from clerk.catalog import eligibility

    form = {f.code: fill_value(f, rng, people) for f in merged.fields}
    for c in eligibility.applicable(merged):
        _make_hold(c.test, form, merged.answers)
    return form


def eligible_case(bundle: Any, rng: random.Random, people: DemoPeople,
                  answers: dict[str, Any] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Situation answers (random unless given) and a filled form that pass the bundle's conditions
    (办理条件): fields a condition reads get a value that holds; answers are drawn again when a
    condition on them fails (the demo takes in eligible cases)."""
    from clerk import clock
    from clerk.catalog import eligibility
    from clerk.catalog.merge import merge

    fixed = answers
    for _ in range(50):
        picked = dict(fixed) if fixed is not None else {
            s.code: ([rng.choice(s.options).code] if s.multiple else rng.choice(s.options).code) for s in bundle.situations}
        merged = merge(bundle, picked)
        form = fill_form(merged, rng, people)
        kind = bundle.applicant_kinds[0].value
        if not eligibility.check(merged, form=form, applicant_kind=kind, today=clock.today()):
            return picked, form
    return picked, form


def _make_hold(cond: dict[str, Any], form: dict[str, Any], answers: Any) -> None:
    """Sets the form fields a condition reads so that it holds where a field can decide it."""
    from clerk import clock
    from clerk.catalog.conditions import age_limit, evaluate

    today = clock.today()
    if "all" in cond:
        for c in cond["all"]:
            _make_hold(c, form, answers)
    elif "any" in cond:
        if not any(evaluate(c, answers, form=form, today=today) for c in cond["any"]):
            for c in cond["any"]:
                if "field" in c:
                    _make_hold(c, form, answers)
                    return
    elif "field" in cond and cond["field"] in form:
        code = cond["field"]
        if "equals" in cond:
            form[code] = cond["equals"]
        elif "in" in cond:
            form[code] = cond["in"][0]
        elif "under_age" in cond:
            form[code] = (today - dt.timedelta(days=20)).isoformat()
        elif "at_least_age" in cond:
            back = today - (age_limit(today, cond["at_least_age"]) - today) - dt.timedelta(days=30)
            form[code] = back.isoformat()


def take_demo_case(ctx: Any, actor: Any, people: DemoPeople, bundle_code: str | None = None, *,
                   outcome: str = "accept", answers: dict[str, str] | None = None,
                   scans: dict[str, bytes] | None = None) -> Any:
    """Takes one realistic case in through the intake service; returns the CaseView.

    ``outcome``: accept (everything provided, deferrable items sometimes deferred), notify (one
    required material left missing) or draft.
    """
    from clerk.catalog.merge import merge
    from clerk.intake.model import FileRef, MaterialStatus

    rng = people.rng
    bundle = ctx.catalog.bundle(bundle_code) if bundle_code else rng.choice(ctx.catalog.bundles)
    answers, form = eligible_case(bundle, rng, people, answers)
    merged = merge(bundle, answers)
    svc = ctx.intake
    view = svc.start_draft(actor, bundle.code, answers)
    applicant = people.enterprise() if bundle.applicant_kinds[0].value == "enterprise" else people.person()
    svc.save_draft(view.case_uuid, applicant=applicant, form=form)
    if outcome == "draft":
        return svc.get(view.case_uuid)
    scans = scans if scans is not None else {}
    required = [m for m in merged.materials if m.required]
    leave_missing = rng.choice(required).code if outcome == "notify" and required else None
    for m in merged.materials:
        if m.code == leave_missing:
            continue
        if m.deferrable and rng.random() < 0.3:
            svc.set_material(view.case_uuid, m.code, MaterialStatus.DEFERRED)
        elif m.e_license and rng.random() < 0.3 and not (m.licence_type and svc.licence_lookup):
            svc.set_material(view.case_uuid, m.code, MaterialStatus.E_LICENSE)
        elif m.e_license and m.licence_type and svc.licence_lookup or m.required or rng.random() < 0.5:
            # with a platform a tick would be 待核验 (looked up at sync): demo cases bring paper instead
            data = scans.get(m.code)
            if data is None:
                data = scans[m.code] = scan_image(m.name, bundle.name, dpi=40)
            blob = ctx.pages.put_bytes(data)
            svc.attach_files(view.case_uuid, m.code, [(FileRef(sha256=blob.sha256, size=blob.size, media_type="image/png", pages=1), f"{m.code}.png")])
    if outcome == "notify" and leave_missing:
        return svc.notify(actor, view.case_uuid)
    return svc.accept(actor, view.case_uuid, commitment_signed=True)
