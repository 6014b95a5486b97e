"""Every error leaves the server as ``{"error": {"code", "message", "fields"?}}``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

_DEFAULT_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error reply: status, snake_case code, human message, optional per-field messages."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.headers = headers


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if fields is not None:
        err["fields"] = fields
    return {"error": err}


def error_response(
    status: int, code: str, message: str, fields: dict[str, str] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message, fields), status_code=status, headers=headers)


def _loc_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in loc) or "(document)"


def fields_of(err: ValidationError, prefix: tuple[Any, ...] = ()) -> dict[str, str]:
    """pydantic errors as ``{"materials.1.deadline": "message"}`` (first message per path)."""
    out: dict[str, str] = {}
    for e in err.errors(include_url=False):
        path = _loc_path(prefix + tuple(e["loc"]))
        msg = str(e["msg"])
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        out.setdefault(path, msg)
    return out


def invalid(fields: dict[str, str], message: str = "the request is invalid") -> ApiError:
    return ApiError(422, "invalid", message, fields)


def install_handlers(app: FastAPI) -> None:
    async def on_api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.code, exc.message, exc.fields, exc.headers)

    async def on_http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _DEFAULT_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, None, dict(exc.headers or {}) or None)

    async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        fields: dict[str, str] = {}
        for e in exc.errors():
            fields.setdefault(_loc_path(tuple(e.get("loc", ()))), str(e.get("msg", "invalid")))
        return error_response(422, "invalid", "the request is invalid", fields)

    async def on_unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return error_response(500, "internal_error", "internal server error")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
