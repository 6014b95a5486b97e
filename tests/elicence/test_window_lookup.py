"""调用电子证照 at the window: a newborn draft takes its e-licence materials with one action through
the real back office; someone else's licence needs the holder's authorisation; what is found prints
on the receipt as 电子证照（编号…）; a data-sharing check records yes/no and a reference."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import requests

from backoffice import licences
from backoffice.embedded import EmbeddedServer
from clerk.elicence.service import LicenceError, fetch_for_case, materials_json
from clerk.intake.model import MaterialStatus
from clerk.intake.validation import ValidationFailed
from clerk.store.models import CaseRow
from clerk.sync.client import PlatformClient
from tests.elicence.samples import licence_pdf, write
from tests.helpers.backoffice import PASSWORD

NEWBORN = {"settle_with": "father", "parents_married": "yes", "settle_household": "parent_household",
           "parents_ethnicity": "same", "mother_maternity_insured": "no"}


def _client(server: EmbeddedServer) -> PlatformClient:
    r = requests.post(server.url + "/api/v1/auth/login", timeout=30,
                      json={"username": "clerk01", "password": PASSWORD, "device_id": "ws-1"})
    token = r.json()["token"]
    return PlatformClient(server.url, lambda: token)


@pytest.fixture
def ctx(tmp_path: Path) -> Any:
    from clerk.context import AppContext

    c = AppContext.open(tmp_path / "data")
    c.settings.platform_url = "http://127.0.0.1:1"  # a platform is configured: a tick alone is 待核验
    yield c
    c.close()


def _draft(ctx: Any) -> tuple[str, dict[str, Any]]:
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role

    actor = Actor("clerk01", "王小窗", (Role.CLERK,), window="W03", org_code="230102")
    view = take_demo_case(ctx, actor, DemoPeople(3), "newborn", outcome="draft", answers=NEWBORN)
    # the mother applies: her own licences need no one's consent, the father's need his
    applicant = {**view.applicant.model_dump(mode="json"), "id_number": view.form["mother_id_number"]}
    view = ctx.intake.save_draft(view.case_uuid, applicant=applicant)
    return view.case_uuid, {"applicant": view.applicant.id_number, **view.form}


def _row(ctx: Any, case_uuid: str) -> dict[str, dict[str, Any]]:
    with ctx.store.read() as s:
        return {m["code"]: m for m in materials_json(s.get(CaseRow, case_uuid))}


def test_one_action_takes_the_newborn_licences(server: EmbeddedServer, ctx: Any, tmp_path: Path) -> None:
    case_uuid, f = _draft(ctx)
    mother, father = f["mother_id_number"], f["father_id_number"]
    seeded: dict[str, str] = {}
    for code, holder, ltype in (("mother_id_card", mother, "resident_id_card"),
                                ("father_id_card", father, "resident_id_card"),
                                ("marriage_certificate", father, "marriage_certificate"),
                                ("birth_medical_certificate", mother, "birth_medical_certificate"),
                                ("father_hukou_booklet", father, "hukou_booklet")):
        seeded[code] = licences.add_licence(server.ctx, holder_id=holder, licence_type=ltype, issuer="某某签发机关",
                                            path=write(tmp_path / "lic", f"{code}.pdf", licence_pdf(code)))
    bundle = ctx.catalog.bundle("newborn")
    client = _client(server)
    assert f["applicant"] == mother
    # without the father's consent his licences are not handed out (unless he is the applicant)
    first = {o.code: o.outcome for o in fetch_for_case(ctx.store, ctx.pages, bundle, client, case_uuid)}
    others = {"father_id_card", "marriage_certificate", "father_hukou_booklet"}
    assert {c for c, o in first.items() if o == "unauthorised"} == others | {"guardian_id_card"}
    assert first["mother_id_card"] == first["birth_medical_certificate"] == "found"
    mats = _row(ctx, case_uuid)
    for code in others:
        assert mats[code]["licence_number"] is None and mats[code]["status"] != "e_license"
    # the father present with his ID card read: one action takes the rest
    auth = {c: {"kind": "holder_present", "id_read": True} for c in others}
    second = fetch_for_case(ctx.store, ctx.pages, bundle, client, case_uuid, authorisations=auth)
    assert {o.code for o in second if o.outcome == "found"} >= others
    mats = _row(ctx, case_uuid)
    for code, number in seeded.items():
        assert mats[code]["status"] == "e_license" and mats[code]["licence_number"] == number, code
        assert [x["source"] for x in mats[code]["files"]] == ["e_license"]
    # not found: cannot be waived afterwards
    assert mats["guardian_id_card"]["licence_number"] is None
    with pytest.raises(ValidationFailed, match="不能免提交"):
        ctx.intake.set_material(case_uuid, "guardian_id_card", MaterialStatus.E_LICENSE)
    # the receipt prints the numbers
    from clerk.intake.model import MaterialStatus as MS

    view = ctx.intake.get(case_uuid)
    from printing.receipt import licence_state

    shown = {m.code: licence_state(m) for m in view.materials if m.status is MS.E_LICENSE}
    for code, number in seeded.items():
        assert shown[code] == f"电子证照（编号{number}）"


def test_receipt_pdf_lists_the_licence_numbers(server: EmbeddedServer, ctx: Any, tmp_path: Path) -> None:
    from clerk.settings import HallSettings
    from printing.receipt import render_receipt

    case_uuid, f = _draft(ctx)
    number = licences.add_licence(server.ctx, holder_id=f["mother_id_number"], licence_type="resident_id_card",
                                  path=write(tmp_path / "lic", "id.pdf", licence_pdf("id")))
    out = fetch_for_case(ctx.store, ctx.pages, ctx.catalog.bundle("newborn"), _client(server), case_uuid,
                         codes=["mother_id_card"],
                         authorisations={"mother_id_card": {"kind": "holder_present", "id_read": True}})
    assert [o.outcome for o in out] == ["found"]
    pdf = render_receipt(ctx.intake.get(case_uuid), HallSettings())
    p = tmp_path / "r.pdf"
    p.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, check=True).stdout
    assert f"电子证照（编号{number}）" in text.replace("\n", "").replace(" ", "")


def test_a_tick_with_a_platform_is_pending_and_an_accepted_case_cannot_look_up(ctx: Any) -> None:
    case_uuid, _f = _draft(ctx)
    ctx.intake.set_material(case_uuid, "mother_id_card", MaterialStatus.E_LICENSE)
    assert _row(ctx, case_uuid)["mother_id_card"]["licence_pending"] is True
    ctx.intake.set_material(case_uuid, "mother_id_card", MaterialStatus.MISSING)
    assert "licence_pending" not in _row(ctx, case_uuid)["mother_id_card"]
    with ctx.store.write() as s:
        s.get(CaseRow, case_uuid).status = "accepted"
    with pytest.raises(LicenceError, match="已受理"):
        fetch_for_case(ctx.store, ctx.pages, ctx.catalog.bundle("newborn"), PlatformClient("http://127.0.0.1:1"),
                       case_uuid)


def test_data_sharing_check_is_recorded_instead_of_a_file(server: EmbeddedServer, ctx: Any) -> None:
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role

    actor = Actor("clerk01", "王小窗", (Role.CLERK,), window="W03", org_code="230102")
    bundle = ctx.catalog.bundle("disability_services")
    merged_codes = {m.code for m in bundle.matters for m in m.materials if m.data_sharing}
    assert "dibao_certificate" in merged_codes
    for seed in range(40):
        view = take_demo_case(ctx, actor, DemoPeople(seed), "disability_services", outcome="draft")
        if "dibao_certificate" in {m.code for m in view.materials}:
            break
    else:
        pytest.skip("no demo answers put the 低保 material on the list")
    licences.set_shared_fact(server.ctx, view.applicant.id_number, "dibao_status", True)
    [o] = fetch_for_case(ctx.store, ctx.pages, bundle, _client(server), view.case_uuid, codes=["dibao_certificate"])
    assert o.outcome == "verified" and o.shared_check and o.shared_check["reference"].startswith("GX")
    m = _row(ctx, view.case_uuid)["dibao_certificate"]
    assert m["status"] == "e_license" and m["files"] == [] and m["shared_check"]["result"] is True


def test_ofd_licence_is_rendered_for_the_viewer_and_goes_as_its_own_file(server: EmbeddedServer, ctx: Any,
                                                                         tmp_path: Path) -> None:
    import io

    from PIL import Image

    from clerk.elicence.ofd import LicenceFileError, render_ofd
    from clerk.materials.service import prepare_uploads
    from tests.elicence.samples import licence_ofd

    ofd = licence_ofd("居民户口簿 HUKOU 0001")
    [png] = render_ofd(ofd)
    img = Image.open(io.BytesIO(png))
    assert img.size == (round(148 / 25.4 * 150), round(210 / 25.4 * 150))
    dark = sum(img.convert("L").histogram()[:128])
    assert dark > 200  # the text is drawn
    with pytest.raises(LicenceFileError):
        render_ofd(b"PK\x03\x04 not an ofd")
    case_uuid, f = _draft(ctx)
    number = licences.add_licence(server.ctx, holder_id=f["mother_id_number"], licence_type="resident_id_card",
                                  path=write(tmp_path / "lic", "id.ofd", ofd))
    [o] = fetch_for_case(ctx.store, ctx.pages, ctx.catalog.bundle("newborn"), _client(server), case_uuid,
                         codes=["mother_id_card"])
    assert o.outcome == "found"
    with ctx.store.read() as s:
        mat = next(m for m in s.get(CaseRow, case_uuid).materials if m.code == "mother_id_card")
        assert [(p.media_type, p.source_name) for p in mat.pages] == [("image/png", f"电子证照 {number} 第 1 页")]
        assert ctx.pages.read(mat.pages[0].sha256) == png
        assert [(x.media_type, x.pages) for x in mat.files] == [("application/ofd", 1)]
    prepare_uploads(ctx, case_uuid)  # what accept runs first: the licence is not rebuilt into a scan PDF
    m = _row(ctx, case_uuid)["mother_id_card"]
    assert m["status"] == "e_license" and [x["source"] for x in m["files"]] == ["e_license"]


def test_use_code_shown_by_the_applicant_fetches_the_licence(server: EmbeddedServer, ctx: Any, tmp_path: Path) -> None:
    from clerk.elicence.service import by_use_code, record_outcomes

    case_uuid, f = _draft(ctx)
    number = licences.add_licence(server.ctx, holder_id=f["father_id_number"], licence_type="hukou_booklet",
                                  path=write(tmp_path / "lic", "h.pdf", licence_pdf("h")))
    code = licences.issue_use_code(server.ctx, number)
    client, bundle = _client(server), ctx.catalog.bundle("newborn")
    with ctx.store.read() as s:
        row = s.get(CaseRow, case_uuid)
        assert by_use_code(client, bundle, row, "father_hukou_booklet", "000000000000").outcome == "not_found"
        o = by_use_code(client, bundle, row, "father_hukou_booklet", code)
    assert o.outcome == "found" and o.licence and o.licence["number"] == number and o.data
    with ctx.store.write() as s:
        record_outcomes(s, ctx.pages, s.get(CaseRow, case_uuid), [o])
    m = _row(ctx, case_uuid)["father_hukou_booklet"]
    assert m["status"] == "e_license" and m["licence_number"] == number
    # a code opens one licence: the same code for the mother's ID card is refused
    code2 = licences.issue_use_code(server.ctx, number)
    with ctx.store.read() as s, pytest.raises(LicenceError, match="不是"):
        by_use_code(client, bundle, s.get(CaseRow, case_uuid), "mother_id_card", code2)
