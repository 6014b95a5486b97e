"""Content-addressed page store: files named by their sha256, written atomically, never half there.

A file is written to a temp file in the same directory, fsynced, then renamed into place (and the
directory fsynced), so a crash at any point leaves either the whole file or nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int


class PageStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put_stream(self, src: BinaryIO) -> StoredBlob:
        """Streams ``src`` into the store (bounded memory); returns its hash and size."""
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            digest = h.hexdigest()
            final = self.path(digest)
            if final.exists():
                os.unlink(tmp)
            else:
                final.parent.mkdir(exist_ok=True)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
            return StoredBlob(digest, size)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def put_bytes(self, data: bytes) -> StoredBlob:
        import io

        return self.put_stream(io.BytesIO(data))

    def put_file(self, path: Path) -> StoredBlob:
        with path.open("rb") as f:
            return self.put_stream(f)

    def open(self, sha256: str) -> BinaryIO:
        return self.path(sha256).open("rb")

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def iter_chunks(self, sha256: str, size: int = CHUNK) -> Iterator[bytes]:
        with self.open(sha256) as f:
            while chunk := f.read(size):
                yield chunk

    def all_hashes(self) -> Iterator[str]:
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for f in sorted(sub.iterdir()):
                    if not f.name.startswith("."):
                        yield f.name

    def verify(self) -> list[str]:
        """Rehashes every file; returns one line per damaged file (empty when all are intact)."""
        damaged = []
        for sha in self.all_hashes():
            h = hashlib.sha256()
            for chunk in self.iter_chunks(sha):
                h.update(chunk)
            if h.hexdigest() != sha:
                damaged.append(f"{sha}: 内容与哈希不符（文件已损坏）")
        return damaged

    def remove(self, sha256: str) -> None:
        p = self.path(sha256)
        if p.exists():
            p.unlink()


def _fsync_dir(d: Path) -> None:
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
