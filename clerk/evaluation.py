"""好差评 — the applicant's evaluation of the service, queued for the platform in one transaction.

    svc = EvaluationService(ctx)
    svc.record(1, ["办理时间长"], "等了很久", case_uuid=…, window="W03", operator="clerk01")
    svc.low_scores(since)          # for the supervisor
    ctx.events.subscribe(LowScoreReceived, handler)   # handler(event); event.evaluation: EvaluationRecord

Scores run 1 (非常不满意) to 5 (非常满意); 1 and 2 are low (差评) and need at least one reason tag
from ``REASON_TAGS``; higher scores take tags from ``PRAISE_TAGS``. The comment is cleaned of control
characters and may be 500 characters at most.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select

from clerk import clock
from clerk.events import EvaluationRecorded, EventBus, LowScoreReceived
from clerk.intake.validation import ValidationFailed, check_text
from clerk.store import Store
from clerk.store.models import CaseRow, OutboxRow
from clerk.sync.outbox import queue_evaluation

LOW_SCORE_MAX = 2
COMMENT_MAX = 500

REASON_TAGS: tuple[str, ...] = (
    "办理时间长", "态度不好", "材料要求不清", "多次跑动", "系统故障", "等候时间长", "解释不清楚", "环境设施不便", "其他",
)
"""Reasons an applicant may pick for a low score (差评原因)."""

PRAISE_TAGS: tuple[str, ...] = ("办事效率高", "服务热情", "一次办成", "指引清楚", "环境舒适")

SCORE_LABELS = {1: "非常不满意", 2: "不满意", 3: "基本满意", 4: "满意", 5: "非常满意"}


class EvaluationContext(Protocol):
    store: Store
    events: EventBus


@dataclass(frozen=True)
class EvaluationRecord:
    evaluation_uuid: str
    score: int
    tags: tuple[str, ...]
    comment: str
    at: dt.datetime
    window: str
    operator: str
    case_uuid: str | None = None
    ticket_no: str | None = None
    case_no: str = ""
    sent: bool = False
    """True once the platform has confirmed it."""

    @property
    def low(self) -> bool:
        return self.score <= LOW_SCORE_MAX


def validate(score: Any, tags: Sequence[str], comment: str, window: str, operator: str) -> tuple[int, list[str], str]:
    """The cleaned (score, tags, comment); ``ValidationFailed`` with every problem at once."""
    problems: dict[str, str] = {}
    ok_score = isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5
    if not ok_score:
        problems["score"] = "评分应为 1 到 5 的整数"
    clean_tags = list(dict.fromkeys(t.strip() for t in tags if t and t.strip()))
    allowed = REASON_TAGS if ok_score and score <= LOW_SCORE_MAX else PRAISE_TAGS
    unknown = [t for t in clean_tags if t not in allowed]
    if ok_score and unknown:
        problems["tags"] = f"不在可选范围内：{'、'.join(unknown)}（可选：{'、'.join(allowed)}）"
    elif ok_score and score <= LOW_SCORE_MAX and not clean_tags:
        problems["tags"] = "差评须至少选择一个原因"
    text, problem = check_text(comment or "", max_length=COMMENT_MAX, multiline=True)
    if problem:
        problems["comment"] = f"意见{problem}"
    if not window.strip():
        problems["window"] = "缺少窗口号"
    if not operator.strip():
        problems["operator"] = "缺少经办人"
    if problems:
        raise ValidationFailed(problems)
    return int(score), clean_tags, text


class EvaluationService:
    def __init__(self, ctx: EvaluationContext) -> None:
        self.ctx = ctx
        self.store = ctx.store

    def record(self, score: int, tags: Sequence[str] = (), comment: str = "", *, window: str, operator: str,
               case_uuid: str | None = None, ticket_no: str | None = None,
               evaluation_uuid: str | None = None) -> EvaluationRecord:
        """Validates and queues one evaluation (its ``evaluation_uuid`` fixed now, sent once)."""
        score, clean_tags, text = validate(score, tags, comment, window, operator)
        ticket = (ticket_no or "").strip() or None
        if ticket is not None and len(ticket) > 16:
            raise ValidationFailed({"ticket_no": "票号太长"})
        key = evaluation_uuid or str(uuid.uuid4())
        now = clock.now()
        case_no = ""
        with self.store.write() as s:
            if case_uuid:
                case = s.get(CaseRow, case_uuid)
                if case is None:
                    raise ValidationFailed({"case_uuid": "本机没有这个案件"})
                case_no = case.case_no
                ticket = ticket or case.ticket_no
            queue_evaluation(s, window=window.strip(), operator=operator.strip(), score=score, tags=clean_tags,
                             comment=text, case_uuid=case_uuid, ticket_no=ticket, at=now, evaluation_uuid=key)
        rec = EvaluationRecord(key, score, tuple(clean_tags), text, now, window.strip(), operator.strip(), case_uuid,
                               ticket, case_no)
        self.ctx.events.publish(EvaluationRecorded(rec))
        if rec.low:
            self.ctx.events.publish(LowScoreReceived(rec))
        return rec

    def recorded(self, since: dt.datetime | None = None, *, max_score: int = 5) -> list[EvaluationRecord]:
        """Evaluations recorded on this workstation (newest first), from the outbox."""
        with self.store.read() as s:
            rows = s.execute(select(OutboxRow, CaseRow.case_no)
                             .outerjoin(CaseRow, CaseRow.case_uuid == OutboxRow.case_uuid)
                             .where(OutboxRow.kind == "evaluation").order_by(OutboxRow.id.desc())).all()
        out = []
        for row, case_no in rows:
            p = row.payload
            at = dt.datetime.fromisoformat(p["at"])
            if (since is not None and at < since) or int(p["score"]) > max_score:
                continue
            out.append(EvaluationRecord(p["evaluation_uuid"], int(p["score"]), tuple(p.get("tags") or ()),
                                        p.get("comment", ""), at, p["window"], p["operator"], p.get("case_uuid"),
                                        p.get("ticket_no"), case_no or "", row.state == "done"))
        return out

    def low_scores(self, since: dt.datetime | None = None) -> list[EvaluationRecord]:
        """差评 (score ≤ 2) since a moment, newest first: for the supervisor's follow-up."""
        return self.recorded(since, max_score=LOW_SCORE_MAX)
