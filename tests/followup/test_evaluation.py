"""好差评: validation, the low-score event, the evaluation reaching the back office once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backoffice.cases import evaluation_document
from backoffice.db import Evaluation
from backoffice.embedded import EmbeddedServer
from clerk import clock
from clerk.evaluation import EvaluationService
from clerk.events import LowScoreReceived
from clerk.intake.validation import ValidationFailed
from tests.helpers.followup import accepted_case, login_engine


def test_evaluation_reaches_the_server_once(ctx: Any, people: Any, server: EmbeddedServer) -> None:
    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people)
    lows: list[Any] = []
    ctx.events.subscribe(LowScoreReceived, lambda e: lows.append(e.evaluation))
    svc = EvaluationService(ctx)
    start = clock.now() - dt.timedelta(seconds=1)
    good = svc.record(5, ["服务热情"], "很快", window="W03", operator="clerk01", ticket_no="A012")
    with pytest.raises(ValidationFailed, match="comment.*U\\+0000"):  # a control character is refused, not dropped
        svc.record(2, ["办理时间长"], "跑了\x00三次", case_uuid=case.case_uuid, window="W03", operator="clerk01")
    bad = svc.record(2, ["办理时间长", "办理时间长", "多次跑动"], "  跑了三次 ", case_uuid=case.case_uuid,
                     window="W03", operator="clerk01")
    assert [e.evaluation_uuid for e in lows] == [bad.evaluation_uuid] and not good.low
    # v1 labels are taken as aliases and stored by the declared content's codes (GB/T 39734-2020)
    assert bad.tags == ("over_time_limit", "repeat_trips") and bad.comment == "跑了三次" and bad.case_no == case.case_no
    assert [e.evaluation_uuid for e in svc.low_scores(start)] == [bad.evaluation_uuid]
    assert svc.low_scores(clock.now() + dt.timedelta(seconds=5)) == []

    engine.run_once(catalog=False)
    engine.run_once(catalog=False)
    with server.ctx.db.read() as s:
        stored = {e.evaluation_uuid: evaluation_document(server.ctx, e) for e in s.query(Evaluation).all()}
    assert set(stored) == {good.evaluation_uuid, bad.evaluation_uuid}
    assert stored[bad.evaluation_uuid]["score"] == 2 and stored[bad.evaluation_uuid]["case_uuid"] == case.case_uuid
    assert stored[good.evaluation_uuid]["ticket_no"] == "A012"
    assert all(e.sent for e in svc.recorded())
    assert engine.list_problems() == []


@pytest.mark.parametrize(("score", "tags", "comment", "field"), [
    (0, [], "", "score"),
    (6, [], "", "score"),
    (True, [], "", "score"),
    (1, [], "", "tags"),  # a low score needs a reason
    (2, ["服务热情"], "", "tags"),  # praise is no reason for a low score
    (4, ["态度不好"], "", "tags"),
    (3, [], "字" * 501, "comment"),
])
def test_evaluation_validation(ctx: Any, score: Any, tags: list[str], comment: str, field: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        EvaluationService(ctx).record(score, tags, comment, window="W03", operator="clerk01")
    assert field in err.value.problems
    assert EvaluationService(ctx).recorded() == []
