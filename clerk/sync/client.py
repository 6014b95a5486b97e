"""HTTP client of the platform API (shared/platform-api.md), with typed errors and streamed file uploads.

Errors: ``TransientError`` (5xx, 408, 429 with ``Retry-After``, connection refused/reset, time-outs,
a reply broken off mid-body), ``AuthError`` (401), ``PermanentError`` (any other 4xx, carrying the
server's ``code``, ``message`` and ``fields``) and ``Conflict`` (409) as a kind of PermanentError.
The client relies on nothing the contract does not write down.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import requests

from clerk.errors import ClerkError
from clerk.materials.pagestore import PageStore

log = logging.getLogger(__name__)

API = "/api/v1"
UPLOAD_CHUNK = 1 << 20
TokenProvider = Callable[[], "str | None"]


class SyncError(ClerkError):
    """Base of the client's errors; ``message`` is what a person may read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransientError(SyncError):
    """Worth retrying later (with backoff); ``retry_after`` in seconds when the server said so."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None,
                 unreachable: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.unreachable = unreachable
        """True when no connection could be made at all (the platform is down or the network is)."""


class AuthError(SyncError):
    """401: the token is missing, unknown or expired — a person has to log in again."""


class PermanentError(SyncError):
    """A 4xx the same request will always get: kept, shown to a person (problems view)."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.fields = dict(fields or {})

    def describe(self) -> str:
        """One line: ``422 invalid: the document is invalid (applicant.name: …)``."""
        extra = "; ".join(f"{k}: {v}" for k, v in self.fields.items())
        return f"{self.status} {self.code}: {self.message}" + (f" ({extra})" if extra else "")


class Conflict(PermanentError):
    """409: e.g. the same idempotency key was used with a different document."""


@dataclass(frozen=True)
class LoginResult:
    token: str = field(repr=False)
    expires_at: dt.datetime | None
    operator: dict[str, Any]


@dataclass(frozen=True)
class CatalogReply:
    """``not_modified`` for a 304; otherwise the catalog document and its ETag."""

    not_modified: bool
    etag: str | None
    document: dict[str, Any] | None = None


@dataclass(frozen=True)
class CaseReceipt:
    case_uuid: str
    platform_case_id: str | None
    status: str
    missing_files: tuple[str, ...]
    updated_at: str | None = None
    created: bool = False


@dataclass(frozen=True)
class MatterStatus:
    """API 1.1: one matter's status in a case-update line."""

    code: str
    status: str
    national_code: str | None = None
    project_no: str = ""
    """办件编号: the platform's number of this matter's handling."""


@dataclass(frozen=True)
class CaseUpdate:
    case_uuid: str
    status: str
    note: str
    at: str
    matters: tuple[MatterStatus, ...] = ()
    """API 1.1: the matters the line moved (empty: a case-level status, as in v1)."""


@dataclass(frozen=True)
class UpdatesPage:
    items: tuple[CaseUpdate, ...]
    next: str


class FileBody:
    """A request body read from the page store in 1 MiB chunks, with a known length (no chunked
    encoding, no whole file in memory). One use per request."""

    def __init__(self, chunks: Iterator[bytes], size: int) -> None:
        self._chunks = chunks
        self._size = size

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _error_parts(resp: requests.Response, body: bytes) -> tuple[str, str, dict[str, Any]]:
    try:
        err = json.loads(body)["error"]
        return str(err.get("code") or "error"), str(err.get("message") or resp.reason or ""), dict(err.get("fields") or {})
    except (ValueError, KeyError, TypeError, AttributeError):
        return f"http_{resp.status_code}", (resp.reason or f"HTTP {resp.status_code}"), {}


