"""Cases, case events, the case-updates feed and evaluations (好差评), each idempotent by its UUID."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, canonical_json, get_ctx
from backoffice.db import Blob, Case, CaseEvent, CaseFile, CaseMatter, CaseUpdate, Evaluation
from backoffice.documents import (
    CaseDocument,
    DeliveredEvent,
    EvaluationDocument,
    FileRef,
    MaterialStatus,
    SupplementEvent,
    canonical_uuid_or_none,
)
from backoffice.errors import ApiError, invalid
from backoffice.limits import parse_body
from backoffice.workflow import append_update, matter_json, matters_of, move

MAX_CURSOR = 2**63 - 1
CASE_NO = re.compile(r"^([0-9A-Za-z]{1,12})-(\d{8})-([0-9A-Za-z]{1,8})-(\d{1,9})$")
"""The workstation's case number ``{org}-{yyyymmdd}-{window}-{seq}``; other forms are not checked."""

router = APIRouter()
M = TypeVar("M", bound=BaseModel)


async def read_json_body(request: Request) -> bytes:
    """The request body (its size is capped while it is read, by ``limits.BodyLimit``)."""
    return await request.body()


def parse_document(model: type[M], raw: bytes) -> M:
    return parse_body(model, raw)


def check_key(key: str | None, expected: str, name: str) -> None:
    if not key:
        raise invalid({"Idempotency-Key": "the Idempotency-Key header is required"}, "Idempotency-Key missing")
    if key != expected and canonical_uuid_or_none(key) != expected:
        raise invalid({"Idempotency-Key": f"must equal {name}"}, f"Idempotency-Key does not match {name}")


def own_case(ctx: ServerContext, s: Session, op: Operator, case_uuid: str) -> Case:
    """The case if it is the operator's org's; 404 otherwise (another org's is audited, never hinted)."""
    canonical = canonical_uuid_or_none(case_uuid)
    case = s.get(Case, canonical) if canonical else None
    if case is None:
        raise ApiError(404, "unknown_case", "no such case")
    if case.org_code != op.org_code:
        raise authz.hidden("case", f"case {canonical} belongs to org {case.org_code}")
    return case


def case_document(ctx: ServerContext, case: Case) -> dict[str, Any]:
    """The stored case document, decrypted."""
    return dict(json.loads(ctx.cipher.open(case.document, "case:" + case.case_uuid)))


def event_document(ctx: ServerContext, event: CaseEvent) -> dict[str, Any]:
    return dict(json.loads(ctx.cipher.open(event.document, "event:" + event.event_uuid)))


def evaluation_document(ctx: ServerContext, evaluation: Evaluation) -> dict[str, Any]:
    return dict(json.loads(ctx.cipher.open(evaluation.document, "evaluation:" + evaluation.evaluation_uuid)))


def check_identity(op: Operator, operator: str, window: str | None) -> None:
    """The document's operator and window must be the token's (the server, not the client, decides)."""
    if operator != op.username:
        raise authz.mismatch("operator", f"must be the logged-in operator {op.username}, not {operator}")
    if window is None:
        if "field" not in op.roles:
            raise authz.mismatch("window", "a case taken at a window names that window (one of "
                                 f"{', '.join(op.windows) or 'no windows'})")
    elif window not in op.windows:
        raise authz.mismatch("window", f"window {window} is not one of {op.username}'s windows "
                             f"({', '.join(op.windows) or 'none'})")


V11_OPTIONAL = frozenset({"matters", "region", "waybill_no"})
"""API 1.1's optional document keys: left out of the stored text when absent, so a v1 document is
stored (and digested for idempotency) exactly as before 1.1."""


def doc_digest(doc: BaseModel) -> tuple[str, str]:
    data = doc.model_dump(mode="json")
    text = canonical_json({k: v for k, v in data.items() if not (k in V11_OPTIONAL and v is None)})
    return text, hashlib.sha256(text.encode()).hexdigest()


def missing_files(session: Session, case_uuid: str) -> list[str]:
    stored = select(Blob.sha256)
    rows = session.execute(
        select(CaseFile.sha256)
        .where(CaseFile.case_uuid == case_uuid, CaseFile.sha256.not_in(stored))
        .order_by(CaseFile.id)
    ).scalars()
    return list(dict.fromkeys(rows))


def _add_files(session: Session, case_uuid: str, material_code: str, files: list[FileRef]) -> None:
    known = set(session.execute(select(CaseFile.sha256).where(CaseFile.case_uuid == case_uuid)).scalars())
    for f in files:
        if f.sha256 in known:
            continue
        known.add(f.sha256)
        session.add(
            CaseFile(
                case_uuid=case_uuid, sha256=f.sha256, size=f.size, media_type=f.media_type, material_code=material_code
            )
        )


