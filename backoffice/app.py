"""``create_app(config)``: the FastAPI application of the platform and hall server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import or_, select
from starlette.concurrency import run_in_threadpool

from backoffice import (
    API_REVISION,
    API_VERSION,
    appointments,
    auth,
    authz,
    case_stats,
    cases,
    catalog,
    complaints,
    fallback,
    files,
    hallday,
    licences,
    metrics,
    notify,
    queue,
    queue_call,
    queue_stats,
    rectifications,
    schema,
    visits,
    workstations,
)
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Denied, Perm
from backoffice.config import Config
from backoffice.context import ServerContext, get_ctx
from backoffice.db import AuditEntry, Database
from backoffice.errors import error_response, install_handlers, invalid
from backoffice.faults import FaultMiddleware
from backoffice.limits import BodyLimit
from backoffice.workflow import AutoAdvancer

log = logging.getLogger(__name__)
FEATURES = ["appointments", "park", "call-number", "fallback", "status-page", "sms", "services", "check-in"]
"""What this 1.1 server's hall queue offers beyond v1 (``GET /api/v1/health`` → ``features``)."""


class AtRestError(ValueError):
    """Encryption at rest asked for without a key (or an unknown mode)."""


def open_context(config: Config, *, prepare: bool = True) -> ServerContext:
    """The database and the context around it.

    ``prepare`` (one process: the CLI, the embedded server, the supervisor of several workers)
    migrates the database to head (``backoffice.schema``) and seeds the hall services; a worker
    (``prepare=False``) only checks the database is at head and refuses to serve otherwise.
    """
    if config.at_rest not in ("encrypt", "disk"):
        raise AtRestError(f"unknown --at-rest mode {config.at_rest!r} (encrypt or disk)")
    kept = max(1, config.db_pool // 3)
    db = Database(config.db_url, pool_size=kept, max_overflow=config.db_pool - kept)
    try:
        if prepare:
            outcome = schema.prepare(db)
            log.info("database schema: %s", outcome)
        else:
            schema.check_current(db)
    except BaseException:
        db.dispose()
        raise
    config.files_dir.mkdir(parents=True, exist_ok=True)
    ctx = ServerContext(config=config, db=db)
    if prepare:
        queue.seed_services(ctx)
    return ctx


audit_router = APIRouter()


def audit_page(ctx: ServerContext, op: Operator, after: int, limit: int) -> dict[str, Any]:
    authz.require(op, Perm.AUDIT)
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(or_(AuditEntry.org_code == op.org_code, AuditEntry.org_code == ""),
                                                  AuditEntry.id > after)
                         .order_by(AuditEntry.id).limit(limit)).all()
        items = [authz.audit_json(ctx, e) for e in rows]
    return {"items": items, "next": rows[-1].id if rows else after}


@audit_router.get("/api/v1/audit")
async def get_audit(request: Request, op: CurrentOperator, after: str = "0", limit: str = "100") -> dict[str, Any]:
    """The platform's audit (1.1, admins only): denials and privileged actions of the admin's org."""
    if not after.isdigit() or len(after) > 18 or not limit.isdigit() or not 1 <= int(limit[:6]) <= 1000:
        raise invalid({"after": "a number from the last page's next", "limit": "1..1000"})
    return await run_in_threadpool(audit_page, get_ctx(request), op, int(after), int(limit))


def create_app(config: Config, ctx: ServerContext | None = None) -> FastAPI:
    ctx = ctx or open_context(config)
    if not ctx.cipher.active:
        if config.at_rest == "encrypt":
            log.warning("no data key: case documents and files are stored IN CLEAR (give --data-key-file, "
                        "or --at-rest disk when the disk itself is encrypted)")
        else:
            log.info("at rest: stored in clear on a disk the hall encrypts (--at-rest disk)")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        jobs = background_jobs(ctx) if config.background_jobs else []
        for job in jobs:
            job.start()
        try:
            yield
        finally:
            for job in jobs:
                job.stop()

    app = FastAPI(title="Window-clerk back office", version=API_REVISION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.ctx = ctx
    install_handlers(app)

    async def on_denied(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, Denied)
        await run_in_threadpool(authz.record_denial, ctx, request, exc)
        return error_response(exc.status, exc.code, exc.message, exc.fields, exc.headers)

    app.add_exception_handler(Denied, on_denied)

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        features = FEATURES + (["matters"] if config.matters else []) + ["licences"]
        return {"status": "ok", "api_version": API_VERSION, "api_revision": API_REVISION, "features": features}

    for module in (auth, catalog, cases, files, queue, queue_call, queue_stats, appointments, fallback, notify, visits,
                   workstations, metrics, rectifications, complaints, case_stats, licences):
        app.include_router(module.router)
    app.include_router(audit_router)
    app.add_middleware(BodyLimit, config=config)
    if config.faults.active:
        app.add_middleware(FaultMiddleware, spec=config.faults)
    app.add_middleware(metrics.MetricsMiddleware)  # outermost: counts 413s and injected faults too
    return app


def background_jobs(ctx: ServerContext) -> list[Any]:
    """The periodic jobs the settings ask for (not started): the auto-advancer, the stuck-ticket
    sweeper, the day closer, the SMS dispatcher. With several workers only the supervising process
    runs them (``Config.background_jobs``), so each runs once per server (no message sent twice)."""
    config = ctx.config
    jobs: list[Any] = []
    if config.auto_advance_s:
        jobs.append(AutoAdvancer(ctx, config.auto_advance_s))
    if config.stuck_after_s:
        jobs.append(queue.StuckSweeper(ctx))
    if config.hall.at_closing != "keep":
        jobs.append(hallday.DayCloser(ctx))
    if config.sms_dispatch:
        jobs.append(notify.SmsDispatcher(ctx))
    return jobs
