"""Case data at rest on the platform: documents (in the database) and files (on disk), AES-256-GCM.

The key comes from the server's configuration (``--data-key-file`` / ``BACKOFFICE_DATA_KEY_FILE``:
a file holding 32 random bytes, base64; ``python -m backoffice gen-key FILE`` writes one), never
from the database, so a copy of the database or its WAL (a backup, a stolen disk image of the DB
volume) holds no name, ID number, phone or address in clear.

A hall that encrypts the whole disk instead (LUKS) may run with ``--at-rest disk``: documents and
files are then stored in clear, and the server says so at start. Rows and files written before a key
was set stay readable (they carry no prefix/magic); everything written with a key carries one.

Documents: ``"enc1:" + base64(nonce ‖ ciphertext ‖ tag)``, the associated data binding the value to
its table and key (a document cannot be moved to another case). Files: the magic ``WCENC1\\n``, then
records of ``[4-byte big-endian length][12-byte nonce][ciphertext ‖ tag]`` of at most 1 MiB of
plaintext each, the record number and the file's address in the associated data (no reordering,
truncation is caught by a final empty record).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

DOC_PREFIX = "enc1:"
FILE_MAGIC = b"WCENC1\n"
RECORD = 1024 * 1024


class KeyFileError(ValueError):
    """The key file is missing, unreadable or not 32 bytes of base64."""


class Damaged(ValueError):
    """A stored value or file does not decrypt with this key (wrong key or tampered)."""


def generate_key_file(path: Path) -> None:
    """Writes a new key (0600); refuses to overwrite an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(base64.b64encode(secrets.token_bytes(32)).decode() + "\n")


def load_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii").strip()
        key = base64.b64decode(text, validate=True)
    except (OSError, ValueError) as exc:
        raise KeyFileError(f"cannot read the data key file {path}: {exc}") from None
    if len(key) != 32:
        raise KeyFileError(f"the data key file {path} must hold 32 bytes (base64), not {len(key)}")
    return key


class Cipher:
    """Seals and opens documents and files with one key; ``Cipher(None)`` stores in clear."""

    def __init__(self, key: bytes | None) -> None:
        self._aead = AESGCM(key) if key is not None else None
        self._index_key = hmac.new(key, b"window-clerk blind index", hashlib.sha256).digest() if key is not None \
            else b"window-clerk blind index (no data key)"

    def blind_index(self, value: str, purpose: str) -> str:
        """An HMAC-SHA256 of ``value`` under a key derived from the data key: a lookup column that
        finds equal values (an ID number at check-in) without storing the value itself."""
        return hmac.new(self._index_key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    @property
    def active(self) -> bool:
        return self._aead is not None

    # -- documents --------------------------------------------------------------------------------
    def seal(self, text: str, context: str) -> str:
        if self._aead is None:
            return text
        nonce = secrets.token_bytes(12)
        ct = self._aead.encrypt(nonce, text.encode("utf-8"), context.encode())
        return DOC_PREFIX + base64.b64encode(nonce + ct).decode()

    def open(self, stored: str, context: str) -> str:
        if not stored.startswith(DOC_PREFIX):
            return stored  # written in clear (before a key was set, or --at-rest disk)
        if self._aead is None:
            raise Damaged("the document is encrypted but the server has no data key")
        raw = base64.b64decode(stored[len(DOC_PREFIX):])
        try:
            return self._aead.decrypt(raw[:12], raw[12:], context.encode()).decode("utf-8")
        except InvalidTag:
            raise Damaged("the document does not decrypt with this key") from None

    # -- files ------------------------------------------------------------------------------------
    def file_writer(self, out: BinaryIO, address: str) -> _FileWriter:
        return _FileWriter(self._aead, out, address)

    def read_file(self, path: Path, address: str) -> Iterator[bytes]:
        """The plaintext of a stored file, in chunks."""
        with path.open("rb") as f:
            head = f.read(len(FILE_MAGIC))
            if head != FILE_MAGIC:
                yield head
                while chunk := f.read(RECORD):
                    yield chunk
                return
            if self._aead is None:
                raise Damaged("the file is encrypted but the server has no data key")
            n = 0
            while True:
                size_raw = f.read(4)
                if len(size_raw) != 4:
                    raise Damaged("the file is truncated")
                (size,) = struct.unpack(">I", size_raw)
                record = f.read(size)
                if len(record) != size or size < 28:
                    raise Damaged("the file is truncated")
                try:
                    plain = self._aead.decrypt(record[:12], record[12:], _aad(address, n))
                except InvalidTag:
                    raise Damaged("the file does not decrypt with this key") from None
                if not plain:
                    return
                yield plain
                n += 1


def _aad(address: str, n: int) -> bytes:
    return f"{address}:{n}".encode()


class _FileWriter:
    """Buffers plaintext into records; ``close()`` writes the final (empty) record."""

    def __init__(self, aead: AESGCM | None, out: BinaryIO, address: str) -> None:
        self._aead, self._out, self._address = aead, out, address
        self._buf = bytearray()
        self._n = 0
        if aead is not None:
            out.write(FILE_MAGIC)

    def write(self, data: bytes) -> None:
        if self._aead is None:
            self._out.write(data)
            return
        self._buf += data
        while len(self._buf) >= RECORD:
            self._record(bytes(self._buf[:RECORD]))
            del self._buf[:RECORD]

    def _record(self, plain: bytes) -> None:
        assert self._aead is not None
        nonce = secrets.token_bytes(12)
        ct = self._aead.encrypt(nonce, plain, _aad(self._address, self._n))
        self._out.write(struct.pack(">I", len(nonce) + len(ct)) + nonce + ct)
        self._n += 1

    def close(self) -> None:
        if self._aead is None:
            return
        if self._buf:
            self._record(bytes(self._buf))
            self._buf.clear()
        self._record(b"")
