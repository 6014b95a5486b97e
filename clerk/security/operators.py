"""Operators at this workstation: online login through the platform, offline login, lock-out, idle lock.

An online login (the platform says who the operator is: roles, windows, display name, org) records
the operator in the ``operators`` table with a slow local verifier — ``hashlib.scrypt`` with n=2**15,
r=8, p=1 and a 16-byte salt, stored as ``scrypt$n$r$p$salt$key`` — never the password. Later, with
no network, the same password is checked against it. Wrong passwords back off (1, 2, 4 … s before
the next try) and lock the operator for ``LOCKOUT`` after ``settings.max_failed_logins`` failures.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from clerk import clock
from clerk.errors import ClerkError
from clerk.security import audit
from clerk.security.actor import Actor, Permission, Role
from clerk.settings import Settings
from clerk.store import Store
from clerk.store.models import OperatorRow

SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, KEY_BYTES = 2**15, 8, 1, 16, 32
LOCKOUT = dt.timedelta(minutes=15)
MAX_BACKOFF_S = 30


class LoginError(ClerkError):
    """A login that did not succeed; ``str()`` is the Chinese message for the login dialog."""


class WrongPassword(LoginError):
    def __init__(self, username: str, remaining: int | None) -> None:
        tail = f"，再错 {remaining} 次将锁定" if remaining is not None and remaining > 0 else ""
        super().__init__(f"用户名或密码不正确{tail}")
        self.username = username
        self.remaining = remaining


class LoginThrottled(LoginError):
    def __init__(self, seconds: int) -> None:
        super().__init__(f"密码错误次数较多，请 {seconds} 秒后再试")
        self.seconds = seconds


class OperatorLocked(LoginError):
    def __init__(self, username: str, until: dt.datetime) -> None:
        super().__init__(f"操作员 {username} 因多次密码错误已被锁定，请于 {until:%H:%M} 后再试，或联系大厅管理员")
        self.username = username
        self.until = until


class UnknownOperator(LoginError):
    def __init__(self, username: str) -> None:
        super().__init__(f"本机没有操作员 {username} 的登录记录：首次使用请在联网时登录")
        self.username = username


class PlatformUnavailable(LoginError):
    """The platform could not be reached (the caller then tries offline)."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(f"无法连接政务服务平台{('：' + reason) if reason else ''}")


class NotAllowedToUnlock(LoginError):
    def __init__(self, username: str, locked_for: str) -> None:
        super().__init__(f"只有 {locked_for} 本人或大厅管理人员可以解锁（{username} 不能解锁）")


# -- verifier ----------------------------------------------------------------------------------

def make_verifier(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES,
                         maxmem=_maxmem(n, r, p))
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(key).decode()}"


def check_verifier(password: str, verifier: str) -> bool:
    try:
        scheme, n_s, r_s, p_s, salt_b64, key_b64 = verifier.split("$")
        if scheme != "scrypt":
            return False
        n, r, p = int(n_s), int(r_s), int(p_s)
        salt, key = base64.b64decode(salt_b64), base64.b64decode(key_b64)
        got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(key), maxmem=_maxmem(n, r, p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, key)


def _maxmem(n: int, r: int, p: int) -> int:
    return 128 * r * (n + p + 2) + (16 << 20)


_DUMMY = make_verifier(secrets.token_hex(8))


# -- the service -------------------------------------------------------------------------------

OnlineLogin = Callable[[str, str], dict[str, Any]]
"""Calls the platform's login: returns its reply ``{"token", "expires_at", "operator": {...}}``;
raises ``WrongPassword`` on 401 and ``PlatformUnavailable`` when it cannot be reached."""


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    online: bool
    token: str | None = None
    expires_at: str | None = None


def actor_from(row: OperatorRow, window: str) -> Actor:
    roles = tuple(Role(r) for r in row.roles if r in Role.__members__.values()) or (Role.CLERK,)
    win = window if (not row.windows or window in row.windows) else str(row.windows[0])
    return Actor(row.username, row.display_name or row.username, roles, window=win, org_code=row.org_code)


