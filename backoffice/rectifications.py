"""差评整改 (1.1): a score of 1 or 2 opens a rectification item for the hall; one evaluation per visit;
the applicant's later evaluation (补充评价) through the receipt's QR code, accepted once and linked.

States (``TRANSITIONS``): ``open`` → ``called_back`` (回访: who, when, what the applicant said) →
``rectified`` (整改结果) → ``closed`` (with the applicant's re-evaluation, 1..5). From any of the first
three an ``appeal`` (申诉: the evaluation was mistaken) makes it ``appealed``; a supervisor decides it
with a reason: upheld → ``voided`` (the 差评 no longer counts), rejected → back where it was. An item
not closed or voided after its due date (15 working days of the hall calendar) is ``overdue``.

Supervisors (``rectification.handle``) see and work every item of their hall; a clerk reads the
items about their own evaluations (``rectification.read``) and may appeal them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice import authz, hall
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, canonical_json, get_ctx
from backoffice.db import Case, Evaluation
from backoffice.documents import EvaluationDocument, UUIDText, _Doc
from backoffice.errors import ApiError, invalid
from backoffice.limits import parse_body
from backoffice.loops_db import EvaluationLink, Rectification

router = APIRouter()
LOW_SCORE_MAX = 2
DUE_WORKING_DAYS = 15
STATES = ("open", "called_back", "rectified", "closed", "appealed", "voided")
FINAL = ("closed", "voided")
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "callback": (("open", "called_back"), "called_back"),
    "rectify": (("called_back", "rectified"), "rectified"),
    "close": (("rectified",), "closed"),
    "appeal": (("open", "called_back", "rectified"), "appealed"),
    "decide": (("appealed",), ""),  # voided or back to appeal_from
}


class CallbackBody(_Doc):
    said: str = Field(min_length=1, max_length=2000)
    """What the applicant said on the callback (回访)."""
    at: dt.datetime | None = None


class NoteBody(_Doc):
    result: str = Field(min_length=2, max_length=2000)


class CloseBody(_Doc):
    score: int = Field(ge=1, le=5)
    """The applicant's re-evaluation after the rectification."""
    note: str = Field(default="", max_length=2000)


class AppealBody(_Doc):
    reason: str = Field(min_length=2, max_length=2000)


class DecideBody(_Doc):
    upheld: bool
    reason: str = Field(min_length=2, max_length=2000)


class LaterEvaluation(_Doc):
    """The applicant's 补充评价 through the receipt's QR code (no login: the case UUID is the key)."""

    evaluation_uuid: UUIDText | None = None
    score: int = Field(ge=1, le=5)
    tags: list[str] = Field(default_factory=list, max_length=20)
    comment: str = Field(default="", max_length=2000)


def add_working_days(ctx: ServerContext, start: dt.date, days: int) -> dt.date:
    day = start
    for _ in range(days):
        day = hall.next_working_day(ctx, day)
    return day


def _already(what: str) -> ApiError:
    return ApiError(409, "already_evaluated", what)


def on_evaluation(ctx: ServerContext, s: Session, op: Operator | None, doc: EvaluationDocument, org: str) -> None:
    """Inside the evaluation's write: the link to its case (once per visit) and, for 1–2, the item."""
    supplements = doc.supplements
    case_no = doc.case_no or ""
    if doc.case_uuid is not None:
        case = s.get(Case, doc.case_uuid)
        if case is not None and not case_no:
            case_no = case.case_no
        same = s.scalars(select(EvaluationLink).where(EvaluationLink.case_uuid == doc.case_uuid)).all()
        if any(link.channel == doc.channel for link in same):
            raise _already("this case has already been evaluated" if doc.channel == "window"
                           else "this case already has its later evaluation (补充评价)")
        first = [link for link in same if link.channel == "window"]
        if doc.channel == "later" and first:
            supplements = first[0].evaluation_uuid
    now = ctx.now_ts()
    s.add(EvaluationLink(evaluation_uuid=doc.evaluation_uuid, org_code=org, case_uuid=doc.case_uuid,
                         case_no=case_no, channel=doc.channel, supplements=supplements,
                         matter_codes=json.dumps(doc.matter_codes, ensure_ascii=False),
                         reasons=json.dumps(doc.tags, ensure_ascii=False), score=doc.score, window=doc.window,
                         operator=doc.operator, at_ts=now))
    if doc.score > LOW_SCORE_MAX:
        return
    opened = hall.local(now).date()
    history = [{"at": ctx.iso(now), "by": op.username if op else "applicant", "action": "opened",
                "note": f"{doc.score} 分差评"}]
    s.add(Rectification(
        org_code=org, evaluation_uuid=doc.evaluation_uuid, case_uuid=doc.case_uuid, case_no=case_no,
        matter_codes=json.dumps(doc.matter_codes, ensure_ascii=False), score=doc.score,
        reasons=json.dumps(doc.tags, ensure_ascii=False), comment=_seal(ctx, doc.comment, doc.evaluation_uuid),
        operator=doc.operator, window=doc.window, opened_ts=now,
        due_date=add_working_days(ctx, opened, DUE_WORKING_DAYS).isoformat(), status="open",
        history=_seal(ctx, json.dumps(history, ensure_ascii=False), doc.evaluation_uuid + ":history"),
    ))


