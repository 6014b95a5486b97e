"""Fixtures for the queue tests: a real hall server (backoffice, embedded) on loopback, a logged-in client."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from clerk.queueing import HallClient
from tests.helpers.queue import PASSWORD


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[EmbeddedServer]:
    base = tmp_path / "hall"
    base.mkdir()
    server = start_server(f"sqlite:///{base / 'hall.sqlite3'}", base / "files")
    # The hall server lets a clerk act only on their own windows (backoffice/authz.py): the queue tests
    # drive several windows with one account, so it is listed for each.
    server.create_user("clerk03", PASSWORD, roles=["clerk"], windows=[f"W{i:02d}" for i in range(1, 9)])
    server.create_user("boss", PASSWORD, roles=["supervisor"])
    yield server
    server.stop()


@pytest.fixture
def client_for(hall: EmbeddedServer) -> Iterator[Callable[..., HallClient]]:
    made: list[HallClient] = []

    def make(username: str = "clerk03") -> HallClient:
        token = HallClient(hall.url).login(username, PASSWORD, "test-device")
        c = HallClient(hall.url, lambda: token)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


@pytest.fixture
def client(client_for: Callable[..., HallClient]) -> HallClient:
    return client_for()


@pytest.fixture
def dead_url() -> str:
    """A loopback URL nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    for item in items:
        if "tests/queue/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))
