"""One file from outside, checked in full before anything is stored: ``prepare_file``.

The one gate every entry point uses (the UI's import and drops, the scan-to-folder inbox, the CLI's
case JSON, supplements): a regular file (never blocks on a FIFO), size, the type from its bytes,
then ``decoder.examine`` in the limited child (header limits, cleaned bytes, every page decoded
once). Nothing is written; the result says what to store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from clerk.materials.decoder import Examined, examine
from clerk.materials.sandbox import examine_isolated
from clerk.materials.sniff import MEDIA_TYPES, check_kind, read_regular


@dataclass(frozen=True)
class PreparedFile:
    source_name: str
    original_sha256: str
    """sha256 of the bytes as they were read (what a re-run of the same document recognises)."""
    examined: Examined

    @property
    def data(self) -> bytes:
        """The bytes to store (cleaned; see ``clerk.materials.decoder``)."""
        return self.examined.data

    @property
    def kind(self) -> str:
        return self.examined.kind

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.examined.kind]

    @property
    def pages(self) -> int:
        return len(self.examined.pages)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.examined.data).hexdigest()


def prepare_file(path: Path, allowed: list[str] | None, max_size_mb: int, *, name: str | None = None) -> PreparedFile:
    """Reads and checks ``path`` for a material (``FileProblem`` with one line when refused)."""
    name = name or path.name
    data = read_regular(path, max_size_mb * 1024 * 1024, name=name,
                        too_big="{size} MB，超过本材料 " + f"{max_size_mb} MB 的上限")
    return prepare_bytes(data, allowed, max_size_mb, name=name, suffix=path.suffix)


def prepare_bytes(data: bytes, allowed: list[str] | None, max_size_mb: int, *, name: str, suffix: str = "",
                  isolated: bool = True) -> PreparedFile:
    """The same checks on bytes already in memory; ``isolated=False`` examines in-process (pages from
    the workstation's own scanner: header limits still apply)."""
    kind = check_kind(name, data, allowed, max_size_mb, suffix=suffix)
    examined = examine_isolated(kind, data, name) if isolated else examine(kind, data, name)
    return PreparedFile(name, hashlib.sha256(data).hexdigest(), examined)
