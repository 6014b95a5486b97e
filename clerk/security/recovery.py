"""Recovery files: the unsynced outbox (payloads + file bytes) encrypted to the hall's recovery key.

If the keychain loses the data key (a reinstall, a new laptop), the encrypted cache cannot be read.
What the platform already has is pulled again after an online login; what it does not have yet — the
pending outbox — is saved beforehand with ``recovery export`` into a file only the holder of the
recovery private key (the hall's administrator) can open, and loaded with ``recovery import``.

File format (version 1): ``WCRECOV1`` ‖ ephemeral X25519 public key (32) ‖ nonce (12) ‖
AES-256-GCM ciphertext of a JSON document; the AES key is HKDF-SHA256 of the X25519 shared secret
(salt = ephemeral public ‖ recipient public, info = ``window-clerk recovery v1``); the magic and the
ephemeral key are the associated data.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from clerk import clock
from clerk.atomic import write_atomic
from clerk.errors import ClerkError
from clerk.security import audit
from clerk.security.actor import Actor
from clerk.settings import Settings
from clerk.store.models import BlobRow, OutboxRow

MAGIC = b"WCRECOV1"
INFO = b"window-clerk recovery v1"
PUBLIC_KEY_FILE = "recovery-public.pem"
"""Where ``recovery export`` looks for the hall's public key in the data dir when none is given."""


class RecoveryError(ClerkError, RuntimeError):
    """A recovery file or key that cannot be used; the message says why, in Chinese."""


# -- keys ----------------------------------------------------------------------------------------

def generate_keypair(private_path: Path, public_path: Path, passphrase: str | None = None) -> None:
    """Writes a new X25519 key pair (PEM). The private key stays with the hall's administrator."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    if private_path.exists():
        raise RecoveryError(f"{private_path} 已存在，不会覆盖")
    key = X25519PrivateKey.generate()
    enc: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
        else serialization.NoEncryption()
    )
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    _write_private(private_path, private_pem)
    _atomic_write(public_path, public_pem)


def load_public_key(path: Path) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise RecoveryError(f"恢复公钥 {path} 无法读取：{exc}") from exc
    if not isinstance(key, X25519PublicKey):
        raise RecoveryError(f"{path} 不是 X25519 恢复公钥")
    return key


def load_private_key(path: Path, passphrase: str | None = None) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), passphrase.encode("utf-8") if passphrase else None)
    except (OSError, ValueError, TypeError) as exc:
        raise RecoveryError(f"恢复私钥 {path} 无法读取（口令不对？）：{exc}") from exc
    if not isinstance(key, X25519PrivateKey):
        raise RecoveryError(f"{path} 不是 X25519 恢复私钥")
    return key


def find_public_key(data_dir: Path, settings: Settings, given: Path | None) -> Path:
    """The public key: given, else ``settings.recovery_public_key``, else the data dir's."""
    for candidate in (given, settings.recovery_public_key or None, data_dir / PUBLIC_KEY_FILE):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    raise RecoveryError("没有恢复公钥：请用 --public-key 指定（由管理员 python -m clerk recovery keygen 生成）")


# -- encryption ------------------------------------------------------------------------------

def _aes_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub, info=INFO).derive(shared)


