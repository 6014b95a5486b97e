"""``create_app(config)``: the FastAPI application of the platform and hall server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from backoffice import API_VERSION, auth, cases, catalog, files, queue, visits
from backoffice.config import Config
from backoffice.context import ServerContext
from backoffice.db import Database
from backoffice.errors import install_handlers
from backoffice.faults import FaultMiddleware
from backoffice.workflow import AutoAdvancer


def open_context(config: Config) -> ServerContext:
    """The database (tables created, hall services seeded) and the context around it."""
    db = Database(config.db_url)
    db.create_all()
    config.files_dir.mkdir(parents=True, exist_ok=True)
    ctx = ServerContext(config=config, db=db)
    queue.seed_services(ctx)
    return ctx


def create_app(config: Config, ctx: ServerContext | None = None) -> FastAPI:
    ctx = ctx or open_context(config)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        advancer = AutoAdvancer(ctx, config.auto_advance_s) if config.auto_advance_s else None
        if advancer:
            advancer.start()
        try:
            yield
        finally:
            if advancer:
                advancer.stop()

    app = FastAPI(title="Window-clerk back office", version=API_VERSION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.ctx = ctx
    install_handlers(app)

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "api_version": API_VERSION}

    for module in (auth, catalog, cases, files, queue, visits):
        app.include_router(module.router)
    if config.faults.active:
        app.add_middleware(FaultMiddleware, spec=config.faults)
    return app
