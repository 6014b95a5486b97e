"""Workstation health (1.1): each window PC reports its state on every sync; supervisors read the table.

``POST /api/v1/workstations/{device_id}/health`` (``workstation.report``): the workstation's
version, outbox backlog (count, parked, oldest pending), last successful sync and device states.
A workstation reports only for itself: the path's device id must be the one its token was issued
to (at login). The platform keeps the latest report per device of the org and answers with the
update check: the version this hall rolls out (``--workstation-version``), the minimum it still
accepts (``--workstation-minimum``) and a note — it never installs anything.

``GET /api/v1/workstations`` (``workstation.read``: supervisors and admins) → the hall's table of
window PCs, one row per device, with ages computed by the server and ``stale`` for a PC that has not
reported for ``--stale-after`` seconds.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from packaging.version import InvalidVersion, Version
from pydantic import AwareDatetime, Field
from sqlalchemy import Float, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator, client_address
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Base
from backoffice.documents import _Doc
from backoffice.errors import invalid
from backoffice.limits import parse_body

router = APIRouter()
DEVICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")
VersionText = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z][0-9A-Za-z.+!_-]{0,39}$")]


class WorkstationReport(Base):
    """The latest health report of one workstation (device) of an org."""

    __tablename__ = "workstation_health"
    org_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    window: Mapped[str | None] = mapped_column(String(32), nullable=True)
    operator: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(40))
    outbox_pending: Mapped[int] = mapped_column(Integer)
    outbox_parked: Mapped[int] = mapped_column(Integer)
    outbox_oldest_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_sync_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    devices: Mapped[str] = mapped_column(Text)  # JSON list
    reported_ts: Mapped[float] = mapped_column(Float)
    """When the platform received the report (its own clock; the PC's clock may be wrong)."""
    client: Mapped[str] = mapped_column(String(64))


class DeviceState(_Doc):
    kind: str = Field(min_length=1, max_length=32, pattern=r"^[a-z][a-z0-9_]{0,31}$")
    """``scanner``, ``printer``, ``id_reader``, ``camera``, ``signature_pad``, ``display`` …"""
    name: str = Field(default="", max_length=200)
    state: Literal["ok", "missing", "error", "unknown"]
    detail: str = Field(default="", max_length=300)
    checked_at: AwareDatetime | None = None


class OutboxState(_Doc):
    pending: int = Field(ge=0, le=10_000_000)
    parked: int = Field(default=0, ge=0, le=10_000_000)
    oldest_pending_at: AwareDatetime | None = None


class HealthReport(_Doc):
    version: VersionText
    window: str | None = Field(default=None, max_length=32)
    outbox: OutboxState
    last_sync_at: AwareDatetime | None = None
    devices: list[DeviceState] = Field(default_factory=list, max_length=50)
    reported_at: AwareDatetime


def _version(text: str | None) -> Version | None:
    if not text:
        return None
    try:
        return Version(text)
    except InvalidVersion:
        return None


def update_check(ctx: ServerContext, version: str) -> dict[str, Any]:
    """``state``: ``current``, ``available`` (a newer version is rolled out), ``required`` (older
    than the minimum) or ``unknown`` (no version advertised, or one that does not parse)."""
    cfg = ctx.config
    have, latest, minimum = _version(version), _version(cfg.workstation_version), _version(cfg.workstation_minimum)
    state = "unknown"
    if have is not None and minimum is not None and have < minimum:
        state = "required"
    elif have is not None and latest is not None:
        state = "available" if have < latest else "current"
    return {"current": version, "latest": cfg.workstation_version, "minimum": cfg.workstation_minimum,
            "state": state, "note": cfg.workstation_note}


def _ts(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def record_report(ctx: ServerContext, op: Operator, device_id: str, raw: bytes, client: str) -> dict[str, Any]:
    authz.require(op, Perm.WORKSTATION_REPORT)
    if not DEVICE_RE.match(device_id):
        raise invalid({"device_id": "1–200 letters, digits or . _ : -"})
    if device_id != op.device_id:
        raise authz.Denied("a workstation reports only for itself (the device its token was issued to)",
                           reason=f"health of {device_id} with a token of device {op.device_id}")
    report = parse_body(HealthReport, raw, ctx.config.max_json_depth)
    window = report.window if report.window in op.windows else None
    devices = [d.model_dump(mode="json") for d in report.devices]
    with ctx.db.write(durable=False) as s:
        row = s.get(WorkstationReport, (op.org_code, device_id))
        if row is None:
            row = WorkstationReport(org_code=op.org_code, device_id=device_id)
            s.add(row)
        row.window, row.operator, row.version = window, op.username, report.version
        row.outbox_pending, row.outbox_parked = report.outbox.pending, report.outbox.parked
        row.outbox_oldest_ts = _ts(report.outbox.oldest_pending_at)
        row.last_sync_ts = _ts(report.last_sync_at)
        row.devices = json.dumps(devices, ensure_ascii=False)
        row.reported_ts = ctx.now_ts()
        row.client = client[:64]
    return {"status": "recorded", "device_id": device_id, "window": window, "update": update_check(ctx, report.version)}


@router.post("/api/v1/workstations/{device_id}/health")
async def post_health(device_id: str, request: Request, op: CurrentOperator) -> dict[str, Any]:
    raw = await request.body()
    return await run_in_threadpool(record_report, get_ctx(request), op, device_id, raw, client_address(request))


def _age(now: float, ts: float | None) -> float | None:
    return None if ts is None else round(max(0.0, now - ts), 1)


def row_json(ctx: ServerContext, r: WorkstationReport, now: float) -> dict[str, Any]:
    def iso(ts: float | None) -> str | None:
        return ctx.iso(ts) if ts is not None else None

    report_age = _age(now, r.reported_ts) or 0.0
    return {
        "device_id": r.device_id, "window": r.window, "operator": r.operator, "version": r.version,
        "update": update_check(ctx, r.version)["state"],
        "outbox": {"pending": r.outbox_pending, "parked": r.outbox_parked,
                   "oldest_pending_at": iso(r.outbox_oldest_ts), "oldest_age_s": _age(now, r.outbox_oldest_ts)},
        "last_sync_at": iso(r.last_sync_ts), "last_sync_age_s": _age(now, r.last_sync_ts),
        "reported_at": iso(r.reported_ts), "report_age_s": report_age,
        "stale": report_age > ctx.config.stale_after_s,
        "devices": json.loads(r.devices), "client": r.client,
    }


def hall_table(ctx: ServerContext, op: Operator) -> dict[str, Any]:
    authz.require(op, Perm.WORKSTATION_READ)
    now = ctx.now_ts()
    with ctx.db.read() as s:
        rows = s.scalars(select(WorkstationReport).where(WorkstationReport.org_code == op.org_code)).all()
        items = [row_json(ctx, r, now) for r in rows]
    items.sort(key=lambda i: (i["window"] is None, i["window"] or "", i["device_id"]))
    summary = {
        "workstations": len(items),
        "stale": sum(1 for i in items if i["stale"]),
        "update_available": sum(1 for i in items if i["update"] == "available"),
        "update_required": sum(1 for i in items if i["update"] == "required"),
        "outbox_pending": sum(i["outbox"]["pending"] for i in items),
        "outbox_parked": sum(i["outbox"]["parked"] for i in items),
        "devices_not_ok": sum(1 for i in items for d in i["devices"] if d["state"] != "ok"),
    }
    advertised = {"latest": ctx.config.workstation_version, "minimum": ctx.config.workstation_minimum,
                  "note": ctx.config.workstation_note}
    return {"items": items, "summary": summary, "advertised": advertised, "stale_after_s": ctx.config.stale_after_s}


@router.get("/api/v1/workstations")
async def get_workstations(request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(hall_table, get_ctx(request), op)
