"""``GET /metrics`` in Prometheus' text format (prometheus_client), and the middleware that counts.

Two kinds of figures:

- **per process, summed over workers** — requests and their latency by route template and status,
  cases received (201 on ``POST /cases``), files stored (201 on ``PUT …/files/…``), health reports.
  With several workers (``--workers N``) prometheus_client's multiprocess mode keeps them in files
  under ``PROMETHEUS_MULTIPROC_DIR`` (set by the supervising process before any worker starts) and
  ``/metrics`` sums them, whichever worker answers;
- **read from the database at scrape time** (the same for every worker) — today's queue lengths and
  longest waits per hall and service, open windows, cases by status, files stored and their bytes,
  and what each workstation last reported: its outbox backlog, the age of its oldest pending item
  and of its last sync, its version and the update state.

Who may read it: a client presenting ``Authorization: Bearer <metrics token>`` when the server has
one (``--metrics-token-file``); without a token configured, loopback clients only. Refusals are 403
and audited like every other denial (docs/deploy.md, "Monitoring").
"""

from __future__ import annotations

import hmac
import json
import os
import time
from collections.abc import Iterator
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backoffice import authz
from backoffice.config import HALL_TZ
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Blob, Case, QueueWindow, Ticket

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
LOOPBACK = ("127.0.0.1", "::1", "localhost")

REQUESTS = Counter("backoffice_http_requests_total", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram("backoffice_http_request_duration_seconds", "Time to answer a request", ["method", "route"],
                    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0))
CASES_RECEIVED = Counter("backoffice_cases_received_total", "Cases stored for the first time (201)")
FILES_STORED = Counter("backoffice_files_stored_total", "Case files stored for the first time (201)")
HEALTH_REPORTS = Counter("backoffice_workstation_reports_total", "Workstation health reports received")

router = APIRouter()


