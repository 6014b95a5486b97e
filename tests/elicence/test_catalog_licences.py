"""The catalog says which e-licence type satisfies a material and whose licence it is."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from clerk.catalog.loader import DEFAULT_CATALOG_DIR, load_catalog_dir
from clerk.catalog.merge import merge
from clerk.catalog.schema import Bundle


def test_newborn_names_licence_types_and_holders() -> None:
    merged = merge(load_catalog_dir().bundle("newborn"), {"settle_with": "father"})
    got = {m.code: (m.licence_type, m.holder) for m in merged.materials if m.licence_type}
    assert got == {
        "mother_id_card": ("resident_id_card", "mother"), "father_id_card": ("resident_id_card", "father"),
        "marriage_certificate": ("marriage_certificate", "father"),
        "birth_medical_certificate": ("birth_medical_certificate", "mother"),
        "father_hukou_booklet": ("hukou_booklet", "father"), "guardian_id_card": ("resident_id_card", "guardian"),
    }
    shown = {m["code"]: m for m in merged.as_json()["materials"]}  # type: ignore[union-attr,index]
    assert shown["father_hukou_booklet"]["licence_type"] == "hukou_booklet"
    assert shown["father_hukou_booklet"]["holder"] == "father"


def test_every_licence_holder_is_a_person_with_an_id_number_on_the_form() -> None:
    n = 0
    for b in load_catalog_dir().bundles:
        ids = {f.person for m in b.matters for f in m.fields if f.person_field and f.person_field.value == "id_number"}
        for m in b.matters:
            for mat in m.materials:
                if mat.licence_type or mat.data_sharing:
                    n += 1
                    assert mat.holder_person == "applicant" or mat.holder_person in ids, (b.code, mat.code)
    assert n >= 60


def _newborn() -> dict[str, Any]:
    with open(DEFAULT_CATALOG_DIR / "bundles" / "newborn.yaml", encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh))


def _material(doc: dict[str, Any], code: str) -> dict[str, Any]:
    for m in doc["matters"]:
        for mat in m.get("materials", []):
            if mat["code"] == code:
                return dict(mat)
    raise KeyError(code)


@pytest.mark.parametrize(("change", "message"), [
    ({"holder": "uncle"}, "holder 'uncle' has no field"),
    ({"e_license": False}, "licence_type needs e_license: true"),
    ({"licence_type": None, "holder": "father"}, "holder goes with licence_type or data_sharing"),
])
def test_bad_licence_annotations_are_refused(change: dict[str, Any], message: str) -> None:
    doc = copy.deepcopy(_newborn())
    for m in doc["matters"]:
        for mat in m.get("materials", []):
            if mat["code"] == "father_hukou_booklet":
                mat.update(change)
                if mat.get("licence_type") is None:
                    mat.pop("licence_type", None)
    with pytest.raises(ValueError, match=message):
        Bundle.model_validate(doc)


def test_a_v1_material_without_licence_type_still_loads() -> None:
    doc = _newborn()
    for m in doc["matters"]:
        for mat in m.get("materials", []):
            mat.pop("licence_type", None)
            mat.pop("holder", None)
    b = Bundle.model_validate(doc)
    merged = merge(b, {"settle_with": "father"})
    assert all(m.licence_type is None for m in merged.materials)
    assert _material(_newborn(), "father_hukou_booklet")["licence_type"] == "hukou_booklet"
