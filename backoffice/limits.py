"""Limits every request meets before a route sees it: body size (enforced while reading) and JSON depth.

``BodyLimit`` is a pure ASGI middleware. A declared ``Content-Length`` over the route's cap is
answered 413 at once, before a byte of the body is read (the connection is then closed); a body sent
without a length (chunked) is counted as it arrives and refused with 413 as soon as it passes the
cap — nothing is ever buffered beyond the cap. Caps: file uploads stream to disk and check their own
cap (``files.py``); case documents, events, evaluations and visits ``Config.max_json_bytes``;
everything else (login, queue moves, windows …) ``Config.max_small_bytes``.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backoffice.config import Config
from backoffice.errors import ApiError, fields_of, invalid

M = TypeVar("M", bound=BaseModel)

_FILE_PATH = re.compile(r"^/api/v1/cases/[^/]+/files/[^/]+$")
_JSON_PATHS = re.compile(r"^/api/v1/(cases|cases/[^/]+/events|evaluations|visits)$")
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(rb"[\[\]{}]")


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "payload_too_large", f"the request body is larger than {limit} bytes")


class BodyLimit:
    def __init__(self, app: ASGIApp, config: Config) -> None:
        self.app = app
        self.config = config

    def limit_for(self, method: str, path: str) -> int | None:
        if method in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return self.config.max_small_bytes
        if _FILE_PATH.match(path):
            return None  # streamed to disk with its own cap and a readable 413 (files.py)
        if _JSON_PATHS.match(path):
            return self.config.max_json_bytes
        return self.config.max_small_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        if limit is None:
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                declared = value
                break
        if declared is not None:
            if not declared.isdigit() or len(declared) > 18:
                await _reply(send, 400, "bad_request", "bad Content-Length")
                return
            if int(declared) > limit:
                await _reply(send, 413, "payload_too_large", f"the request body is larger than {limit} bytes")
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


async def _reply(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def json_depth(raw: bytes) -> int:
    """The nesting depth of a JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    for b in _BRACKETS.findall(_STRINGS.sub(b'""', raw)):
        if b in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_depth(raw: bytes, limit: int) -> None:
    if raw.count(b"[") + raw.count(b"{") > limit and json_depth(raw) > limit:
        raise ApiError(422, "invalid", f"the JSON is nested deeper than {limit} levels",
                       {"(document)": f"nested deeper than {limit} levels"})


def parse_body(model: type[M], raw: bytes, max_depth: int = 32, *, empty_ok: bool = False) -> M:
    """The one strict way a JSON body becomes a model: depth first, then pydantic (422 with fields)."""
    if empty_ok and not raw.strip():
        raw = b"{}"
    check_depth(raw, max_depth)
    try:
        return model.model_validate_json(raw)
    except ValidationError as err:
        if any(e["type"] == "json_invalid" for e in err.errors()):
            raise ApiError(422, "invalid_json", "the body is not valid JSON", {"(document)": "invalid JSON"}) from None
        raise invalid(fields_of(err), "the document is invalid") from None