def _raw_public(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def seal(plaintext: bytes, public_key: Any) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    eph = X25519PrivateKey.generate()
    eph_pub = _raw_public(eph.public_key())
    key = _aes_key(eph.exchange(public_key), eph_pub, _raw_public(public_key))
    nonce = secrets.token_bytes(12)
    return MAGIC + eph_pub + nonce + AESGCM(key).encrypt(nonce, plaintext, MAGIC + eph_pub)


def unseal(blob: bytes, private_key: Any) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(blob) < len(MAGIC) + 32 + 12 + 16 or not blob.startswith(MAGIC):
        raise RecoveryError("这不是工作站恢复文件（文件头不对）")
    eph_pub = blob[len(MAGIC):len(MAGIC) + 32]
    nonce = blob[len(MAGIC) + 32:len(MAGIC) + 44]
    key = _aes_key(private_key.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub,
                   _raw_public(private_key.public_key()))
    try:
        return bytes(AESGCM(key).decrypt(nonce, blob[len(MAGIC) + 44:], MAGIC + eph_pub))
    except InvalidTag:
        raise RecoveryError("恢复文件无法解密：私钥不对或文件已损坏") from None


# -- export / import -------------------------------------------------------------------------

def _hashes_in(payload: Any) -> Iterator[str]:
    if isinstance(payload, dict):
        sha = payload.get("sha256")
        if isinstance(sha, str) and len(sha) == 64:
            yield sha
        for v in payload.values():
            yield from _hashes_in(v)
    elif isinstance(payload, list):
        for v in payload:
            yield from _hashes_in(v)


@dataclass(frozen=True)
class RecoverySummary:
    items: int
    cases: int
    files: int
    bytes: int


def export(ctx: Any, actor: Actor, out: Path, public_key_path: Path) -> RecoverySummary:
    """Writes every not-yet-done outbox item and the bytes of the files it names, sealed, to ``out``."""
    public_key = load_public_key(public_key_path)
    with ctx.store.read() as s:
        rows = list(s.execute(select(OutboxRow).where(OutboxRow.state != "done").order_by(OutboxRow.id)).scalars())
        media = {b.sha256: b.media_type for b in s.execute(select(BlobRow)).scalars()} if rows else {}
    items: list[dict[str, Any]] = []
    files: dict[str, dict[str, str]] = {}
    size = 0
    for r in rows:
        items.append({"kind": r.kind, "idempotency_key": r.idempotency_key, "case_uuid": r.case_uuid,
                      "payload": r.payload, "state": r.state, "created_at": r.created_at.isoformat(),
                      "last_error": r.last_error})
        for sha in _hashes_in(r.payload):
            if sha in files:
                continue
            if not ctx.pages.has(sha):
                raise RecoveryError(f"页面库缺少文件 {sha[:12]}…，恢复文件不完整（python -m clerk store check）")
            data = ctx.pages.read(sha)
            size += len(data)
            files[sha] = {"media_type": media.get(sha, "application/octet-stream"),
                          "data": base64.b64encode(data).decode("ascii")}
    doc = {"format": "window-clerk-recovery", "version": 1, "created_at": clock.now().isoformat(),
           "device_id": ctx.settings.device_id, "operator": actor.username, "items": items, "files": files}
    sealed = seal(json.dumps(doc, ensure_ascii=False).encode("utf-8"), public_key)
    _atomic_write(out, sealed)
    cases = len({i["case_uuid"] for i in items if i["case_uuid"]})
    with ctx.store.write() as s:
        audit.append(s, actor, audit.AuditAction.EXPORT, None,
                     {"what": "recovery", "items": len(items), "cases": cases, "files": len(files), "file": out.name})
    return RecoverySummary(len(items), cases, len(files), size)


def import_file(ctx: Any, actor: Actor, path: Path, private_key_path: Path, passphrase: str | None = None) -> RecoverySummary:
    """Puts a recovery file's outbox items (pending, unless already there) and files back."""
    import hashlib

    private_key = load_private_key(private_key_path, passphrase)
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise RecoveryError(f"恢复文件 {path} 无法读取：{exc}") from exc
    doc = json.loads(unseal(blob, private_key))
    if doc.get("format") != "window-clerk-recovery" or doc.get("version") != 1:
        raise RecoveryError("恢复文件的格式版本不支持")
    size = 0
    for sha, f in doc["files"].items():
        data = base64.b64decode(f["data"])
        if hashlib.sha256(data).hexdigest() != sha:
            raise RecoveryError(f"恢复文件中的文件 {sha[:12]}… 已损坏")
        ctx.pages.put_bytes(data)
        size += len(data)
    added = 0
    now = clock.now()
    with ctx.store.write() as s:
        for sha, f in doc["files"].items():
            if s.get(BlobRow, sha) is None:
                s.add(BlobRow(sha256=sha, size=len(base64.b64decode(f["data"])), media_type=f["media_type"], created_at=now))
        for item in doc["items"]:
            found = s.execute(select(func.count()).select_from(OutboxRow)
                              .where(OutboxRow.idempotency_key == item["idempotency_key"])).scalar_one()
            if found:
                continue
            s.add(OutboxRow(kind=item["kind"], idempotency_key=item["idempotency_key"], case_uuid=item["case_uuid"],
                            payload=item["payload"], state="pending",
                            created_at=dt.datetime.fromisoformat(item["created_at"])))
            added += 1
        audit.append(s, actor, audit.AuditAction.EXPORT, None,
                     {"what": "recovery_import", "items": added, "from_device": doc.get("device_id"), "file": path.name})
    cases = len({i["case_uuid"] for i in doc["items"] if i["case_uuid"]})
    return RecoverySummary(added, cases, len(doc["files"]), size)


# -- the warning before key loss -------------------------------------------------------------------

@dataclass(frozen=True)
class KeyLossRisk:
    pending_items: int
    pending_cases: int
    message: str


def key_loss_risk(ctx: Any) -> KeyLossRisk | None:
    """None when everything is synced; else how much would be lost with the data key, and what to do.

    The UI shows the message at logout/exit and in the settings screen; ``python -m clerk doctor``
    prints it.
    """
    with ctx.store.read() as s:
        items = s.execute(select(func.count()).select_from(OutboxRow).where(OutboxRow.state != "done")).scalar_one()
        cases = s.execute(select(func.count(func.distinct(OutboxRow.case_uuid)))
                          .where(OutboxRow.state != "done", OutboxRow.case_uuid.is_not(None))).scalar_one()
    if not items:
        return None
    return KeyLossRisk(int(items), int(cases),
                       f"本机有 {cases} 件案件（{items} 项）尚未同步到平台。重装系统或更换电脑前，"
                       "请先联网同步，或导出恢复文件（python -m clerk recovery export --out 文件），否则这些数据将无法找回。")


# -- files -----------------------------------------------------------------------------------

def _atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, prefix=".recovery-", mode=mode)


def _write_private(path: Path, data: bytes) -> None:
    _atomic_write(path, data, 0o600)
