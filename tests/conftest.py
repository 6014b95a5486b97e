"""Shared fixtures: a real data dir (SQLite file, page store), the shipped catalog, a clerk at W03."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless keyring for every test (never used outside tests), see shared/ENVIRONMENT.md.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _keyring_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """keyrings.alt writes under XDG_DATA_HOME: keep each test's secrets in its own temp dir."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[object]:
    from clerk.context import AppContext

    c = AppContext.open(data_dir)
    yield c
    c.close()


@pytest.fixture
def clerk_actor() -> object:
    from clerk.security.actor import Actor, Role

    return Actor("clerk01", "王小窗", (Role.CLERK,), window="W03", org_code="230102")


@pytest.fixture
def people() -> object:
    from clerk.demo import DemoPeople

    return DemoPeople(11)
