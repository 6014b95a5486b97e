"""The platform token in the OS keychain (keyring), per platform URL and username — never in SQLite,
settings files or logs.

Entries live under the keyring service ``window-clerk``; the keyring "username" is
``<username>@<normalised platform URL>`` and the secret is a small JSON object
``{"token": ..., "expires_at": ISO-8601 or null}`` so an expired token is not offered to the server.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from clerk import clock
from clerk.errors import ClerkError
from clerk.security import keychain

SERVICE = "window-clerk"
log = logging.getLogger(__name__)


class CredentialStoreError(ClerkError, RuntimeError):
    """The OS keychain is missing or refused the operation (message in Chinese, no secret in it)."""


@dataclass(frozen=True)
class StoredToken:
    token: str
    expires_at: dt.datetime | None

    def expired(self, now: dt.datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or clock.now())

    def __repr__(self) -> str:  # never print the secret
        return f"StoredToken(token=***, expires_at={self.expires_at!r})"


def normalise_url(url: str) -> str:
    """``HTTP://Host:8000/`` → ``http://host:8000`` (the same platform gives the same entry)."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def _entry(platform_url: str, username: str) -> str:
    return f"{username}@{normalise_url(platform_url)}"


def set_token(platform_url: str, username: str, token: str, expires_at: dt.datetime | None = None) -> None:
    secret = json.dumps({"token": token, "expires_at": expires_at.isoformat() if expires_at else None})
    try:
        keychain.set_password(SERVICE, _entry(platform_url, username), secret)
    except keychain.KeychainUnavailable as exc:  # also: only a plaintext keyring here (refused)
        raise CredentialStoreError(f"无法把登录凭据保存到系统钥匙串：{exc}") from None


def get_stored(platform_url: str, username: str) -> StoredToken | None:
    """The stored token (even when expired), or None."""
    try:
        secret = keychain.get_password(SERVICE, _entry(platform_url, username))
    except keychain.KeychainUnavailable as exc:
        raise CredentialStoreError(f"无法读取系统钥匙串：{exc}") from None
    if not secret:
        return None
    try:
        data = json.loads(secret)
        expires = data.get("expires_at")
        return StoredToken(str(data["token"]), dt.datetime.fromisoformat(expires) if expires else None)
    except (ValueError, KeyError, TypeError, AttributeError):
        log.warning("unreadable keyring entry for %s@%s ignored", username, normalise_url(platform_url))
        return None


def get_token(platform_url: str, username: str) -> str | None:
    """The token to send, or None when there is none or it has expired (then: log in again)."""
    stored = get_stored(platform_url, username)
    if stored is None or stored.expired():
        return None
    return stored.token


def delete_token(platform_url: str, username: str) -> None:
    """Forgets the token (logout); no error when there was none."""
    try:
        keychain.delete_password(SERVICE, _entry(platform_url, username))
    except keychain.KeychainUnavailable as exc:
        raise CredentialStoreError(f"无法从系统钥匙串删除凭据：{exc}") from None
