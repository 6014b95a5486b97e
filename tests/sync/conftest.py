"""Fixtures for the sync tests: a real back-office server on loopback, real data dirs, a file keyring.

Accepted cases are made once per session (a few through the real intake service, the rest cloned
from those with their own files) and the data dir is copied for each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.helpers.sync import PASSWORD, USER, StartFn, build_cases


@pytest.fixture(autouse=True)
def _keyring_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))


@pytest.fixture(scope="session")
def cases_500(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    d = tmp_path_factory.mktemp("tpl500") / "data"
    return d, build_cases(d, 500, files_per_clone=1)


@pytest.fixture(scope="session")
def cases_40(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    d = tmp_path_factory.mktemp("tpl40") / "data"
    return d, build_cases(d, 40, seed=9)


@pytest.fixture
def start(tmp_path: Path) -> Iterator[StartFn]:
    """Starts back-office servers (SQLite file, files dir under tmp_path) with user clerk01."""
    running: list[EmbeddedServer] = []

    def _start(**kw: Any) -> EmbeddedServer:
        n = len(running)
        server = start_server(f"sqlite:///{tmp_path / f'bo{n}.db'}", tmp_path / f"bo-files{n}", **kw)
        running.append(server)
        server.create_user(USER, PASSWORD, ["clerk"], display_name="王小窗", windows=["W03"])
        return server

    yield _start
    for server in running:
        server.stop()


@pytest.fixture
def server(start: StartFn) -> EmbeddedServer:
    return start()
