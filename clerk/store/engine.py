"""The local cache's engine: SQLite (or SQLCipher when a key is given), WAL, synchronous=FULL, migrated.

Reads use plain (deferred) transactions; ``Store.write()`` opens ``BEGIN IMMEDIATE`` so writers
serialise (case numbers, outbox) instead of failing half-way. ``read_only=True`` opens the file with
``mode=ro`` (and ``immutable=1`` on a read-only medium that has no ``-shm`` file), never migrates and
never creates anything.

Every database error a person can cause — a cache written by a newer program, a cache another
program keeps locked past the busy timeout, a full disk, a damaged file, a read-only medium — is
raised as one ``StoreError`` subclass with one line saying what to do (SQLAlchemy's multi-line text,
its statement parameters and its "Background on this error" link never reach the person). Statement
parameters are hidden from logs and error text alike (``hide_parameters``): they hold personal data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from clerk.errors import ClerkError
from clerk.store.migrations_runner import HEAD, KNOWN_REVISIONS, upgrade_to_head

BUSY_TIMEOUT_S = 30
"""How long a write waits for another program's lock on the cache before it gives up (one line)."""
BUSY_TIMEOUT_ENV = "WINDOW_CLERK_BUSY_TIMEOUT_S"
"""Overrides ``BUSY_TIMEOUT_S`` (seconds, 0.1–600), e.g. for a slow network share."""


def busy_timeout_s() -> float:
    try:
        value = float(os.environ.get(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_S))
    except ValueError:
        return BUSY_TIMEOUT_S
    return min(600.0, max(0.1, value)) if value == value else BUSY_TIMEOUT_S
SIDE_FILES = ("-wal", "-shm", "-journal")


class StoreError(ClerkError, RuntimeError):
    """The local cache cannot be opened or used (wrong key, damaged file, newer schema …)."""


class CacheFromNewerVersion(StoreError):
    """The cache's schema revision is newer than this program knows (it was written by an update)."""


class CacheNeedsUpgrade(StoreError):
    """A read-only open of a cache whose schema is older than this program's (it must be migrated first)."""


class CacheBusy(StoreError):
    """Another program kept the cache locked for longer than the busy timeout."""


class DiskFull(StoreError):
    """The disk (or the medium of the data dir) is full; nothing of the operation was kept."""


class CacheDamaged(StoreError):
    """The file is not a database any more (a damaged page) or does not decrypt with this key."""


class CacheReadOnly(StoreError):
    """The cache or its folder cannot be written (read-only medium, permissions)."""


class CacheMissing(StoreError):
    """A read-only command was pointed at a place with no cache in it."""


def _connect_factory(path: Path, key: str | None, read_only: bool, timeout: float) -> tuple[Any, Any]:
    if key is None:
        module: Any = sqlite3
    else:
        import sqlcipher3.dbapi2 as module  # type: ignore[import-not-found,no-redef]
    immutable = [False]

    def open_once() -> Any:
        if not read_only:
            return module.connect(str(path), check_same_thread=False, timeout=timeout, isolation_level=None)
        uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable[0] else "")
        return module.connect(uri, uri=True, check_same_thread=False, timeout=timeout, isolation_level=None)

    def keyed(conn: Any) -> Any:
        if key is not None:
            escaped = key.replace("'", "''")
            with contextlib.suppress(Exception):
                conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = '{escaped}'")
        return conn

    def connect() -> Any:
        conn = keyed(open_once())
        if read_only and not immutable[0]:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except module.OperationalError as exc:
                # A WAL cache on a read-only medium without its -shm file: SQLite can only read it when
                # told that nobody writes it (nobody can: the medium is read-only).
                if "unable to open" not in str(exc) or os.access(path.parent, os.W_OK):
                    conn.close()
                    raise
                conn.close()
                immutable[0] = True
                conn = keyed(open_once())
        return conn

    return module, connect


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _seconds(value: float) -> str:
    return f"{value:g}"


def classify(exc: BaseException, path: Path) -> StoreError | None:
    """The one-line ``StoreError`` for a database error a person can cause, or None (a bug: re-raise)."""
    orig = getattr(exc, "orig", None) or exc
    msg = _first_line(exc).lower()
    code = getattr(orig, "sqlite_errorcode", None)
    folder = path.parent
    if "database is locked" in msg or "database table is locked" in msg or code in (5, 6):
        return CacheBusy(f"本地缓存 {path} 被另一个程序锁住超过 {_seconds(busy_timeout_s())} 秒，操作没有完成：请关闭其他正在使用"
                         f"数据目录 {folder} 的程序后重试")
    if "disk is full" in msg or code == 13 or (isinstance(orig, OSError) and orig.errno == errno.ENOSPC):
        return DiskFull(f"磁盘已满：数据目录 {folder} 无法写入，刚才的操作没有保存；请清理磁盘空间后重试")
    if "readonly" in msg or "read-only" in msg or code == 8:
        return CacheReadOnly(f"本地缓存 {path} 只读（只读介质或没有写权限），无法保存：请检查数据目录 {folder} 的权限"
                             "，或只运行查询类命令")
    if "malformed" in msg or "not a database" in msg or "file is not" in msg or code in (11, 26):
        return CacheDamaged(f"本地缓存 {path} 已损坏或密钥不对（{_first_line(exc)}）：请从备份恢复，或把数据目录移走后"
                            "联网登录重新同步；未同步的案件用恢复文件找回（python -m clerk recovery import）")
    if "unable to open database file" in msg or code == 14:
        return CacheReadOnly(f"本地缓存 {path} 无法打开（{_first_line(exc)}）：请检查数据目录 {folder} 是否存在、可读写")
    if "disk i/o error" in msg or code == 10:
        return StoreError(f"读写本地缓存 {path} 时出现磁盘错误：请检查磁盘后重试")
    return None


