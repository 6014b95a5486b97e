"""Prefill offers and cross-checks over a real case in a real data dir (recognised pages made by hand)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clerk.assist.checks import cross_check, material_rule, prefill_offers
from clerk.assist.reader import Extraction

FATHER = ("王小明", "110101199003071233")
MOTHER = ("李秀英", "110101198506120020")


def _front(name: str, number: str, **extra: str) -> Extraction:
    fields = {"name": name, "sex": "男", "nation": "汉", "birth_date": "1990-03-07", "address": "北京市东城区民族路12号",
              "id_number": number, **extra}
    return Extraction("idcard_front", fields, {k: 0.97 for k in fields}, detected_kind="idcard_front")


@pytest.fixture
def case(ctx: Any, clerk_actor: Any) -> Any:
    view = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
    return ctx.intake.save_draft(view.case_uuid, applicant={"name": FATHER[0], "id_number": FATHER[1]},
                                 form={"father_name": FATHER[0], "father_id_number": FATHER[1],
                                       "mother_name": MOTHER[0], "mother_id_number": MOTHER[1]})


def test_the_mothers_card_on_the_fathers_material_is_flagged(ctx: Any, case: Any) -> None:
    warnings = cross_check(case, "father_id_card", _front(*MOTHER))
    [w] = [w for w in warnings if w.code == "holder_mismatch"]
    assert w.detail == {"recognised": MOTHER[1], "expected": FATHER[1], "belongs_to": "mother"}
    assert "母亲" in w.message and "父亲" in w.message
    assert w.as_json()["dismissible"] is True and w.key == cross_check(case, "father_id_card", _front(*MOTHER))[0].key
    assert cross_check(case, "father_id_card", _front(*FATHER)) == []
    assert cross_check(case, "mother_id_card", _front(*MOTHER)) == []
    # A name read differently with no number to go by is flagged too.
    no_number = Extraction("idcard_front", {"name": "王晓明"}, {"name": 0.9}, detected_kind="idcard_front")
    assert [w.code for w in cross_check(case, "father_id_card", no_number)] == ["name_mismatch"]
    # Warnings are data: the stored case is untouched and can still be accepted as before.
    assert ctx.intake.get(case.case_uuid) == case


def test_offers_fill_empty_fields_and_show_conflicts(ctx: Any, clerk_actor: Any, case: Any) -> None:
    empty = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
    offers = {o.field_path: o for o in prefill_offers(empty, "father_id_card", _front(*FATHER), ctx.catalog)}
    assert set(offers) == {"form.father_name", "form.father_id_number"}
    assert offers["form.father_id_number"].value == FATHER[1] and not offers["form.father_id_number"].conflict
    assert offers["form.father_name"].label == "父亲姓名"
    # On the filled case the father's own card offers nothing new; the mother's card conflicts.
    assert prefill_offers(case, "father_id_card", _front(*FATHER), ctx.catalog) == []
    conflict = {o.field_path: o for o in prefill_offers(case, "father_id_card", _front(*MOTHER), ctx.catalog)}
    assert conflict["form.father_id_number"].conflict and conflict["form.father_id_number"].current_value == FATHER[1]
    guardian = {o.field_path: o.value for o in prefill_offers(empty, "guardian_id_card", _front(*FATHER), ctx.catalog)}
    assert guardian == {"form.guardian_name": FATHER[0], "form.guardian_id_number": FATHER[1]}
    # The applicant's own card goes to the applicant block, address included.
    own = {o.field_path: o.value for o in prefill_offers(empty, "applicant_id_card", _front(*FATHER), ctx.catalog)}
    assert own == {"applicant.name": FATHER[0], "applicant.id_number": FATHER[1], "applicant.address": "北京市东城区民族路12号"}


def test_birth_certificate_offers_in_the_forms_shapes(ctx: Any, clerk_actor: Any) -> None:
    view = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "mother"})
    fields = {"child_name": "王乐乐", "sex": "女", "birth_datetime": "2025-03-05T08:30", "birth_place": "北京市东城区",
              "mother_name": MOTHER[0], "mother_id_number": MOTHER[1]}
    e = Extraction("birth_certificate", fields, {k: 0.95 for k in fields}, detected_kind="birth_certificate")
    offers = {o.field_path: o.value for o in prefill_offers(view, "birth_medical_certificate", e, ctx.catalog)}
    assert offers["form.child_gender"] == "female"  # the choice's option code, not the printed 女
    assert offers["form.birth_date"] == "2025-03-05" and offers["form.birth_time"] == "08:30"
    assert offers["form.mother_id_number"] == MOTHER[1]
    assert "form.father_name" not in offers  # not on the form when the child settles with the mother


def test_expired_card_and_a_page_of_another_kind(case: Any) -> None:
    back = Extraction("idcard_back", {"issuer": "北京市公安局", "valid_from": "2010-01-01", "valid_to": "2020-01-01"},
                      {"issuer": 0.9, "valid_from": 0.9, "valid_to": 0.9}, detected_kind="idcard_back")
    [w] = cross_check(case, "father_id_card", back, today=dt.date(2026, 11, 20))
    assert w.code == "expired" and w.detail == {"valid_to": "2020-01-01"}
    assert cross_check(case, "father_id_card", back, today=dt.date(2019, 12, 31)) == []
    licence = Extraction("idcard_front", {}, {}, detected_kind="business_licence")
    codes = [w.code for w in cross_check(case, "father_id_card", licence)]
    assert codes == ["kind_mismatch"]
    blank = Extraction("idcard_front", {}, {}, detected_kind=None)
    assert [w.code for w in cross_check(case, "father_id_card", blank)] == ["unrecognised"]
    refused = Extraction("idcard_front", {"name": FATHER[0]}, {"name": 0.9}, {"id_number": "身份证号码校验位不符"},
                         detected_kind="idcard_front")
    assert [w.code for w in cross_check(case, "father_id_card", refused)] == ["misread"]


def test_material_rules_are_data() -> None:
    assert material_rule("father_id_card").person == "father"
    assert material_rule("seller_id_card").kinds == ("idcard_front", "idcard_back")
    assert material_rule("finance_contact_id_card").person is None  # a pattern match, no such person on cases
    assert material_rule("business_license").kinds == ("business_licence",)
    assert material_rule("withholding_agreement") is None
