"""The intake service through a real SQLite cache: drafts, accept / notify / reject, history, search."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clerk import clock
from clerk.intake.lifecycle import IllegalTransition
from clerk.intake.model import CaseStatus, FileRef, MaterialStatus
from clerk.intake.search import CaseQuery
from clerk.intake.service import NotEditable
from clerk.intake.validation import ValidationFailed
from clerk.security.actor import Actor, PermissionDenied, Role
from clerk.store.models import CaseRow, OutboxRow

FIXED = dt.datetime(2026, 9, 30, 10, 0, tzinfo=clock.CST)


@pytest.fixture
def fixed_clock() -> Any:
    clock.set_clock(lambda: FIXED)
    yield FIXED
    clock.set_clock(None)


def _attach(ctx: Any, case_uuid: str, code: str) -> None:
    from clerk.demo import scan_image

    blob = ctx.pages.put_bytes(scan_image(code, dpi=20))
    ctx.intake.attach_files(case_uuid, code, [(FileRef(sha256=blob.sha256, size=blob.size, media_type="image/png"), f"{code}.png")])


def _newborn_draft(ctx: Any, actor: Any, people: Any) -> Any:
    from clerk.catalog.merge import merge
    from clerk.demo import fill_form

    svc = ctx.intake
    view = svc.start_draft(actor, "newborn", {"settle_with": "father"})
    merged = merge(ctx.catalog.bundle("newborn"), view.situations)
    svc.save_draft(view.case_uuid, applicant=people.person(),
                   form=fill_form(merged, people.rng, people))
    return svc.get(view.case_uuid)


def test_accept_writes_case_materials_and_outbox_in_one_go(ctx: Any, clerk_actor: Any, people: Any, fixed_clock: Any) -> None:
    view = _newborn_draft(ctx, clerk_actor, people)
    assert view.case_no.startswith("230102-20260930-W03-")
    codes = [m.code for m in view.materials]
    assert "father_hukou_booklet" in codes and "birth_medical_certificate" in codes
    for m in view.materials:
        if m.code == "father_hukou_booklet":
            ctx.intake.set_material(view.case_uuid, m.code, MaterialStatus.DEFERRED)
        elif m.required:
            _attach(ctx, view.case_uuid, m.code)
    with pytest.raises(ValidationFailed) as err:
        ctx.intake.accept(clerk_actor, view.case_uuid, commitment_signed=False)
    assert "commitment" in err.value.problems
    accepted = ctx.intake.accept(clerk_actor, view.case_uuid, commitment_signed=True)
    assert accepted.status is CaseStatus.ACCEPTED
    # newborn's matters are a chain (depends_on): 出生医学证明 3 → 户口登记 +5 = 8 → 居民医保 +1 = 9 →
    # 社保卡 +5 = 14 working days; 2026-10-01..07 are the National Day holiday, Saturday 10-10 is a
    # make-up working day. The case is due with its longest chain, each matter with its own.
    due = {m.code: (m.due_days, m.due_date) for m in accepted.matters}
    assert due["birth_medical_certificate_issue"] == (3, dt.date(2026, 10, 10))
    assert due["birth_hukou_registration"] == (8, dt.date(2026, 10, 16))
    assert due["social_security_card_apply"] == (14, dt.date(2026, 10, 26))
    assert accepted.due_date == dt.date(2026, 10, 26)
    deferred = next(m for m in accepted.materials if m.code == "father_hukou_booklet")
    assert deferred.status is MaterialStatus.DEFERRED and deferred.deadline is not None
    assert accepted.commitment_signed_at == FIXED
    with ctx.store.read() as s:
        box = s.execute(select(OutboxRow).where(OutboxRow.case_uuid == view.case_uuid)).scalar_one()
    assert box.kind == "case" and box.idempotency_key == view.case_uuid
    doc = box.payload
    assert doc["case_no"] == accepted.case_no and doc["due_date"] == "2026-10-26"
    assert all(m["status"] != "missing" for m in doc["materials"])
    assert doc["commitment"] == {"signed_at": FIXED.isoformat()}
    with pytest.raises((IllegalTransition, NotEditable)):
        ctx.intake.notify(clerk_actor, view.case_uuid)
    with pytest.raises(NotEditable):
        ctx.intake.save_draft(view.case_uuid, form={"child_name": "改"})


def test_accept_lists_every_problem_at_once(ctx: Any, clerk_actor: Any) -> None:
    view = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
    ctx.intake.save_draft(view.case_uuid, applicant={"name": "", "id_number": "110105194912310021"})
    with pytest.raises(ValidationFailed) as err:
        ctx.intake.accept(clerk_actor, view.case_uuid)
    p = err.value.problems
    assert "applicant.name" in p and "校验位" in p["applicant.id_number"]
    assert "form.child_name" in p
    assert "可容缺" in p["materials.father_hukou_booklet"]
    assert "materials.birth_medical_certificate" in p
    with ctx.store.read() as s:
        assert s.execute(select(func.count()).select_from(OutboxRow)).scalar_one() == 0
        assert s.get(CaseRow, view.case_uuid).status == "draft"


def test_notify_keeps_the_draft_and_lists_every_missing_material(ctx: Any, clerk_actor: Any, people: Any, fixed_clock: Any) -> None:
    view = _newborn_draft(ctx, clerk_actor, people)
    _attach(ctx, view.case_uuid, "birth_medical_certificate")
    notified = ctx.intake.notify(clerk_actor, view.case_uuid)
    assert notified.status is CaseStatus.NOTIFIED
    missing = {m.code for m in notified.missing}
    required = {m.code for m in notified.materials if m.required} - {"birth_medical_certificate"}
    assert missing == required
    assert notified.return_by == dt.date(2026, 10, 20)  # 10 working days, over the holiday
    # The return visit: the same case, completed and accepted.
    for code in required:
        _attach(ctx, view.case_uuid, code)
    assert ctx.intake.accept(clerk_actor, view.case_uuid).status is CaseStatus.ACCEPTED


def test_reject_needs_a_reason(ctx: Any, clerk_actor: Any, people: Any) -> None:
    view = _newborn_draft(ctx, clerk_actor, people)
    with pytest.raises(ValidationFailed):
        ctx.intake.reject(clerk_actor, view.case_uuid, " ")
    r = ctx.intake.reject(clerk_actor, view.case_uuid, "申请事项不属于本中心受理范围")
    assert r.status is CaseStatus.REJECTED and r.reject_reason.startswith("申请事项")
    with pytest.raises(IllegalTransition):
        ctx.intake.accept(clerk_actor, view.case_uuid)


def test_material_rules(ctx: Any, clerk_actor: Any) -> None:
    view = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
    with pytest.raises(ValidationFailed, match="容缺"):
        ctx.intake.set_material(view.case_uuid, "birth_medical_certificate", MaterialStatus.DEFERRED)
    with pytest.raises(ValidationFailed, match="没有这一项"):
        ctx.intake.set_material(view.case_uuid, "no_such", MaterialStatus.PROVIDED)


def test_situation_change_rebuilds_the_checklist_and_keeps_done_work(ctx: Any, clerk_actor: Any) -> None:
    view = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
    _attach(ctx, view.case_uuid, "birth_medical_certificate")
    after = ctx.intake.save_draft(view.case_uuid, situations={"settle_with": "mother"})
    codes = {m.code for m in after.materials}
    assert "father_hukou_booklet" not in codes
    kept = next(m for m in after.materials if m.code == "birth_medical_certificate")
    assert kept.status is MaterialStatus.PROVIDED and kept.pages == 1
    with pytest.raises(ValidationFailed, match="不是可选项"):
        ctx.intake.save_draft(view.case_uuid, situations={"settle_with": "uncle"})


def test_draft_autosave_survives_reopening(data_dir: Path, clerk_actor: Any) -> None:
    from clerk.context import AppContext

    c1 = AppContext.open(data_dir)
    view = c1.intake.start_draft(clerk_actor, "newborn")
    c1.intake.save_draft(view.case_uuid, form={"child_name": "李小"}, applicant={"name": "李"})
    c1.close()
    c2 = AppContext.open(data_dir)
    again = c2.intake.get(view.case_uuid)
    assert again.form["child_name"] == "李小" and again.applicant.name == "李"
    assert [d.case_uuid for d in c2.intake.drafts(clerk_actor)] == [view.case_uuid]
    c2.close()


def test_permissions_are_enforced_in_the_service(ctx: Any) -> None:
    visitor = Actor("sup", roles=(Role.SUPERVISOR,))
    assert visitor.can  # supervisors may take cases in too
    nobody = Actor("x", roles=())
    with pytest.raises(PermissionDenied):
        ctx.intake.start_draft(nobody, "newborn")


def test_history_prefills_and_offers_valid_materials(ctx: Any, clerk_actor: Any, people: Any, fixed_clock: Any) -> None:
    from clerk.demo import take_demo_case

    first = take_demo_case(ctx, clerk_actor, people, "newborn", answers={"settle_with": "father"})
    hist = ctx.intake.history(first.applicant.id_number)
    assert hist is not None
    assert hist.applicant["name"] == first.applicant.name
    assert hist.form["child_name"] == first.form["child_name"]
    provided = {m.code for m in first.materials if m.status is MaterialStatus.PROVIDED}
    assert {r.code for r in hist.reusable} == provided
    second = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
    r = hist.reusable[0]
    view = ctx.intake.reuse_material(second.case_uuid, r.code, r)
    assert next(m for m in view.materials if m.code == r.code).files[0].sha256 == r.files[0].sha256
    assert ctx.intake.history("110105194912310021") is None


def test_search_by_every_key(ctx: Any, clerk_actor: Any, people: Any) -> None:
    from clerk.demo import take_demo_case

    views = [take_demo_case(ctx, clerk_actor, people, "social_security_card") for _ in range(3)]
    v = views[1]
    svc = ctx.intake
    from clerk.intake.search import initials

    for text in (v.case_no, v.applicant.id_number, v.applicant.phone, v.applicant.name, v.applicant.name[:1],
                 initials(v.applicant.name), initials(v.applicant.name).upper()):
        items, total = svc.search(CaseQuery(text))
        assert v.case_uuid in {i.case_uuid for i in items}, text
    items, total = svc.search(CaseQuery("", limit=2))
    assert len(items) == 2 and total == 3
    items, _ = svc.search(CaseQuery("", limit=2, offset=2))
    assert len(items) == 1
    assert svc.search(CaseQuery("", status=("rejected",)))[1] == 0
    today = clock.today()
    assert svc.search(CaseQuery("", date_from=today, date_to=today))[1] == 3
    assert svc.search(CaseQuery("", date_to=today - dt.timedelta(days=1)))[1] == 0


def test_case_numbers_unique_across_two_processes_on_one_cache(data_dir: Path) -> None:
    """Two processes writing one cache file (the store below the data-dir owner lock: BEGIN IMMEDIATE)
    never hand out the same case number."""
    from clerk.context import AppContext

    AppContext.open(data_dir).close()  # migrate once
    script = (
        "import sys; from pathlib import Path; from clerk.catalog.loader import load_catalog_dir;"
        "from clerk.events import EventBus; from clerk.intake.service import IntakeService;"
        "from clerk.security.actor import Actor; from clerk.settings import Settings; from clerk.store import Store;"
        "cat = load_catalog_dir(None); store = Store(Path(sys.argv[1]) / 'cache.sqlite3');"
        "svc = IntakeService(store, lambda: cat, Settings(), EventBus()); a = Actor('p', window='W09');"
        "print('\\n'.join(svc.start_draft(a, 'newborn').case_no for _ in range(25)))"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    numbers = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        numbers += out.split()
    assert len(numbers) == 50 and len(set(numbers)) == 50
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, 51))


def test_a_realistic_case_of_every_bundle_can_be_accepted(ctx: Any, clerk_actor: Any, people: Any, fixed_clock: Any) -> None:
    """Person and enterprise bundles alike; an enterprise's credit code never lands in a 身份证 field."""
    from clerk.demo import take_demo_case

    for bundle in ctx.catalog.bundles:
        view = take_demo_case(ctx, clerk_actor, people, bundle.code)
        assert view.status is CaseStatus.ACCEPTED, bundle.code
        if view.applicant.kind == "enterprise":
            for code, value in view.form.items():
                if code.endswith("id_number"):
                    assert value != view.applicant.id_number, (bundle.code, code)