class OperatorService:
    """Login (online, then offline), lock-out, operator switch; every attempt is audited."""

    def __init__(self, store: Store, settings: Settings, *, online: OnlineLogin | None = None) -> None:
        self.store = store
        self.settings = settings
        self.online = online

    def login(self, username: str, password: str) -> LoginResult:
        """Online when the platform answers (records the operator), else offline against the verifier."""
        username = username.strip()
        if not username or not password:
            raise LoginError("请输入用户名和密码")
        if self.online is not None:
            self._check_not_locked(username)
            try:
                reply = self.online(username, password)
            except WrongPassword:
                self._failed(username, online=True)
            except PlatformUnavailable:
                pass
            else:
                return self.record_online_login(reply, password)
        return LoginResult(self.verify_offline(username, password), online=False)

    def record_online_login(self, reply: dict[str, Any], password: str) -> LoginResult:
        """Stores what the platform said about the operator and a fresh verifier of ``password``."""
        op = reply.get("operator") or {}
        username = str(op.get("username") or "").strip()
        if not username:
            raise LoginError("平台的登录回复中没有操作员信息")
        verifier = make_verifier(password)
        now = clock.now()
        with self.store.write() as s:
            row = s.get(OperatorRow, username)
            if row is None:
                row = OperatorRow(username=username)
                s.add(row)
            row.display_name = str(op.get("display_name") or username)[:100]
            row.roles = [str(r) for r in op.get("roles") or []]
            row.org_code = str(op.get("org_code") or "")[:16]
            row.windows = [str(w) for w in op.get("windows") or []]
            row.verifier = verifier
            row.failed_count = 0
            row.locked_until = None
            row.last_online_login = now
            actor = actor_from(row, self.settings.window)
            audit.append(s, actor, audit.AuditAction.LOGIN, detail={"online": True})
        return LoginResult(actor, True, reply.get("token"), reply.get("expires_at"))

    def verify_offline(self, username: str, password: str, *, action: audit.AuditAction = audit.AuditAction.LOGIN,
                       detail: dict[str, Any] | None = None) -> Actor:
        """Checks ``password`` against the stored verifier (failures count towards the lock-out)."""
        username = username.strip()
        self._check_not_locked(username)
        with self.store.read() as s:
            row = s.get(OperatorRow, username)
            verifier = row.verifier if row is not None and row.verifier else _DUMMY
        ok = check_verifier(password, verifier)  # slow: outside any write transaction
        if row is None or not row.verifier:
            raise UnknownOperator(username)
        if not ok:
            self._failed(username, online=False)
        with self.store.write() as s:
            row = s.get(OperatorRow, username)
            assert row is not None
            row.failed_count = 0
            row.locked_until = None
            actor = actor_from(row, self.settings.window)
            audit.append(s, actor, action, detail={"online": False, **(detail or {})})
        return actor

    def switch(self, current: Actor | None, username: str, password: str) -> LoginResult:
        """Another operator takes over the window (换人): a full login, audited as a switch."""
        result = self.login(username, password)
        with self.store.write() as s:
            audit.append(s, result.actor, audit.AuditAction.OPERATOR_SWITCH,
                         detail={"from": current.username if current else None, "to": result.actor.username})
        return result

    def known(self) -> list[OperatorRow]:
        from sqlalchemy import select

        with self.store.read() as s:
            return list(s.execute(select(OperatorRow).order_by(OperatorRow.username)).scalars())

    def unlock_operator(self, actor: Actor, username: str) -> None:
        """Lifts a lock-out (大厅管理员). Requires SUPERVISE or ADMIN."""
        if not actor.can(Permission.ADMIN):
            actor.require(Permission.SUPERVISE)
        with self.store.write() as s:
            row = s.get(OperatorRow, username)
            if row is None:
                raise UnknownOperator(username)
            row.failed_count = 0
            row.locked_until = None
            audit.append(s, actor, audit.AuditAction.UNLOCK, detail={"operator": username, "lockout": True})

    # -- internals ---------------------------------------------------------------------------
    def _check_not_locked(self, username: str) -> None:
        with self.store.read() as s:
            row = s.get(OperatorRow, username)
            if row is None or row.locked_until is None:
                return
            now = clock.now()
            if row.locked_until > now:
                if row.failed_count >= self.settings.max_failed_logins:
                    raise OperatorLocked(username, row.locked_until)
                raise LoginThrottled(max(1, int((row.locked_until - now).total_seconds() + 0.999)))

    def _failed(self, username: str, *, online: bool) -> NoReturn:
        """Counts a wrong password, backs off or locks, audits; always raises."""
        now = clock.now()
        with self.store.write() as s:
            row = s.get(OperatorRow, username)
            remaining: int | None = None
            locked: dt.datetime | None = None
            if row is not None:
                row.failed_count += 1
                if row.failed_count >= self.settings.max_failed_logins:
                    locked = row.locked_until = now + LOCKOUT
                else:
                    row.locked_until = now + dt.timedelta(seconds=min(MAX_BACKOFF_S, 2 ** (row.failed_count - 1)))
                    remaining = self.settings.max_failed_logins - row.failed_count
            audit.append(s, username, audit.AuditAction.LOGIN_FAILED, window=self.settings.window,
                         detail={"online": online, "count": row.failed_count if row else None,
                                 "locked": locked is not None})
        if locked is not None:
            raise OperatorLocked(username, locked)
        raise WrongPassword(username, remaining)