def _seal(ctx: ServerContext, text: str, key: str) -> str:
    return ctx.cipher.seal(text, "rectification:" + key)


def _open(ctx: ServerContext, stored: str, key: str) -> str:
    return ctx.cipher.open(stored, "rectification:" + key) if stored else ""


def overdue(ctx: ServerContext, r: Rectification) -> bool:
    return r.status not in FINAL and ctx.config.clock.today().isoformat() > r.due_date


def item_json(ctx: ServerContext, r: Rectification) -> dict[str, Any]:
    history = json.loads(_open(ctx, r.history, r.evaluation_uuid + ":history") or "[]")
    callback = next((h for h in reversed(history) if h["action"] == "callback"), None)
    result = next((h["note"] for h in reversed(history) if h["action"] == "rectify"), "")
    appeal = next((h for h in reversed(history) if h["action"] in ("appeal", "decide")), None)
    return {
        "id": r.id, "evaluation_uuid": r.evaluation_uuid, "case_uuid": r.case_uuid, "case_no": r.case_no,
        "matter_codes": json.loads(r.matter_codes), "score": r.score, "reasons": json.loads(r.reasons),
        "comment": _open(ctx, r.comment, r.evaluation_uuid), "operator": r.operator, "window": r.window,
        "opened_at": ctx.iso(r.opened_ts), "due_date": r.due_date, "status": r.status, "overdue": overdue(ctx, r),
        "callback": {"by": callback["by"], "at": callback.get("when") or callback["at"], "said": callback["note"]}
        if callback else None,
        "result": result, "re_score": r.re_score, "closed_at": ctx.iso(r.closed_ts) if r.closed_ts else None,
        "appeal": appeal, "history": history,
    }


def _visible(op: Operator, r: Rectification | None, rid: int) -> Rectification:
    if r is None or r.org_code != op.org_code:
        raise authz.hidden("rectification", f"rectification {rid}" + (f" of org {r.org_code}" if r else ""))
    if not authz.has(op, Perm.RECTIFY) and r.operator != op.username:
        raise authz.hidden("rectification", f"rectification {rid} is about {r.operator}, not {op.username}")
    return r


def list_items(ctx: ServerContext, op: Operator, status: str | None, only_open: bool,
               only_overdue: bool) -> dict[str, Any]:
    authz.require(op, Perm.RECTIFY_READ)
    if status is not None and status not in STATES:
        raise invalid({"status": f"one of {', '.join(STATES)}"})
    with ctx.db.read() as s:
        q = select(Rectification).where(Rectification.org_code == op.org_code)
        if not authz.has(op, Perm.RECTIFY):
            q = q.where(Rectification.operator == op.username)
        if status is not None:
            q = q.where(Rectification.status == status)
        if only_open:
            q = q.where(Rectification.status.not_in(FINAL))
        items = [item_json(ctx, r) for r in s.scalars(q.order_by(Rectification.id))]
    if only_overdue:
        items = [i for i in items if i["overdue"]]
    return {"items": items}


@router.get("/api/v1/rectifications")
async def get_items(request: Request, op: CurrentOperator, status: str | None = None, open: str = "",
                    overdue: str = "") -> dict[str, Any]:
    return await run_in_threadpool(list_items, get_ctx(request), op, status, open in ("1", "true"),
                                   overdue in ("1", "true"))


def read_item(ctx: ServerContext, op: Operator, rid: int) -> dict[str, Any]:
    authz.require(op, Perm.RECTIFY_READ)
    with ctx.db.read() as s:
        return item_json(ctx, _visible(op, s.get(Rectification, rid), rid))


@router.get("/api/v1/rectifications/{rid}")
async def get_item(rid: int, request: Request, op: CurrentOperator) -> dict[str, Any]:
    _check_id(rid)
    return await run_in_threadpool(read_item, get_ctx(request), op, rid)


def _check_id(rid: int) -> None:
    if not 1 <= rid < 2**62:
        raise invalid({"id": "not an item of this server"})