class Store:
    """Engine and sessions of one cache file. One Session per thread; never share a Session."""

    def __init__(self, path: Path, key: str | None = None, *, migrate: bool = True, read_only: bool = False) -> None:
        self.path = path
        self.encrypted = key is not None
        self.read_only = read_only
        if read_only:
            if not path.is_file():
                raise CacheMissing(f"{path} 不存在：这里没有工作站的本地缓存（数据目录写错了？）")
        else:
            _create_private(path)
        self.busy_timeout_s = busy_timeout_s()
        module, connect = _connect_factory(path, key, read_only, self.busy_timeout_s)
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", module=module, creator=connect, poolclass=QueuePool, pool_size=4, max_overflow=8,
            hide_parameters=True,
        )

        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            cur = dbapi_conn.cursor()
            try:
                if not read_only:
                    cur.execute("PRAGMA journal_mode=WAL")
                    cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_s * 1000)}")
                cur.execute("PRAGMA cache_size=-32768")  # 32 MiB of pages: an encrypted page is decrypted once
            finally:
                cur.close()

        @event.listens_for(self.engine, "begin")
        def _on_begin(conn: Any) -> None:
            mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        @event.listens_for(self.engine, "handle_error")
        def _on_error(context: ExceptionContext) -> None:
            problem = classify(context.original_exception, self.path)
            if problem is not None:
                raise problem from None

        self._check_opens()
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        self._check_revision(migrate)
        if not read_only:
            _make_private(path)

    def _check_opens(self) -> None:
        try:
            with self.engine.connect() as c:
                c.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except CacheDamaged as exc:
            self.engine.dispose()
            raise CacheDamaged(
                f"本地数据库 {self.path} 无法打开：密钥不对或文件已损坏（{'已加密' if self.encrypted else '未加密'}方式打开）；"
                "请从备份恢复，或把数据目录移走后联网登录重新同步（未同步的案件用恢复文件找回）"
            ) from exc
        except StoreError:
            self.engine.dispose()
            raise
        except Exception as exc:  # sqlite3.DatabaseError and sqlcipher3's are distinct classes
            self.engine.dispose()
            raise StoreError(f"本地数据库 {self.path} 无法打开：{_first_line(exc)}") from exc

    def _check_revision(self, migrate: bool) -> None:
        from clerk.store.migrations_runner import current_revision

        try:
            revision = current_revision(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        if revision is not None and revision not in KNOWN_REVISIONS:
            self.engine.dispose()
            raise CacheFromNewerVersion(
                f"本地缓存 {self.path} 由较新版本的程序写入（数据库修订 {revision}，本程序只支持到修订 {HEAD}）："
                "请先升级本程序再打开，缓存未做任何改动")
        if revision == HEAD:
            return
        if self.read_only or not migrate:
            if self.read_only:
                self.engine.dispose()
                raise CacheNeedsUpgrade(
                    f"本地缓存 {self.path} 是旧版本（数据库修订 {revision or '无'}，本程序为修订 {HEAD}），只读方式无法使用："
                    "请先运行 python -m clerk store upgrade（或启动工作站）升级一次")
            return
        try:
            upgrade_to_head(self.engine)
        except StoreError:
            self.engine.dispose()
            raise

    def read(self) -> Session:
        """A session for reading (deferred transaction)."""
        return self._read_sessions()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); commits on success, rolls back on any error."""
        if self.read_only:
            raise CacheReadOnly(f"本地缓存 {self.path} 以只读方式打开，不能写入（这是查询类命令）")
        with self._write_sessions() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


def _create_private(path: Path) -> None:
    """Creates a new cache file 0600 (SQLite gives its -wal and -shm the database file's mode)."""
    if path.exists():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        problem = classify(exc, path) if exc.errno == errno.ENOSPC else None
        raise problem or CacheReadOnly(
            f"本地缓存 {path} 无法创建（{exc.strerror or exc}）：请检查数据目录 {path.parent} 是否存在、可写") from None
    os.close(fd)


def _make_private(path: Path) -> None:
    """The cache and its side files readable by their owner only (older data dirs had 0644)."""
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(OSError):
            if p.exists() and p.stat().st_mode & 0o077:
                p.chmod(0o600)
