"""The OS keychain through ``keyring`` — only a real one: plaintext and file backends are refused.

``keyring`` falls back silently to whatever backend is installed: with ``keyrings.alt`` present and no
Secret Service it picks a plaintext file next to the user's data, and the data key would sit in clear
beside the cache it protects. ``backend()`` accepts only the system keychains (Secret Service /
libsecret, KWallet, macOS Keychain, Windows Credential Locker) and raises ``KeychainUnavailable``
otherwise. Tests opt in to keyrings.alt's ``PlaintextKeyring`` explicitly with
``WINDOW_CLERK_TEST_PLAINTEXT_KEYRING=1``; the product logs a warning whenever that opt-in is used
and ``python -m clerk doctor`` reports it.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from clerk.errors import ClerkError

TEST_OPT_IN = "WINDOW_CLERK_TEST_PLAINTEXT_KEYRING"
"""Set to ``1`` by the test suite only: allows keyrings.alt's PlaintextKeyring, or any configured backend
that is not keyring's "fail" one (never in the product)."""
SECURE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)
TEST_BACKEND = "keyrings.alt.file.PlaintextKeyring"
log = logging.getLogger(__name__)
_warned = [False]


class KeychainUnavailable(ClerkError, RuntimeError):
    """No system keychain (only a plaintext/file backend, or none at all)."""


def _name(b: Any) -> str:
    return f"{type(b).__module__}.{type(b).__qualname__}"


def is_secure(b: Any) -> bool:
    return type(b).__module__.startswith(SECURE_MODULES)


def plaintext_opted_in() -> bool:
    return os.environ.get(TEST_OPT_IN) == "1"


def backend() -> Any:
    """The keychain to keep secrets in; raises ``KeychainUnavailable`` when there is no safe one."""
    import keyring

    try:
        chosen = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration
        raise KeychainUnavailable(f"系统钥匙串无法使用（{type(exc).__name__}）") from None
    candidates = list(getattr(chosen, "backends", None) or [chosen])  # a ChainerBackend tries several
    for b in candidates:
        if is_secure(b):
            return b
    if plaintext_opted_in():  # keyrings.alt's, else the test's own (tests/deploy configures one in a file)
        usable = [b for b in candidates if not type(b).__module__.startswith("keyring.backends.fail")]
        for b in sorted(usable, key=lambda b: _name(b) != TEST_BACKEND):
                if not _warned[0]:
                    log.info("test-only plaintext keyring in use (%s=1): never in production", TEST_OPT_IN)
                    _warned[0] = True
                return b
    names = "、".join(_name(b) for b in candidates) or "无"
    raise KeychainUnavailable(
        f"没有可用的系统钥匙串（当前只有 {names}；明文或文件钥匙串会把密钥明文存在磁盘上，已拒绝使用）："
        "请安装并解锁系统钥匙串（GNOME 钥匙串 / KWallet）")


def describe() -> str:
    """One line for ``doctor``: which keychain is used, or why none."""
    try:
        b = backend()
    except KeychainUnavailable as exc:
        return str(exc)
    if not is_secure(b):
        return f"{_name(b)}（仅供测试的明文钥匙串，{TEST_OPT_IN}=1）"
    return _name(b)


def get_password(service: str, name: str) -> str | None:
    from keyring.errors import KeyringError

    try:
        value = backend().get_password(service, name)
    except (KeyringError, RuntimeError) as exc:
        if isinstance(exc, KeychainUnavailable):
            raise
        raise KeychainUnavailable(f"无法读取系统钥匙串（{type(exc).__name__}）") from None
    return None if value is None else str(value)


def set_password(service: str, name: str, value: str) -> None:
    from keyring.errors import KeyringError

    try:
        backend().set_password(service, name, value)
    except (KeyringError, RuntimeError) as exc:
        if isinstance(exc, KeychainUnavailable):
            raise
        raise KeychainUnavailable(f"无法写入系统钥匙串（{type(exc).__name__}）") from None


def delete_password(service: str, name: str) -> None:
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        backend().delete_password(service, name)
    except PasswordDeleteError:
        return
    except (KeyringError, RuntimeError) as exc:
        if isinstance(exc, KeychainUnavailable):
            raise
        raise KeychainUnavailable(f"无法从系统钥匙串删除（{type(exc).__name__}）") from None
