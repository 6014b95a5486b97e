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
