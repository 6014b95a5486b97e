"""Data typed once: the persons of a merged form, and filling every field that names one of them.

The catalog says whose datum a field is (``FormField.person`` + ``person_field``: ``applicant`` /
``father`` / ``guardian`` …, and name / id_number / phone …). From that:

- a field of the **applicant** is always the applicant block's value (typed once there, or read from
  the ID card): the form never asks it again;
- every **other person** named by the form is either typed in its own fields, or is a person already
  on the case — "同申请人" (``links[person] = "applicant"``) or, say, the guardian "同母亲"
  (``links["guardian"] = "mother"``): then its fields are filled from that person's.

``fill_persons`` is pure (the intake service applies it when a draft is saved and before it is
checked; the intake screen applies it as the clerk types, to show the filled fields).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from clerk.catalog.merge import MergedField, MergedForm
from clerk.catalog.schema import PERSON_APPLICANT, FieldType, PersonField

PERSON_LABELS: dict[str, str] = {
    "applicant": "申请人",
    "father": "父亲",
    "mother": "母亲",
    "guardian": "监护人",
    "child": "子女",
    "newborn": "新生儿",
    "deceased": "逝者",
    "spouse": "配偶",
    "legal_representative": "法定代表人",
    "agent": "代理人",
    "heir": "继承人",
    "contact": "联系人",
    "owner": "产权人",
    "buyer": "买受人",
    "seller": "出卖人",
    "student": "学生",
}
"""How a person of the form is called (the UI translates them through ``ui/labels``)."""

NOT_LINKABLE = frozenset({"child", "newborn", "deceased", "student"})
"""Persons who are never someone else on the case (a newborn is not the applicant): always typed."""

LINK_NONE = ""
"""``links[person]`` when the person is typed in its own fields (另行填写)."""


def person_label(code: str) -> str:
    return PERSON_LABELS.get(code, code)


@dataclass(frozen=True)
class PersonSlot:
    """One person the merged form asks about: which field holds which part of them."""

    code: str
    fields: dict[PersonField, str]
    """person_field → the merged form's field code."""

    @property
    def label(self) -> str:
        return person_label(self.code)


def slots(merged: MergedForm | Iterable[MergedField]) -> list[PersonSlot]:
    """Every person the form names, the applicant first when the form has applicant fields, then in
    the order their first field comes (a person without a name or ID field is still a person)."""
    fields = merged.fields if isinstance(merged, MergedForm) else tuple(merged)
    found: dict[str, dict[PersonField, str]] = {}
    for f in fields:
        if f.person is None or f.person_field is None:
            continue
        found.setdefault(f.person, {}).setdefault(f.person_field, f.code)
    order = sorted(found, key=lambda c: c != PERSON_APPLICANT)
    return [PersonSlot(c, found[c]) for c in order]


def others(merged: MergedForm | Iterable[MergedField]) -> list[PersonSlot]:
    """The persons of the form other than the applicant that the clerk may link (同申请人 …)."""
    return [s for s in slots(merged) if s.code != PERSON_APPLICANT and s.code not in NOT_LINKABLE]


def link_choices(merged: MergedForm | Iterable[MergedField], person: str) -> list[str]:
    """Whom ``person`` may be the same as: the applicant, then the persons of the form before it."""
    out = [PERSON_APPLICANT]
    for s in others(merged):
        if s.code == person:
            break
        out.append(s.code)
    return out


def clean_links(merged: MergedForm, links: Mapping[str, Any]) -> dict[str, str]:
    """The links that still make sense for this form (a person that left the form, a link to a person
    after it or to itself, or a chain are dropped: each link points at the applicant or a typed person)."""
    out: dict[str, str] = {}
    for s in others(merged):
        target = links.get(s.code)
        if not isinstance(target, str) or not target:
            continue
        if target in link_choices(merged, s.code):
            while target in out:  # 同母亲 where the mother is 同申请人: the applicant
                target = out[target]
            out[s.code] = target
    return out


def applicant_values(applicant: Mapping[str, Any]) -> dict[PersonField, Any]:
    """The applicant block as person parts (sex and birth date read from a 居民身份证 number)."""
    values: dict[PersonField, Any] = {}
    for part in (PersonField.NAME, PersonField.ID_TYPE, PersonField.ID_NUMBER, PersonField.PHONE, PersonField.ADDRESS):
        v = applicant.get(part.value)
        if v not in (None, ""):
            values[part] = v.strip().upper() if part is PersonField.ID_NUMBER and isinstance(v, str) else v
    if (applicant.get("id_type") or "cn_ric") == "cn_ric":
        values.update(_from_ric(str(values.get(PersonField.ID_NUMBER, ""))))
    return values


