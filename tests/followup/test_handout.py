"""一窗出件: pickup list, SMS, identity check, delivered event reaching the real back office once."""

from __future__ import annotations

import json
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer
from clerk.handout import AgentInfo, HandoutError, HandoutService, IdentityMismatch, NotReady
from clerk.intake.model import CaseStatus
from clerk.intake.service import CaseNotFound
from clerk.sms import LogSmsGateway, read_journal
from clerk.store.models import OutboxRow
from tests.helpers.followup import (
    accepted_case,
    actor,
    api_status,
    login_engine,
    server_events,
    set_case_status,
)


def _events(ctx: Any, case_uuid: str) -> list[dict[str, Any]]:
    with ctx.store.read() as s:
        return [r.payload for r in s.query(OutboxRow).filter_by(case_uuid=case_uuid, kind="event").all()]


def test_handout_refuses_wrong_id_accepts_right_one_delivered_once(ctx: Any, people: Any,
                                                                   server: EmbeddedServer) -> None:
    engine = login_engine(ctx, server)
    first = accepted_case(ctx, people)
    second = accepted_case(ctx, people)
    assert engine.run_once(catalog=False).pushed == 2
    for case in (first, second):
        for status in ("in_review", "approved", "ready_for_pickup"):
            server.advance(case.case_uuid, status)
    engine.run_once(catalog=False)
    svc = HandoutService(ctx)
    ready = svc.pickup_list()
    assert [i.case_uuid for i in ready] == [first.case_uuid, second.case_uuid]
    assert "*" in ready[0].applicant_phone and ready[0].status is CaseStatus.READY_FOR_PICKUP

    # the applicant is told by SMS (log-only gateway: masked phone, message, journal)
    record = svc.notify_applicant(first.case_uuid)
    assert record.phone != first.applicant.phone and record.phone[-4:] == first.applicant.phone[-4:]
    assert first.case_no in record.message
    journal = read_journal(ctx.paths.data_dir / "sms.jsonl")
    assert [r.case_uuid for r in journal] == [first.case_uuid]
    assert first.applicant.phone not in (ctx.paths.data_dir / "sms.jsonl").read_text(encoding="utf-8")
    assert svc.pickup_list()[0].notified_at is not None

    # the barcode (case number) and the ID number both open the case
    assert [v.case_uuid for v in svc.find_for_handout(f" {first.case_no} ")] == [first.case_uuid]
    assert svc.find_for_handout(first.applicant.id_number.lower())[0].case_uuid == first.case_uuid
    with pytest.raises(CaseNotFound):
        svc.find_for_handout("230102-00000000-W99-9999")

    clerk = actor()
    wrong = second.applicant.id_number
    with pytest.raises(IdentityMismatch, match="证件号码与申请人不一致"):
        svc.hand_over(clerk, first.case_uuid, wrong)
    with pytest.raises(IdentityMismatch, match="授权委托书"):
        svc.hand_over(clerk, first.case_uuid, wrong, agent=AgentInfo("代领人", wrong, power_of_attorney=False))
    with pytest.raises(IdentityMismatch, match="代领人不一致"):
        svc.hand_over(clerk, first.case_uuid, wrong, agent=AgentInfo("代领人", first.applicant.id_number, True))
    assert ctx.intake.get(first.case_uuid).status is CaseStatus.READY_FOR_PICKUP
    assert _events(ctx, first.case_uuid) == []

    done = svc.hand_over(clerk, first.case_uuid, first.applicant.id_number.lower())
    assert done.received_by == "applicant" and done.method == "window" and done.operator == "clerk01"
    assert ctx.intake.get(first.case_uuid).status is CaseStatus.DELIVERED
    assert svc.handover_record(first.case_uuid) == done
    from clerk.security import audit

    with ctx.store.read() as s:
        entries = [e for e in s.query(audit.AuditRow).all() if e.case_uuid == first.case_uuid]
    assert [e.action for e in entries][-1] == "handout" and entries[-1].operator == "clerk01"
    assert audit.verify_store(ctx.store).problem is None
    queued = _events(ctx, first.case_uuid)
    every = [m.code for m in first.matters]
    assert done.matters == tuple(every)  # every matter was ready: all handed over, the case complete
    assert queued == [{"event_uuid": done.event_uuid, "type": "delivered", "at": done.at.isoformat(), "method": "window",
                       "matters": every, "completes_case": True}]
    from clerk.sync.outbox import wire_event

    assert wire_event(queued[0], v11=False) == {  # what a v1 platform gets: the contract's event exactly
        "event_uuid": done.event_uuid, "type": "delivered", "at": done.at.isoformat(), "method": "window"}
    with pytest.raises(NotReady):
        svc.hand_over(clerk, first.case_uuid, first.applicant.id_number)

    # an agent with a power of attorney collects the second case
    agent_id = people.person()["id_number"]
    by_agent = svc.hand_over(clerk, second.case_uuid, agent_id, agent=AgentInfo("张代领", agent_id, True))
    assert by_agent.received_by == "agent" and by_agent.power_of_attorney and agent_id not in json.dumps(by_agent.to_json())
    assert svc.pickup_list() == []

    engine.run_once(catalog=False)
    engine.run_once(catalog=False)
    for case in (first, second):
        assert api_status(server, case.case_uuid) == "delivered"
        assert [e["type"] for e in server_events(server, case.case_uuid)] == ["delivered"]
    assert ctx.intake.get(first.case_uuid).status is CaseStatus.DELIVERED
    assert engine.list_problems() == []


def test_post_handout_needs_tracking_number_kept_locally(ctx: Any, people: Any) -> None:
    case = accepted_case(ctx, people)
    with ctx.store.write() as s:
        from clerk.store.models import CaseRow

        row = s.get(CaseRow, case.case_uuid)
        assert row is not None
        set_case_status(row, CaseStatus.APPROVED)
    sent = LogSmsGateway()
    svc = HandoutService(ctx, sms=sent)
    svc.notify_applicant(case.case_uuid)
    assert len(sent.sent) == 1 and not (ctx.paths.data_dir / "sms.jsonl").exists()
    with pytest.raises(HandoutError, match="邮件单号"):
        svc.hand_over(actor(), case.case_uuid, "", method="post")
    with pytest.raises(PermissionError):
        svc.hand_over(actor("field01"), case.case_uuid, case.applicant.id_number)
    done = svc.hand_over(actor(), case.case_uuid, "", method="post", tracking_no=" SF1234567890 ")
    assert done.received_by == "post" and done.tracking_no == "SF1234567890"
    event = _events(ctx, case.case_uuid)[0]
    assert event["method"] == "post" and event["waybill_no"] == "SF1234567890"  # API 1.1: the EMS waybill
    from clerk.sync.outbox import wire_event

    assert "waybill_no" not in (wire_event(event, v11=False) or {})  # a v1 platform does not take it
    assert svc.handover_record(case.case_uuid) == done
