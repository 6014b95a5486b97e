"""Matters as the unit, end to end through the real back office (API 1.1), and both directions of v1:
a v1 server (``Config.matters`` off: it refuses the 1.1 keys as unknown fields) against the
workstation, and a v1 client (raw v1 documents and events) against the 1.1 server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

from backoffice.db import CaseMatter
from backoffice.embedded import EmbeddedServer
from clerk.cli import main
from clerk.handout import HandoutService, NotReady
from clerk.intake.model import CaseStatus
from clerk.sync.outbox import wire_case_document
from tests.followup.conftest import StartFn
from tests.helpers.followup import accepted_case, actor, login_engine, server_doc, server_events, token

CERT, VACC, HUKOU = "birth_medical_certificate_issue", "vaccination_certificate", "birth_hukou_registration"
THREE = [CERT, VACC, HUKOU]


def _server_matters(server: EmbeddedServer, case_uuid: str) -> dict[str, str]:
    with server.ctx.db.read() as s:
        return {m.code: m.status for m in s.query(CaseMatter).filter_by(case_uuid=case_uuid).all()}


def _local(ctx: Any, case_uuid: str) -> dict[str, str]:
    view = ctx.intake.get(case_uuid)
    return {m.code: m.status.value for m in view.matters}


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_three_matters_ready_one_by_one_handed_out_in_two_visits(
        ctx: Any, people: Any, server: EmbeddedServer, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people, matters=THREE)
    assert [m.code for m in case.matters] == [CERT, VACC, HUKOU]
    # the chain: 户口登记 waits for the 出生医学证明 (3 + 5 working days); the case is due with its longest chain
    due = {m.code: m.due_days for m in case.matters}
    assert due == {CERT: 3, VACC: 1, HUKOU: 8}
    assert case.due_date == max(m.due_date for m in case.matters if m.due_date)
    assert engine.speaks_matters()
    assert engine.run_once(catalog=False).pushed == 1

    doc = server_doc(server, case.case_uuid)["document"]
    assert [(m["code"], m["national_code"]) for m in doc["matters"]] == [(m.code, m.national_code) for m in case.matters]
    assert doc["region"] == {"handling": "230102", "intake": "230102", "mode": "local"}
    assert _server_matters(server, case.case_uuid) == dict.fromkeys(THREE, "received")

    server.advance(case.case_uuid, "in_review")  # every matter that may
    assert server.advance(case.case_uuid, "approved", matters=[VACC]) == "in_review"  # the case: its least advanced
    assert server.advance(case.case_uuid, "ready_for_pickup", matters=[VACC]) == "in_review"
    engine.run_once(catalog=False)
    assert _local(ctx, case.case_uuid) == {CERT: "in_review", VACC: "ready_for_pickup", HUKOU: "in_review"}
    view = ctx.intake.get(case.case_uuid)
    assert view.status is CaseStatus.IN_REVIEW
    assert all(m.project_no.startswith("PF") for m in view.matters)  # 办件编号 from the platform
    assert len({m.project_no for m in view.matters}) == 3

    svc = HandoutService(ctx)
    listed = svc.pickup_list()  # shown as soon as one matter is ready, with the ready one
    assert [(i.case_uuid, i.ready_matters, set(i.waiting_matters)) for i in listed] == [
        (case.case_uuid, (VACC,), {CERT, HUKOU})]
    with pytest.raises(NotReady):
        svc.hand_over(actor(), case.case_uuid, case.applicant.id_number, matters=[CERT])

    first = svc.hand_over(actor(), case.case_uuid, case.applicant.id_number)  # visit 1: what is ready
    assert first.matters == (VACC,)
    assert _local(ctx, case.case_uuid)[VACC] == "delivered"
    assert ctx.intake.get(case.case_uuid).status is CaseStatus.IN_REVIEW
    assert svc.pickup_list() == []
    engine.run_once(catalog=False)
    assert _server_matters(server, case.case_uuid) == {CERT: "in_review", VACC: "delivered", HUKOU: "in_review"}

    for code in (CERT, HUKOU):  # the other departments finish one after the other
        server.advance(case.case_uuid, "approved", matters=[code])
        server.advance(case.case_uuid, "ready_for_pickup", matters=[code])
        engine.run_once(catalog=False)
        assert svc.pickup_list()[0].ready_matters == tuple(c for c in (CERT, HUKOU) if c == code or c == CERT)
    assert ctx.intake.get(case.case_uuid).status is CaseStatus.READY_FOR_PICKUP

    code, out, _ = _cli(capsys, "pickup", "list", "--json", "--data-dir", str(data_dir))
    assert code == 0 and json.loads(out)["items"][0]["ready_matters"] == [CERT, HUKOU]
    code, out, _ = _cli(capsys, "case", "show", case.case_no, "--json", "--data-dir", str(data_dir))
    shown = json.loads(out)
    assert code == 0 and [(m["code"], m["status"]) for m in shown["matters"]] == [
        (CERT, "ready_for_pickup"), (VACC, "delivered"), (HUKOU, "ready_for_pickup")]
    assert all(m["national_code"] for m in shown["matters"])

    second = svc.hand_over(actor(), case.case_uuid, case.applicant.id_number)  # visit 2: the rest
    assert second.matters == (CERT, HUKOU) and second.event_uuid != first.event_uuid
    assert ctx.intake.get(case.case_uuid).status is CaseStatus.DELIVERED
    assert [h.matters for h in svc.handovers(case.case_uuid)] == [(VACC,), (CERT, HUKOU)]  # one 送达回证 each
    engine.run_once(catalog=False)
    assert server_doc(server, case.case_uuid)["status"] == "delivered"
    assert [e.get("matters") for e in server_events(server, case.case_uuid)] == [[VACC], [CERT, HUKOU]]


def test_posted_results_carry_the_waybill_and_a_remote_intake_its_region(
        ctx: Any, people: Any, server: EmbeddedServer) -> None:
    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people, matters=[VACC], region="440106")  # 异地代收代办 for Guangzhou 天河
    assert case.remote_intake and case.handling_region == "440106"
    engine.run_once(catalog=False)
    assert server_doc(server, case.case_uuid)["document"]["region"] == {
        "handling": "440106", "intake": "230102", "mode": "proxy"}
    for status in ("in_review", "approved"):
        server.advance(case.case_uuid, status)
    engine.run_once(catalog=False)
    HandoutService(ctx).hand_over(actor(), case.case_uuid, "", method="post", tracking_no="1187654321098")
    engine.run_once(catalog=False)
    events = server_events(server, case.case_uuid)
    assert [(e["method"], e.get("waybill_no")) for e in events] == [("post", "1187654321098")]
    r = requests.get(f"{server.url}/api/v1/case-updates", headers={"Authorization": f"Bearer {token(server, 'clerk01')}"},
                     timeout=10)
    notes = [i["note"] for i in r.json()["items"] if i["case_uuid"] == case.case_uuid]
    assert "异地代收代办" in notes[0] and "1187654321098" in notes[-1]


def test_a_v1_server_gets_v1_documents_and_one_status(ctx: Any, people: Any, start: StartFn) -> None:
    server = start(matters=False)
    health = requests.get(f"{server.url}/api/v1/health", timeout=10).json()
    assert "matters" not in health["features"]
    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people, matters=THREE)
    assert engine.run_once(catalog=False).pushed == 1  # a 1.1 document would be refused (422) and parked
    assert engine.list_problems() == []
    from clerk.store.models import OutboxRow

    with ctx.store.read() as s:  # what v1 does not define is refused by a v1 server, as unknown fields
        payload = s.query(OutboxRow).filter_by(case_uuid=case.case_uuid, kind="case").one().payload
    refused = requests.post(f"{server.url}/api/v1/cases", json=wire_case_document(payload),
                            headers={"Authorization": f"Bearer {token(server, 'clerk01')}",
                                     "Idempotency-Key": case.case_uuid}, timeout=10)
    assert refused.status_code == 422 and set(refused.json()["error"]["fields"]) >= {"matters", "region"}
    doc = server_doc(server, case.case_uuid)["document"]
    assert "matters" not in doc and "region" not in doc  # stored as v1 stored it
    assert _server_matters(server, case.case_uuid) == {}

    for status in ("in_review", "approved", "ready_for_pickup"):
        server.advance(case.case_uuid, status)
    engine.run_once(catalog=False)
    assert _local(ctx, case.case_uuid) == dict.fromkeys(THREE, "ready_for_pickup")  # every matter takes it

    svc = HandoutService(ctx)
    svc.hand_over(actor(), case.case_uuid, case.applicant.id_number, matters=[VACC])
    engine.run_once(catalog=False)
    assert server_events(server, case.case_uuid) == []  # a v1 `delivered` would deliver the whole case
    assert server_doc(server, case.case_uuid)["status"] == "ready_for_pickup"
    last = svc.hand_over(actor(), case.case_uuid, case.applicant.id_number)
    engine.run_once(catalog=False)
    assert server_events(server, case.case_uuid) == [
        {"event_uuid": last.event_uuid, "type": "delivered", "at": last.at.isoformat(), "method": "window"}]
    assert server_doc(server, case.case_uuid)["status"] == "delivered"
    assert engine.list_problems() == []


def test_a_v1_client_against_the_11_server(ctx: Any, people: Any, server: EmbeddedServer) -> None:
    case = accepted_case(ctx, people, matters=THREE)
    from clerk.store.models import OutboxRow

    with ctx.store.read() as s:
        payload = s.query(OutboxRow).filter_by(case_uuid=case.case_uuid, kind="case").one().payload
    v1 = wire_case_document(payload, v11=False)
    assert "matters" not in v1 and "region" not in v1
    auth = {"Authorization": f"Bearer {token(server, 'clerk01')}"}
    r = requests.post(f"{server.url}/api/v1/cases", json=v1, headers={**auth, "Idempotency-Key": case.case_uuid},
                      timeout=10)
    assert r.status_code == 201, r.text
    assert set(r.json()) == {"case_uuid", "platform_case_id", "status", "missing_files"}  # the v1 reply exactly
    for status in ("in_review", "approved"):
        server.advance(case.case_uuid, status)
    items = requests.get(f"{server.url}/api/v1/case-updates", headers=auth, timeout=10).json()["items"]
    assert [i["status"] for i in items] == ["received", "in_review", "approved"]
    assert all(set(i) == {"case_uuid", "status", "note", "at"} for i in items)

    event = {"event_uuid": "5b0b7c5e-4c1a-4a8e-9a57-1f7e0d1c2b3a", "type": "delivered",
             "at": "2026-12-01T10:00:00+08:00", "method": "window"}
    bad = requests.post(f"{server.url}/api/v1/cases/{case.case_uuid}/events", json={**event, "matters": [VACC]},
                        headers={**auth, "Idempotency-Key": event["event_uuid"]}, timeout=10)
    assert bad.status_code == 422  # a case filed without matters has one status
    ok = requests.post(f"{server.url}/api/v1/cases/{case.case_uuid}/events", json=event,
                       headers={**auth, "Idempotency-Key": event["event_uuid"]}, timeout=10)
    assert ok.status_code == 201 and ok.json()["status"] == "delivered" and "matters" not in ok.json()



def test_backoffice_advance_moves_one_matter(ctx: Any, people: Any, server: EmbeddedServer, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from backoffice.__main__ import run as backoffice_main
    from backoffice.workflow import IllegalMove

    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people, matters=THREE)
    engine.run_once(catalog=False)
    admin = ["--db", f"sqlite:///{tmp_path / 'bo.db'}", "--files-dir", str(tmp_path / "bo-files"),
             "--data-key-file", str(tmp_path / "bo-files.key")]
    assert backoffice_main([*admin, "advance", case.case_uuid, "in_review", "--matter", HUKOU]) == 0
    out = capsys.readouterr().out
    assert HUKOU in out and "received" in out  # the case stands where its least advanced matter stands
    assert _server_matters(server, case.case_uuid) == {CERT: "received", VACC: "received", HUKOU: "in_review"}
    with pytest.raises(IllegalMove, match="received"):  # not reviewed yet (main() prints it in one line, exit 2)
        backoffice_main([*admin, "advance", case.case_uuid, "approved", "--matter", CERT])
    assert backoffice_main([*admin, "advance", case.case_uuid, "in_review"]) == 0  # every matter that may
    assert _server_matters(server, case.case_uuid) == dict.fromkeys(THREE, "in_review")
