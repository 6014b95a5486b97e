"""The shipped 一件事 catalog (forms/bundles/*.yaml): it loads, every bundle merges, merging keeps and
dedupes exactly what the active matters ask for, and broken bundle files are refused with every problem."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.catalog import (
    ApplicantKind,
    Bundle,
    Catalog,
    CatalogError,
    FieldType,
    MergedForm,
    SituationError,
    load_catalog_dir,
    merge,
)
from clerk.catalog.loader import DEFAULT_CATALOG_DIR
from clerk.catalog.merge import answer_sets
from clerk.catalog.schema import CODE_PATTERN, Condition

REQUIRED_BUNDLES = {
    "newborn", "enterprise_info_change", "transport_company_opening", "restaurant_opening",
    "credit_repair", "utility_joint_installation", "school_enrollment", "social_security_card",
    "disability_services", "retirement", "enterprise_deregistration", "after_death",
}
ENTERPRISE_BUNDLES = {
    "restaurant_opening", "transport_company_opening", "enterprise_info_change",
    "enterprise_deregistration", "credit_repair",
}

_CATALOG: Catalog = load_catalog_dir()
BUNDLES: list[Bundle] = list(_CATALOG.bundles)


def bundle(code: str) -> Bundle:
    return _CATALOG.bundle(code)


def all_answers(b: Bundle) -> Iterator[dict[str, Any]]:
    """Every combination of situation answers of ``b`` (one dict when it has no situations; a
    multiple-choice situation: every non-empty subset of its options)."""
    sets = answer_sets(b)
    assert sets is not None
    yield from sets


def fullest(b: Bundle) -> dict[str, Any]:
    """The defaults, with every option of a multiple-choice situation picked."""
    return {s.code: [o.code for o in s.options] for s in b.situations if s.multiple}


def field_codes(form: MergedForm) -> list[str]:
    return [f.code for f in form.fields]


def material_codes(form: MergedForm) -> list[str]:
    return [m.code for m in form.materials]


def matter_codes(form: MergedForm) -> list[str]:
    return [m.code for m in form.matters]


# --------------------------------------------------------------------------------------------------
# The shipped catalog


def test_shipped_catalog_loads_with_required_bundles() -> None:
    catalog = load_catalog_dir()
    codes = {b.code for b in catalog.bundles}
    assert REQUIRED_BUNDLES <= codes
    assert len(codes) == len(catalog.bundles)
    version = (DEFAULT_CATALOG_DIR / "VERSION").read_text().strip()
    assert catalog.version.startswith(version + "+")
    # One YAML file per bundle, named after its code.
    stems = {p.stem for p in (DEFAULT_CATALOG_DIR / "bundles").glob("*.yaml")}
    assert stems == codes


def test_catalog_version_is_stable_and_content_addressed() -> None:
    assert load_catalog_dir().version == load_catalog_dir().version


@pytest.mark.parametrize("b", BUNDLES, ids=lambda b: b.code)
def test_bundle_shape(b: Bundle) -> None:
    assert b.name.endswith("一件事") or "一件事" in b.name
    assert b.description.strip()
    assert b.keywords
    assert 1 <= len(b.situations) <= 5
    assert len(b.matters) >= 3
    # mutually exclusive matters (one permit or another) may make a bundle declare more than it runs;
    # a multiple-choice situation may leave one matter (社会救助: 低保 alone)
    low = 1 if any(s.multiple for s in b.situations) else 2
    assert all(low <= len(merge(b, a).matters) <= 9 for a in all_answers(b))
    assert len({m.department for m in b.matters}) >= 2, "a 一件事 spans several departments"
    for m in b.matters:
        assert m.legal_basis.strip(), f"{m.code}: legal basis missing"
        assert m.time_limit_days <= 60
        for mat in m.materials:
            assert mat.why.strip() and mat.source.strip(), f"{m.code}.{mat.code}: why/source missing"
    if b.code in ENTERPRISE_BUNDLES:
        assert ApplicantKind.ENTERPRISE in b.applicant_kinds
    if b.code in REQUIRED_BUNDLES - ENTERPRISE_BUNDLES - {"utility_joint_installation"}:
        assert b.applicant_kinds == [ApplicantKind.PERSON]


@pytest.mark.parametrize("b", BUNDLES, ids=lambda b: b.code)
def test_every_bundle_merges_under_every_combination(b: Bundle) -> None:
    seen_matters: set[str] = set()
    for answers in all_answers(b):
        form = merge(b, answers)
        assert form.answers == answers
        assert form.matters, f"{b.code} {answers}: no active matter"
        days = form.matter_days
        for m in form.matters:  # a matter is due its own time limit after the chosen matters it needs
            before = [days[d] for d in m.depends_on if d in days]
            assert days[m.code] == max(before, default=0) + m.time_limit_days
        assert form.time_limit_days == max(days.values()) >= max(m.time_limit_days for m in form.matters)
        fcodes, mcodes = field_codes(form), material_codes(form)
        assert len(fcodes) == len(set(fcodes)), f"{b.code} {answers}: duplicated field"
        assert len(mcodes) == len(set(mcodes)), f"{b.code} {answers}: duplicated material"
        assert form.fields and form.materials
        active = set(matter_codes(form))
        for f in form.fields:
            assert f.matters and set(f.matters) <= active
        for mat in form.materials:
            assert mat.matters and set(mat.matters) <= active
            if mat.deferrable:
                assert 1 <= mat.deferral_days <= 60
        form.as_json()  # serialisable for the platform contract
        seen_matters |= active
    assert seen_matters == {m.code for m in b.matters}, f"{b.code}: some matter is never active"


@pytest.mark.parametrize("b", BUNDLES, ids=lambda b: b.code)
def test_every_when_option_makes_a_difference(b: Bundle) -> None:
    """Each situation changes the merged form for at least one pair of answers (no dead questions)."""
    for s in b.situations:
        outcomes = set()
        for answers in all_answers(b):
            form = merge(b, answers)
            outcomes.add((tuple(matter_codes(form)), tuple(field_codes(form)), tuple(material_codes(form))))
        assert len(outcomes) > 1, f"{b.code}: situation {s.code} changes nothing"


def test_shared_codes_mean_the_same_datum_across_bundles() -> None:
    """A field key has one type (and option set) across the whole catalog, so prefill is safe."""
    seen: dict[str, tuple[FieldType, tuple[str, ...], str]] = {}
    for b in BUNDLES:
        for m in b.matters:
            for f in m.fields:
                sig = (f.type, tuple(o.code for o in f.options))
                if f.key in seen:
                    assert seen[f.key][:2] == sig, f"{f.key}: {b.code} disagrees with {seen[f.key][2]}"
                else:
                    seen[f.key] = (*sig, b.code)


def test_largest_bundle_is_big_enough_for_the_form_benchmark() -> None:
    sizes = {b.code: merge(b, fullest(b)) for b in BUNDLES}
    assert any(len(f.fields) >= 20 and len(f.materials) >= 15 for f in sizes.values())


def test_shared_data_is_actually_shared_somewhere() -> None:
    """Dedupe matters: most bundles ask at least one datum and one material for several matters."""
    field_shared = sum(1 for b in BUNDLES if any(len(f.matters) > 1 for f in merge(b, fullest(b)).fields))
    material_shared = sum(1 for b in BUNDLES if any(len(m.matters) > 1 for m in merge(b, fullest(b)).materials))
    assert field_shared == len(BUNDLES)
    assert material_shared >= len(BUNDLES) - 3


def test_unknown_or_invalid_answers_are_refused() -> None:
    b = bundle("newborn")
    with pytest.raises(SituationError) as exc:
        merge(b, {"settle_with": "grandpa", "colour": "red"})
    assert set(exc.value.problems) == {"settle_with", "colour"}


# --------------------------------------------------------------------------------------------------
# Unit checks per bundle


def test_newborn_platform_contract_example() -> None:
    b = bundle("newborn")
    assert [o.code for o in next(s for s in b.situations if s.code == "settle_with").options] == ["father", "mother"]
    father = merge(b, {"settle_with": "father"})
    assert {"child_name", "birth_date"} <= set(field_codes(father))
    assert father.field("birth_date").type is FieldType.DATE
    booklet = father.material("father_hukou_booklet")
    assert booklet.name == "父亲户口簿" and booklet.deferrable and booklet.required
    assert "mother_hukou_booklet" not in material_codes(father)
    cert = father.material("birth_medical_certificate")
    assert cert.name == "出生医学证明" and cert.required
    assert set(cert.matters) >= {"birth_hukou_registration", "resident_medical_insurance"}

    mother = merge(b, {"settle_with": "mother"})
    assert "father_hukou_booklet" not in material_codes(mother)
    assert mother.material("mother_hukou_booklet").deferrable
    for answers in all_answers(b):
        assert "birth_medical_certificate" in material_codes(merge(b, answers))


def test_newborn_marriage_situation() -> None:
    b = bundle("newborn")
    married = merge(b, {"settle_with": "father", "parents_married": "yes"})
    assert married.material("marriage_certificate").e_license
    assert "non_marital_birth_statement" not in material_codes(married)
    assert "paternity_test_report" not in material_codes(married)
    # child data asked once though four matters need it
    assert len(married.field("child_name").matters) >= 4

    unmarried_father = merge(b, {"settle_with": "father", "parents_married": "no"})
    assert "marriage_certificate" not in material_codes(unmarried_father)
    assert unmarried_father.material("paternity_test_report").required  # required by the hukou matter
    assert "father_id_card" in material_codes(unmarried_father)

    unmarried_mother = merge(b, {"settle_with": "mother", "parents_married": "no"})
    assert not unmarried_mother.material("paternity_test_report").required
    assert "father_id_card" not in material_codes(unmarried_mother)
    assert "father_name" not in field_codes(unmarried_mother)


def test_restaurant_shared_fields_asked_once() -> None:
    b = bundle("restaurant_opening")
    form = merge(b, {"business_area": "gt_150", "sells_alcohol": "yes", "outdoor_sign": "yes"})
    assert len(form.matters) == 7
    for key in ("enterprise_name", "contact_phone"):
        assert field_codes(form).count(key) == 1
        assert len(form.field(key).matters) == 7
    assert len(form.field("legal_rep_name").matters) >= 5
    assert set(form.material("legal_rep_id_card").matters) == {
        "business_registration", "food_business_license", "alcohol_retail_filing", "new_taxpayer_services",
    }
    assert set(form.material("floor_plan").matters) == {"food_business_license", "fire_safety_inspection"}
    assert set(form.material("premises_proof").matters) == {"business_registration", "outdoor_sign_setting"}


def test_restaurant_situations_switch_matters() -> None:
    b = bundle("restaurant_opening")
    small = merge(b, {"business_area": "le_150", "sells_alcohol": "no", "outdoor_sign": "no"})
    assert not {"fire_safety_inspection", "alcohol_retail_filing", "outdoor_sign_setting"} & set(matter_codes(small))
    assert "fire_safety_manager" not in field_codes(small)
    assert small.material("floor_plan").matters == ("food_business_license",)
    big = merge(b, {"business_area": "gt_150"})
    assert "fire_safety_inspection" in matter_codes(big)
    # the drainage permit (15) follows the business licence (3): 18 working days, not the longest 15
    assert big.matter_days["drainage_permit"] == 18 and big.time_limit_days == 18


def test_transport_company_by_transport_type() -> None:
    b = bundle("transport_company_opening")
    freight = merge(b, {"transport_type": "general_freight", "vehicles_ready": "yes"})
    assert "freight_operation_permit" in matter_codes(freight)
    assert "escort_qualification" not in material_codes(freight)
    assert len(freight.fields) >= 20 and len(freight.materials) >= 15
    danger = merge(b, {"transport_type": "dangerous_goods"})
    assert {"escort_qualification", "emergency_plan", "parking_lot_proof"} <= set(material_codes(danger))
    assert "freight_operation_permit" not in matter_codes(danger)
    passenger = merge(b, {"transport_type": "passenger_charter", "vehicles_ready": "no"})
    assert "charter_scope" in field_codes(passenger)
    assert "vehicle_driving_license" not in material_codes(passenger)
    assert "vehicle_plates" not in field_codes(passenger)
    # the permit application form is one document whichever permit
    for answers in all_answers(b):
        assert len(merge(b, answers).material("road_transport_application").matters) == 1


def test_enterprise_info_change_items() -> None:
    b = bundle("enterprise_info_change")
    rep = merge(b, {"change_item": "legal_rep"})
    assert {"new_legal_rep_name", "new_legal_rep_id_number"} <= set(field_codes(rep))
    assert {"new_legal_rep_id_card", "appointment_document"} <= set(material_codes(rep))
    assert "amended_articles" not in material_codes(rep)
    assert rep.field("uscc").type is FieldType.USCC
    assert len(rep.field("uscc").matters) == 5
    name = merge(b, {"change_item": "name", "change_seal": "yes"})
    assert "new_enterprise_name" in field_codes(name) and "new_legal_rep_name" not in field_codes(name)
    assert "seal_reengraving" in matter_codes(name)
    assert set(name.material("business_license").matters) == {"change_registration", "tax_info_change", "seal_reengraving"}
    assert "old_seal_return" in material_codes(name)
    assert "old_seal_return" not in material_codes(merge(b, {"change_item": "address", "change_seal": "yes"}))


def test_credit_repair_record_types() -> None:
    b = bundle("credit_repair")
    assert set(b.applicant_kinds) == {ApplicantKind.ENTERPRISE, ApplicantKind.PERSON}
    penalty = merge(b, {"record_type": "admin_penalty"})
    assert {"penalty_info_repair_credit_china", "penalty_info_repair_gsxt"} <= set(matter_codes(penalty))
    assert set(penalty.material("repair_application").matters) == {
        "penalty_info_repair_credit_china", "penalty_info_repair_gsxt",
    }
    abnormal = merge(b, {"record_type": "abnormal_operation", "tax_credit": "yes"})
    assert set(matter_codes(abnormal)) == {"abnormal_list_removal", "tax_credit_repair", "credit_report_issue"}
    assert "penalty_decision_no" not in field_codes(abnormal)
    individual = merge(b, {"subject_kind": "individual_business"})
    assert "legal_rep_id_card" in material_codes(individual)
    assert "agent_authorization" not in material_codes(individual)


def test_utility_installation_situations() -> None:
    b = bundle("utility_joint_installation")
    resident = merge(b, {"user_kind": "residential", "needs_gas": "no"})
    assert "applicant_id_number" in field_codes(resident) and "uscc" not in field_codes(resident)
    assert "gas_installation" not in matter_codes(resident)
    company = merge(b, {"user_kind": "non_residential", "needs_gas": "yes", "road_excavation": "yes"})
    assert "uscc" in field_codes(company) and "applicant_id_number" not in field_codes(company)
    assert len(company.field("install_address").matters) == 4
    assert len(company.material("applicant_id_doc").matters) == 4
    assert "road_excavation_permit" in matter_codes(company)


def test_school_enrollment_situations() -> None:
    b = bundle("school_enrollment")
    local_owned = merge(b, {"hukou_type": "local", "housing": "owned"})
    assert "property_certificate" in material_codes(local_owned)
    assert not {"residence_permit", "lease_contract", "social_insurance_record"} & set(material_codes(local_owned))
    migrant_rented = merge(b, {"hukou_type": "migrant", "housing": "rented", "school_stage": "junior"})
    assert {"residence_permit", "lease_contract", "social_insurance_record", "primary_graduation_proof"} <= set(
        material_codes(migrant_rented))
    assert "property_certificate" not in material_codes(migrant_rented)
    assert "vaccination_check" not in matter_codes(migrant_rented)
    assert len(migrant_rented.field("home_address").matters) == 3
    assert migrant_rented.material("hukou_booklet").matters == ("enrollment_registration", "hukou_verification")


def test_social_security_card_stricter_merge_of_shared_material() -> None:
    b = bundle("social_security_card")
    form = merge(b, {"age_group": "adult"})
    card = form.material("applicant_id_card")
    # the bank needs the original ID card: no e-licence waiver once both matters ask for it
    assert not card.e_license
    assert set(card.matters) == {"card_application", "bank_account_activation"}
    minor = merge(b, {"age_group": "minor", "apply_type": "renewal"})
    assert {"guardian_id_card", "hukou_booklet", "damaged_card"} <= set(material_codes(minor))
    assert "senior_travel_concession" not in matter_codes(minor)
    assert "senior_travel_concession" in matter_codes(merge(b, {"age_group": "senior"}))


def test_disability_subsidies_follow_severity_and_income() -> None:
    b = bundle("disability_services")
    severe_poor = merge(b, {"severity": "severe", "low_income": "yes"})
    assert {"living_subsidy", "nursing_subsidy", "pension_contribution_aid"} <= set(matter_codes(severe_poor))
    assert set(severe_poor.material("subsidy_application").matters) == {"living_subsidy", "nursing_subsidy"}
    moderate = merge(b, {"severity": "moderate", "low_income": "no"})
    assert not {"living_subsidy", "nursing_subsidy", "pension_contribution_aid"} & set(matter_codes(moderate))
    assert "companion_pass" not in field_codes(moderate)


def test_retirement_situations() -> None:
    b = bundle("retirement")
    special = merge(b, {"retirement_kind": "special_job"})
    assert {"special_job_proof"} <= set(material_codes(special))
    assert {"special_job_years", "employer_uscc"} <= set(field_codes(special))
    flexible = merge(b, {"employment_type": "flexible", "housing_fund": "no"})
    assert "employer_name" not in field_codes(flexible)
    assert "flexible_contribution_stop" in matter_codes(flexible)
    assert "housing_fund_withdrawal" not in matter_codes(flexible)
    assert merge(b).material("applicant_id_card").matters == ("retirement_approval", "housing_fund_withdrawal")


def test_enterprise_deregistration_procedures() -> None:
    b = bundle("enterprise_deregistration")
    general = merge(b, {"procedure": "general"})
    assert "liquidation_filing" in matter_codes(general)
    assert "liquidation_report" in material_codes(general) and "investor_commitment" not in material_codes(general)
    simple = merge(b, {"procedure": "simplified", "customs_registered": "yes"})
    assert "liquidation_filing" not in matter_codes(simple)
    assert "investor_commitment" in material_codes(simple) and "liquidation_report" not in material_codes(simple)
    assert "customs_deregistration" in matter_codes(simple)
    assert len(simple.field("enterprise_name").matters) == 6


def test_after_death_situations() -> None:
    b = bundle("after_death")
    normal = merge(b, {"death_place": "hospital"})
    assert set(normal.material("death_certificate").matters) == {"hukou_cancellation", "cremation"}
    assert "police_death_proof" not in material_codes(normal)
    unnatural = merge(b, {"death_place": "unnatural", "pension_insured": "none", "had_disability_card": "yes"})
    assert "police_death_proof" in material_codes(unnatural) and "death_certificate" not in material_codes(unnatural)
    assert "pension_stop_and_survivor_benefits" not in matter_codes(unnatural)
    assert "disability_card_cancellation" in matter_codes(unnatural)
    assert "dependents" not in field_codes(merge(b, {"pension_insured": "resident"}))
    assert len(normal.field("deceased_id_number").matters) >= 5


def test_second_hand_housing_transfer_situations() -> None:
    b = bundle("second_hand_housing_transfer")
    plain = merge(b, {"mortgage": "none", "seller_married": "yes"})
    assert set(plain.material("sale_contract").matters) == {"transfer_registration", "tax_payment"}
    assert "seller_marriage_certificate" in material_codes(plain)
    assert "mortgage_handling" not in matter_codes(plain)
    mortgaged = merge(b, {"mortgage": "with_mortgage", "seller_married": "no"})
    assert "mortgagee_consent" in material_codes(mortgaged)
    assert "seller_marital_statement" in material_codes(mortgaged)
    assert "seller_marriage_certificate" not in material_codes(mortgaged)


def test_elevator_retrofit_situations() -> None:
    b = bundle("elevator_retrofit")
    form = merge(b, {"fund_withdrawal": "yes", "pipeline_relocation": "yes"})
    assert set(form.material("design_drawings").matters) == {"planning_approval", "pipeline_relocation"}
    assert set(form.material("applicant_id_card").matters) == {"planning_approval", "housing_fund_withdrawal"}
    lean = merge(b, {"fund_withdrawal": "no", "pipeline_relocation": "no"})
    assert "withdrawing_owners" not in field_codes(lean)
    assert lean.material("design_drawings").matters == ("planning_approval",)


# --------------------------------------------------------------------------------------------------
# Property: merging loses nothing and adds nothing


def _resolve(b: Bundle, answers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for s in b.situations:
        given = answers.get(s.code)
        if s.multiple:
            given = given if given is not None else (s.default if isinstance(s.default, list) else [s.default or s.options[0].code])
            out[s.code] = [given] if isinstance(given, str) else list(given)
        else:
            out[s.code] = given if given is not None else (s.default or s.options[0].code)
    return out


def _holds(when: Condition, answers: dict[str, Any]) -> bool:
    """A straightforward reading of a canonical ``when`` (situations only), for the oracle."""
    if not when:
        return True
    if "all" in when:
        return all(_holds(c, answers) for c in when["all"])
    if "any" in when:
        return any(_holds(c, answers) for c in when["any"])
    if "not" in when:
        return not _holds(when["not"], answers)
    answer = answers[when["situation"]]
    return any(a in when["in"] for a in ([answer] if isinstance(answer, str) else answer))


def check_merge_is_exact(b: Bundle, answers: dict[str, str]) -> None:
    """Compares ``merge`` against a straightforward recomputation from the bundle."""
    resolved = _resolve(b, answers)
    form = merge(b, answers)
    active = [m for m in b.matters if _holds(m.when, resolved)]
    assert [m.code for m in form.matters] == [m.code for m in active]

    want_fields: dict[str, list[str]] = {}
    want_required: dict[str, bool] = {}
    want_mats: dict[str, list[str]] = {}
    want_mat_flags: dict[str, tuple[bool, bool, bool]] = {}
    for m in active:
        for f in m.fields:
            if _holds(f.when, resolved):
                want_fields.setdefault(f.key, []).append(m.code)
                want_required[f.key] = want_required.get(f.key, False) or f.required
        for mat in m.materials:
            if _holds(mat.when, resolved):
                want_mats.setdefault(mat.key, []).append(m.code)
                req, dfr, el = want_mat_flags.get(mat.key, (False, True, True))
                want_mat_flags[mat.key] = (req or mat.required, dfr and mat.deferrable, el and mat.e_license)

    got_fields = field_codes(form)
    assert sorted(got_fields) == sorted(want_fields), "fields lost or added"
    assert len(got_fields) == len(set(got_fields))
    for f in form.fields:
        assert list(f.matters) == want_fields[f.code]
        assert f.required == want_required[f.code]
    got_mats = material_codes(form)
    assert sorted(got_mats) == sorted(want_mats), "materials lost or added"
    assert len(got_mats) == len(set(got_mats))
    for mat in form.materials:
        assert list(mat.matters) == want_mats[mat.code]
        assert (mat.required, mat.deferrable, mat.e_license) == want_mat_flags[mat.code]


@st.composite
def bundle_and_answers(draw: st.DrawFn) -> tuple[Bundle, dict[str, str]]:
    b = draw(st.sampled_from(BUNDLES))
    answers: dict[str, str] = {}
    for s in b.situations:
        choice = draw(st.sampled_from([None, *[o.code for o in s.options]]))
        if choice is not None:  # sometimes leave it to the default
            answers[s.code] = choice
    return b, answers


@settings(max_examples=300, deadline=None)
@given(bundle_and_answers())
def test_merge_loses_nothing_and_adds_nothing_shipped(case: tuple[Bundle, dict[str, str]]) -> None:
    check_merge_is_exact(*case)


_KEYS = ["name", "phone", "address", "id_no", "photo"]


@st.composite
def random_bundle(draw: st.DrawFn) -> tuple[Bundle, dict[str, str]]:
    """Small synthetic bundles where keys collide across matters in every way the schema allows."""
    situations = []
    for i in range(draw(st.integers(0, 3))):
        n = draw(st.integers(2, 3))
        situations.append({"code": f"s{i}", "question": f"q{i}", "options": [{"code": f"o{j}", "label": f"l{j}"} for j in range(n)]})

    def when() -> Condition:
        out: Condition = {}
        for s in situations:
            if draw(st.booleans()):
                opts = [o["code"] for o in s["options"]]
                out[s["code"]] = draw(st.lists(st.sampled_from(opts), min_size=1, unique=True))
        return out

    matters = []
    for mi in range(draw(st.integers(1, 4))):
        fields = []
        for key in draw(st.lists(st.sampled_from(_KEYS), unique=True, max_size=4)):
            own = draw(st.booleans())
            fields.append({
                "code": key if own else f"{key}_m{mi}", "shared": None if own else key,
                "label": key, "required": draw(st.booleans()), "when": when(),
            })
        materials = []
        for key in draw(st.lists(st.sampled_from(_KEYS), unique=True, max_size=4)):
            own = draw(st.booleans())
            materials.append({
                "code": key if own else f"{key}_doc{mi}", "shared": None if own else key, "name": key,
                "required": draw(st.booleans()), "deferrable": draw(st.booleans()),
                "e_license": draw(st.booleans()), "when": when(),
            })
        matters.append({"code": f"m{mi}", "name": f"m{mi}", "department": "d", "time_limit_days": mi + 1,
                        "when": when(), "fields": fields, "materials": materials})
    b = Bundle.model_validate({"code": "synthetic", "name": "合成一件事", "situations": situations, "matters": matters})
    answers = {s.code: draw(st.sampled_from([o.code for o in s.options])) for s in b.situations}
    return b, answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_bundle())
def test_merge_loses_nothing_and_adds_nothing_synthetic(case: tuple[Bundle, dict[str, str]]) -> None:
    b, answers = case
    if not any(_holds(m.when, _resolve(b, answers)) for m in b.matters):
        return  # no active matter: nothing to merge (time_limit_days is undefined then)
    check_merge_is_exact(b, answers)


# --------------------------------------------------------------------------------------------------
# Catalog check errors

GOOD = """\
code: {code}
name: 测试一件事
situations:
  - code: kind
    question: 哪一种？
    options:
      - {{code: a, label: 甲}}
      - {{code: b, label: 乙}}
