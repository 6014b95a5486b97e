"""The platform's login as the operator service's online login (``clerk.security.operators.OnlineLogin``).

``platform_login(ctx)`` is the login the workstation uses: ``clerk.sync.session.login`` (the token goes
to the keyring, the platform URL to settings) with the sync client's errors mapped to the operator
service's (``WrongPassword``, ``LoginThrottled``, ``PlatformUnavailable``). It lives in ``clerk.sync``
because it is the platform client; the operator service below knows only the ``OnlineLogin`` shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from clerk.security.operators import LoginThrottled, OnlineLogin, PlatformUnavailable, WrongPassword
from clerk.sync.client import AuthError, SyncError, TransientError


def client_login(client: Any, device_id: str) -> OnlineLogin:
    """Adapts ``clerk.sync.client.PlatformClient.login(username, password, device_id)``."""
    return _adapt(lambda u, p: client.login(u, p, device_id))


def platform_login(ctx: Any, platform_url: str | None = None) -> OnlineLogin:
    """The login the app uses: ``clerk.sync.session.login`` (keeps the token in the keyring and
    remembers the platform URL), with its errors mapped to the operator service's."""

    def call(username: str, password: str) -> Any:
        from clerk.sync import session

        url = platform_url or ctx.settings.platform_url
        if not url:
            raise PlatformUnavailable("尚未配置平台地址")
        return session.login(ctx, url, username, password)

    return _adapt(call)


def _adapt(call: Callable[[str, str], Any]) -> OnlineLogin:
    def login(username: str, password: str) -> dict[str, Any]:
        try:
            reply = call(username, password)
        except AuthError:
            raise WrongPassword(username, None) from None
        except TransientError as exc:
            if exc.status == 429:
                raise LoginThrottled(int(exc.retry_after or 60)) from exc
            raise PlatformUnavailable(exc.message[:100]) from exc
        except SyncError as exc:
            raise PlatformUnavailable(exc.message[:100]) from exc
        if isinstance(reply, dict):
            return reply
        expires = getattr(reply, "expires_at", None)
        return {"token": getattr(reply, "token", None),
                "expires_at": expires.isoformat() if isinstance(expires, dt.datetime) else expires,
                "operator": dict(getattr(reply, "operator", None) or {})}

    return login
