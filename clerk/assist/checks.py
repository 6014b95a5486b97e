"""Prefill offers and cross-checks of a recognised page against the case it was scanned into.

``prefill_offers`` says which form or applicant fields a page's recognised values could fill, next
to what is typed there now (``conflict`` when they differ): the clerk confirms each one, nothing is
filled silently. ``cross_check`` compares the page with the case: the holder of a father's ID card
is the father on the form; a document is not expired; the page looks like the kind of document its
material is. Warnings are plain data with a stable ``key`` to dismiss them by; they never block
accepting the case. Which material is whose lives in ``data/materials.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from clerk import clock
from clerk.assist.reader import FIELD_LABELS, KIND_LABELS, Extraction
from clerk.catalog.merge import MergedField, merge
from clerk.catalog.schema import Catalog, FieldType
from clerk.intake.model import CaseView

MATERIALS_DATA = Path(__file__).with_name("data") / "materials.yaml"

PERSON_LABELS = {"applicant": "申请人", "father": "父亲", "mother": "母亲", "guardian": "监护人", "legal_rep": "法定代表人",
                 "new_legal_rep": "新任法定代表人", "deceased": "逝者", "seller": "卖方", "buyer": "买方", "child": "新生儿",
                 "enterprise": "申请单位"}


@dataclass(frozen=True)
class MaterialRule:
    kinds: tuple[str, ...]
    person: str | None


@dataclass(frozen=True)
class Offer:
    """A recognised value the clerk may take into ``field_path`` (``form.<code>`` or ``applicant.<attr>``)."""

    field_path: str
    label: str
    value: Any
    current_value: Any
    conflict: bool
    """Something else is typed there now: show both side by side."""
    confidence: float
    source_field: str
    """The recognised field it comes from (``id_number`` …)."""

    def as_json(self) -> dict[str, Any]:
        return {"field_path": self.field_path, "label": self.label, "value": self.value,
                "current_value": self.current_value, "conflict": self.conflict,
                "confidence": round(self.confidence, 3), "source_field": self.source_field}


@dataclass(frozen=True)
class CheckWarning:
    """A finding the clerk should look at; dismissible, never blocking."""

    code: str
    """holder_mismatch, name_mismatch, expired, kind_mismatch, unrecognised, misread."""
    material_code: str
    message: str
    detail: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable identity for dismissing this warning (same page, same finding → same key)."""
        parts = ",".join(f"{k}={v}" for k, v in sorted(self.detail.items()))
        return f"{self.material_code}:{self.code}:{parts}"

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "material_code": self.material_code, "message": self.message,
                "detail": dict(self.detail), "key": self.key, "dismissible": True}


@lru_cache(maxsize=4)
def _data(path: Path = MATERIALS_DATA) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    return data if isinstance(data, dict) else {}


def material_rule(material_code: str) -> MaterialRule | None:
    """The kinds and the holder of a material (listed, or by the pattern of its code), or None."""
    data = _data()
    entry = data.get("materials", {}).get(material_code)
    if entry is not None:
        return MaterialRule(tuple(entry.get("kinds", ())), entry.get("person"))
    for pat in data.get("patterns", []):
        m = re.match(pat["match"], material_code)
        if m is not None:
            person = m.expand(pat["person"]) if pat.get("person") else None
            if person is not None and person not in data.get("persons", {}):
                person = None
            return MaterialRule(tuple(pat.get("kinds", ())), person)
    return None


def _fields_of(case: CaseView, catalog: Catalog) -> dict[str, MergedField]:
    try:
        merged = merge(catalog.bundle(case.bundle_code), case.situations)
    except (KeyError, ValueError):
        return {}
    return {f.code: f for f in merged.fields}


def _current(case: CaseView, path: str) -> Any:
    where, _, name = path.partition(".")
    if where == "applicant":
        return getattr(case.applicant, name, None)
    return case.form.get(name)


def _has_path(case: CaseView, path: str, fields: dict[str, MergedField]) -> bool:
    where, _, name = path.partition(".")
    if where == "applicant":
        if name == "legal_representative":
            return case.applicant.kind == "enterprise"
        return name in type(case.applicant).model_fields
    return name in fields


def _convert(value: str, path: str, fields: dict[str, MergedField]) -> Any:
    """A recognised value in the shape of its target: a choice's option code, a date, a time."""
    where, _, name = path.partition(".")
    f = fields.get(name) if where == "form" else None
    if f is None:
        return value
    if f.type is FieldType.CHOICE:
        for o in f.options:
            if o.label == value or o.label.startswith(value):
                return o.code
        return None
    if f.type is FieldType.DATE:
        return value[:10]
    if "T" in value and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", value):
        return value[11:]  # 出生时间（时:分）
    return value


def _label(path: str, fields: dict[str, MergedField]) -> str:
    where, _, name = path.partition(".")
    if where == "form" and name in fields:
        return fields[name].label
    return {"name": "申请人姓名/名称", "id_number": "申请人证件号码", "address": "申请人地址",
            "legal_representative": "法定代表人"}.get(name, name)


