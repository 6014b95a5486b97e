"""Fixtures of the e-licence tests: a real back office on loopback with a clerk, a supervisor and a
clerk of another org, and an isolated keyring home for the workstation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.helpers.backoffice import PASSWORD


@pytest.fixture(autouse=True)
def _keyring_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    srv = start_server(f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files")
    srv.create_user("clerk01", PASSWORD, ["clerk"], display_name="王小窗", windows=["W03"])
    srv.create_user("boss", PASSWORD, ["supervisor"], display_name="李主任", windows=[])
    srv.create_user("other", PASSWORD, ["clerk"], display_name="外单位", windows=["W01"], org_code="999999")
    srv.create_user("kiosk01", PASSWORD, ["kiosk"], display_name="取号机", windows=[])
    try:
        yield srv
    finally:
        srv.stop()
