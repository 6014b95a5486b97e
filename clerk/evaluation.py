"""好差评 — the applicant's evaluation of the service, queued for the platform in one transaction.

    svc = EvaluationService(ctx)
    svc.record(1, ["poor_attitude"], "等了很久", case_uuid=…, window="W03", operator="clerk01")
    svc.record_for_case("230102-20261201-W03-0001", 2, ["wait_too_long"])   # the CLI's path
    svc.low_scores(since)          # for the supervisor
    ctx.events.subscribe(LowScoreReceived, handler)   # handler(event); event.evaluation: EvaluationRecord

Scores run 1 (非常不满意) to 5 (非常满意); 1 and 2 are low (差评) and need at least one reason from the
declared content (``load_content()``: GB/T 39734-2020 差评 content, ``clerk/evaluation_content.yaml``);
higher scores take praise options. A reason is given by its code, its label or a v1 label (alias);
it is stored by its code. The comment is cleaned of control characters and may be 500 characters.

One evaluation per visit: a case is evaluated once at the window; a later evaluation (补充评价, the
receipt's QR code or the window later) is accepted once and linked to the first (``supplements``).
The document carries the case number (办件编号) and the matters' national codes (1.1 fields).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from clerk import clock
from clerk.events import EvaluationRecorded, EventBus, LowScoreReceived
from clerk.intake.validation import ValidationFailed, check_text
from clerk.store import Store
from clerk.store.models import CaseMatterRow, CaseRow, OutboxRow
from clerk.sync.outbox import queue_evaluation

LOW_SCORE_MAX = 2
COMMENT_MAX = 500
CONTENT_FILE = Path(__file__).with_name("evaluation_content.yaml")


class ContentOption(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^[a-z][a-z0-9_]{1,40}$")
    label: str = Field(min_length=1, max_length=50)
    dimension: str
    aliases: tuple[str, ...] = ()


class EvaluationContent(BaseModel):
    """The declared 评价内容: levels, dimensions, 差评 reasons and praise options, with a version."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    standard: str
    levels: dict[int, str]
    dimensions: tuple[dict[str, str], ...]
    reasons: tuple[ContentOption, ...]
    praise: tuple[ContentOption, ...]

    def options_for(self, score: int) -> tuple[ContentOption, ...]:
        return self.reasons if score <= LOW_SCORE_MAX else self.praise

    def resolve(self, score: int, given: str) -> str | None:
        """The code of an option given by code, label or alias (None: not an option for that score)."""
        for o in self.options_for(score):
            if given in (o.code, o.label, *o.aliases):
                return o.code
        return None

    def label(self, code: str) -> str:
        for o in (*self.reasons, *self.praise):
            if o.code == code:
                return o.label
        return code

    def as_json(self) -> list[dict[str, Any]]:
        """``[{"code", "label", "for_scores", "dimension"}]`` (``python -m clerk evaluate --reasons --json``)."""
        low = [s for s in sorted(self.levels) if s <= LOW_SCORE_MAX]
        high = [s for s in sorted(self.levels) if s > LOW_SCORE_MAX]
        return ([{"code": o.code, "label": o.label, "for_scores": low, "dimension": o.dimension} for o in self.reasons]
                + [{"code": o.code, "label": o.label, "for_scores": high, "dimension": o.dimension}
                   for o in self.praise])


@functools.cache
def load_content(path: Path = CONTENT_FILE) -> EvaluationContent:
    with path.open(encoding="utf-8") as f:
        return EvaluationContent.model_validate(yaml.safe_load(f))


REASON_TAGS: tuple[str, ...] = tuple(o.label for o in load_content().reasons)
"""Labels of the reasons an applicant may pick for a low score (差评内容), in declared order."""

PRAISE_TAGS: tuple[str, ...] = tuple(o.label for o in load_content().praise)

SCORE_LABELS = dict(sorted(load_content().levels.items()))


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
    matter_codes: tuple[str, ...] = ()
    channel: str = "window"
    """``window`` (at the visit) or ``later`` (补充评价, linked to the first by ``supplements``)."""
    supplements: str | None = None

    @property
    def low(self) -> bool:
        return self.score <= LOW_SCORE_MAX


def validate(score: Any, tags: Sequence[str], comment: str, window: str, operator: str) -> tuple[int, list[str], str]:
    """The cleaned (score, reason codes, comment); ``ValidationFailed`` with every problem at once."""
    problems: dict[str, str] = {}
    content = load_content()
    ok_score = isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5
    if not ok_score:
        problems["score"] = "评分应为 1 到 5 的整数"
    given = list(dict.fromkeys(t.strip() for t in tags if t and t.strip()))
    codes: list[str] = []
    if ok_score:
        unknown = []
        for t in given:
            code = content.resolve(score, t)
            if code is None:
                unknown.append(t)
            elif code not in codes:
                codes.append(code)
        allowed = "、".join(f"{o.code}={o.label}" for o in content.options_for(score))
        if unknown:
            problems["tags"] = f"不在可选范围内：{'、'.join(unknown)}（可选：{allowed}）"
        elif score <= LOW_SCORE_MAX and not codes:
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
    return int(score), codes, text


