"""The workstation's data key: 256 random bits in the OS keychain, found through the data dir's key id.

The cache is a SQLCipher database keyed with it (a raw key, ``x'…'``, so no per-connection PBKDF2);
the page store's AES-GCM key is derived from it with HKDF. The keychain entry is named by a random
id kept in the data dir (``data-key.id``, not a secret), never by the folder's path: a data dir that
is moved or renamed still opens. Only a real system keychain is used (``clerk.security.keychain``
refuses plaintext and file backends). When ``recovery-public.pem`` is in the data dir, the key is
also kept sealed to it in ``data-key.recovery`` (the hall administrator's private key opens it:
``python -m clerk store recover-key``).

Nothing here converts a cache: a plain cache stays plain until ``python -m clerk store encrypt``.
There is no setting or environment variable to run unencrypted; tests and benchmarks that want a
plain cache pass ``db_key=None`` to ``AppContext.open`` / ``Store`` themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Literal

from clerk.errors import ClerkError
from clerk.security import keychain

KEYRING_SERVICE = "window-clerk"
KEY_BYTES = 32
KEY_ID_FILE = "data-key.id"
RECOVERY_SLOT_FILE = "data-key.recovery"
_PAGE_INFO = b"window-clerk page-store v1"
_CHECK_INFO = b"window-clerk key check v1"
_RAW_KEY = re.compile(r"^x'([0-9a-fA-F]{64})'$")
_KEY_ID = re.compile(r"^[0-9a-f]{16}$")
SQLITE_MAGIC = b"SQLite format 3\x00"

CacheState = Literal["missing", "plain", "encrypted"]


class KeyUnavailable(ClerkError, RuntimeError):
    """The data key cannot be read or created (no keychain, or the keychain lost it)."""


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("window-clerk", appauthor=False))


def legacy_key_id(data_dir: Path) -> str:
    """The id older versions derived from the data dir's resolved path (read once, then kept in the file)."""
    return hashlib.sha256(str(data_dir.expanduser().resolve()).encode("utf-8")).hexdigest()[:16]


