"""好差评 → 差评整改 through the real back office: a 差评 on one workstation is seen by a supervisor
on another; callback, result, re-evaluation, closed; overdue after 15 working days (pinned clock);
one evaluation per visit, the applicant's 补充评价 once and linked; the appeal path."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import requests

from backoffice.config import HALL_TZ
from backoffice.db import Evaluation
from backoffice.embedded import EmbeddedServer
from backoffice.loops_db import EvaluationLink
from clerk.evaluation import load_content
from clerk.intake.validation import ValidationFailed
from clerk.loops import LoopsError
from tests.helpers.loops import accepted, cli, hall, login


def supervisor(workstation: Any, server: EmbeddedServer) -> Any:
    b = workstation("sup")
    login(b, server, "sup01")
    return hall(b)


def _sync(engine: Any) -> None:
    """One pass: the case and its evaluation reach the platform (nothing parked)."""
    engine.run_once(catalog=False)
    assert [p.error for p in engine.list_problems()] == []


def test_declared_content_follows_the_standard() -> None:
    content = load_content()
    assert content.standard == "GB/T 39734-2020" and content.version
    assert content.levels == {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
    codes = [o.code for o in content.reasons]
    assert len(codes) == len(set(codes)) and {"not_told_at_once", "repeat_trips", "poor_attitude"} <= set(codes)
    assert content.resolve(1, "态度不好") == "poor_attitude"  # a v1 label is an alias
    assert content.resolve(5, "态度不好") is None  # a reason is no praise
    listed = content.as_json()
    assert {"code": "wait_too_long", "label": "排队等候时间过长", "for_scores": [1, 2], "dimension": "efficiency"} in listed


def test_cli_lists_reasons_as_json(data_dir: Any) -> None:
    r = cli(data_dir, "evaluate", "--reasons", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert all(set(row) >= {"code", "label", "for_scores"} for row in rows)
    assert [row["code"] for row in rows if 1 in row["for_scores"]] == [o.code for o in load_content().reasons]


def test_bad_score_seen_hall_wide_and_closed(hall_server: EmbeddedServer, workstation: Any, people: Any,
                                             tmp_path: Any) -> None:
    a = workstation("a")  # clerk01's window PC
    case = accepted(a, people)
    engine = login(a, hall_server, "clerk01")
    rec = a.evaluation.record_for_case(case.case_no, 1, ["poor_attitude", "未一次性告知所需材料"], "说话很冲")
    assert rec.tags == ("poor_attitude", "not_told_at_once") and rec.operator == "clerk01" and rec.window == "W03"
    assert rec.case_no == case.case_no
    with a.store.read() as s:  # the matters' national codes travel with the evaluation
        from sqlalchemy import select

        from clerk.store.models import CaseMatterRow
        national = [c for c in s.scalars(select(CaseMatterRow.national_code).where(
            CaseMatterRow.case_uuid == case.case_uuid).order_by(CaseMatterRow.position)) if c]
    assert national and list(rec.matter_codes) == national
    with pytest.raises(ValidationFailed, match="本次已评价"):  # one evaluation per visit
        a.evaluation.record_for_case(case.case_no, 5)
    _sync(engine)
    _sync(engine)  # a replay of a sent evaluation changes nothing

    sup = supervisor(workstation, hall_server)
    [item] = sup.rectifications(open_only=True)
    assert item["case_no"] == case.case_no and item["score"] == 1 and item["status"] == "open"
    assert item["reasons"] == ["poor_attitude", "not_told_at_once"] and item["matter_codes"] == national
    assert item["operator"] == "clerk01" and item["comment"] == "说话很冲" and not item["overdue"]
    opened = dt.date.fromisoformat(item["opened_at"][:10])
    cal = a.intake.calendar
    assert item["due_date"] == cal.add_working_days(opened, 15).isoformat()

    with pytest.raises(LoopsError, match="状态不允许"):  # no result before the callback
        sup.rectification_action(item["id"], "rectify", result="已批评教育")
    sup.rectification_action(item["id"], "callback", said="申请人说窗口人员语气生硬")
    sup.rectification_action(item["id"], "rectify", result="对窗口人员批评教育，补发一次性告知单")
    done = sup.rectification_action(item["id"], "close", score=4, note="申请人表示满意")
    assert done["status"] == "closed" and done["re_score"] == 4 and done["closed_at"]
    assert done["callback"]["by"] == "sup01" and done["callback"]["said"] == "申请人说窗口人员语气生硬"
    assert done["result"] == "对窗口人员批评教育，补发一次性告知单"
    assert [h["action"] for h in done["history"]] == ["opened", "callback", "rectify", "close"]
    assert sup.rectifications(open_only=True) == []
    # the clerk sees the items about them, through the CLI of their workstation
    a.close()
    r = cli(tmp_path / "ws-a", "rectification", "list", "--json")
    assert r.returncode == 0, r.stderr
    assert [(i["case_no"], i["score"], i["status"]) for i in json.loads(r.stdout)] == [(case.case_no, 1, "closed")]
    assert set(json.loads(r.stdout)[0]) >= {"id", "case_no", "score", "due_date", "status"}


def test_overdue_after_fifteen_working_days(hall_server: EmbeddedServer, workstation: Any, people: Any,
                                            pin_clocks: Any) -> None:
    pin_clocks(dt.datetime(2026, 12, 1, 10, 0, tzinfo=HALL_TZ))  # a Tuesday
    a = workstation("a")
    case = accepted(a, people)
    engine = login(a, hall_server, "clerk01")
    a.evaluation.record_for_case(case.case_no, 2, ["wait_too_long"])
    _sync(engine)
    sup = supervisor(workstation, hall_server)
    [item] = sup.rectifications()
    assert item["due_date"] == "2026-12-22"  # 15 working days: Dec 2..22 (no holiday in between)
    pin_clocks(dt.datetime(2026, 12, 22, 17, 0, tzinfo=HALL_TZ))
    assert not sup.rectification(item["id"])["overdue"] and sup.rectifications(overdue_only=True) == []
    pin_clocks(dt.datetime(2026, 12, 23, 9, 0, tzinfo=HALL_TZ))
    assert sup.rectification(item["id"])["overdue"]
    assert [i["id"] for i in sup.rectifications(overdue_only=True)] == [item["id"]]


def test_appeal_decided_by_a_supervisor(hall_server: EmbeddedServer, workstation: Any, people: Any) -> None:
    a = workstation("a")
    first, second = accepted(a, people), accepted(a, people)
    engine = login(a, hall_server, "clerk01")
    a.evaluation.record_for_case(first.case_no, 1, ["improper_conduct"])
    a.evaluation.record_for_case(second.case_no, 2, ["other"], "点错了")
    _sync(engine)
    clerk = hall(a)
    one, two = sorted(clerk.rectifications(), key=lambda i: i["case_no"] != first.case_no)
    with pytest.raises(LoopsError, match="无权"):  # a clerk appeals, but does not decide or rectify
        clerk.rectification_action(one["id"], "callback", said="申请人说没问题")
    clerk.rectification_action(one["id"], "appeal", reason="申请人误点差评，已当场说明")
    clerk.rectification_action(two["id"], "appeal", reason="申请人误操作")
    sup = supervisor(workstation, hall_server)
    upheld = sup.rectification_action(two["id"], "decide", upheld=True, reason="监控与回访确认误操作")
    assert upheld["status"] == "voided" and upheld["appeal"]["upheld"] is True
    back = sup.rectification_action(one["id"], "decide", upheld=False, reason="回访申请人坚持差评")
    assert back["status"] == "open" and back["appeal"]["note"] == "回访申请人坚持差评"
    with pytest.raises(LoopsError, match="理由"):  # a decision needs its reason
        sup.rectification_action(one["id"], "appeal", reason=" ")
    assert [i["id"] for i in sup.rectifications(open_only=True)] == [one["id"]]


def test_later_evaluation_once_and_linked(hall_server: EmbeddedServer) -> None:
    from tests.backoffice.test_bo_authz import case_doc, evaluation
    from tests.helpers.backoffice import Api

    api = Api(hall_server, "clerk01")
    case = case_doc()
    assert api.post("/api/v1/cases", json=case, headers={"Idempotency-Key": case["case_uuid"]}).status_code == 201
    first = {**evaluation(case_uuid=case["case_uuid"]), "score": 5, "tags": ["warm_service"]}
    assert api.post("/api/v1/evaluations", json=first, headers={"Idempotency-Key": first["evaluation_uuid"]}
                    ).status_code == 201
    second = evaluation(case_uuid=case["case_uuid"])  # another window evaluation of the same visit
    r = api.post("/api/v1/evaluations", json=second, headers={"Idempotency-Key": second["evaluation_uuid"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_evaluated"
    url = f"{hall_server.url}/api/v1/public/evaluations/{case['case_uuid']}"  # the receipt's QR code, no login
    r = requests.post(url, json={"score": 2, "tags": ["over_time_limit"], "comment": "后来超期了"}, timeout=10)
    assert r.status_code == 201, r.text
    assert r.json()["supplements"] == first["evaluation_uuid"]
    again = requests.post(url, json={"score": 1, "tags": ["over_time_limit"]}, timeout=10)
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_evaluated"
    unknown = requests.post(f"{hall_server.url}/api/v1/public/evaluations/{'0' * 8}-0000-4000-8000-{'0' * 12}",
                            json={"score": 5}, timeout=10)
    assert unknown.status_code == 404
    with hall_server.ctx.db.read() as s:
        links = {x.channel: x for x in s.query(EvaluationLink).filter_by(case_uuid=case["case_uuid"])}
        assert s.query(Evaluation).count() == 2
    assert links["later"].supplements == first["evaluation_uuid"] and links["later"].case_no == case["case_no"]
    [item] = Api(hall_server, "sup01").get("/api/v1/rectifications").json()["items"]
    # the later 差评 opens its item for the clerk who took the case in
    assert (item["score"], item["operator"], item["case_no"]) == (2, "clerk01", case["case_no"])


def test_window_later_evaluation_is_linked_locally(workstation: Any, people: Any) -> None:
    a = workstation("a")
    case = accepted(a, people)
    first = a.evaluation.record_for_case(case.case_no, 4)
    later = a.evaluation.record_for_case(case.case_no, 2, ["repeat_trips"], later=True)
    assert later.channel == "later" and later.supplements == first.evaluation_uuid
    with pytest.raises(ValidationFailed, match="补充评价"):  # accepted once
        a.evaluation.record_for_case(case.case_no, 1, ["repeat_trips"], later=True)
    sent = {r.evaluation_uuid: r for r in a.evaluation.recorded()}
    assert sent[later.evaluation_uuid].supplements == first.evaluation_uuid


def test_v1_evaluation_still_accepted(hall_server: EmbeddedServer) -> None:
    """A v1 peer's evaluation (no 1.1 fields, free v1 tags) is recorded, and a 差评 still opens an item."""
    import uuid

    from tests.helpers.backoffice import Api

    api = Api(hall_server, "clerk01")
    doc = {"evaluation_uuid": str(uuid.uuid4()), "window": "W03", "operator": "clerk01", "score": 1,
           "tags": ["态度不好"], "comment": "", "at": "2026-12-01T10:00:00+08:00"}
    r = api.post("/api/v1/evaluations", json=doc, headers={"Idempotency-Key": doc["evaluation_uuid"]})
    assert r.status_code == 201, r.text
    again = api.post("/api/v1/evaluations", json=doc, headers={"Idempotency-Key": doc["evaluation_uuid"]})
    assert again.status_code == 200
    items = Api(hall_server, "sup01").get("/api/v1/rectifications").json()["items"]
    assert [(i["evaluation_uuid"], i["reasons"], i["case_no"]) for i in items] == [(doc["evaluation_uuid"],
                                                                                   ["态度不好"], "")]
