"""Operators, passwords (scrypt), bearer tokens, login with a failure rate limit, and the auth guard.

Passwords: ``hashlib.scrypt`` with n=2**14, r=8, p=1, a 16-byte random salt and a 32-byte key,
stored as ``scrypt$n$r$p$salt$key`` (base64). Tokens: 32 random bytes (``secrets``), stored only as
their SHA-256, valid for ``Config.token_ttl_s`` (12 h by default).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice.context import ServerContext, get_ctx
from backoffice.db import Token, User
from backoffice.errors import ApiError, fields_of, invalid

ROLES = ("clerk", "supervisor", "field", "admin")
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN = 2**14, 8, 1, 32


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=SCRYPT_DKLEN)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(key).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, key_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, key = base64.b64decode(salt_b64), base64.b64decode(key_b64)
        got = hashlib.scrypt(
            password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(key), maxmem=64 * 1024 * 1024
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, key)


_DUMMY_HASH = hash_password(secrets.token_hex(8))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class UserExists(ValueError):
    pass


def create_user(
    session: Session,
    username: str,
    password: str,
    roles: list[str],
    display_name: str | None = None,
    windows: list[str] | None = None,
    org_code: str = "",
    replace: bool = False,
) -> None:
    """Adds an operator (or replaces one with ``replace``); raises ValueError on bad input."""
    if not username or len(username) > 64 or not username.isprintable() or " " in username:
        raise ValueError(f"bad username {username!r}")
    if len(password) < 4:
        raise ValueError("the password is too short (at least 4 characters)")
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise ValueError(f"unknown role(s) {', '.join(bad) or '(none)'}; roles: {', '.join(ROLES)}")
    existing = session.get(User, username)
    if existing is not None and not replace:
        raise UserExists(f"user {username!r} already exists")
    user = existing or User(username=username)
    user.display_name = display_name or username
    user.password_hash = hash_password(password)
    user.roles = json.dumps(roles)
    user.windows = json.dumps(windows or [])
    user.org_code = org_code
    user.active = True
    if existing is None:
        session.add(user)


@dataclass(frozen=True)
class Operator:
    username: str
    display_name: str
    roles: tuple[str, ...]
    org_code: str
    windows: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "roles": list(self.roles),
            "org_code": self.org_code,
            "windows": list(self.windows),
        }


def _operator(user: User) -> Operator:
    return Operator(
        username=user.username,
        display_name=user.display_name,
        roles=tuple(json.loads(user.roles)),
        org_code=user.org_code,
        windows=tuple(json.loads(user.windows)),
    )


class LoginLimiter:
    """Counts failed logins per (username, client); too many within the window → 429."""

    def __init__(self, max_failures: int, window_s: float) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: tuple[str, str]) -> int:
        now = time.monotonic()
        with self._lock:
            q = self._failures.get(key)
            if not q:
                return 0
            while q and q[0] <= now - self.window_s:
                q.popleft()
            if len(q) >= self.max_failures:
                return max(1, int(q[0] + self.window_s - now + 0.999))
            return 0

    def failed(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.setdefault(key, deque()).append(time.monotonic())

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.pop(key, None)


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(min_length=1, max_length=200)


class TokenCache:
    """Token digest → (operator, expiry); spares a database read on every request."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[Operator, float]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> tuple[Operator, float] | None:
        with self._lock:
            return self._items.get(digest)

    def put(self, digest: str, op: Operator, expires_ts: float) -> None:
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()
            self._items[digest] = (op, expires_ts)


router = APIRouter()


def _limiter(ctx: ServerContext) -> LoginLimiter:
    lim = ctx.state.get("login_limiter")
    if lim is None:
        lim = ctx.state["login_limiter"] = LoginLimiter(ctx.config.login_max_failures, ctx.config.login_window_s)
    assert isinstance(lim, LoginLimiter)
    return lim


def _tokens(ctx: ServerContext) -> TokenCache:
    cache = ctx.state.get("token_cache")
    if cache is None:
        cache = ctx.state["token_cache"] = TokenCache()
    assert isinstance(cache, TokenCache)
    return cache


def _login_impl(ctx: ServerContext, raw: bytes, client: str) -> dict[str, Any]:
    try:
        req = LoginRequest.model_validate_json(raw)
    except ValidationError as err:
        raise invalid(fields_of(err)) from None
    key = (req.username, client)
    limiter = _limiter(ctx)
    wait = limiter.retry_after(key)
    if wait:
        raise ApiError(
            429, "too_many_attempts", f"too many failed logins; try again in {wait} s", headers={"Retry-After": str(wait)}
        )
    with ctx.db.read() as s:
        user = s.get(User, req.username)
        op = _operator(user) if user is not None and user.active else None
        stored = user.password_hash if op is not None and user is not None else _DUMMY_HASH
    if not verify_password(req.password, stored) or op is None:
        limiter.failed(key)
        raise ApiError(401, "bad_credentials", "wrong username or password")
    limiter.succeeded(key)
    token = secrets.token_urlsafe(32)
    now = ctx.now_ts()
    expires = now + ctx.config.token_ttl_s
    with ctx.db.write() as s:
        s.execute(delete(Token).where(Token.expires_ts < now))
        s.add(Token(token_hash=token_digest(token), username=op.username, device_id=req.device_id, expires_ts=expires))
    return {"token": token, "expires_at": ctx.iso(expires), "operator": op.as_json()}


@router.post("/api/v1/auth/login")
async def login_route(request: Request) -> dict[str, Any]:
    ctx = get_ctx(request)
    raw = await request.body()
    client = request.client.host if request.client else "?"
    return await run_in_threadpool(_login_impl, ctx, raw, client)


def _load_token(ctx: ServerContext, digest: str) -> tuple[Operator, float] | None:
    with ctx.db.read() as s:
        row = s.execute(
            select(Token, User).join(User, User.username == Token.username).where(Token.token_hash == digest)
        ).first()
        if row is None or not row[1].active:
            return None
        hit = (_operator(row[1]), row[0].expires_ts)
    _tokens(ctx).put(digest, *hit)
    return hit


async def require_operator(request: Request) -> Operator:
    """The guard on every path but health and login: a valid, unexpired bearer token."""
    ctx = get_ctx(request)
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    digest = token_digest(token.strip())
    hit = _tokens(ctx).get(digest)
    if hit is None:
        hit = await run_in_threadpool(_load_token, ctx, digest)
    if hit is None:
        raise ApiError(401, "unauthorized", "unknown token", headers={"WWW-Authenticate": "Bearer"})
    op, expires = hit
    if expires <= ctx.now_ts():
        raise ApiError(401, "token_expired", "the token has expired", headers={"WWW-Authenticate": "Bearer"})
    return op


CurrentOperator = Annotated[Operator, Depends(require_operator)]
