"""Login to the platform and building a client/engine whose token comes from the keyring.

The token lives only in the keyring (``clerk.security.credentials``); the data dir keeps the
platform URL (settings) and the last username (``sync.username``, not a secret).
"""

from __future__ import annotations

from typing import Any

from clerk.errors import ClerkError
from clerk.security import credentials
from clerk.store.models import KeyValueRow
from clerk.sync.client import LoginResult, PlatformClient, SyncError
from clerk.sync.engine import SyncContext, SyncEngine

USERNAME_KEY = "sync.username"


class NotConfigured(ClerkError, RuntimeError):
    """No platform URL or no logged-in username on this workstation yet."""


def current_username(ctx: SyncContext) -> str | None:
    with ctx.store.read() as s:
        row = s.get(KeyValueRow, USERNAME_KEY)
        return row.value if row and row.value else None


def login(ctx: Any, platform_url: str, username: str, password: str, *, timeout: float = 15.0) -> LoginResult:
    """Logs in online, keeps the token in the keyring and remembers the platform URL and username.

    Raises ``AuthError`` (wrong password), ``TransientError`` (unreachable, too many attempts) or
    ``CredentialStoreError`` (no keychain).
    """
    client = PlatformClient(platform_url, timeout=timeout)
    try:
        result = client.login(username, password, ctx.settings.device_id or "unknown-device")
    finally:
        client.close()
    credentials.set_token(platform_url, username, result.token, result.expires_at)
    if ctx.settings.platform_url != platform_url.rstrip("/"):
        ctx.settings.platform_url = platform_url.rstrip("/")
        ctx.settings.save(ctx.paths.settings)
    with ctx.store.write() as s:
        s.merge(KeyValueRow(key=USERNAME_KEY, value=username))
    return result


def logout(ctx: Any, platform_url: str | None = None, username: str | None = None) -> None:
    """Forgets the token here and, when the platform can be reached, revokes it there too."""
    url = platform_url or ctx.settings.platform_url
    user = username or current_username(ctx)
    if url and user:
        token = credentials.get_token(url, user)
        if token:
            client = PlatformClient(url, lambda: token, timeout=(3.0, 5.0))
            try:
                client.logout()
            except SyncError:  # offline or already expired: forgetting it here is what matters
                pass
            finally:
                client.close()
        credentials.delete_token(url, user)


def make_client(ctx: Any, platform_url: str | None = None, username: str | None = None,
                timeout: float | tuple[float, float] = (5.0, 60.0)) -> PlatformClient:
    url = (platform_url or ctx.settings.platform_url or "").rstrip("/")
    if not url:
        raise NotConfigured("尚未配置平台地址（先登录：python -m clerk login --platform URL --username 用户名）")
    user = username or current_username(ctx)

    def token() -> str | None:
        return credentials.get_token(url, user) if user else None

    return PlatformClient(url, token, timeout)


def make_engine(ctx: Any, platform_url: str | None = None, username: str | None = None, **options: Any) -> SyncEngine:
    """An engine over the context's store and a keyring-backed client (options go to SyncEngine).

    Cases and evaluations of other operators who logged in on this workstation go with their own
    tokens (the platform binds documents to the token); those without a token wait for their login.
    """
    url = (platform_url or ctx.settings.platform_url or "").rstrip("/")
    user = username or current_username(ctx)
    clients: dict[str, PlatformClient] = {}

    def client_for(other: str) -> PlatformClient | None:
        if other not in clients:
            if not credentials.get_token(url, other):
                return None
            clients[other] = make_client(ctx, url, other)
        return clients[other]

    options.setdefault("username", user)
    options.setdefault("client_for", client_for)
    options.setdefault("device_id", ctx.settings.device_id or None)
    options.setdefault("window", ctx.settings.window)
    return SyncEngine(ctx, make_client(ctx, platform_url, username), **options)
