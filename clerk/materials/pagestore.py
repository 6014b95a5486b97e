"""Content-addressed page store: files named by their sha256, written atomically, never half there.

A file is written to a temp file in the same directory, fsynced, then renamed into place (and the
directory fsynced), so a crash at any point leaves either the whole file or nothing.

With a key (``PageStore(root, key)``) files are kept encrypted at rest (AES-GCM in 1 MiB segments)
but still named by the sha256 of their *plaintext*, so deduplication and references do not change.
Encrypted file layout::

    MAGIC (8) | prefix (8 random bytes) | segment 0 | segment 1 | ... | segment n
    segment i = AES-GCM(key, nonce = prefix || i as 4 bytes big-endian,
                        data = plaintext[i*SEG:(i+1)*SEG], aad = MAGIC || prefix || last-flag)

Segments are full except the last (empty only for an empty file); the last carries flag 1 and all others 0, so a file cut at a segment
boundary fails to decrypt instead of passing for a shorter file.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from clerk.errors import ClerkError

CHUNK = 1 << 20
SEGMENT = 1 << 20
MAGIC = b"CLKPGE1\n"
PREFIX_LEN = 8
TAG_LEN = 16
HEADER_LEN = len(MAGIC) + PREFIX_LEN


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int


class BlobDamaged(ClerkError, OSError):
    """A stored file whose bytes do not decrypt or do not hash to its name."""


class BlobMissing(ClerkError, FileNotFoundError):
    pass


class PageStore:
    """Files by sha256 under ``root/ab/abcdef…``; thread-safe (every write goes through its own temp file)."""

    def __init__(self, root: Path, key: bytes | None = None, *, create: bool = True) -> None:
        self.root = root
        if create:  # folders 0700 and files 0600 (mkstemp): scans are personal data
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        if key is not None and len(key) not in (16, 24, 32):
            raise ValueError("page store key must be 16, 24 or 32 bytes")
        self._aead = None
        if key is not None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._aead = AESGCM(key)

    @property
    def encrypted(self) -> bool:
        return self._aead is not None

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    # -- writing -------------------------------------------------------------------------------
    def put_stream(self, src: BinaryIO) -> StoredBlob:
        """Streams ``src`` into the store (bounded memory); returns its hash and size."""
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                if self._aead is None:
                    while chunk := src.read(CHUNK):
                        h.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                else:
                    size = self._encrypt_stream(src, out, h)
                out.flush()
                os.fsync(out.fileno())
            digest = h.hexdigest()
            final = self.path(digest)
            if final.exists() and final.stat().st_size == self._stored_size(size):
                os.unlink(tmp)  # already there (dedup); fresh mtime keeps it from a concurrent gc
                os.utime(final)
            else:
                final.parent.mkdir(exist_ok=True, mode=0o700)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
            return StoredBlob(digest, size)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def put_bytes(self, data: bytes) -> StoredBlob:
        return self.put_stream(io.BytesIO(data))

    def put_file(self, path: Path) -> StoredBlob:
        with path.open("rb") as f:
            return self.put_stream(f)

    def _stored_size(self, size: int) -> int:
        if self._aead is None:
            return size
        segments = max(1, -(-size // SEGMENT))
        return HEADER_LEN + size + segments * TAG_LEN

    def _encrypt_stream(self, src: BinaryIO, out: BinaryIO, h: hashlib._Hash) -> int:
        assert self._aead is not None
        prefix = os.urandom(PREFIX_LEN)
        header = MAGIC + prefix
        out.write(header)
        size = 0
        counter = 0
        current = _read_full(src, SEGMENT)
        while True:
            nxt = _read_full(src, SEGMENT) if len(current) == SEGMENT else b""
            last = not nxt
            h.update(current)
            size += len(current)
            out.write(self._aead.encrypt(_nonce(prefix, counter), current, header + (b"\x01" if last else b"\x00")))
            if last:
                return size
            counter += 1
            current = nxt

    def seal(self, data: bytes) -> bytes:
        """Small data (a thumbnail) in the store's at-rest format; unchanged when unencrypted."""
        if self._aead is None:
            return data
        out = io.BytesIO()
        self._encrypt_stream(io.BytesIO(data), out, hashlib.sha256())
        return out.getvalue()

    def unseal(self, raw: bytes) -> bytes:
        """The inverse of ``seal``; raises ``ValueError`` when damaged."""
        if not raw.startswith(MAGIC):
            return raw
        if self._aead is None or len(raw) < HEADER_LEN + TAG_LEN:
            raise ValueError("sealed data unreadable")
        from cryptography.exceptions import InvalidTag

        header, prefix = raw[:HEADER_LEN], raw[len(MAGIC):HEADER_LEN]
        body = raw[HEADER_LEN:]
        out = []
        for counter, i in enumerate(range(0, len(body), SEGMENT + TAG_LEN)):
            seg = body[i:i + SEGMENT + TAG_LEN]
            last = i + SEGMENT + TAG_LEN >= len(body)
            try:
                out.append(self._aead.decrypt(_nonce(prefix, counter), seg, header + (b"\x01" if last else b"\x00")))
            except InvalidTag:
                raise ValueError("sealed data damaged") from None
        return b"".join(out)

    # -- reading -------------------------------------------------------------------------------
    def iter_chunks(self, sha256: str, size: int = CHUNK) -> Iterator[bytes]:
        """The plaintext in pieces (bounded memory); raises ``BlobDamaged`` on tampering or truncation."""
        try:
            f = self.path(sha256).open("rb")
        except FileNotFoundError:
            raise BlobMissing(f"{sha256}: 文件不在页面库中") from None
        with f:
            header = f.read(HEADER_LEN)
            if not header.startswith(MAGIC):
                f.seek(0)
                while chunk := f.read(size):
                    yield chunk
                return
            if self._aead is None:
                raise BlobDamaged(f"{sha256}: 文件已加密，但没有提供页面库密钥")
            if len(header) < HEADER_LEN:
                raise BlobDamaged(f"{sha256}: 加密文件头不完整（文件被截断）")
            prefix = header[len(MAGIC):]
            from cryptography.exceptions import InvalidTag

            counter = 0
            current = _read_full(f, SEGMENT + TAG_LEN)
            while True:
                if len(current) < TAG_LEN:
                    raise BlobDamaged(f"{sha256}: 加密文件被截断")
                nxt = _read_full(f, SEGMENT + TAG_LEN) if len(current) == SEGMENT + TAG_LEN else b""
                last = not nxt
                try:
                    plain = self._aead.decrypt(_nonce(prefix, counter), current,
                                               header + (b"\x01" if last else b"\x00"))
                except InvalidTag:
                    what = "被截断" if last else "被篡改或损坏"
                    raise BlobDamaged(f"{sha256}: 第 {counter + 1} 段解密校验失败（文件{what}）") from None
                for i in range(0, len(plain), size):
                    yield plain[i:i + size]
                if last:
                    return
                counter += 1
                current = nxt

    def open(self, sha256: str) -> BinaryIO:
        """A readable file of the plaintext (the raw file when unencrypted; streamed otherwise)."""
        p = self.path(sha256)
        if self._aead is None:
            try:
                return p.open("rb")
            except FileNotFoundError:
                raise BlobMissing(f"{sha256}: 文件不在页面库中") from None
        return io.BufferedReader(_ChunkReader(self.iter_chunks(sha256)), buffer_size=CHUNK)

    def read(self, sha256: str) -> bytes:
        return b"".join(self.iter_chunks(sha256))

    def all_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():  # opened read-only where nothing was ever stored
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for f in sorted(sub.iterdir()):
                    if not f.name.startswith("."):
                        yield f.name

    def check(self, sha256: str) -> str | None:
        """None when the file decrypts and hashes to its name, else a one-line reason."""
        h = hashlib.sha256()
        try:
            for chunk in self.iter_chunks(sha256):
                h.update(chunk)
        except BlobDamaged as exc:
            return str(exc)
        except BlobMissing:
            return f"{sha256}: 文件丢失"
        except OSError as exc:
            return f"{sha256}: 无法读取（{exc.strerror or exc}）"
        if h.hexdigest() != sha256:
            return f"{sha256}: 内容与哈希不符（文件已损坏）"
        return None

    def verify(self, expected: set[str] | None = None) -> list[str]:
        """Rehashes every file; returns one line per damaged (or, given ``expected``, missing) file."""
        damaged = []
        seen = set()
        for sha in self.all_hashes():
            seen.add(sha)
            problem = self.check(sha)
            if problem:
                damaged.append(problem)
        for sha in sorted((expected or set()) - seen):
            damaged.append(f"{sha}: 文件丢失（数据库中有记录，页面库中没有）")
        return damaged

    def leftovers(self) -> list[Path]:
        """Temp files of writes that never finished (a crash mid-write); safe to delete."""
        return sorted(self.root.glob(".incoming-*")) if self.root.is_dir() else []

    def remove(self, sha256: str) -> None:
        p = self.path(sha256)
        if p.exists():
            p.unlink()

    def gc(self, referenced: set[str], *, min_age_seconds: float = 0.0) -> list[str]:
        """Deletes files no longer referenced (and stale temp files); returns the deleted hashes.

        ``referenced`` must come from the database (``clerk.materials.service.referenced_blobs``);
        files younger than ``min_age_seconds`` are kept (a page being written is not yet recorded).
        """
        import time

        cutoff = time.time() - min_age_seconds
        removed = []
        for sha in list(self.all_hashes()):
            if sha in referenced:
                continue
            try:
                if self.path(sha).stat().st_mtime > cutoff:
                    continue
            except FileNotFoundError:
                continue
            self.remove(sha)
            removed.append(sha)
        for tmp in self.leftovers():
            try:
                if tmp.stat().st_mtime <= cutoff:
                    tmp.unlink()
            except FileNotFoundError:
                pass
        return removed


class _ChunkReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + counter.to_bytes(4, "big")


def _read_full(f: BinaryIO, n: int) -> bytes:
    parts = []
    want = n
    while want:
        b = f.read(want)
        if not b:
            break
        parts.append(b)
        want -= len(b)
    return b"".join(parts)


def _fsync_dir(d: Path) -> None:
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
