"""Cases, case events, the case-updates feed and evaluations (好差评), each idempotent by its UUID."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice.auth import CurrentOperator
from backoffice.context import ServerContext, canonical_json, get_ctx
from backoffice.db import Blob, Case, CaseEvent, CaseFile, CaseUpdate, Evaluation
from backoffice.documents import (
    CaseDocument,
    DeliveredEvent,
    EvaluationDocument,
    FileRef,
    MaterialStatus,
    SupplementEvent,
)
from backoffice.errors import ApiError, fields_of, invalid
from backoffice.workflow import append_update, move

MAX_JSON_BYTES = 4 * 1024 * 1024

router = APIRouter()
M = TypeVar("M", bound=BaseModel)


async def read_json_body(request: Request) -> bytes:
    """The request body, refusing more than MAX_JSON_BYTES without reading it all."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_JSON_BYTES:
        raise ApiError(413, "payload_too_large", "the document is too large")
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > MAX_JSON_BYTES:
            raise ApiError(413, "payload_too_large", "the document is too large")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_document(model: type[M], raw: bytes) -> M:
    try:
        return model.model_validate_json(raw)
    except ValidationError as err:
        if any(e["type"] == "json_invalid" for e in err.errors()):
            raise ApiError(422, "invalid_json", "the body is not valid JSON", {"(document)": "invalid JSON"}) from None
        raise invalid(fields_of(err), "the document is invalid") from None


def check_key(key: str | None, expected: str, name: str) -> None:
    if not key:
        raise invalid({"Idempotency-Key": "the Idempotency-Key header is required"}, "Idempotency-Key missing")
    if key != expected:
        raise invalid({"Idempotency-Key": f"must equal {name}"}, f"Idempotency-Key does not match {name}")


def doc_digest(doc: BaseModel) -> tuple[str, str]:
    text = canonical_json(doc.model_dump(mode="json"))
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
    return {
        "case_uuid": case.case_uuid,
        "platform_case_id": case.platform_case_id,
        "status": "received",
        "missing_files": missing_files(session, case.case_uuid),
    }


def _conflict(what: str) -> ApiError:
    return ApiError(409, "idempotency_conflict", f"this key was already used with a different {what}")