BODIES: dict[str, type[_Doc]] = {"callback": CallbackBody, "rectify": NoteBody, "close": CloseBody,
                                 "appeal": AppealBody, "decide": DecideBody}


def act(ctx: ServerContext, op: Operator, rid: int, action: str, raw: bytes) -> dict[str, Any]:
    if action not in TRANSITIONS:
        raise ApiError(404, "not_found", f"no action {action!r} (callback, rectify, close, appeal, decide)")
    authz.require(op, Perm.RECTIFY_READ)
    if action != "appeal":
        authz.require(op, Perm.RECTIFY)
    body = parse_body(BODIES[action], raw)
    with ctx.db.write() as s:
        r = _visible(op, s.get(Rectification, rid), rid)
        allowed, target = TRANSITIONS[action]
        if r.status not in allowed:
            raise ApiError(409, "invalid_transition", f"{action} is not possible on an item that is {r.status}")
        now = ctx.now_ts()
        note = ""
        entry: dict[str, Any] = {"at": ctx.iso(now), "by": op.username, "action": action}
        if isinstance(body, CallbackBody):
            note = body.said
            if body.at is not None:
                entry["when"] = body.at.isoformat()
        elif isinstance(body, NoteBody):
            note = body.result
        elif isinstance(body, CloseBody):
            note, r.re_score, r.closed_ts = body.note, body.score, now
            entry["score"] = body.score
        elif isinstance(body, AppealBody):
            note, r.appeal_from = body.reason, r.status
        elif isinstance(body, DecideBody):
            note = body.reason
            entry["upheld"] = body.upheld
            target = "voided" if body.upheld else (r.appeal_from or "open")
            if body.upheld:
                r.closed_ts = now
        entry["note"] = note
        history = json.loads(_open(ctx, r.history, r.evaluation_uuid + ":history") or "[]")
        history.append(entry)
        r.history = _seal(ctx, json.dumps(history, ensure_ascii=False), r.evaluation_uuid + ":history")
        r.status = target
        s.flush()
        out = item_json(ctx, r)
    authz.record(ctx, username=op.username, org_code=op.org_code, roles=op.roles, action=f"rectification.{action}",
                 target=str(rid), outcome="done", status=200, reason=note[:200])
    return out


@router.post("/api/v1/rectifications/{rid}/{action}")
async def post_action(rid: int, action: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    _check_id(rid)
    raw = await request.body()
    return await run_in_threadpool(act, get_ctx(request), op, rid, action, raw)


def later_evaluation(ctx: ServerContext, case_uuid: str, raw: bytes) -> tuple[int, dict[str, Any]]:
    """补充评价 by the applicant (no login): once per case, linked to the window's evaluation."""
    from backoffice.documents import canonical_uuid

    body = parse_body(LaterEvaluation, raw)
    try:
        case_uuid = canonical_uuid(case_uuid)
    except ValueError:
        raise ApiError(404, "unknown_case", "no such case") from None
    key = body.evaluation_uuid or str(uuid.uuid4())
    with ctx.db.write() as s:
        case = s.get(Case, case_uuid)
        if case is None:
            raise ApiError(404, "unknown_case", "no such case")
        existing = s.get(Evaluation, key)
        if existing is not None:
            return 200, {"evaluation_uuid": key, "status": "recorded"}
        doc = EvaluationDocument.model_validate({
            "evaluation_uuid": key, "case_uuid": case_uuid, "window": case.window or "-", "operator": case.operator,
            "score": body.score, "tags": body.tags, "comment": body.comment, "case_no": case.case_no,
            "at": ctx.config.clock.now(), "channel": "later"}, strict=False)
        text = canonical_json(doc.model_dump(mode="json"))
        on_evaluation(ctx, s, None, doc, case.org_code)
        s.add(Evaluation(evaluation_uuid=key, doc_hash=hashlib.sha256(text.encode()).hexdigest(),
                         document=ctx.cipher.seal(text, "evaluation:" + key), score=doc.score, window=doc.window,
                         created_ts=ctx.now_ts(), operator=case.operator, org_code=case.org_code))
        s.flush()
        link = s.get(EvaluationLink, key)
        return 201, {"evaluation_uuid": key, "status": "recorded", "supplements": link.supplements if link else None}


@router.post("/api/v1/public/evaluations/{case_uuid}")
async def post_later(case_uuid: str, request: Request) -> JSONResponse:
    raw = await request.body()
    status, body = await run_in_threadpool(later_evaluation, get_ctx(request), case_uuid, raw)
    return JSONResponse(body, status_code=status)
