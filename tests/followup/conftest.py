"""Fixtures of the follow-up tests: real back-office servers on loopback (SQLite files), a file keyring,
operators of each role, and accepted cases made through the real intake service."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.helpers.followup import PASSWORD, USERS

StartFn = Callable[..., EmbeddedServer]


@pytest.fixture(autouse=True)
def _keyring_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))


@pytest.fixture
def start(tmp_path: Path) -> Iterator[StartFn]:
    """Starts servers on ``tmp_path/bo.db`` (the same database and files dir every time) with the users."""
    running: list[EmbeddedServer] = []

    def _start(**kw: Any) -> EmbeddedServer:
        server = start_server(f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files", **kw)
        running.append(server)
        for name, roles, display in USERS:
            server.create_user(name, PASSWORD, roles, display_name=display, windows=["W03"])
        return server

    yield _start
    for server in running:
        if server.running:
            server.stop()


@pytest.fixture
def server(start: StartFn) -> EmbeddedServer:
    return start()
