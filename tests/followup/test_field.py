"""上门办: visit list endpoints, a field day with the server stopped, signatures, held conflicts."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests

from backoffice.db import Case, CaseFile
from clerk import field
from clerk.intake.model import CaseStatus
from clerk.intake.validation import ValidationFailed
from clerk.store.models import OutboxRow
from clerk.supplements import SupplementService
from clerk.sync import make_client, make_engine
from tests.helpers.followup import (
    accepted_case,
    actor,
    fill_form,
    fill_materials,
    login_engine,
    png,
    server_doc,
    server_events,
    server_file,
    token,
)

from .conftest import StartFn


def _visit(people: Any, operator: str = "field01", hour: int = 9) -> dict[str, Any]:
    p = people.person()
    return {"visit_uuid": str(uuid.uuid4()), "operator": operator,
            "applicant": {k: p[k] for k in ("kind", "name", "id_type", "id_number", "phone")},
            "bundle_code": "newborn", "address": p["address"] or "道里区友谊路 1 号",
            "scheduled_for": f"2026-11-24T{hour:02d}:00:00+08:00", "note": "行动不便，需上门"}


def _post(url: str, tok: str, doc: dict[str, Any], key: str | None = None) -> requests.Response:
    return requests.post(f"{url}/api/v1/visits", json=doc, timeout=10,
                         headers={"Authorization": f"Bearer {tok}", "Idempotency-Key": key or doc["visit_uuid"]})


def test_visit_endpoints(start: StartFn, people: Any) -> None:
    server = start()
    sup, fld = token(server, "sup01"), token(server, "field01")
    doc = _visit(people)
    assert _post(server.url, fld, doc).status_code == 403
    r = _post(server.url, sup, doc)
    assert r.status_code == 201 and r.json()["visit_uuid"] == doc["visit_uuid"]
    assert _post(server.url, sup, doc).status_code == 200
    assert _post(server.url, sup, {**doc, "note": "改了"}).status_code == 409
    assert _post(server.url, sup, {**_visit(people), "operator": "nobody"}).status_code == 422
    assert _post(server.url, sup, doc, key=str(uuid.uuid4())).status_code == 422
    assert _post(server.url, sup, {**_visit(people), "extra": 1}).status_code == 422
    own = requests.get(f"{server.url}/api/v1/visits", headers={"Authorization": f"Bearer {fld}"}, timeout=10)
    assert own.status_code == 200
    assert own.json() == {"items": [{k: doc[k] for k in ("visit_uuid", "applicant", "bundle_code", "address",
                                                          "scheduled_for", "note")}]}
    other = requests.get(f"{server.url}/api/v1/visits", params={"operator": "clerk01"},
                         headers={"Authorization": f"Bearer {fld}"}, timeout=10)
    assert other.status_code == 403
    as_sup = requests.get(f"{server.url}/api/v1/visits", params={"operator": "field01"},
                          headers={"Authorization": f"Bearer {sup}"}, timeout=10)
    assert [i["visit_uuid"] for i in as_sup.json()["items"]] == [doc["visit_uuid"]]
    assert requests.get(f"{server.url}/api/v1/visits", timeout=10).status_code == 401


def test_field_day_offline_then_sync_back(start: StartFn, ctx: Any, people: Any) -> None:
    server = start()
    sup = token(server, "sup01")
    plans = [_visit(people, hour=h) for h in (15, 9, 11)]
    known = accepted_case(ctx, people)  # a visitor seen before: prefilled from the history
    plans[0]["applicant"]["id_number"] = known.applicant.id_number
    for doc in plans:
        assert _post(server.url, sup, doc).status_code == 201
    engine = login_engine(ctx, server, "field01")
    engine.run_once(catalog=False)

    prepared = field.prepare_visit(ctx, make_client(ctx))
    assert prepared.operator == "field01" and len(prepared.visits) == 3
    assert [v.visit_uuid for v in field.visits(ctx)] == [plans[1]["visit_uuid"], plans[2]["visit_uuid"],
                                                          plans[0]["visit_uuid"]]
    assert field.prepared_at(ctx) is not None

    port = server.port
    server.stop()  # out on the road: no network for the rest of the day
    me = actor("field01")
    taken: dict[str, tuple[str, bytes]] = {}
    for i, plan in enumerate(field.visits(ctx)):
        view = field.start_visit(ctx, me, plan.visit_uuid)
        assert view.applicant.name == plan.applicant["name"] and view.applicant.address == plan.address
        assert field.start_visit(ctx, me, plan.visit_uuid).case_uuid == view.case_uuid  # reopened, not new
        fill_form(ctx, view.case_uuid, people)
        fill_materials(ctx, view.case_uuid)
        if i == 0:
            with pytest.raises(ValidationFailed, match="签名"):
                field.accept_visit(ctx, me, view.case_uuid)
            with pytest.raises(field.FieldError):
                field.sign(ctx, view.case_uuid, b"GIF89a not a png")
            field.sign(ctx, view.case_uuid, png("first try", (300, 120)))
        signature = png(f"签名 {i}", (300, 120))
        ref = field.sign(ctx, view.case_uuid, signature)
        accepted = field.accept_visit(ctx, me, view.case_uuid)
        assert accepted.status is CaseStatus.ACCEPTED
        assert [f.sha256 for m in accepted.materials if m.code == field.SIGNATURE_MATERIAL for f in m.files] == [ref.sha256]
        assert field.signature_png(ctx, view.case_uuid) == signature
        with pytest.raises(field.FieldError, match="受理前"):
            field.sign(ctx, view.case_uuid, signature)
        taken[view.case_uuid] = (ref.sha256, signature)
    assert {v.state for v in field.visits(ctx)} == {"taken"}
    pre = field.prefill(ctx, plans[0]["visit_uuid"])
    assert [c["case_uuid"] for c in pre["cases"]] == [known.case_uuid] and pre["form"]

    offline = make_engine(ctx, backoff_base_s=0.05, backoff_cap_s=1.0).run_once(catalog=False)
    assert offline.unreachable and offline.pushed == 0

    server = start(port=port)  # back in the office: a new server on the same database and address
    engine = make_engine(ctx, backoff_base_s=0.05, backoff_cap_s=1.0)
    back = field.sync_back(ctx, engine)
    assert back.conflicts == [] and back.result.pushed == 3 and not back.result.errors
    assert field.sync_back(ctx, engine).result.pushed == 0
    with server.ctx.db.read() as s:
        assert s.query(Case).filter(Case.case_uuid.in_(list(taken))).count() == 3
        for case_uuid, (sha, _) in taken.items():
            assert s.query(CaseFile).filter_by(case_uuid=case_uuid, sha256=sha).count() == 1
    for case_uuid, (sha, signature) in taken.items():
        doc = server_doc(server, case_uuid)["document"]
        [sig] = [m for m in doc["materials"] if m["code"] == field.SIGNATURE_MATERIAL]
        assert sig["status"] == "provided" and sig["files"][0]["media_type"] == "image/png"
        assert server_file(server, sha) == signature
    assert engine.list_problems() == []


def test_changed_meanwhile_is_a_conflict_never_overwritten(start: StartFn, ctx: Any, people: Any) -> None:
    server = start()
    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people, defer=("father_hukou_booklet",),
                         situations={"settle_with": "father", "parents_married": "yes"})
    calm = accepted_case(ctx, people, defer=("father_hukou_booklet",),
                         situations={"settle_with": "father", "parents_married": "yes"})
    engine.run_once(catalog=False)
    for c in (case, calm):
        server.advance(c.case_uuid, "in_review")
        server.advance(c.case_uuid, "supplement_required")
    engine.run_once(catalog=False)

    # offline, the applicants bring the missing booklets; meanwhile the back office refuses one case
    svc = SupplementService(ctx)
    held = svc.fulfil(actor(), case.case_uuid, "father_hukou_booklet", [png("户口簿")])
    sent = svc.fulfil(actor(), calm.case_uuid, "father_hukou_booklet", [png("户口簿 2")])
    server.advance(case.case_uuid, "rejected", "材料不实，不予许可")

    back = field.sync_back(ctx, engine)
    [conflict] = back.conflicts
    assert conflict.case_uuid == case.case_uuid and conflict.platform_status == "rejected"
    assert conflict.event_types == ("supplement",) and "不予许可" in conflict.line()
    assert field.list_conflicts(ctx) == [conflict]
    assert server_events(server, case.case_uuid) == []  # held, not sent over the refusal
    assert [e["event_uuid"] for e in server_events(server, calm.case_uuid)] == [sent.event_uuid]
    assert ctx.intake.get(case.case_uuid).status is CaseStatus.DENIED  # the platform's decision is shown
    with ctx.store.read() as s:
        row = s.query(OutboxRow).filter_by(idempotency_key=held.event_uuid).one()
    assert row.state == "parked" and "冲突" in row.last_error

    with pytest.raises(ValueError):
        field.resolve_conflict(ctx, engine, case.case_uuid, send_local=False, reason="")
    field.resolve_conflict(ctx, engine, case.case_uuid, send_local=False, reason="平台已不予许可，补正作废",
                           operator="clerk01")
    assert field.list_conflicts(ctx) == []
    with ctx.store.read() as s:
        assert s.query(OutboxRow).filter_by(idempotency_key=held.event_uuid).one().state == "discarded"
    field.sync_back(ctx, engine)
    assert server_events(server, case.case_uuid) == []
    assert engine.list_problems() == []
