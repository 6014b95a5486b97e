"""上门办 visit list (an extension of platform API v1, docs/api.md): supervisors plan home visits,
field staff read theirs before going out.

``GET /api/v1/visits?operator=<username>`` → 200 ``{"items": [{"visit_uuid", "applicant", "bundle_code",
"address", "scheduled_for", "note"}]}`` (scheduled order). Anyone may read their own list; reading
another operator's needs the ``supervisor`` or ``admin`` role (403 otherwise) and the same org
(another org's operator answers 404).

``POST /api/v1/visits`` with ``Idempotency-Key: <visit_uuid>`` (supervisor or admin) → 201 the visit,
200 on replay, 409 same key with a different document, 422 invalid (unknown operator …).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, Field
from sqlalchemy import Float, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.cases import check_key, doc_digest, parse_document, read_json_body
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Base, User
from backoffice.documents import Code, Party, UUIDText, _Doc
from backoffice.errors import ApiError, invalid

router = APIRouter()


class Visit(Base):
    __tablename__ = "visits"
    visit_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    operator: Mapped[str] = mapped_column(String(64), index=True)
    scheduled_for: Mapped[str] = mapped_column(String(40))
    doc_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_ts: Mapped[float] = mapped_column(Float)


class VisitDocument(_Doc):
    visit_uuid: UUIDText
    operator: str = Field(min_length=1, max_length=64)
    applicant: Party
    bundle_code: Code
    address: str = Field(min_length=1, max_length=500)
    scheduled_for: AwareDatetime
    note: str = Field(default="", max_length=1000)



def _item(doc: dict[str, Any]) -> dict[str, Any]:
    item = {k: doc[k] for k in ("visit_uuid", "applicant", "bundle_code", "address", "scheduled_for", "note")}
    item["applicant"] = {k: v for k, v in doc["applicant"].items() if v is not None}
    return item


def create_visit(ctx: ServerContext, op: Operator, raw: bytes, key: str | None) -> tuple[int, dict[str, Any]]:
    if not authz.has(op, Perm.VISIT_PLAN):
        raise authz.Denied("only a supervisor or an admin plans visits", reason="missing permission visit.plan")
    doc = parse_document(VisitDocument, raw)
    check_key(key, doc.visit_uuid, "visit_uuid")
    text, digest = doc_digest(doc)
    data = json.loads(text)
    with ctx.db.write() as s:
        existing = s.get(Visit, doc.visit_uuid)
        if existing is not None:
            if existing.doc_hash != digest:
                raise ApiError(409, "idempotency_conflict", "this key was already used with a different visit")
            return 200, _item(json.loads(ctx.cipher.open(existing.document, "visit:" + existing.visit_uuid)))
        worker = s.get(User, doc.operator)
        if worker is None or worker.org_code != op.org_code:
            raise invalid({"operator": "no such operator"}, "unknown operator")
        s.add(Visit(visit_uuid=doc.visit_uuid, operator=doc.operator, scheduled_for=data["scheduled_for"],
                    doc_hash=digest, document=ctx.cipher.seal(text, "visit:" + doc.visit_uuid),
                    created_by=op.username, created_ts=ctx.now_ts()))
    return 201, _item(data)


def list_visits(ctx: ServerContext, op: Operator, operator: str | None) -> dict[str, Any]:
    who = operator or op.username
    with ctx.db.read() as s:
        if who != op.username:
            if not authz.has(op, Perm.VISIT_PLAN):
                raise authz.Denied("only a supervisor or an admin reads another operator's visits",
                                   reason=f"visit list of {who}")
            worker = s.get(User, who)
            if worker is None or worker.org_code != op.org_code:
                raise authz.hidden("operator", f"visit list of {who} of another org")
        rows = s.execute(select(Visit).where(Visit.operator == who)
                         .order_by(Visit.scheduled_for, Visit.created_ts)).scalars().all()
        items = [_item(json.loads(ctx.cipher.open(r.document, "visit:" + r.visit_uuid))) for r in rows]
    return {"items": items}


@router.get("/api/v1/visits")
async def get_visits(request: Request, op: CurrentOperator, operator: str | None = None) -> dict[str, Any]:
    return await run_in_threadpool(list_visits, get_ctx(request), op, operator)


@router.post("/api/v1/visits")
async def post_visit(request: Request, op: CurrentOperator) -> JSONResponse:
    raw = await read_json_body(request)
    status, body = await run_in_threadpool(create_visit, get_ctx(request), op, raw,
                                           request.headers.get("idempotency-key"))
    return JSONResponse(body, status_code=status)
