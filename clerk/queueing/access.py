"""How this workstation reaches the hall server: its URL from settings, the token from the keyring."""

from __future__ import annotations

from typing import Any

from clerk.queueing.client import HallClient


def hall_url(settings: Any) -> str:
    """The hall's base URL: ``hall_url``, else the platform's (they may be the same server)."""
    return str(getattr(settings, "hall_url", "") or getattr(settings, "platform_url", "") or "").rstrip("/")


def client_from_context(ctx: Any, username: str | None = None) -> HallClient:
    """A client whose token is read from the keyring on each request (the last platform login's)."""
    from clerk.security import credentials
    from clerk.sync.session import current_username

    url = hall_url(ctx.settings)
    platform = str(getattr(ctx.settings, "platform_url", "") or "")

    def token() -> str | None:
        user = username or current_username(ctx)
        if not user or not url:
            return None
        return credentials.get_token(url, user) or (credentials.get_token(platform, user) if platform else None)

    return HallClient(url, token)


def local_platform_client(ctx: Any, username: str, password: str) -> HallClient:
    """A client of the demo's embedded platform (``ctx.local_platform``; waits for it to start), logged in
    once with ``password``; a client without a URL (its requests are ``Unreachable``) when there is none."""
    platform = getattr(ctx, "local_platform", None)
    if platform is None or not platform.wait(30) or not platform.url:
        return HallClient("", lambda: None)
    url = str(platform.url)
    token: list[str] = []

    def provide() -> str:
        if not token:
            token.append(HallClient(url).login(username, password, ctx.settings.device_id or "demo"))
        return token[0]

    return HallClient(url, provide)