# -- idle lock ---------------------------------------------------------------------------------

class IdleLock:
    """The screen lock after ``settings.idle_lock_minutes`` without input (a model the UI drives).

    The UI calls ``touch()`` on every key press / mouse move, polls ``is_locked()`` (e.g. once a
    second) and shows the unlock dialog, which calls ``unlock()``. The operator who was working or a
    supervisor (or admin) may unlock; a supervisor's unlock keeps the locked operator's session.
    """

    def __init__(self, actor: Actor, minutes: int, *, now: dt.datetime | None = None) -> None:
        self.actor = actor
        self.timeout = dt.timedelta(minutes=minutes)
        self.last_activity = now or clock.now()
        self._locked = False

    def touch(self, now: dt.datetime | None = None) -> None:
        if not self._locked:
            self.last_activity = now or clock.now()

    def lock(self) -> None:
        self._locked = True

    def is_locked(self, now: dt.datetime | None = None) -> bool:
        if not self._locked and (now or clock.now()) - self.last_activity >= self.timeout:
            self._locked = True
        return self._locked

    def release(self) -> None:
        """Unlocked without a stored password check (the demo, whose operator has none: the UI checks
        the demo password)."""
        self._locked = False
        self.last_activity = clock.now()

    def unlock(self, operators: OperatorService, username: str, password: str) -> Actor:
        """Checks the password (offline verifier); returns who unlocked. Raises ``LoginError``."""
        username = username.strip()
        if username != self.actor.username:
            with operators.store.read() as s:
                row = s.get(OperatorRow, username)
                who = actor_from(row, self.actor.window) if row is not None else None
            if who is None or not (who.can(Permission.SUPERVISE) or who.can(Permission.ADMIN)):
                raise NotAllowedToUnlock(username, self.actor.username)
        unlocker = operators.verify_offline(username, password, action=audit.AuditAction.UNLOCK,
                                            detail={"locked_operator": self.actor.username})
        self._locked = False
        self.last_activity = clock.now()
        return unlocker


# -- the platform's login, as an ``OnlineLogin`` -------------------------------------------------

def http_login(base_url: str, device_id: str, *, timeout: float = 10.0) -> OnlineLogin:
    """``POST /api/v1/auth/login`` with requests (shared/platform-api.md): 200 → reply, 401 → wrong
    password, 429 → throttled by the platform, anything unreachable or 5xx → ``PlatformUnavailable``."""
    import requests

    def login(username: str, password: str) -> dict[str, Any]:
        try:
            r = requests.post(base_url.rstrip("/") + "/api/v1/auth/login", timeout=timeout,
                              json={"username": username, "password": password, "device_id": device_id})
        except requests.RequestException as exc:
            raise PlatformUnavailable(type(exc).__name__) from exc
        return _reply(r.status_code, r.headers.get("Retry-After"), r.json if r.status_code == 200 else None, username)

    return login


def _reply(status: int, retry_after: Any, body: Callable[[], Any] | None, username: str) -> dict[str, Any]:
    if status == 200 and body is not None:
        data = body()
        if isinstance(data, dict) and isinstance(data.get("operator"), dict):
            return data
        raise PlatformUnavailable("登录回复格式不对")
    if status == 401:
        raise WrongPassword(username, None)
    if status == 429:
        try:
            seconds = int(retry_after or 60)
        except ValueError:
            seconds = 60
        raise LoginThrottled(seconds)
    raise PlatformUnavailable(f"HTTP {status}")
