"""办不成事 反映窗口 (1.1): problems people could not get done, kept in the hall's ledger (问题台账).

Any clerk, field worker or supervisor (``complaint.file``) records one (what they wanted, which matter
if any, why it failed, a contact if given; who took it comes from the token), reads the hall's ledger
and adds follow-ups. A supervisor (``hall.supervise``) assigns an item to someone of the hall. An item
is closed (销号) only with a result, by its assignee or a supervisor; open items show their age.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from backoffice import authz, hall
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, canonical_json, get_ctx
from backoffice.db import User
from backoffice.documents import UUIDText, _Doc
from backoffice.errors import ApiError, invalid
from backoffice.limits import parse_body
from backoffice.loops_db import Complaint

router = APIRouter()


class ComplaintDocument(_Doc):
    complaint_uuid: UUIDText
    text: str = Field(min_length=2, max_length=2000)
    """What the person wanted to get done."""
    matter_code: str | None = Field(default=None, min_length=1, max_length=64)
    reason: str = Field(default="", max_length=2000)
    """Why it could not be done."""
    contact: str = Field(default="", max_length=100)
    window: str | None = Field(default=None, max_length=32)


class AssignBody(_Doc):
    to: str = Field(min_length=1, max_length=64)
    note: str = Field(default="", max_length=2000)


class FollowUpBody(_Doc):
    note: str = Field(min_length=1, max_length=2000)


class CloseBody(_Doc):
    result: str = Field(min_length=2, max_length=2000)
    """What was done about it (销号 needs a result)."""


def _seal(ctx: ServerContext, text: str, c: Complaint | str, what: str) -> str:
    key = c if isinstance(c, str) else c.complaint_uuid
    return ctx.cipher.seal(text, f"complaint:{key}:{what}") if text else ""


def _open(ctx: ServerContext, c: Complaint, stored: str, what: str) -> str:
    return ctx.cipher.open(stored, f"complaint:{c.complaint_uuid}:{what}") if stored else ""


def item_json(ctx: ServerContext, c: Complaint) -> dict[str, Any]:
    today = ctx.config.clock.today()
    opened = hall.local(c.opened_ts).date()
    end = hall.local(c.closed_ts).date() if c.closed_ts else today
    return {
        "id": c.id, "complaint_uuid": c.complaint_uuid, "text": _open(ctx, c, c.text, "text"),
        "matter_code": c.matter_code or None, "reason": _open(ctx, c, c.reason, "reason"),
        "contact": _open(ctx, c, c.contact, "contact"), "taken_by": c.taken_by, "window": c.window or None,
        "assignee": c.assignee, "status": c.status, "opened_at": ctx.iso(c.opened_ts),
        "closed_at": ctx.iso(c.closed_ts) if c.closed_ts else None, "result": _open(ctx, c, c.result, "result"),
        "age_days": (end - opened).days, "history": json.loads(_open(ctx, c, c.history, "history") or "[]"),
    }


def create(ctx: ServerContext, op: Operator, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    authz.require(op, Perm.COMPLAINT)
    doc = parse_body(ComplaintDocument, raw)
    if key and key.lower() != doc.complaint_uuid:
        raise invalid({"Idempotency-Key": "must equal complaint_uuid"})
    if doc.window is not None and doc.window not in op.windows and not authz.has(op, Perm.HALL):
        raise authz.mismatch("window", f"window {doc.window} is not one of {op.username}'s windows")
    text = canonical_json(doc.model_dump(mode="json"))
    digest = hashlib.sha256(text.encode()).hexdigest()
    with ctx.db.write() as s:
        existing = s.scalars(select(Complaint).where(Complaint.complaint_uuid == doc.complaint_uuid)).first()
        if existing is not None:
            if existing.doc_hash != digest or existing.org_code != op.org_code:
                raise ApiError(409, "idempotency_conflict", "this key was already used with a different complaint")
            return 200, item_json(ctx, existing)
        now = ctx.now_ts()
        u = doc.complaint_uuid
        history = [{"at": ctx.iso(now), "by": op.username, "action": "opened", "note": ""}]
        c = Complaint(complaint_uuid=u, doc_hash=digest, org_code=op.org_code, text=_seal(ctx, doc.text, u, "text"),
                      matter_code=doc.matter_code or "", reason=_seal(ctx, doc.reason, u, "reason"),
                      contact=_seal(ctx, doc.contact, u, "contact"), taken_by=op.username, window=doc.window or "",
                      assignee=op.username, status="open", opened_ts=now,
                      history=_seal(ctx, json.dumps(history, ensure_ascii=False), u, "history"))
        s.add(c)
        s.flush()
        return 201, item_json(ctx, c)


@router.post("/api/v1/complaints")
async def post_complaint(request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await request.body()
    status, body = await run_in_threadpool(create, get_ctx(request), op, raw, request.headers.get("idempotency-key"))
    return JSONResponse(body, status_code=status)


def list_items(ctx: ServerContext, op: Operator, only_open: bool) -> dict[str, Any]:
    authz.require(op, Perm.COMPLAINT)
    with ctx.db.read() as s:
        q = select(Complaint).where(Complaint.org_code == op.org_code)
        if only_open:
            q = q.where(Complaint.status == "open")
        return {"items": [item_json(ctx, c) for c in s.scalars(q.order_by(Complaint.id))]}


@router.get("/api/v1/complaints")
async def get_complaints(request: Request, op: CurrentOperator, open: str = "") -> dict[str, Any]:
    return await run_in_threadpool(list_items, get_ctx(request), op, open in ("1", "true"))


def _load(s: Any, op: Operator, cid: int) -> Complaint:
    c = s.get(Complaint, cid)
    if c is None or c.org_code != op.org_code:
        raise authz.hidden("complaint", f"complaint {cid}" + (f" of org {c.org_code}" if c else ""))
    assert isinstance(c, Complaint)
    return c


def read_item(ctx: ServerContext, op: Operator, cid: int) -> dict[str, Any]:
    authz.require(op, Perm.COMPLAINT)
    with ctx.db.read() as s:
        return item_json(ctx, _load(s, op, cid))


@router.get("/api/v1/complaints/{cid}")
async def get_complaint(cid: int, request: Request, op: CurrentOperator) -> dict[str, Any]:
    _check_id(cid)
    return await run_in_threadpool(read_item, get_ctx(request), op, cid)


def _check_id(cid: int) -> None:
    if not 1 <= cid < 2**62:
        raise invalid({"id": "not an item of this server"})


def act(ctx: ServerContext, op: Operator, cid: int, action: str, raw: bytes) -> dict[str, Any]:
    bodies: dict[str, type[_Doc]] = {"assign": AssignBody, "follow-up": FollowUpBody, "close": CloseBody}
    if action not in bodies:
        raise ApiError(404, "not_found", f"no action {action!r} (assign, follow-up, close)")
    authz.require(op, Perm.COMPLAINT)
    if action == "assign":
        authz.require(op, Perm.HALL)
    body = parse_body(bodies[action], raw)
    with ctx.db.write() as s:
        c = _load(s, op, cid)
        if c.status != "open":
            raise ApiError(409, "invalid_transition", f"complaint {cid} is already closed")
        now = ctx.now_ts()
        entry: dict[str, Any] = {"at": ctx.iso(now), "by": op.username, "action": action}
        if isinstance(body, AssignBody):
            user = s.get(User, body.to)
            if user is None or not user.active or user.org_code != op.org_code:
                raise invalid({"to": f"{body.to} is not an active operator of this hall"})
            c.assignee = body.to
            entry["note"] = f"→ {body.to}" + (f"：{body.note}" if body.note else "")
        elif isinstance(body, FollowUpBody):
            entry["note"] = body.note
        elif isinstance(body, CloseBody):
            if c.assignee != op.username and not authz.has(op, Perm.HALL):
                raise authz.Denied(f"complaint {cid} is assigned to {c.assignee}: they or a supervisor close it",
                                   reason=f"close of complaint {cid} assigned to {c.assignee}")
            c.status, c.closed_ts = "closed", now
            c.result = _seal(ctx, body.result, c, "result")
            entry["note"] = body.result
        history = json.loads(_open(ctx, c, c.history, "history") or "[]")
        history.append(entry)
        c.history = _seal(ctx, json.dumps(history, ensure_ascii=False), c, "history")
        s.flush()
        return item_json(ctx, c)


@router.post("/api/v1/complaints/{cid}/{action}")
async def post_action(cid: int, action: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    _check_id(cid)
    raw = await request.body()
    return await run_in_threadpool(act, get_ctx(request), op, cid, action, raw)