def _targets(material_code: str, extraction: Extraction) -> list[tuple[str, list[str]]]:
    """``[(recognised field, [target paths])]`` for this material and kind."""
    data = _data()
    out: list[tuple[str, list[str]]] = []
    direct = data.get("kinds", {}).get(extraction.kind, {})
    for fname, paths in direct.items():
        out.append((fname, list(paths)))
    rule = material_rule(material_code)
    person = rule.person if rule else None
    attrs = data.get("person_fields", {}).get(extraction.kind, {})
    if person:
        paths_of = data.get("persons", {}).get(person, {})
        for fname, attr in attrs.items():
            out.append((fname, list(paths_of.get(attr, []))))
    return out


def prefill_offers(case: CaseView, material_code: str, extraction: Extraction, catalog: Catalog) -> list[Offer]:
    """The fields this page's checked values could fill; identical values are left out."""
    fields = _fields_of(case, catalog)
    offers: list[Offer] = []
    seen: set[str] = set()
    for fname, paths in _targets(material_code, extraction):
        value = extraction.fields.get(fname)
        if value is None:
            continue
        for path in paths:
            if path in seen or not _has_path(case, path, fields):
                continue
            converted = _convert(value, path, fields)
            if converted is None:
                continue
            current = _current(case, path)
            if current == converted:
                continue
            seen.add(path)
            empty = current in (None, "")
            offers.append(Offer(path, _label(path, fields), converted, current, not empty,
                                extraction.confidence.get(fname, 0.0), fname))
    return offers


def _people_on_case(case: CaseView) -> dict[str, tuple[str, str]]:
    """``{person: (name, id_number)}`` as typed on the case (first path that has a value)."""
    data = _data()
    out: dict[str, tuple[str, str]] = {}
    for person, attrs in data.get("persons", {}).items():
        def first(attr: str, attrs: dict[str, Any] = attrs) -> str:
            for path in attrs.get(attr, []):
                v = _current(case, path)
                if v:
                    return str(v)
            return ""
        key = "uscc" if person == "enterprise" else "id_number"
        name, number = first("name"), first(key)
        if name or number:
            out[person] = (name, number.upper())
    return out


def cross_check(case: CaseView, material_code: str, extraction: Extraction, *,
                today: dt.date | None = None) -> list[CheckWarning]:
    """What looks wrong about this page for this material of this case (plain data, dismissible)."""
    today = today or clock.today()
    warnings: list[CheckWarning] = []
    rule = material_rule(material_code)
    material_name = next((m.name for m in case.materials if m.code == material_code), material_code)
    kinds = rule.kinds if rule else ()
    detected = extraction.detected_kind
    if kinds and detected is not None and detected not in kinds:
        expected = "或".join(KIND_LABELS[k] for k in kinds)
        warnings.append(CheckWarning(
            "kind_mismatch", material_code,
            f"这一页看起来是{KIND_LABELS.get(detected, detected)}，不像“{material_name}”应有的{expected}",
            {"detected": detected}))
    if kinds and not extraction.fields and detected is None:
        warnings.append(CheckWarning("unrecognised", material_code,
                                     f"未能从这一页识别出“{material_name}”的内容，请核对是否放对、拍清", {}))
    for fname, reason in extraction.refused.items():
        warnings.append(CheckWarning("misread", material_code,
                                     f"{FIELD_LABELS.get(fname, fname)}未能可靠识别（{reason}），请人工核对",
                                     {"field": fname}))
    if extraction.kind == "idcard_back":
        valid_to = extraction.fields.get("valid_to")
        if valid_to and valid_to != "长期" and dt.date.fromisoformat(valid_to) < today:
            warnings.append(CheckWarning("expired", material_code,
                                         f"“{material_name}”已于{valid_to}过期，请核对是否使用有效证件",
                                         {"valid_to": valid_to}))
    person = rule.person if rule else None
    if person:
        warnings.extend(_holder_checks(case, material_code, material_name, person, extraction))
    return warnings


def _holder_checks(case: CaseView, material_code: str, material_name: str, person: str,
                   extraction: Extraction) -> list[CheckWarning]:
    people = _people_on_case(case)
    expected_name, expected_number = people.get(person, ("", ""))
    number_field = "uscc" if extraction.kind == "business_licence" else "id_number"
    got_number = extraction.fields.get(number_field, "")
    got_name = extraction.fields.get("name", "")
    who = PERSON_LABELS.get(person, person)
    out: list[CheckWarning] = []
    if got_number and expected_number and got_number != expected_number:
        other = next((p for p, (_n, num) in people.items() if num == got_number and p != person), None)
        whose = f"，是{PERSON_LABELS.get(other, other)}（{people[other][0]}）的" if other else ""
        out.append(CheckWarning(
            "holder_mismatch", material_code,
            f"“{material_name}”上的号码与表上{who}的号码不一致{whose}，请核对是否放错材料",
            {"recognised": got_number, "expected": expected_number, **({"belongs_to": other} if other else {})}))
    elif got_name and expected_name and got_name != expected_name and not (got_number and got_number == expected_number):
        out.append(CheckWarning(
            "name_mismatch", material_code,
            f"“{material_name}”上的姓名“{got_name}”与表上{who}“{expected_name}”不一致，请核对",
            {"recognised": got_name, "expected": expected_name}))
    return out