def case_reply(session: Session, case: Case) -> dict[str, Any]:
    reply: dict[str, Any] = {
        "case_uuid": case.case_uuid,
        "platform_case_id": case.platform_case_id,
        "status": "received",
        "missing_files": missing_files(session, case.case_uuid),
    }
    return _with_matters(session, case, reply)


def _with_matters(session: Session, case: Case, reply: dict[str, Any]) -> dict[str, Any]:
    """API 1.1: a case filed with matters also gives each matter's status (and its region)."""
    rows = matters_of(session, case)
    if rows:
        reply["matters"] = [matter_json(m) for m in rows]
    if case.handling_region:
        reply["region"] = {"handling": case.handling_region, "mode": "proxy" if case.proxy else "local"}
    return reply


def _v1_only(keys: set[str], situations: dict[str, Any] | None = None) -> None:
    """A server speaking version 1 for cases (``Config.matters`` False) refuses API 1.1's keys as the
    unknown fields they are in v1."""
    fields = {k: "extra inputs are not permitted" for k in sorted(keys)}
    for code, answer in (situations or {}).items():
        if isinstance(answer, list):
            fields[f"situations.{code}"] = "input should be a valid string"
    if fields:
        raise invalid(fields, "the document does not follow the contract")


def _conflict(what: str) -> ApiError:
    return ApiError(409, "idempotency_conflict", f"this key was already used with a different {what}")


def _check_case_no(op: Operator, doc: CaseDocument) -> None:
    m = CASE_NO.match(doc.case_no)
    if m is None:
        return
    org, _day, window, _seq = m.groups()
    if org != op.org_code:
        raise authz.mismatch("case_no", f"the case number is of org {org}, not of {op.username}'s org {op.org_code}")
    if doc.window is not None and window != doc.window:
        raise authz.mismatch("case_no", f"the case number names window {window}, the case window {doc.window}")


