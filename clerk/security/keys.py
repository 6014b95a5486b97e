"""The workstation's data key: 256 random bits in the OS keychain (keyring), one per data directory.

The cache is a SQLCipher database keyed with it (a raw key, ``x'…'``, so no per-connection PBKDF2);
the page store's AES-GCM key is derived from it with HKDF. There is no setting or environment
variable to run unencrypted: ``open_db_key`` always returns a key. Tests and benchmarks that want a
plain cache simply pass ``db_key=None`` to ``AppContext.open`` / ``Store``.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from pathlib import Path

from clerk.errors import ClerkError

KEYRING_SERVICE = "window-clerk"
KEY_BYTES = 32
_PAGE_INFO = b"window-clerk page-store v1"
_RAW_KEY = re.compile(r"^x'([0-9a-fA-F]{64})'$")


class KeyUnavailable(ClerkError, RuntimeError):
    """The data key cannot be read or created (no keychain, or the keychain lost it)."""


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("window-clerk", appauthor=False))


def data_dir_id(data_dir: Path) -> str:
    """A stable short id of a data directory (its resolved path), used in the keychain entry's name."""
    return hashlib.sha256(str(data_dir.expanduser().resolve()).encode("utf-8")).hexdigest()[:16]


def keyring_name(data_dir: Path) -> str:
    return f"data-key:{data_dir_id(data_dir)}"


def _cache_exists(data_dir: Path) -> bool:
    db = data_dir / "cache.sqlite3"
    return db.exists() and db.stat().st_size > 0


def data_key(data_dir: Path | None = None, *, create: bool = True) -> bytes:
    """The 32-byte data key of ``data_dir``, created on first open.

    Raises ``KeyUnavailable`` when the keychain cannot be used, or when the keychain has no key but
    an (encrypted) cache already exists: a new key would not open it (see docs/security.md).
    """
    import keyring
    from keyring.errors import KeyringError

    d = (data_dir or _default_data_dir()).expanduser().resolve()
    name = keyring_name(d)
    try:
        stored = keyring.get_password(KEYRING_SERVICE, name)
    except (KeyringError, RuntimeError) as exc:
        raise KeyUnavailable(f"无法读取系统钥匙串（{exc}），本地数据库不能打开") from exc
    if stored:
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise KeyUnavailable("系统钥匙串中的数据密钥已损坏，本地数据库不能打开")
        return key
    if _cache_exists(d) and _is_encrypted(d / "cache.sqlite3"):
        raise KeyUnavailable(
            "系统钥匙串中没有本机数据密钥（重装系统或换了电脑？），本地缓存无法解密。"
            "请联网登录后重新同步；未同步的案件请用恢复文件导入（python -m clerk recovery import）。"
        )
    if not create:
        raise KeyUnavailable("系统钥匙串中没有本机数据密钥")
    key = secrets.token_bytes(KEY_BYTES)
    try:
        keyring.set_password(KEYRING_SERVICE, name, key.hex())
    except (KeyringError, RuntimeError) as exc:
        raise KeyUnavailable(f"无法写入系统钥匙串（{exc}），不能创建加密的本地数据库") from exc
    if _cache_exists(d) and not _is_encrypted(d / "cache.sqlite3"):
        encrypt_existing(d / "cache.sqlite3", sqlcipher_key(key))
    return key


def sqlcipher_key(key: bytes) -> str:
    """The PRAGMA key value for a raw 256-bit key: ``x'<64 hex>'`` (SQLCipher skips its KDF)."""
    if len(key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"x'{key.hex()}'"


def open_db_key(data_dir: Path | None) -> str:
    """The SQLCipher key of the cache in ``data_dir`` (always: production has no unencrypted mode)."""
    return sqlcipher_key(data_key(data_dir))


def raw_key(db_key: str) -> bytes:
    """The 32 bytes behind an ``open_db_key`` value (``x'…'`` or bare hex)."""
    m = _RAW_KEY.match(db_key)
    text = m.group(1) if m else db_key
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = hashlib.sha256(db_key.encode("utf-8")).digest()  # a passphrase-style key (tests)
    if len(key) != KEY_BYTES:
        key = hashlib.sha256(key).digest()
    return key


def page_store_key(db_key: str | bytes) -> bytes:
    """The page store's AES-256-GCM key: HKDF-SHA256 of the data key (a separate key per use)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    ikm = db_key if isinstance(db_key, bytes) else raw_key(db_key)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PAGE_INFO).derive(ikm)


def forget_key(data_dir: Path) -> None:
    """Removes the data key from the keychain (tests; what a reinstall does by accident)."""
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_name(data_dir.expanduser().resolve()))
    except PasswordDeleteError:
        pass


def _is_encrypted(db: Path) -> bool:
    with db.open("rb") as f:
        return f.read(16) != b"SQLite format 3\x00"


def encrypt_existing(db: Path, db_key: str) -> None:
    """Turns a plain SQLite cache (from before encryption) into a SQLCipher one, in place."""
    import os

    import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-not-found]

    tmp = db.with_name(db.name + ".encrypting")
    if tmp.exists():
        tmp.unlink()
    conn = sqlcipher.connect(str(db), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        escaped = db_key.replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{tmp}' AS enc KEY '{escaped}'")
        conn.execute("SELECT sqlcipher_export('enc')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(tmp, db)
