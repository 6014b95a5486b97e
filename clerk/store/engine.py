"""The local cache's engine: SQLite (or SQLCipher when a key is given), WAL, synchronous=FULL, migrated.

Reads use plain (deferred) transactions; ``Store.write()`` opens ``BEGIN IMMEDIATE`` so two processes
on the same file serialise their writes (case numbers, outbox) instead of failing half-way.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from clerk.errors import ClerkError
from clerk.store.migrations_runner import upgrade_to_head


class StoreError(ClerkError, RuntimeError):
    """The local cache cannot be opened (wrong key, damaged file, newer schema …)."""


def _connect_factory(path: Path, key: str | None) -> tuple[Any, Any]:
    if key is None:
        module: Any = sqlite3
    else:
        import sqlcipher3.dbapi2 as module  # type: ignore[import-not-found,no-redef]

    def connect() -> Any:
        conn = module.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
        if key is not None:
            escaped = key.replace("'", "''")
            with contextlib.suppress(Exception):
                conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = '{escaped}'")
        return conn

    return module, connect


class Store:
    """Engine and sessions of one cache file. One Session per thread; never share a Session."""

    def __init__(self, path: Path, key: str | None = None, *, migrate: bool = True) -> None:
        self.path = path
        self.encrypted = key is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        module, connect = _connect_factory(path, key)
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", module=module, creator=connect, poolclass=QueuePool, pool_size=4, max_overflow=8
        )

        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            cur = dbapi_conn.cursor()
            try:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=30000")
                cur.execute("PRAGMA cache_size=-32768")  # 32 MiB of pages: an encrypted page is decrypted once
            finally:
                cur.close()

        @event.listens_for(self.engine, "begin")
        def _on_begin(conn: Any) -> None:
            mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        self._check_opens()
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        if migrate:
            upgrade_to_head(self.engine)

    def _check_opens(self) -> None:
        try:
            with self.engine.connect() as c:
                c.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except Exception as exc:  # sqlite3.DatabaseError and sqlcipher3's are distinct classes
            msg = str(exc).lower()
            if "not a database" in msg or "encrypted" in msg or "file is not" in msg:
                raise StoreError(
                    f"本地数据库 {self.path} 无法打开：密钥不对或文件已损坏（{'已加密' if self.encrypted else '未加密'}方式打开）"
                ) from exc
            raise StoreError(f"本地数据库 {self.path} 无法打开：{exc}") from exc

    def read(self) -> Session:
        """A session for reading (deferred transaction)."""
        return self._read_sessions()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); commits on success, rolls back on any error."""
        with self._write_sessions() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()
