"""Fault injection (off by default): an ASGI middleware that drops connections, fails or slows requests.

Per request one random draw picks at most one fault: ``drop`` (the connection breaks in the middle of
the response body, either before the request was handled or after — the client cannot tell whether
it took effect), ``error500``/``error503`` (likewise before or after handling), ``error429`` (with
``Retry-After``) or ``slow`` (a pause before handling). ``/api/v1/health`` is never touched.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backoffice.config import FaultSpec

HEALTH_PATH = "/api/v1/health"


class InjectedDrop(Exception):
    """Raised after part of a response went out: uvicorn then closes the connection."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, InjectedDrop)


def quiet_uvicorn_logs() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())


class FaultMiddleware:
    def __init__(self, app: ASGIApp, spec: FaultSpec) -> None:
        self.app = app
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.injected: dict[str, int] = {}
        quiet_uvicorn_logs()

    def _pick(self) -> str | None:
        s = self.spec
        u = self.rng.random()
        for name, p in (("drop", s.drop), ("error500", s.error500), ("error503", s.error503),
                        ("error429", s.error429), ("slow", s.slow)):
            if u < p:
                return name
            u -= p
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == HEALTH_PATH or not self.spec.active:
            await self.app(scope, receive, send)
            return
        fault = self._pick()
        if fault is None:
            await self.app(scope, receive, send)
            return
        self.injected[fault] = self.injected.get(fault, 0) + 1
        after = self.rng.random() < 0.5
        if fault == "slow":
            await asyncio.sleep(self.spec.slow_s * (0.5 + self.rng.random()))
            await self.app(scope, receive, send)
        elif fault == "error429":
            await _error(send, 429, "rate_limited", "injected: slow down", {"Retry-After": str(self.spec.retry_after_s)})
        elif fault in ("error500", "error503"):
            status = 500 if fault == "error500" else 503
            if after:
                await self.app(scope, receive, _swallow)
            await _error(send, status, "injected_fault", f"injected: {status}", {})
        else:
            if after:
                await self.app(scope, receive, _truncating(send))
                return
            body = b'{"injected": "drop"}' * 8
            await send({"type": "http.response.start", "status": 200, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body[: len(body) // 3], "more_body": True})
            raise InjectedDrop("injected connection drop")


async def _swallow(_message: Message) -> None:
    return None


def _truncating(send: Send) -> Send:
    started: dict[str, Any] = {}

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            started["m"] = message
            await send(message)
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
            raise InjectedDrop("injected connection drop")
        else:
            await send(message)

    return wrapped


async def _error(send: Send, status: int, code: str, message: str, headers: dict[str, str]) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})
