"""How this workstation reaches the hall server: its URL from settings, the token from the keyring.

A kiosk (取号机) has no person logged in: it holds a **device token** of a ``kiosk`` account, made
on the hall server by its administrator (``python -m backoffice device-token kiosk01 DEVICE``) and
stored here once (``python -m clerk queue enroll``) in the keyring entry ``kiosk-device@<hall URL>``.
Without one, the kiosk uses the token of the operator logged in last (``python -m clerk login``).
"""

from __future__ import annotations

from typing import Any

from clerk.queueing.client import HallClient

KIOSK_ACCOUNT = "kiosk-device"
"""The keyring "username" of a kiosk's device token (not an operator of the hall)."""


def hall_url(settings: Any) -> str:
    """The hall's base URL: ``hall_url``, else the platform's (they may be the same server)."""
    return str(getattr(settings, "hall_url", "") or getattr(settings, "platform_url", "") or "").rstrip("/")


def client_from_context(ctx: Any, username: str | None = None, url: str | None = None) -> HallClient:
    """A client whose token is read from the keyring on each request (the last platform login's)."""
    from clerk.security import credentials
    from clerk.sync.session import current_username

    url = (url or hall_url(ctx.settings)).rstrip("/")
    platform = str(getattr(ctx.settings, "platform_url", "") or "")

    def token() -> str | None:
        user = username or current_username(ctx)
        if not user or not url:
            return None
        return credentials.get_token(url, user) or (credentials.get_token(platform, user) if platform else None)

    return HallClient(url, token)


def kiosk_client(ctx: Any, url: str | None = None) -> HallClient:
    """The kiosk's client: its device token for ``url`` (default the hall URL), else the last operator's."""
    from clerk.security import credentials
    from clerk.sync.session import current_username

    base = (url or hall_url(ctx.settings)).rstrip("/")
    platform = str(getattr(ctx.settings, "platform_url", "") or "")

    def token() -> str | None:
        if not base:
            return None
        device = credentials.get_token(base, KIOSK_ACCOUNT)
        if device:
            return device
        user = current_username(ctx)
        if not user:
            return None
        return credentials.get_token(base, user) or (credentials.get_token(platform, user) if platform else None)

    return HallClient(base, token)


def store_device_token(url: str, token: str) -> None:
    from clerk.security import credentials

    credentials.set_token(url.rstrip("/"), KIOSK_ACCOUNT, token)


def kiosk_service(ctx: Any, url: str | None = None) -> Any:
    """A ``KioskService`` for this data dir: device id and fallback prefix from the settings."""
    from clerk.queueing.kiosk import KioskService

    return KioskService(kiosk_client(ctx, url), ctx.store, ctx.settings.device_id,
                        ctx.settings.queue_fallback_prefix)
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
