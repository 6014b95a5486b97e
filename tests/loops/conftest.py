"""Fixtures of the closed-loop tests: a real back office on loopback (SQLite file), a file keyring,
the hall's operators, and workstations (data dirs) that log in to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.helpers.loops import PASSWORD, USERS


@pytest.fixture(autouse=True)
def _keyring_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))


@pytest.fixture
def hall_server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    # tokens for 120 days: the overdue tests move the hall's clock weeks ahead
    server = start_server(f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files", token_ttl_s=120 * 86400)
    for name, (roles, org, windows) in USERS.items():
        server.create_user(name, PASSWORD, roles, display_name=name, windows=windows, org_code=org)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def workstation(tmp_path: Path) -> Iterator[Any]:
    """Opens data dirs by name (one per workstation); all closed at the end."""
    from clerk.context import AppContext

    opened: list[Any] = []

    def _open(name: str) -> Any:
        d = tmp_path / f"ws-{name}"
        d.mkdir(exist_ok=True)
        c = AppContext.open(d)
        opened.append(c)
        return c

    yield _open
    for c in opened:
        c.close()


@pytest.fixture
def pin_clocks(hall_server: EmbeddedServer) -> Iterator[Any]:
    """``pin(at)`` stops the hall's and the workstation's clocks at ``at`` (both restored after)."""
    import datetime as dt

    from clerk import clock

    def pin(at: dt.datetime) -> None:
        hall_server.ctx.config.clock.freeze(at)
        clock.set_clock(lambda: at.astimezone(clock.CST))

    yield pin
    hall_server.ctx.config.clock.freeze(None)
    clock.set_clock(None)