class EvaluationService:
    def __init__(self, ctx: EvaluationContext) -> None:
        self.ctx = ctx
        self.store = ctx.store

    def record(self, score: int, tags: Sequence[str] = (), comment: str = "", *, window: str, operator: str,
               case_uuid: str | None = None, ticket_no: str | None = None,
               evaluation_uuid: str | None = None, later: bool = False) -> EvaluationRecord:
        """Validates and queues one evaluation (its ``evaluation_uuid`` fixed now, sent once).

        A case is evaluated once per visit; ``later=True`` records the one 补充评价 of an evaluated
        case (or the first evaluation of one nobody evaluated at the window)."""
        score, clean_tags, text = validate(score, tags, comment, window, operator)
        ticket = (ticket_no or "").strip() or None
        if ticket is not None and len(ticket) > 16:
            raise ValidationFailed({"ticket_no": "票号太长"})
        key = evaluation_uuid or str(uuid.uuid4())
        now = clock.now()
        case_no = ""
        matter_codes: list[str] = []
        supplements: str | None = None
        with self.store.write() as s:
            if case_uuid:
                case = s.get(CaseRow, case_uuid)
                if case is None:
                    raise ValidationFailed({"case_uuid": "本机没有这个案件"})
                case_no = case.case_no
                ticket = ticket or case.ticket_no
                matter_codes = [c for c in s.scalars(select(CaseMatterRow.national_code)
                                                     .where(CaseMatterRow.case_uuid == case_uuid)
                                                     .order_by(CaseMatterRow.position)) if c]
                earlier = [r.payload for r in s.scalars(select(OutboxRow).where(
                    OutboxRow.kind == "evaluation", OutboxRow.case_uuid == case_uuid).order_by(OutboxRow.id))]
                if any(p.get("channel") == "later" for p in earlier):
                    raise ValidationFailed({"case_uuid": f"办件 {case_no} 已有补充评价，不能再次评价"})
                if earlier and not later:
                    raise ValidationFailed({"case_uuid": f"办件 {case_no} 本次已评价（每次办事评价一次；"
                                                         "补充评价请扫描回执二维码或用 --later）"})
                if earlier:
                    supplements = str(earlier[0]["evaluation_uuid"])
            extra: dict[str, Any] = {"content_version": load_content().version,
                                     "channel": "later" if later else "window"}
            if case_no:
                extra["case_no"] = case_no
            if matter_codes:
                extra["matter_codes"] = matter_codes
            if supplements:
                extra["supplements"] = supplements
            queue_evaluation(s, window=window.strip(), operator=operator.strip(), score=score, tags=clean_tags,
                             comment=text, case_uuid=case_uuid, ticket_no=ticket, at=now, evaluation_uuid=key,
                             extra=extra)
        rec = EvaluationRecord(key, score, tuple(clean_tags), text, now, window.strip(), operator.strip(), case_uuid,
                               ticket, case_no, False, tuple(matter_codes), extra["channel"], supplements)
        self.ctx.events.publish(EvaluationRecorded(rec))
        if rec.low:
            self.ctx.events.publish(LowScoreReceived(rec))
        return rec

    def record_for_case(self, case_no: str, score: int, tags: Sequence[str] = (), comment: str = "", *,
                        later: bool = False) -> EvaluationRecord:
        """The evaluation of a case by its number (办件编号), of the operator and window that took it in
        (``python -m clerk evaluate``: the same path as the evaluation window)."""
        with self.store.read() as s:
            case = s.scalars(select(CaseRow).where(CaseRow.case_no == case_no.strip())).first()
            if case is None:
                raise ValidationFailed({"case_no": f"本机没有办件 {case_no}"})
            if case.status in ("draft",):
                raise ValidationFailed({"case_no": f"办件 {case_no} 尚未受理，不能评价"})
            uuid_, window, operator = case.case_uuid, case.window, case.operator
        return self.record(score, tags, comment, window=window, operator=operator, case_uuid=uuid_, later=later)

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
                                        p.get("ticket_no"), case_no or p.get("case_no", ""), row.state == "done",
                                        tuple(p.get("matter_codes") or ()), p.get("channel", "window"),
                                        p.get("supplements")))
        return out

    def low_scores(self, since: dt.datetime | None = None) -> list[EvaluationRecord]:
        """差评 (score ≤ 2) since a moment, newest first: for the supervisor's follow-up."""
        return self.recorded(since, max_score=LOW_SCORE_MAX)