def _route(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


class MetricsMiddleware:
    """Counts every HTTP request by method, route template (never the raw path) and status; adds
    ``X-Backoffice-Worker: <pid>`` so an operator (and the tests) can tell which worker answered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.worker = str(os.getpid()).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = [500]

        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
                message["headers"] = [*message.get("headers", []), (b"x-backoffice-worker", self.worker)]
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            method, route, code = scope["method"], _route(scope), status[0]
            REQUESTS.labels(method, route, str(code)).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - start)
            if code == 201 and method == "POST" and route == "/api/v1/cases":
                CASES_RECEIVED.inc()
            elif code == 201 and method == "PUT" and route == "/api/v1/cases/{case_uuid}/files/{sha256}":
                FILES_STORED.inc()
            elif code == 200 and route == "/api/v1/workstations/{device_id}/health":
                HEALTH_REPORTS.inc()


class DatabaseCollector(Collector):
    """Figures read from the database when scraped (identical whichever worker answers)."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def collect(self) -> Iterator[Metric]:
        from backoffice.workstations import WorkstationReport, update_check

        ctx = self.ctx
        now = ctx.now_ts()
        day = datetime.fromtimestamp(now, HALL_TZ).date().isoformat()
        waiting = GaugeMetricFamily("backoffice_queue_waiting", "Tickets waiting now (today)", labels=["org", "service"])
        longest = GaugeMetricFamily("backoffice_queue_longest_wait_seconds", "Longest wait of a waiting ticket",
                                    labels=["org", "service"])
        called = GaugeMetricFamily("backoffice_queue_called_today", "Tickets called at least once today",
                                   labels=["org", "service"])
        windows = GaugeMetricFamily("backoffice_queue_windows", "Windows by state", labels=["org", "state"])
        cases = GaugeMetricFamily("backoffice_cases", "Cases on the platform by status", labels=["status"])
        files = GaugeMetricFamily("backoffice_files", "Case files stored")
        file_bytes = GaugeMetricFamily("backoffice_files_bytes", "Bytes of case files stored (plaintext size)")
        labels = ["org", "device", "window", "version"]
        pending = GaugeMetricFamily("window_clerk_outbox_pending", "Outbox items a workstation has not synced yet",
                                    labels=labels)
        parked = GaugeMetricFamily("window_clerk_outbox_parked", "Outbox items waiting for a person", labels=labels)
        oldest = GaugeMetricFamily("window_clerk_outbox_oldest_age_seconds", "Age of the oldest pending item",
                                   labels=labels)
        last_sync = GaugeMetricFamily("window_clerk_last_sync_age_seconds", "Time since the last successful sync",
                                      labels=labels)
        report_age = GaugeMetricFamily("window_clerk_report_age_seconds", "Time since the last health report",
                                       labels=labels)
        update = GaugeMetricFamily("window_clerk_update_state", "1 for the workstation's update state",
                                   labels=[*labels, "state"])
        devices_bad = GaugeMetricFamily("window_clerk_devices_not_ok", "Devices reported missing or failing",
                                        labels=labels)
        with ctx.db.read() as s:
            for org, service, n, first in s.execute(
                select(Ticket.org_code, Ticket.service, func.count(), func.min(Ticket.issued_ts))
                .where(Ticket.day == day, Ticket.state == "waiting").group_by(Ticket.org_code, Ticket.service)
            ):
                waiting.add_metric([org, service], int(n))
                longest.add_metric([org, service], max(0.0, now - float(first)))
            for org, service, n in s.execute(
                select(Ticket.org_code, Ticket.service, func.count())
                .where(Ticket.day == day, Ticket.first_called_ts.is_not(None))
                .group_by(Ticket.org_code, Ticket.service)
            ):
                called.add_metric([org, service], int(n))
            for org, state, n in s.execute(select(QueueWindow.org_code, QueueWindow.state, func.count())
                                           .group_by(QueueWindow.org_code, QueueWindow.state)):
                windows.add_metric([org, state], int(n))
            for status, n in s.execute(select(Case.status, func.count()).group_by(Case.status)):
                cases.add_metric([status], int(n))
            n_files, n_bytes = s.execute(select(func.count(), func.coalesce(func.sum(Blob.size), 0))).one()
            files.add_metric([], int(n_files))
            file_bytes.add_metric([], int(n_bytes))
            for r in s.scalars(select(WorkstationReport)):
                values = [r.org_code, r.device_id, r.window or "", r.version]
                pending.add_metric(values, r.outbox_pending)
                parked.add_metric(values, r.outbox_parked)
                oldest.add_metric(values, max(0.0, now - r.outbox_oldest_ts) if r.outbox_oldest_ts else 0.0)
                if r.last_sync_ts is not None:
                    last_sync.add_metric(values, max(0.0, now - r.last_sync_ts))
                report_age.add_metric(values, max(0.0, now - r.reported_ts))
                update.add_metric([*values, update_check(ctx, r.version)["state"]], 1)
                devices_bad.add_metric(values, sum(1 for d in json.loads(r.devices) if d.get("state") != "ok"))
        yield from (waiting, longest, called, windows, cases, files, file_bytes, pending, parked, oldest, last_sync,
                    report_age, update, devices_bad)


def process_registry() -> CollectorRegistry:
    """The per-process figures: summed over every worker's files in multiprocess mode."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    return REGISTRY


def render(ctx: ServerContext) -> bytes:
    db_registry = CollectorRegistry(auto_describe=False)
    db_registry.register(DatabaseCollector(ctx))
    return generate_latest(process_registry()) + generate_latest(db_registry)


def check_reader(ctx: ServerContext, request: Request) -> None:
    token = ctx.config.metrics_token
    if token:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
            return
        raise authz.Denied("the metrics token is missing or wrong", reason="metrics without the metrics token")
    client = request.client.host if request.client else ""
    if client not in LOOPBACK:
        raise authz.Denied("metrics are served to loopback clients only (configure a metrics token)",
                           reason=f"metrics from {client} without a metrics token configured")


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    ctx = get_ctx(request)
    check_reader(ctx, request)
    body = await run_in_threadpool(render, ctx)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def clear_multiproc_dir(path: str) -> None:
    """Empties the multiprocess directory before workers start (stale files would add old counts)."""
    os.makedirs(path, exist_ok=True)
    for name in os.listdir(path):
        if name.endswith(".db"):
            os.unlink(os.path.join(path, name))


__all__ = ["MetricsMiddleware", "router", "render", "clear_multiproc_dir"]