class PlatformClient:
    """One platform (base URL). Not shared between threads: give each thread its own client."""

    def __init__(self, base_url: str, token_provider: TokenProvider | None = None,
                 timeout: float | tuple[float, float] = (5.0, 60.0), *, session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token_provider = token_provider or (lambda: None)
        self.timeout = timeout
        self.http = session or requests.Session()
        self.http.headers["User-Agent"] = "window-clerk/1"

    def __repr__(self) -> str:
        return f"PlatformClient({self.base_url!r})"

    def close(self) -> None:
        self.http.close()

    # -- plumbing ---------------------------------------------------------------------------------
    def _request(self, method: str, path: str, *, auth: bool = True, ok: tuple[int, ...] = (200, 201),
                 headers: dict[str, str] | None = None, **kw: Any) -> tuple[requests.Response, bytes]:
        hdrs = dict(headers or {})
        if auth:
            token = self.token_provider()
            if not token:
                raise AuthError("没有有效的登录凭据，请重新登录平台")
            hdrs["Authorization"] = f"Bearer {token}"
        url = self.base_url + path
        try:
            resp = self.http.request(method, url, headers=hdrs, timeout=self.timeout, **kw)
            body = resp.content  # a reply broken off mid-body raises here
        except requests.ConnectionError as exc:
            unreachable = _is_refused(exc)
            raise TransientError(f"连接平台失败：{_short(exc)}", unreachable=unreachable) from None
        except requests.Timeout as exc:
            raise TransientError(f"平台响应超时：{_short(exc)}") from None
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            raise TransientError(f"平台响应中断：{_short(exc)}") from None
        except requests.RequestException as exc:
            raise TransientError(f"请求失败：{_short(exc)}") from None
        status = resp.status_code
        if status in ok:
            return resp, body
        code, message, fields = _error_parts(resp, body)
        if status == 401:
            raise AuthError(f"平台要求重新登录（{message}）")
        if status in (408, 429) or status >= 500:
            raise TransientError(f"平台暂时无法处理（{status} {message}）", status=status,
                                 retry_after=parse_retry_after(resp.headers.get("Retry-After")))
        if status == 409:
            raise Conflict(status, code, message, fields)
        if 400 <= status < 500:
            raise PermanentError(status, code, message, fields)
        raise TransientError(f"平台返回了意外的状态 {status}", status=status)

    @staticmethod
    def _json(body: bytes) -> Any:
        try:
            return json.loads(body)
        except ValueError:
            raise TransientError("平台响应不完整（不是有效的 JSON）") from None

    # -- the API ------------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        _, body = self._request("GET", f"{API}/health", auth=False, ok=(200,))
        data = self._json(body)
        return dict(data) if isinstance(data, dict) else {}

    def api_revision(self) -> str:
        """The platform's API revision from ``/api/v1/health`` (``api_revision``; a v1 platform sends
        only ``api_version``: "1")."""
        return self.capabilities()[0]

    def capabilities(self) -> tuple[str, tuple[str, ...]]:
        """The platform's API revision and the features its health lists (``"matters"``: API 1.1's
        matters, per-matter statuses, region and waybill numbers; docs/api.md)."""
        data = self.health()
        features = data.get("features")
        names = tuple(str(f) for f in features) if isinstance(features, list) else ()
        return str(data.get("api_revision") or data.get("api_version") or "1"), names

    def login(self, username: str, password: str, device_id: str) -> LoginResult:
        _, body = self._request("POST", f"{API}/auth/login", auth=False, ok=(200,),
                                json={"username": username, "password": password, "device_id": device_id})
        data = self._json(body)
        expires = data.get("expires_at")
        return LoginResult(str(data["token"]), dt.datetime.fromisoformat(expires) if expires else None,
                           dict(data.get("operator") or {}))

    def logout(self) -> None:
        """Revokes this client's token on the platform (1.1; a v1 platform answers 404, ignored)."""
        try:
            self._request("POST", f"{API}/auth/logout", ok=(200, 204))
        except PermanentError:
            pass

    def get_catalog(self, etag: str | None = None) -> CatalogReply:
        headers = {"If-None-Match": etag} if etag else {}
        resp, body = self._request("GET", f"{API}/catalog", ok=(200, 304), headers=headers)
        if resp.status_code == 304:
            return CatalogReply(True, resp.headers.get("ETag") or etag)
        return CatalogReply(False, resp.headers.get("ETag"), self._json(body))

    def post_case(self, document: dict[str, Any], key: str) -> CaseReceipt:
        resp, body = self._request("POST", f"{API}/cases", json=document, headers={"Idempotency-Key": key})
        return _receipt(self._json(body), created=resp.status_code == 201)

    def get_case(self, case_uuid: str) -> CaseReceipt:
        _, body = self._request("GET", f"{API}/cases/{case_uuid}", ok=(200,))
        return _receipt(self._json(body))

    def put_file(self, case_uuid: str, sha256: str, chunks: Iterator[bytes], size: int, media_type: str) -> bool:
        """Streams one file; True when the server stored it now, False when it had it already."""
        resp, _ = self._request("PUT", f"{API}/cases/{case_uuid}/files/{sha256}", data=FileBody(chunks, size),
                                headers={"Content-Type": media_type, "Content-Length": str(size)})
        return resp.status_code == 201

    def put_file_from_store(self, pages: PageStore, case_uuid: str, sha256: str, size: int, media_type: str) -> bool:
        return self.put_file(case_uuid, sha256, pages.iter_chunks(sha256, UPLOAD_CHUNK), size, media_type)

    def post_event(self, case_uuid: str, event: dict[str, Any], key: str) -> CaseReceipt:
        resp, body = self._request("POST", f"{API}/cases/{case_uuid}/events", json=event,
                                   headers={"Idempotency-Key": key})
        data = self._json(body)
        return _receipt({"case_uuid": case_uuid, **data}, created=resp.status_code == 201)

    def get_updates(self, after: str | None, limit: int = 200) -> UpdatesPage:
        params: dict[str, Any] = {"limit": limit}
        if after:
            params["after"] = after
        _, body = self._request("GET", f"{API}/case-updates", ok=(200,), params=params)
        data = self._json(body)
        items = tuple(CaseUpdate(str(i["case_uuid"]), str(i["status"]), str(i.get("note") or ""), str(i.get("at") or ""),
                                 _matter_statuses(i.get("matters")))
                      for i in data.get("items", []))
        return UpdatesPage(items, str(data.get("next") or after or ""))

    def post_health(self, device_id: str, report: dict[str, Any]) -> dict[str, Any] | None:
        """The workstation's health report (1.1); None when the platform has no such endpoint (v1)."""
        from urllib.parse import quote

        try:
            _, body = self._request("POST", f"{API}/workstations/{quote(device_id, safe='')}/health", ok=(200,),
                                    json=report)
        except PermanentError as exc:
            if exc.status in (404, 405):
                return None
            raise
        data = self._json(body)
        return dict(data) if isinstance(data, dict) else {}

    def post_evaluation(self, evaluation: dict[str, Any], key: str) -> bool:
        resp, body = self._request("POST", f"{API}/evaluations", json=evaluation, headers={"Idempotency-Key": key})
        self._json(body)
        return resp.status_code == 201


def _matter_statuses(value: Any) -> tuple[MatterStatus, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(MatterStatus(str(m["code"]), str(m["status"]), m.get("national_code"), str(m.get("project_no") or ""))
                 for m in value if isinstance(m, dict) and "code" in m and "status" in m)


def at_least(revision: str, wanted: str) -> bool:
    """Whether an API revision (``"1"``, ``"1.1"``, ``"1.2"`` …) is at least ``wanted``."""
    def parts(text: str) -> tuple[int, ...]:
        out = []
        for p in text.split("."):
            out.append(int(p) if p.isdigit() else 0)
        return tuple(out)

    return parts(revision) >= parts(wanted)


def _receipt(data: Any, *, created: bool = False) -> CaseReceipt:
    if not isinstance(data, dict) or "case_uuid" not in data:
        raise TransientError("平台响应缺少 case_uuid")
    return CaseReceipt(
        case_uuid=str(data["case_uuid"]),
        platform_case_id=data.get("platform_case_id"),
        status=str(data.get("status") or ""),
        missing_files=tuple(str(s) for s in data.get("missing_files") or ()),
        updated_at=data.get("updated_at"),
        created=created,
    )


def _is_refused(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ConnectionRefusedError) or "Connection refused" in str(cur) or "Name or service" in str(cur):
            return True
        cur = cur.__cause__ or cur.__context__ or (cur.args[0] if cur.args and isinstance(cur.args[0], BaseException) else None)
    return False


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 160 else text[:157] + "…"

