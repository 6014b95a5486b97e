"""Operators, passwords (scrypt), bearer tokens, login with a failure limit, logout, and the auth guard.

Passwords: ``hashlib.scrypt`` with n=2**14, r=8, p=1, a 16-byte random salt and a 32-byte key,
stored as ``scrypt$n$r$p$salt$key`` (base64). Tokens: 32 random bytes (``secrets``), stored only as
their SHA-256, valid for ``Config.token_ttl_s`` (12 h by default). Tokens are looked up in the
database on every request (no per-process cache), so a logout, a password change or a deactivated
operator takes effect at once on every worker.

The login limit is counted in the database (``LoginAttempt``), per username and per client address,
inside one serialised transaction *before* the password hash is computed: an attempt takes a slot
first, so 50 parallel guesses get at most ``login_max_failures`` evaluated and the rest 429 with
``Retry-After``; a wrong password keeps its slot for ``login_window_s``, a right one frees it and
clears the username's failures.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.context import ServerContext, get_ctx
from backoffice.db import LoginAttempt, Token, User
from backoffice.errors import ApiError
from backoffice.limits import parse_body

ROLES = ("clerk", "supervisor", "field", "admin", "kiosk", "booking")
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
    same_password = existing is not None and verify_password(password, existing.password_hash)
    user.display_name = display_name or username
    if not same_password:
        user.password_hash = hash_password(password)
    user.roles = json.dumps(roles)
    user.windows = json.dumps(windows or [])
    user.org_code = org_code
    user.active = True
    if existing is None:
        session.add(user)
    elif not same_password:
        revoke_tokens(session, username)  # a new password: the old sessions end


def revoke_tokens(session: Session, username: str) -> int:
    """Deletes every token of an operator (password changed, operator replaced or deactivated)."""
    return int(session.execute(delete(Token).where(Token.username == username)).rowcount or 0)  # type: ignore[attr-defined]


def set_password(session: Session, username: str, password: str) -> int:
    """A new password for an operator; every token they hold stops working. Returns the tokens revoked."""
    if len(password) < 4:
        raise ValueError("the password is too short (at least 4 characters)")
    user = session.get(User, username)
    if user is None:
        raise ValueError(f"no operator {username!r}")
    user.password_hash = hash_password(password)
    return revoke_tokens(session, username)


def set_active(session: Session, username: str, active: bool) -> None:
    user = session.get(User, username)
    if user is None:
        raise ValueError(f"no operator {username!r}")
    user.active = active
    if not active:
        revoke_tokens(session, username)


def issue_device_token(session: Session, username: str, device_id: str, now: float, ttl_s: float) -> str:
    """A long-lived token for a device that no person logs in on (a kiosk's ``kiosk`` account).

    Stored like every token (its SHA-256 only); revoked like them (``set-password``, ``deactivate``).
    """
    user = session.get(User, username)
    if user is None or not user.active:
        raise ValueError(f"no active operator {username!r}")
    if not device_id or len(device_id) > 200:
        raise ValueError("a device id is 1–200 characters")
    token = secrets.token_urlsafe(32)
    session.add(Token(token_hash=token_digest(token), username=username, device_id=device_id,
                      expires_ts=now + ttl_s, issued_ts=now))
    return token


@dataclass(frozen=True)
class Operator:
    username: str
    display_name: str
    roles: tuple[str, ...]
    org_code: str
    windows: tuple[str, ...]
    token_digest: str = ""
    device_id: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "roles": list(self.roles),
            "org_code": self.org_code,
            "windows": list(self.windows),
        }


def _operator(user: User, digest: str = "", device_id: str = "") -> Operator:
    return Operator(
        username=user.username,
        display_name=user.display_name,
        roles=tuple(json.loads(user.roles)),
        org_code=user.org_code,
        windows=tuple(json.loads(user.windows)),
        token_digest=digest,
        device_id=device_id,
    )


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(min_length=1, max_length=200)


router = APIRouter()


def _too_many(wait: float) -> ApiError:
    seconds = max(1, int(wait + 0.999))
    return ApiError(429, "too_many_attempts", f"too many failed logins; try again in {seconds} s",
                    headers={"Retry-After": str(seconds)})


def _lock_keys(ctx: ServerContext, s: Session, *keys: str) -> None:
    """PostgreSQL: serialise the transactions that count the same keys (SQLite serialises every write)."""
    if ctx.db.is_sqlite:
        return
    for key in sorted(set(keys)):
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": "login:" + key})


def reserve_attempt(ctx: ServerContext, username: str, client: str) -> int:
    """Takes a slot for one attempt, or raises 429 when the username or the address has none left."""
    cfg = ctx.config
    now = ctx.now_ts()
    since = now - cfg.login_window_s
    user_key, addr_key = username[:64], client[:64]
    with ctx.db.write(durable=False) as s:
        _lock_keys(ctx, s, "u:" + user_key, "a:" + addr_key)
        s.execute(delete(LoginAttempt).where(LoginAttempt.ts < since))
        for column, key, limit in ((LoginAttempt.user_key, user_key, cfg.login_max_failures),
                                   (LoginAttempt.addr_key, addr_key, cfg.login_max_failures_per_addr)):
            n, oldest = s.execute(select(func.count(), func.min(LoginAttempt.ts))
                                  .where(column == key, LoginAttempt.ts >= since)).one()
            if int(n) >= limit:
                raise _too_many(float(oldest) + cfg.login_window_s - now)
        row = LoginAttempt(user_key=user_key, addr_key=addr_key, ts=now, state="pending")
        s.add(row)
        s.flush()
        return int(row.id)


def settle_attempt(ctx: ServerContext, attempt_id: int, username: str, ok: bool) -> None:
    with ctx.db.write(durable=False) as s:
        if ok:
            s.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt_id))
            s.execute(delete(LoginAttempt).where(LoginAttempt.user_key == username[:64],
                                                 LoginAttempt.state == "failed"))
        else:
            row = s.get(LoginAttempt, attempt_id)
            if row is not None:
                row.state = "failed"


def _login_impl(ctx: ServerContext, raw: bytes, client: str) -> dict[str, Any]:
    req = parse_body(LoginRequest, raw, ctx.config.max_json_depth)
    try:
        attempt = reserve_attempt(ctx, req.username, client)
    except ApiError as exc:
        authz.record(ctx, username=req.username, org_code="", roles=(), action="POST /api/v1/auth/login",
                     outcome="denied", status=exc.status, reason="login throttled", client=client)
        raise
    with ctx.db.read() as s:
        user = s.get(User, req.username)
        op = _operator(user) if user is not None and user.active else None
        stored = user.password_hash if op is not None and user is not None else _DUMMY_HASH
    ok = verify_password(req.password, stored) and op is not None
    settle_attempt(ctx, attempt, req.username, ok)
    if not ok or op is None:
        authz.record(ctx, username=req.username, org_code=op.org_code if op else "", roles=op.roles if op else (),
                     action="POST /api/v1/auth/login", outcome="denied", status=401, reason="bad credentials",
                     client=client)
        raise ApiError(401, "bad_credentials", "wrong username or password")
    token = secrets.token_urlsafe(32)
    now = ctx.now_ts()
    expires = now + ctx.config.token_ttl_s
    with ctx.db.write() as s:
        s.execute(delete(Token).where(Token.expires_ts < now))
        s.add(Token(token_hash=token_digest(token), username=op.username, device_id=req.device_id,
                    expires_ts=expires, issued_ts=now))
    return {"token": token, "expires_at": ctx.iso(expires), "operator": op.as_json()}


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.post("/api/v1/auth/login")
async def login_route(request: Request) -> dict[str, Any]:
    ctx = get_ctx(request)
    raw = await request.body()
    return await run_in_threadpool(_login_impl, ctx, raw, client_address(request))


def _load_token(ctx: ServerContext, digest: str) -> tuple[Operator, float] | None:
    with ctx.db.read() as s:
        row = s.execute(
            select(Token, User).join(User, User.username == Token.username).where(Token.token_hash == digest)
        ).first()
        if row is None or not row[1].active:
            return None
        return _operator(row[1], digest, row[0].device_id), row[0].expires_ts


async def require_operator(request: Request) -> Operator:
    """The guard on every path but health and login: a valid, unexpired, unrevoked bearer token."""
    ctx = get_ctx(request)
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 512:
        raise ApiError(401, "unauthorized", "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    digest = token_digest(token.strip())
    hit = await run_in_threadpool(_load_token, ctx, digest)
    if hit is None:
        raise ApiError(401, "unauthorized", "unknown token", headers={"WWW-Authenticate": "Bearer"})
    op, expires = hit
    if expires <= ctx.now_ts():
        raise ApiError(401, "token_expired", "the token has expired", headers={"WWW-Authenticate": "Bearer"})
    request.state.operator = op
    return op


CurrentOperator = Annotated[Operator, Depends(require_operator)]


def _logout(ctx: ServerContext, op: Operator) -> None:
    with ctx.db.write() as s:
        s.execute(delete(Token).where(Token.token_hash == op.token_digest))


@router.post("/api/v1/auth/logout")
async def logout_route(request: Request, op: CurrentOperator) -> dict[str, Any]:
    """Revokes the token of this request (1.1): it answers 401 from now on, on every worker."""
    await run_in_threadpool(_logout, get_ctx(request), op)
    return {"status": "logged_out"}
