"""One owner per data dir: an OS lock (``flock``) on ``DATA_DIR/owner.lock`` naming the owner.

The process that opens a data dir to write takes an exclusive, non-blocking ``flock`` on the lock file
and writes its PID, program and start time into it. The lock belongs to the open file, so the OS
drops it when the process ends in any way (exit, crash, ``kill -9``): a lock file left behind by a
dead process is stale by construction and the next opener simply takes it over. A second process
gets ``DataDirBusy`` with one line naming the owner. Inside one process the lock is shared (counted),
so the app and, say, a background job of the same program may both open the dir.

Read-only commands do not take the lock (they never convert, migrate or replace anything).
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from clerk.errors import ClerkError

LOCK_FILE = "owner.lock"


class DataDirBusy(ClerkError, RuntimeError):
    """Another process owns the data dir (its PID and program are in the message)."""

    def __init__(self, data_dir: Path, owner: Owner | None) -> None:
        who = f"PID {owner.pid}：{owner.program}，{owner.since} 起" if owner else "另一个进程"
        super().__init__(f"数据目录 {data_dir} 正被另一个程序使用（{who}）："
                         "请先退出那个程序，或用 --data-dir 指定别的数据目录")
        self.data_dir = data_dir
        self.owner = owner


class DataDirLockError(ClerkError, OSError):
    """The lock file cannot be created (read-only directory, no permission …)."""


@dataclass(frozen=True)
class Owner:
    pid: int
    program: str
    since: str


def _program() -> str:
    argv = list(getattr(sys, "orig_argv", None) or sys.argv)
    if argv and Path(argv[0]).name.startswith("python"):
        argv[0] = "python"
    text = " ".join(argv)
    return text if len(text) <= 160 else text[:157] + "…"


def read_owner(data_dir: Path) -> Owner | None:
    """What the lock file says (the last owner; only meaningful while its lock is held)."""
    try:
        data = json.loads((data_dir / LOCK_FILE).read_text(encoding="utf-8"))
        return Owner(int(data["pid"]), str(data.get("program", "")), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class DataDirLock:
    """The held lock of one data dir in this process (counted; ``release`` once per ``acquire``)."""

    _held: dict[tuple[int, int], DataDirLock] = {}
    _guard = threading.Lock()

    def __init__(self, data_dir: Path, fd: int, ident: tuple[int, int]) -> None:
        self.data_dir = data_dir
        self._fd = fd
        self._ident = ident
        self._count = 1

    @classmethod
    def acquire(cls, data_dir: Path) -> DataDirLock:
        """Takes (or, in this process, shares) the data dir's lock; raises ``DataDirBusy``."""
        st = data_dir.stat()
        ident = (st.st_dev, st.st_ino)
        with cls._guard:
            held = cls._held.get(ident)
            if held is not None:
                held._count += 1
                return held
            path = data_dir / LOCK_FILE
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError as exc:
                raise DataDirLockError(
                    f"数据目录 {data_dir} 无法写入（{exc.strerror or exc}）：此命令需要写入数据目录；"
                    "请检查目录权限，或用 --data-dir 指定可写的目录") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise DataDirBusy(data_dir, read_owner(data_dir)) from None
                raise DataDirLockError(f"数据目录 {data_dir} 无法加锁（{exc.strerror or exc}）") from None
            info = {"pid": os.getpid(), "program": _program(),
                    "since": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
            os.ftruncate(fd, 0)
            os.pwrite(fd, (json.dumps(info, ensure_ascii=False) + "\n").encode("utf-8"), 0)
            lock = cls(data_dir, fd, ident)
            cls._held[ident] = lock
            return lock

    @classmethod
    def held_here(cls, data_dir: Path) -> bool:
        """True when this process owns ``data_dir``."""
        try:
            st = data_dir.stat()
        except OSError:
            return False
        with cls._guard:
            return (st.st_dev, st.st_ino) in cls._held

    def release(self) -> None:
        with self._guard:
            if self._count <= 0:
                return
            self._count -= 1
            if self._count:
                return
            self._held.pop(self._ident, None)
            try:
                os.ftruncate(self._fd, 0)  # nobody owns it now (the file stays: unlinking would race)
            except OSError:
                pass
            os.close(self._fd)  # closing the file releases the flock