matters:
  - code: m1
    name: 事项一
    department: 测试局
    time_limit_days: 5
    fields:
      - {{code: applicant_name, label: 姓名}}
      - {{code: extra, label: 补充, when: {{kind: [b]}}}}
    materials:
      - {{code: id_card, name: 身份证, e_license: true, when: {{kind: [a]}}}}
  - code: m2
    name: 事项二
    department: 另一局
    time_limit_days: 3
    fields:
      - {{code: name2, label: 姓名, shared: applicant_name}}
    materials:
      - {{code: id_copy, name: 身份证, shared: id_card}}
"""


def write(dir_: Path, name: str, text: str) -> Path:
    p = dir_ / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_minimal_good_bundle_loads(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml", GOOD.format(code="good"))
    catalog = load_catalog_dir(tmp_path)
    assert [b.code for b in catalog.bundles] == ["good"]
    assert catalog.version.startswith("local+")
    form = merge(catalog.bundle("good"), {"kind": "a"})
    assert field_codes(form) == ["applicant_name"]
    assert form.field("applicant_name").matters == ("m1", "m2")
    assert form.material("id_card").matters == ("m1", "m2")


def test_unknown_situation_in_when(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", GOOD.format(code="bad").replace("when: {kind: [b]}", "when: {colour: [b]}"))
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert any("bad.yaml" in p and "unknown situation 'colour'" in p for p in exc.value.problems)


def test_unknown_option_in_when(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", GOOD.format(code="bad").replace("when: {kind: [a]}", "when: {kind: [c]}"))
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert any("has no option 'c'" in p for p in exc.value.problems)


def test_choice_without_options(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", GOOD.format(code="bad").replace(
        "{code: extra, label: 补充, when: {kind: [b]}}", "{code: extra, label: 补充, type: choice}"))
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert any("bad.yaml" in p and "choice needs at least two options" in p for p in exc.value.problems)


def test_duplicate_codes(tmp_path: Path) -> None:
    text = GOOD.format(code="dup").replace("  - code: m2\n", "  - code: m1\n")
    write(tmp_path, "dup.yaml", text)
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert any("dup.yaml" in p and "duplicate matter codes" in p for p in exc.value.problems)


def test_field_asked_twice_by_one_matter(tmp_path: Path) -> None:
    text = GOOD.format(code="twice").replace(
        "{code: extra, label: 补充, when: {kind: [b]}}", "{code: again, label: 姓名, shared: applicant_name}")
    write(tmp_path, "twice.yaml", text)
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert any("field 'applicant_name' twice" in p for p in exc.value.problems)


def test_shared_field_with_conflicting_types(tmp_path: Path) -> None:
    text = GOOD.format(code="clash").replace(
        "{code: name2, label: 姓名, shared: applicant_name}", "{code: name2, label: 姓名, shared: applicant_name, type: date}")
    write(tmp_path, "clash.yaml", text)
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert any("matters disagree on its type" in p for p in exc.value.problems)


def test_file_name_not_matching_code(tmp_path: Path) -> None:
    write(tmp_path, "restaurant.yaml", GOOD.format(code="restaurant_opening"))
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert exc.value.problems == ["restaurant.yaml: code 'restaurant_opening' does not match the file name"]


def test_unreadable_yaml(tmp_path: Path) -> None:
    write(tmp_path, "broken.yaml", "code: [unclosed\n")
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    assert exc.value.problems[0].startswith("broken.yaml: cannot read")


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    bundles = tmp_path / "bundles"
    bundles.mkdir()
    write(bundles, "ok.yaml", GOOD.format(code="ok"))
    write(bundles, "unknown.yaml", GOOD.format(code="unknown").replace("when: {kind: [b]}", "when: {nope: [b]}"))
    write(bundles, "nochoice.yaml", GOOD.format(code="nochoice").replace(
        "{code: extra, label: 补充, when: {kind: [b]}}", "{code: extra, label: 补充, type: choice, options: []}"))
    write(bundles, "dupmatter.yaml", GOOD.format(code="dupmatter").replace("  - code: m2\n", "  - code: m1\n"))
    write(bundles, "misnamed.yaml", GOOD.format(code="ok"))  # also a second bundle coded "ok"
    write(bundles, "badcode.yaml", GOOD.format(code="Bad-Code"))
    with pytest.raises(CatalogError) as exc:
        load_catalog_dir(tmp_path)
    problems = exc.value.problems
    text = "\n".join(problems)
    assert any(p.startswith("unknown.yaml") and "unknown situation 'nope'" in p for p in problems), text
    assert any(p.startswith("nochoice.yaml") and "choice needs at least two options" in p for p in problems), text
    assert any(p.startswith("dupmatter.yaml") and "duplicate matter codes" in p for p in problems), text
    assert "misnamed.yaml: code 'ok' does not match the file name" in problems
    assert "bundle code 'ok' appears more than once" in problems
    assert any(p.startswith("badcode.yaml") and "code" in p for p in problems), text
    assert not any(p.startswith("ok.yaml") for p in problems)
    assert str(exc.value) == text


def test_empty_catalog_dir(tmp_path: Path) -> None:
    with pytest.raises(CatalogError):
        load_catalog_dir(tmp_path)


def test_codes_follow_the_pattern() -> None:
    import re

    pattern = re.compile(CODE_PATTERN)
    for b in BUNDLES:
        codes = [b.code, *(s.code for s in b.situations), *(m.code for m in b.matters)]
        for m in b.matters:
            codes += [f.key for f in m.fields] + [x.key for x in m.materials]
        assert all(pattern.match(c) for c in codes), b.code


def test_duplicate_keys_in_a_bundle_file_are_refused_naming_file_line_and_key(tmp_path: Path) -> None:
    """PyYAML keeps the last of two equal keys silently; the catalog loader refuses them."""
    import shutil
    import subprocess
    import sys

    from clerk.catalog.loader import CatalogError, load_bundle_file, load_catalog_dir

    src = DEFAULT_CATALOG_DIR / "bundles" / "social_security_card.yaml"
    lines = src.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    bad = tmp_path / "cat" / "bundles"
    bad.mkdir(parents=True)
    shutil.copy(src, bad / src.name)
    lines.insert(at + 1, "name: 另一个名字")  # the same top-level key again, one line below
    (bad / src.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_bundle_file(bad / src.name)
    message = str(err.value)
    assert message == f"social_security_card.yaml: 第 {at + 2} 行：键 'name' 重复（第 {at + 1} 行已有），请删去其中一个"
    nested = textwrap.dedent("""\
        code: x
        defaults: &d {required: true}
        matters:
          - code: a
            <<: *d
            required: false
            name: 一
            name: 二
    """)
    (bad / "x.yaml").write_text(nested, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"x\.yaml: 第 8 行：键 'name' 重复（第 7 行已有）"):
        load_bundle_file(bad / "x.yaml")  # a merge key overridden is fine; the repeated name is not
    with pytest.raises(CatalogError):
        load_catalog_dir(tmp_path / "cat")
    r = subprocess.run([sys.executable, "-m", "clerk", "catalog", "check", str(tmp_path / "cat")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and f"social_security_card.yaml: 第 {at + 2} 行：键 'name' 重复" in r.stderr
    assert "Traceback" not in r.stderr