def test_scanned_pages_become_one_upload_pdf_on_accept(ctx: Any, clerk_actor: Any, people: Any, tmp_path: Path) -> None:
    """Pages added through the materials service are built into the material's PDF by accept itself."""
    from clerk.demo import scan_image

    view = _newborn_draft(ctx, clerk_actor, people)
    for m in view.materials:
        if not m.required:
            continue
        if m.deferrable:
            ctx.intake.set_material(view.case_uuid, m.code, MaterialStatus.DEFERRED)
            continue
        for i in range(2):
            ctx.materials.add_page(view.case_uuid, m.code, scan_image(f"{m.name} {i}", dpi=30, fmt="JPEG"))
    accepted = ctx.intake.accept(clerk_actor, view.case_uuid, commitment_signed=True)
    provided = [m for m in accepted.materials if m.status is MaterialStatus.PROVIDED]
    assert provided
    for m in provided:
        assert [f.media_type for f in m.files] == ["application/pdf"] and m.pages == 2
        import pypdfium2 as pdfium

        assert len(pdfium.PdfDocument(ctx.pages.read(m.files[0].sha256))) == 2


def test_switched_off_fields_are_kept_on_the_draft_but_not_sent(ctx: Any, clerk_actor: Any, people: Any) -> None:
    view = _newborn_draft(ctx, clerk_actor, people)
    ctx.intake.save_draft(view.case_uuid, form={"ghost": "x"})
    with pytest.raises(ValidationFailed) as err:
        ctx.intake.accept(clerk_actor, view.case_uuid)
    assert "form.ghost" in err.value.problems  # a code the bundle never asks is reported
    ctx.intake.save_draft(view.case_uuid, form={"ghost": None})
    with ctx.store.write() as s:
        row = s.get(CaseRow, view.case_uuid)
        row.form = {k: v for k, v in row.form.items() if k != "ghost"}
    from clerk.catalog.merge import merge

    # Find a situation answer that switches a field off (the catalog has several).
    found = None
    for bundle in ctx.catalog.bundles:
        for sit in bundle.situations:
            for on in sit.options:
                for off in sit.options:
                    a = {f.code for f in merge(bundle, {sit.code: on.code}).fields}
                    b = {f.code for f in merge(bundle, {sit.code: off.code}).fields}
                    extra = sorted(a - b)
                    if extra and found is None:
                        found = (bundle.code, sit.code, on.code, off.code, extra[0])
    assert found is not None, "the catalog should switch some field with a situation"
    code, sit_code, on_code, off_code, field = found
    draft = ctx.intake.start_draft(clerk_actor, code, {sit_code: on_code})
    ctx.intake.save_draft(draft.case_uuid, form={field: "保留"})
    ctx.intake.save_draft(draft.case_uuid, situations={sit_code: off_code})
    assert ctx.intake.get(draft.case_uuid).form[field] == "保留"  # kept for a flip back
    problems = ctx.intake.check_for_accept(draft.case_uuid)
    assert f"form.{field}" not in problems
    ctx.intake.save_draft(draft.case_uuid, situations={sit_code: on_code})
    assert ctx.intake.get(draft.case_uuid).form[field] == "保留"


def test_commitment_signed_on_the_draft_counts_at_accept(ctx: Any, clerk_actor: Any, people: Any) -> None:
    view = _newborn_draft(ctx, clerk_actor, people)
    for m in view.materials:
        if m.deferrable and m.required:
            ctx.intake.set_material(view.case_uuid, m.code, MaterialStatus.DEFERRED)
        elif m.required:
            _attach(ctx, view.case_uuid, m.code)
    assert "commitment" in ctx.intake.check_for_accept(view.case_uuid)
    ctx.intake.save_draft(view.case_uuid, commitment_signed=True)
    assert ctx.intake.check_for_accept(view.case_uuid) == {}
    done = ctx.intake.accept(clerk_actor, view.case_uuid)
    assert done.commitment_signed_at is not None
