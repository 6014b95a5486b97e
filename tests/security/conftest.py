"""Fixtures for the security tests: an encrypted data dir, a pinned clock, the real back office."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk import clock


class FakeClock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += dt.timedelta(**kw)


@pytest.fixture(autouse=True)
def fake_clock() -> Iterator[FakeClock]:
    """The clock pinned inside the shipped holiday calendar (every security test)."""
    c = FakeClock(dt.datetime(2026, 6, 15, 9, 0, tzinfo=clock.CST))
    clock.set_clock(c)
    yield c
    clock.set_clock(None)


@pytest.fixture
def enc_ctx(data_dir: Path) -> Iterator[Any]:
    """An AppContext as the app opens it: the data key from the keyring, SQLCipher, encrypted pages."""
    from clerk.context import AppContext
    from clerk.security.keys import open_db_key

    c = AppContext.open(data_dir, db_key=open_db_key(data_dir))
    assert c.store.encrypted
    yield c
    c.close()


@pytest.fixture
def supervisor() -> Any:
    from clerk.security.actor import Actor, Role

    return Actor("sup01", "李主任", (Role.SUPERVISOR,), window="W00", org_code="230102")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Any]:
    """The reference back office on loopback with a clerk and a supervisor."""
    from backoffice.embedded import start_server

    srv = start_server(f"sqlite:///{tmp_path / 'bo.sqlite3'}", tmp_path / "bo-files")
    srv.create_user("clerk01", "窗口-密码-1", roles=["clerk"], display_name="王小窗", windows=["W03", "W04"])
    srv.create_user("sup01", "主任-密码-2", roles=["supervisor"], display_name="李主任", windows=[])
    yield srv
    srv.stop()