def _from_ric(number: str) -> dict[PersonField, Any]:
    """Sex and birth date in a valid 18-digit 居民身份证 number (nothing for anything else)."""
    from stdnum.cn import ric

    try:
        number = ric.validate(number)
        birth = ric.get_birth_date(number)
    except Exception:  # not a valid number (yet): nothing to read  # noqa: BLE001
        return {}
    return {PersonField.BIRTH_DATE: birth.isoformat(),
            PersonField.SEX: "male" if int(number[16]) % 2 else "female"}


def slot_values(slot: PersonSlot, form: Mapping[str, Any]) -> dict[PersonField, Any]:
    """A typed person's parts as the form holds them."""
    return {part: form[code] for part, code in slot.fields.items() if form.get(code) not in (None, "")}


def _fits(field: MergedField, part: PersonField, value: Any, source_id_type: str) -> Any:
    """``value`` as it goes into ``field`` (None when it does not fit: a passport number into a 身份证
    field, a sex into a choice without that option)."""
    if part is PersonField.ID_NUMBER:
        kind = field.type
        if kind is FieldType.CN_RIC and source_id_type != "cn_ric":
            return None
        if kind is FieldType.USCC and source_id_type != "uscc":
            return None
    if field.type is FieldType.CHOICE:
        codes = [o.code for o in field.options]
        if value in codes:
            return value
        if part is PersonField.SEX:
            wanted = {"male": ("male", "m", "男"), "female": ("female", "f", "女")}.get(str(value), ())
            return next((o.code for o in field.options if o.code in wanted or o.label in wanted), None)
        return None
    return value


def filled_fields(merged: MergedForm, links: Mapping[str, Any]) -> dict[str, str]:
    """``{field code: person it is filled from}`` for the fields the clerk does not type: every applicant
    field, and every field of a linked person (the screen shows them filled, read-only)."""
    out: dict[str, str] = {}
    clean = clean_links(merged, links)
    for s in slots(merged):
        source = PERSON_APPLICANT if s.code == PERSON_APPLICANT else clean.get(s.code)
        if source is None:
            continue
        for part, code in s.fields.items():
            if part is PersonField.RELATION:
                continue  # a relation is the person's own (子、女 …), never the source's
            out[code] = source
    return out


def fill_persons(form: Mapping[str, Any], applicant: Mapping[str, Any], links: Mapping[str, Any],
                 merged: MergedForm) -> dict[str, Any]:
    """The form with every field of the applicant and of each linked person filled from its source.

    A field whose source has no value for it is left as typed (a linked person's birth date when the
    applicant's ID is a passport, say).
    """
    out = dict(form)
    by_code = {f.code: f for f in merged.fields}
    clean = clean_links(merged, links)
    applicant_id_type = str(applicant.get("id_type") or "cn_ric")
    sources: dict[str, tuple[dict[PersonField, Any], str]] = {
        PERSON_APPLICANT: (applicant_values(applicant), applicant_id_type)}
    for s in slots(merged):
        if s.code == PERSON_APPLICANT:
            source_code: str | None = PERSON_APPLICANT
        else:
            source_code = clean.get(s.code)
        if source_code is not None:
            values, id_type = sources.get(source_code, ({}, "cn_ric"))
            for part, code in s.fields.items():
                if part is PersonField.RELATION or part not in values:
                    continue
                fitted = _fits(by_code[code], part, values[part], id_type)
                if fitted is not None:
                    out[code] = fitted
        if s.code != PERSON_APPLICANT:  # what this person now is, for a person linked to it later
            mine = slot_values(s, out)
            mine_id_type = "cn_ric" if by_code.get(s.fields.get(PersonField.ID_NUMBER, ""), None) is None \
                or by_code[s.fields[PersonField.ID_NUMBER]].type is FieldType.CN_RIC else "other"
            if mine_id_type == "cn_ric":
                mine = {**_from_ric(str(mine.get(PersonField.ID_NUMBER, ""))), **mine}
            sources[s.code] = (mine, mine_id_type)
    return out