def create_case(ctx: ServerContext, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    doc = parse_document(CaseDocument, raw)
    check_key(key, doc.case_uuid, "case_uuid")
    text, digest = doc_digest(doc)
    for attempt in range(2):
        try:
            with ctx.db.write() as s:
                existing = s.get(Case, doc.case_uuid)
                if existing is not None:
                    if existing.doc_hash != digest:
                        raise _conflict("case document")
                    return 200, case_reply(s, existing)
                now = ctx.now_ts()
                case = Case(
                    case_uuid=doc.case_uuid,
                    platform_case_id="PF" + hashlib.sha256(doc.case_uuid.encode()).hexdigest()[:14].upper(),
                    case_no=doc.case_no,
                    status="received",
                    doc_hash=digest,
                    document=text,
                    outstanding=json.dumps([m.code for m in doc.materials if m.status is MaterialStatus.DEFERRED]),
                    created_ts=now,
                    updated_ts=now,
                )
                s.add(case)
                s.flush()
                for m in doc.materials:
                    _add_files(s, doc.case_uuid, m.code, m.files)
                append_update(ctx.db, s, doc.case_uuid, "received", "平台已收件，等待部门审核", now)
                s.flush()
                return 201, case_reply(s, case)
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


@router.post("/api/v1/cases")
async def post_case(request: Request, _op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(create_case, get_ctx(request), raw, request.headers.get("idempotency-key"))
    return JSONResponse(body, status_code=status)


def case_status(ctx: ServerContext, case_uuid: str) -> dict[str, Any]:
    with ctx.db.read() as s:
        case = s.get(Case, case_uuid)
        if case is None:
            raise ApiError(404, "unknown_case", "no such case")
        return {
            "case_uuid": case.case_uuid,
            "platform_case_id": case.platform_case_id,
            "status": case.status,
            "missing_files": missing_files(s, case_uuid),
            "updated_at": ctx.iso(case.updated_ts),
        }


@router.get("/api/v1/cases/{case_uuid}")
def get_case(case_uuid: str, request: Request, _op: CurrentOperator) -> dict[str, Any]:
    return case_status(get_ctx(request), case_uuid)


def _event_reply(session: Session, case: Case, event_uuid: str) -> dict[str, Any]:
    return {
        "event_uuid": event_uuid,
        "case_uuid": case.case_uuid,
        "status": case.status,
        "missing_files": missing_files(session, case.case_uuid),
    }


def create_event(ctx: ServerContext, case_uuid: str, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    try:
        kind = json.loads(raw).get("type")
    except (ValueError, AttributeError):
        kind = None
    event: SupplementEvent | DeliveredEvent
    if kind == "supplement":
        event = parse_document(SupplementEvent, raw)
    elif kind == "delivered":
        event = parse_document(DeliveredEvent, raw)
    else:
        parse_document(SupplementEvent, raw)  # raises for bad JSON
        raise invalid({"type": "must be supplement or delivered"}, "unknown event type")
    check_key(key, event.event_uuid, "event_uuid")
    text, digest = doc_digest(event)
    with ctx.db.write() as s:
        case = s.get(Case, case_uuid)
        if case is None:
            raise ApiError(404, "unknown_case", "no such case")
        existing = s.get(CaseEvent, event.event_uuid)
        if existing is not None:
            if existing.doc_hash != digest or existing.case_uuid != case_uuid:
                raise _conflict("event")
            return 200, _event_reply(s, case, event.event_uuid)
        if isinstance(event, SupplementEvent):
            codes = {m["code"] for m in json.loads(case.document)["materials"]}
            if event.material_code not in codes:
                raise invalid({"material_code": "not a material of this case"}, "unknown material")
            if case.status in ("rejected", "delivered"):
                raise ApiError(409, "case_closed", f"the case is {case.status}; it takes no supplements")
            _add_files(s, case_uuid, event.material_code, event.files)
            outstanding = [c for c in json.loads(case.outstanding) if c != event.material_code]
            case.outstanding = json.dumps(outstanding)
            case.updated_ts = ctx.now_ts()
            if case.status == "supplement_required" and not outstanding:
                move(ctx, s, case, "in_review", "已收到补正材料，重新审核")
        else:
            if case.status not in ("approved", "ready_for_pickup"):
                raise ApiError(409, "case_not_ready", f"the case is {case.status}; results cannot be handed out yet")
            how = "窗口领取" if event.method == "window" else "邮寄送达"
            move(ctx, s, case, "delivered", f"办理结果已交付申请人（{how}）")
        s.add(CaseEvent(
            event_uuid=event.event_uuid, case_uuid=case_uuid, type=event.type, doc_hash=digest, document=text,
            created_ts=ctx.now_ts(),
        ))
        s.flush()
        return 201, _event_reply(s, case, event.event_uuid)


@router.post("/api/v1/cases/{case_uuid}/events")
async def post_event(case_uuid: str, request: Request, _op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(
        create_event, get_ctx(request), case_uuid, raw, request.headers.get("idempotency-key")
    )
    return JSONResponse(body, status_code=status)


def encode_cursor(update_id: int) -> str:
    return base64.urlsafe_b64encode(f"u1:{update_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix != "u1" or not number.isdigit():
            raise ValueError
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid({"after": "not a cursor this server gave out"}, "bad cursor") from None


@router.get("/api/v1/case-updates")
def case_updates(request: Request, _op: CurrentOperator, after: str | None = None, limit: int = 100) -> dict[str, Any]:
    ctx = get_ctx(request)
    if not 1 <= limit <= 1000:
        raise invalid({"limit": "must be between 1 and 1000"})
    last = decode_cursor(after) if after else 0
    with ctx.db.read() as s:
        rows = s.scalars(select(CaseUpdate).where(CaseUpdate.id > last).order_by(CaseUpdate.id).limit(limit)).all()
    items = [{"case_uuid": r.case_uuid, "status": r.status, "note": r.note, "at": ctx.iso(r.at_ts)} for r in rows]
    return {"items": items, "next": encode_cursor(rows[-1].id if rows else last)}


def create_evaluation(ctx: ServerContext, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    doc = parse_document(EvaluationDocument, raw)
    check_key(key, doc.evaluation_uuid, "evaluation_uuid")
    text, digest = doc_digest(doc)
    reply = {"evaluation_uuid": doc.evaluation_uuid, "status": "recorded"}
    with ctx.db.write() as s:
        existing = s.get(Evaluation, doc.evaluation_uuid)
        if existing is not None:
            if existing.doc_hash != digest:
                raise _conflict("evaluation")
            return 200, reply
        s.add(Evaluation(
            evaluation_uuid=doc.evaluation_uuid, doc_hash=digest, document=text, score=doc.score,
            window=doc.window, created_ts=ctx.now_ts(),
        ))
    return 201, reply


@router.post("/api/v1/evaluations")
async def post_evaluation(request: Request, _op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(
        create_evaluation, get_ctx(request), raw, request.headers.get("idempotency-key")
    )
    return JSONResponse(body, status_code=status)