def create_case(ctx: ServerContext, op: Operator, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    authz.require(op, Perm.CASE_FILE)
    doc = parse_document(CaseDocument, raw)
    if not ctx.config.matters:
        _v1_only(doc.model_fields_set & {"matters", "region"}, doc.situations)
    check_key(key, doc.case_uuid, "case_uuid")
    check_identity(op, doc.operator, doc.window)
    _check_case_no(op, doc)
    text, digest = doc_digest(doc)
    for attempt in range(2):
        try:
            with ctx.db.write() as s:
                existing = s.get(Case, doc.case_uuid)
                if existing is not None:
                    if existing.org_code != op.org_code:
                        raise authz.Denied("this key was already used with a different case document", status=409,
                                           code="idempotency_conflict",
                                           reason=f"case {doc.case_uuid} belongs to org {existing.org_code}")
                    if existing.doc_hash != digest:
                        raise _conflict("case document")
                    return 200, case_reply(s, existing)
                taken = s.execute(select(Case.case_uuid).where(Case.org_code == op.org_code,
                                                               Case.case_no == doc.case_no)).scalar()
                if taken is not None:
                    raise ApiError(409, "case_no_taken", f"case number {doc.case_no} is already used by another case",
                                   {"case_no": "already used by another case of this org"})
                now = ctx.now_ts()
                case = Case(
                    case_uuid=doc.case_uuid,
                    platform_case_id="PF" + hashlib.sha256(doc.case_uuid.encode()).hexdigest()[:14].upper(),
                    case_no=doc.case_no,
                    org_code=op.org_code,
                    operator=op.username,
                    window=doc.window,
                    status="received",
                    doc_hash=digest,
                    document=ctx.cipher.seal(text, "case:" + doc.case_uuid),
                    outstanding=json.dumps([m.code for m in doc.materials if m.status is MaterialStatus.DEFERRED]),
                    created_ts=now,
                    updated_ts=now,
                    handling_region=doc.region.handling if doc.region else None,
                    proxy=bool(doc.region and doc.region.mode == "proxy"),
                )
                s.add(case)
                s.flush()
                rows = [CaseMatter(case_uuid=doc.case_uuid, code=m.code, national_code=m.national_code, name=m.name,
                                   position=i, status="received", updated_ts=now,
                                   project_no=f"{case.platform_case_id}-{i + 1:02d}")
                        for i, m in enumerate(doc.matters or [])]
                s.add_all(rows)
                for m in doc.materials:
                    _add_files(s, doc.case_uuid, m.code, m.files)
                note = "平台已收件，等待部门审核"
                if case.proxy:
                    note = f"平台已收件（异地代收代办，转属地 {case.handling_region} 办理），等待部门审核"
                append_update(ctx.db, s, case, "received", note, now, rows or None)
                s.flush()
                return 201, case_reply(s, case)
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


@router.post("/api/v1/cases")
async def post_case(request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(create_case, get_ctx(request), op, raw,
                                           request.headers.get("idempotency-key"))
    return JSONResponse(body, status_code=status)


def case_status(ctx: ServerContext, op: Operator, case_uuid: str) -> dict[str, Any]:
    authz.require(op, Perm.CASE_WORK)
    with ctx.db.read() as s:
        case = own_case(ctx, s, op, case_uuid)
        return _with_matters(s, case, {
            "case_uuid": case.case_uuid,
            "platform_case_id": case.platform_case_id,
            "status": case.status,
            "missing_files": missing_files(s, case.case_uuid),
            "updated_at": ctx.iso(case.updated_ts),
        })


@router.get("/api/v1/cases/{case_uuid}")
async def get_case(case_uuid: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(case_status, get_ctx(request), op, case_uuid)


def _event_reply(session: Session, case: Case, event_uuid: str) -> dict[str, Any]:
    return _with_matters(session, case, {
        "event_uuid": event_uuid,
        "case_uuid": case.case_uuid,
        "status": case.status,
        "missing_files": missing_files(session, case.case_uuid),
    })


class _EventKind(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: Any = None


def create_event(ctx: ServerContext, op: Operator, case_uuid: str, raw: bytes,
                 key: str | None) -> tuple[int, dict[str, Any]]:
    authz.require(op, Perm.CASE_WORK)
    kind = parse_body(_EventKind, raw).type
    event: SupplementEvent | DeliveredEvent
    if kind == "supplement":
        event = parse_document(SupplementEvent, raw)
    elif kind == "delivered":
        event = parse_document(DeliveredEvent, raw)
        if not ctx.config.matters:
            _v1_only(event.model_fields_set & {"matters", "waybill_no"})
    else:
        raise invalid({"type": "must be supplement or delivered"}, "unknown event type")
    check_key(key, event.event_uuid, "event_uuid")
    text, digest = doc_digest(event)
    with ctx.db.write() as s:
        case = own_case(ctx, s, op, case_uuid)
        case_uuid = case.case_uuid
        existing = s.get(CaseEvent, event.event_uuid)
        if existing is not None:
            if existing.doc_hash != digest or existing.case_uuid != case_uuid:
                raise _conflict("event")
            return 200, _event_reply(s, case, event.event_uuid)
        if isinstance(event, SupplementEvent):
            codes = {m["code"] for m in case_document(ctx, case)["materials"]}
            if event.material_code not in codes:
                raise invalid({"material_code": "not a material of this case"}, "unknown material")
            if case.status in ("rejected", "delivered"):
                raise ApiError(409, "case_closed", f"the case is {case.status}; it takes no supplements")
            _add_files(s, case_uuid, event.material_code, event.files)
            outstanding = [c for c in json.loads(case.outstanding) if c != event.material_code]
            case.outstanding = json.dumps(outstanding)
            case.updated_ts = ctx.now_ts()
            if case.status == "supplement_required" and not outstanding:
                waiting = [m.code for m in matters_of(s, case) if m.status == "supplement_required"]
                move(ctx, s, case, "in_review", "已收到补正材料，重新审核", waiting or None)
        else:
            _deliver(ctx, s, case, event)
        s.add(CaseEvent(
            event_uuid=event.event_uuid, case_uuid=case_uuid, type=event.type, doc_hash=digest,
            document=ctx.cipher.seal(text, "event:" + event.event_uuid), created_ts=ctx.now_ts(),
            operator=op.username, org_code=op.org_code,
        ))
        s.flush()
        return 201, _event_reply(s, case, event.event_uuid)


HANDABLE = ("approved", "ready_for_pickup")


def _deliver(ctx: ServerContext, s: Session, case: Case, event: DeliveredEvent) -> None:
    """Results handed over: the matters the event names (API 1.1), or every matter whose results are
    there (a v1 event: the whole case, which must be approved or ready for pickup)."""
    how = "窗口领取" if event.method == "window" else "邮寄送达"
    if event.waybill_no:
        how += f"，邮件单号 {event.waybill_no}"
    rows = matters_of(s, case)
    if event.matters is not None:
        if not rows:
            raise invalid({"matters": "this case was filed without matters (API v1)"}, "case without matters")
        by_code = {m.code: m for m in rows}
        unknown = [c for c in event.matters if c not in by_code]
        if unknown:
            raise invalid({"matters": f"not a matter of this case: {unknown[0]}"}, "unknown matter")
        waiting = [f"{c} {by_code[c].status}" for c in event.matters if by_code[c].status not in HANDABLE]
        if waiting:
            raise ApiError(409, "case_not_ready", f"results cannot be handed out yet: {', '.join(waiting)}")
        move(ctx, s, case, "delivered", f"办理结果已交付申请人（{how}）", list(event.matters))
        return
    if case.status not in HANDABLE:
        raise ApiError(409, "case_not_ready", f"the case is {case.status}; results cannot be handed out yet")
    codes = [m.code for m in rows if m.status in HANDABLE] if rows else None
    move(ctx, s, case, "delivered", f"办理结果已交付申请人（{how}）", codes)


@router.post("/api/v1/cases/{case_uuid}/events")
async def post_event(case_uuid: str, request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(
        create_event, get_ctx(request), op, case_uuid, raw, request.headers.get("idempotency-key")
    )
    return JSONResponse(body, status_code=status)


def encode_cursor(update_id: int) -> str:
    return base64.urlsafe_b64encode(f"u1:{update_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix != "u1" or not number.isdigit() or len(number) > 19 or int(number) > MAX_CURSOR:
            raise ValueError
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid({"after": "not a cursor this server gave out"}, "bad cursor") from None


def updates_page(ctx: ServerContext, op: Operator, after: str | None, limit: int) -> dict[str, Any]:
    """The org's feed: only updates of cases filed by the operator's org."""
    authz.require(op, Perm.CASE_WORK)
    if not 1 <= limit <= 1000:
        raise invalid({"limit": "must be between 1 and 1000"})
    last = decode_cursor(after) if after else 0
    with ctx.db.read() as s:
        rows = s.scalars(select(CaseUpdate).where(CaseUpdate.org_code == op.org_code, CaseUpdate.id > last)
                         .order_by(CaseUpdate.id).limit(limit)).all()
    items = [{"case_uuid": r.case_uuid, "status": r.status, "note": r.note, "at": ctx.iso(r.at_ts),
              **({"matters": json.loads(r.matters)} if r.matters else {})} for r in rows]
    return {"items": items, "next": encode_cursor(rows[-1].id if rows else last)}


@router.get("/api/v1/case-updates")
async def case_updates(request: Request, op: CurrentOperator, after: str | None = None,
                       limit: int = 100) -> dict[str, Any]:
    return await run_in_threadpool(updates_page, get_ctx(request), op, after, limit)


def create_evaluation(ctx: ServerContext, op: Operator, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    authz.require(op, Perm.EVALUATE)
    doc = parse_document(EvaluationDocument, raw)
    check_key(key, doc.evaluation_uuid, "evaluation_uuid")
    if doc.operator != op.username:
        raise authz.mismatch("operator", f"an evaluation is filed by the evaluated operator ({op.username}), "
                             f"not about {doc.operator}")
    if doc.window not in op.windows:
        raise authz.mismatch("window", f"window {doc.window} is not one of {op.username}'s windows "
                             f"({', '.join(op.windows) or 'none'})")
    text, digest = doc_digest(doc)
    reply = {"evaluation_uuid": doc.evaluation_uuid, "status": "recorded"}
    with ctx.db.write() as s:
        if doc.case_uuid is not None:
            case = s.get(Case, doc.case_uuid)
            if case is not None and case.org_code != op.org_code:
                raise authz.hidden("case", f"evaluation of case {doc.case_uuid} of org {case.org_code}")
        existing = s.get(Evaluation, doc.evaluation_uuid)
        if existing is not None:
            if existing.doc_hash != digest:
                raise _conflict("evaluation")
            return 200, reply
        s.add(Evaluation(
            evaluation_uuid=doc.evaluation_uuid, doc_hash=digest,
            document=ctx.cipher.seal(text, "evaluation:" + doc.evaluation_uuid), score=doc.score,
            window=doc.window, created_ts=ctx.now_ts(), operator=op.username, org_code=op.org_code,
        ))
    return 201, reply


@router.post("/api/v1/evaluations")
async def post_evaluation(request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(
        create_evaluation, get_ctx(request), op, raw, request.headers.get("idempotency-key")
    )
    return JSONResponse(body, status_code=status)
