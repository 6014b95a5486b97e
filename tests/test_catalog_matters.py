"""The applicant's choice of matters and the bundles' 办理条件 over the shipped catalog:

- choosing any subset of a bundle's matters (that the catalog allows) gives exactly the union of
  those matters' fields and materials, required where one of them requires it, and nothing of the
  matters left out (property test over every bundle, its answers and its subsets);
- every condition of every bundle passes for an eligible case and fails for one that breaks it,
  with the catalog's message and the offer of the matters that may be taken alone (单独办理);
- the due date follows ``depends_on`` (the longest chain), per matter and for the whole.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.catalog import Bundle, eligibility, load_catalog_dir, merge
from clerk.catalog.conditions import evaluate, fields_read
from clerk.catalog.merge import MatterChoiceError, answer_sets, choose
from clerk.catalog.schema import FieldType
from clerk.demo import DemoPeople, fill_form

CATALOG = load_catalog_dir()
BUNDLES = sorted(CATALOG.bundles, key=lambda b: b.code)
TODAY = dt.date(2026, 12, 1)


def _applies(when: Any, answers: Any, kind: str) -> bool:
    return evaluate(when, answers, applicant_kind=kind) is not False


def _expected(bundle: Bundle, answers: Any, chosen: list[str], kind: str) -> tuple[dict[str, bool], dict[str, bool]]:
    """key → required, for the fields and the materials of the chosen matters, straight from the YAML."""
    fields: dict[str, bool] = {}
    materials: dict[str, bool] = {}
    for m in bundle.matters:
        if m.code not in chosen:
            continue
        for f in m.fields:
            if _applies(f.when, answers, kind):
                fields[f.key] = fields.get(f.key, False) or f.required
        for mat in m.materials:
            if _applies(mat.when, answers, kind):
                materials[mat.key] = materials.get(mat.key, False) or mat.required
    return fields, materials


@st.composite
def bundle_answers_subset(draw: st.DrawFn) -> tuple[Bundle, dict[str, Any], list[str]]:
    bundle = draw(st.sampled_from(BUNDLES))
    answers: dict[str, Any] = {}
    for s in bundle.situations:
        codes = [o.code for o in s.options]
        if s.multiple:
            answers[s.code] = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=len(codes), unique=True))
        else:
            answers[s.code] = draw(st.sampled_from(codes))
    try:
        available = merge(bundle, answers).available
    except Exception:  # noqa: BLE001 - answers under which nothing applies: drawn again
        st.assume(False)
        raise
    subset = draw(st.lists(st.sampled_from([m.code for m in available]), min_size=1, unique=True))
    return bundle, answers, subset


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(bundle_answers_subset())
def test_any_subset_of_matters_gives_exactly_the_union_of_their_fields_and_materials(
        case: tuple[Bundle, dict[str, Any], list[str]]) -> None:
    bundle, answers, subset = case
    kind = bundle.applicant_kinds[0].value
    available = merge(bundle, answers).available
    here = {m.code for m in available}
    lacking = [d for m in available if m.code in subset for d in m.needed if d in here and d not in subset]
    if lacking:  # a matter that cannot go alone without the ones it needs: refused, naming them
        with pytest.raises(MatterChoiceError, match="不能单独办理"):
            merge(bundle, answers, subset)
        subset = [m.code for m in choose(bundle, available, None) if m.code in subset or m.code in lacking]
        lacking = [d for m in available if m.code in subset for d in m.needed if d in here and d not in subset]
        if lacking:
            return
    merged = merge(bundle, answers, subset)
    assert set(merged.chosen) == set(subset)
    assert list(merged.chosen) == [m.code for m in available if m.code in subset]  # catalog order
    fields, materials = _expected(bundle, answers, subset, kind)
    assert {f.code: f.required for f in merged.fields} == fields
    assert {m.code: m.required for m in merged.materials} == materials
    for f in merged.fields:  # each remembers exactly the chosen matters that ask it
        assert set(f.matters) <= set(subset)
    assert merged.time_limit_days == max(merged.matter_days.values())


def test_every_matter_goes_alone_unless_the_catalog_says_why_not() -> None:
    for bundle in BUNDLES:
        names = {m.code: m.name for m in bundle.matters}
        for m in bundle.matters:
            if m.alone:
                continue
            assert m.alone_reason, (bundle.code, m.code)
            needed = [d for d in m.needed if d in names]
            assert needed, (bundle.code, m.code)


# -- 办理条件 ----------------------------------------------------------------------------------------------


def _candidates(field: Any, today: dt.date) -> list[Any]:
    if field.type is FieldType.BOOL:
        return [True, False]
    if field.options:
        return [o.code for o in field.options]
    if field.type is FieldType.DATE:
        return [(today - dt.timedelta(days=d)).isoformat() for d in (20, 200, 400, 800, 365 * 30, 365 * 70)]
    return ["0000000000", "X"]


def _fields(bundle: Bundle) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in bundle.matters:
        for f in m.fields:
            out.setdefault(f.key, f)
    return out


def _cases(bundle: Bundle) -> list[dict[str, Any]]:
    sets = answer_sets(bundle, limit=256)
    if sets is None:
        rng = random.Random(bundle.code)
        sets = [{s.code: ([rng.choice(s.options).code] if s.multiple else rng.choice(s.options).code)
                 for s in bundle.situations} for _ in range(64)]
    return [dict(a) for a in sets]


@pytest.mark.parametrize("bundle", [b for b in BUNDLES if b.conditions], ids=lambda b: b.code)
def test_each_condition_passes_for_an_eligible_case_and_fails_for_one_that_breaks_it(bundle: Bundle) -> None:
    people = DemoPeople(5)
    rng = random.Random(7)
    kinds = [k.value for k in bundle.applicant_kinds]
    every = _fields(bundle)
    passed: set[str] = set()
    failed: dict[str, str] = {}
    for answers in _cases(bundle):
        try:
            merged = merge(bundle, answers)
        except Exception:  # noqa: BLE001 - nothing applies under these answers
            continue
        if not merged.joint:
            continue
        from clerk import clock

        clock.set_clock(lambda: dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
        try:
            form = fill_form(merged, rng, people)
        finally:
            clock.set_clock(None)
        for kind in kinds:
            results = {c.code: evaluate(c.test, merged.answers, applicant_kind=kind, form=form, today=TODAY)
                       for c in eligibility.applicable(merged)}
            failures = {f.code: f for f in eligibility.check(merged, form=form, applicant_kind=kind, today=TODAY)}
            assert set(failures) == {c for c, r in results.items() if r is False}
            passed |= {c for c, r in results.items() if r is True}
            for c in eligibility.applicable(merged):
                if c.code in failed:
                    continue
                if results[c.code] is False:
                    failed[c.code] = failures[c.code].text()
                    continue
                for code in sorted(fields_read(c.test)):  # break it through the fields it reads
                    for value in _candidates(every[code], TODAY):
                        broken = {**form, code: value}
                        if evaluate(c.test, merged.answers, applicant_kind=kind, form=broken, today=TODAY) is False:
                            hit = {f.code: f for f in eligibility.check(merged, form=broken, applicant_kind=kind,
                                                                        today=TODAY)}
                            assert c.code in hit
                            failed[c.code] = hit[c.code].text()
                            break
                    if c.code in failed:
                        break
    codes = {c.code for c in bundle.conditions}
    assert passed == codes, f"{bundle.code}: never passed: {sorted(codes - passed)}"
    assert set(failed) == codes, f"{bundle.code}: never failed: {sorted(codes - set(failed))}"
    messages = {c.code: (c.label, c.message) for c in bundle.conditions}
    for code, text in failed.items():
        label, message = messages[code]
        assert label in text and message in text and "单独办理" in text


def test_newborn_refuses_a_child_over_one_and_offers_the_matters_alone() -> None:
    bundle = CATALOG.bundle("newborn")
    merged = merge(bundle, {"settle_with": "father", "parents_married": "yes"})
    form = {"birth_date": (TODAY - dt.timedelta(days=400)).isoformat()}
    failures = eligibility.check(merged, form=form, applicant_kind="person", today=TODAY)
    assert [f.code for f in failures] == ["child_under_one"]
    assert "一周岁" in failures[0].text() and "单独办理" in failures[0].text()
    assert failures[0].alone_codes == tuple(m.code for m in merged.available if m.alone)
    assert len(failures[0].alone_codes) >= 3
    young = {"birth_date": (TODAY - dt.timedelta(days=100)).isoformat()}
    assert eligibility.check(merged, form=young, applicant_kind="person", today=TODAY) == []
    alone = merge(bundle, {"settle_with": "father", "parents_married": "yes"}, [failures[0].alone_codes[0]])
    assert eligibility.check(alone, form=form, applicant_kind="person", today=TODAY) == []  # one matter: 单办


def test_due_dates_follow_the_longest_chain_of_chosen_matters() -> None:
    bundle = CATALOG.bundle("newborn")
    full = merge(bundle, {})
    days = full.matter_days
    by = {m.code: m for m in full.matters}
    for code, d in days.items():  # its own limit after the longest chain it waits for
        before = [days[x] for x in by[code].depends_on if x in days]
        assert d == max(before, default=0) + by[code].time_limit_days
    assert full.time_limit_days == max(days.values()) > max(m.time_limit_days for m in full.matters)
    alone = merge(bundle, {}, ["birth_hukou_registration", "birth_medical_certificate_issue"])
    assert alone.matter_days == {"birth_medical_certificate_issue": 3, "birth_hukou_registration": 8}
