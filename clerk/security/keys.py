"""Where the cache's data key comes from (keyring); None means the cache is not encrypted.

The security issue replaces this with a keyring-backed key; until then the cache is plain SQLite.
"""

from __future__ import annotations

from pathlib import Path


def open_db_key(data_dir: Path | None) -> str | None:
    return None