def key_id(data_dir: Path) -> str | None:
    """The data dir's key id from ``data-key.id``, or None when it has none yet."""
    try:
        text = (data_dir / KEY_ID_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if _KEY_ID.match(text) else None


def keyring_name(data_dir: Path) -> str:
    """The keychain entry of the data dir's key (by its key id; the legacy path id when it has none)."""
    d = data_dir.expanduser().resolve()
    return f"data-key:{key_id(d) or legacy_key_id(d)}"


def cache_state(data_dir: Path) -> CacheState:
    """Whether ``data_dir`` has a cache, and whether it is a plain SQLite file or an encrypted one."""
    db = data_dir / "cache.sqlite3"
    try:
        with db.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        raise KeyUnavailable(f"本地缓存 {db} 无法读取（{exc.strerror or exc}）") from None
    if not head:
        return "missing"
    return "plain" if head == SQLITE_MAGIC else "encrypted"


def _write_private(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def data_key(data_dir: Path | None = None, *, create: bool = True) -> bytes:
    """The 32-byte data key of ``data_dir``; with ``create``, a new one for a data dir that has none.

    Raises ``KeyUnavailable`` when there is no usable keychain, or when the keychain has no key but
    an encrypted cache exists (a new key would not open it: see docs/security.md). A new key is only
    made for a data dir with no cache or a plain one (``store encrypt``); the caller owns the data
    dir (``clerk.store.lock``) when it creates.
    """
    d = (data_dir or _default_data_dir()).expanduser().resolve()
    kid = key_id(d)
    try:
        stored = keychain.get_password(KEYRING_SERVICE, f"data-key:{kid or legacy_key_id(d)}")
    except keychain.KeychainUnavailable as exc:
        raise KeyUnavailable(f"{exc}，本地数据库不能打开") from None
    if stored:
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise KeyUnavailable("系统钥匙串中的数据密钥已损坏，本地数据库不能打开")
        if kid is None and create:  # an entry named after the old path: keep its id in the data dir from now on
            _write_private(d / KEY_ID_FILE, (legacy_key_id(d) + "\n").encode("ascii"))
        _keep_recovery_slot(d, key, create)
        return key
    if cache_state(d) == "encrypted":
        raise KeyUnavailable(
            "系统钥匙串中没有本机数据密钥（重装系统、换了电脑，或数据目录来自别的电脑？），本地缓存无法解密："
            "有恢复密钥时用 python -m clerk store recover-key 找回；否则请联网登录后重新同步，"
            "未同步的案件用恢复文件导入（python -m clerk recovery import）")
    if not create:
        raise KeyUnavailable(f"数据目录 {d} 还没有数据密钥")
    key = secrets.token_bytes(KEY_BYTES)
    kid = secrets.token_hex(8)
    d.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        keychain.set_password(KEYRING_SERVICE, f"data-key:{kid}", key.hex())
    except keychain.KeychainUnavailable as exc:
        raise KeyUnavailable(f"{exc}，不能创建加密的本地数据库") from None
    _write_private(d / KEY_ID_FILE, (kid + "\n").encode("ascii"))
    _keep_recovery_slot(d, key, True)
    return key


def key_check(key: bytes) -> str:
    """A short value that tells whether a key is this data dir's one, without revealing it."""
    import hmac

    return hmac.new(key, _CHECK_INFO, hashlib.sha256).hexdigest()[:16]


def _keep_recovery_slot(d: Path, key: bytes, may_write: bool) -> None:
    """Seals the key to the hall's recovery public key (``recovery-public.pem``) when there is one."""
    from clerk.security.recovery import PUBLIC_KEY_FILE, RecoveryError, load_public_key, seal

    public = d / PUBLIC_KEY_FILE
    slot = d / RECOVERY_SLOT_FILE
    if not may_write or not public.exists():
        return
    check = key_check(key)
    try:
        if json.loads(slot.read_text(encoding="utf-8")).get("check") == check:
            return
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sealed = seal(key, load_public_key(public))
    except RecoveryError:
        return  # an unusable public key is reported by recovery export / doctor
    import base64

    doc = {"version": 1, "key_id": key_id(d), "check": check, "sealed": base64.b64encode(sealed).decode("ascii")}
    _write_private(slot, json.dumps(doc).encode("utf-8"))


def recover_key(data_dir: Path, private_key: Path, passphrase: str | None = None) -> bytes:
    """Opens ``data-key.recovery`` with the administrator's private key and puts the data key back
    into this computer's keychain (a new laptop, a reinstalled system). Returns the key."""
    import base64

    from clerk.security.recovery import RecoveryError, load_private_key, unseal

    d = data_dir.expanduser().resolve()
    slot = d / RECOVERY_SLOT_FILE
    try:
        doc = json.loads(slot.read_text(encoding="utf-8"))
        sealed = base64.b64decode(doc["sealed"])
    except FileNotFoundError:
        raise KeyUnavailable(f"{slot} 不存在：这个数据目录的密钥没有用恢复公钥保存过") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyUnavailable(f"{slot} 无法读取（{type(exc).__name__}）") from None
    try:
        key = unseal(sealed, load_private_key(private_key, passphrase))
    except RecoveryError as exc:
        raise KeyUnavailable(str(exc)) from None
    if len(key) != KEY_BYTES or key_check(key) != doc.get("check"):
        raise KeyUnavailable(f"{slot} 中的密钥不完整或已损坏")
    kid = key_id(d) or str(doc.get("key_id") or "") or secrets.token_hex(8)
    if not _KEY_ID.match(kid):
        kid = secrets.token_hex(8)
    try:
        keychain.set_password(KEYRING_SERVICE, f"data-key:{kid}", key.hex())
    except keychain.KeychainUnavailable as exc:
        raise KeyUnavailable(str(exc)) from None
    if key_id(d) != kid:
        _write_private(d / KEY_ID_FILE, (kid + "\n").encode("ascii"))
    return key


def sqlcipher_key(key: bytes) -> str:
    """The PRAGMA key value for a raw 256-bit key: ``x'<64 hex>'`` (SQLCipher skips its KDF)."""
    if len(key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"x'{key.hex()}'"


def open_db_key(data_dir: Path | None) -> str:
    """The SQLCipher key of the cache in ``data_dir``, created for a new data dir.

    A plain cache is not converted (that is ``python -m clerk store encrypt``): ``KeyUnavailable``.
    """
    d = (data_dir or _default_data_dir()).expanduser().resolve()
    if cache_state(d) == "plain":
        raise KeyUnavailable(f"本地缓存 {d / 'cache.sqlite3'} 未加密（演示数据？）：请先加密 "
                             f"python -m clerk store encrypt --data-dir {d}，或以演示模式打开")
    return sqlcipher_key(data_key(d))


def key_for(data_dir: Path, *, read_only: bool = False, plain_new: bool = False) -> str | None:
    """The key to open ``data_dir`` with, as its cache is: None for a plain cache (a demo's), the
    keychain's key for an encrypted one, a new key for a new cache (None with ``plain_new``: demo).
    Read-only callers never create a key. Call it while owning the data dir when not read-only."""
    state = cache_state(data_dir)
    if state == "plain" or (state == "missing" and plain_new):
        return None
    if state == "missing" and read_only:
        return None  # the store then says that there is no cache here
    return sqlcipher_key(data_key(data_dir, create=not read_only and state == "missing"))


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
    keychain.delete_password(KEYRING_SERVICE, keyring_name(data_dir))


class EncryptFailed(ClerkError, RuntimeError):
    """``store encrypt`` could not finish; the plain cache is left as it was."""


def encrypt_existing(db: Path, db_key: str) -> None:
    """Turns a plain SQLite cache into a SQLCipher one (``store encrypt``; the caller owns the data dir).

    The encrypted copy is written next to it and renamed over it only when complete, so a failure
    (a full disk …) leaves the plain cache as it was.
    """
    import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-not-found]

    tmp = db.with_name(db.name + ".encrypting")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
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
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
    except Exception as exc:
        if tmp.exists():
            tmp.unlink()
        from clerk.store.engine import classify

        problem = classify(exc, db)
        raise EncryptFailed(problem.one_line() if problem else f"加密本地缓存失败（{type(exc).__name__}），缓存未改动") from None
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(tmp, db)
