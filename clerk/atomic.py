"""Writing a file so a crash leaves either the whole new file or the old one, never half of it.

    write_atomic(path, data)                 # bytes or str (UTF-8)
    with atomic_file(path, prefix=".x-") as f: f.write(...)

The data goes to a temporary file in the same directory, is flushed and fsynced (``fsync=False``
for caches a crash may lose), then renamed over ``path``. On any error the temporary file is
removed and ``path`` is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_file(path: Path, *, prefix: str = ".tmp-", suffix: str = "", fsync: bool = True,
                mode: int | None = None) -> Iterator[IO[bytes]]:
    """A binary file object whose contents replace ``path`` when the block ends without an error."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if fsync:
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes | str, *, prefix: str = ".tmp-", suffix: str = "", fsync: bool = True,
                 mode: int | None = None) -> None:
    """Replaces ``path`` with ``data`` (a str is written as UTF-8) in one step."""
    with atomic_file(path, prefix=prefix, suffix=suffix, fsync=fsync, mode=mode) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
