"""Shared fixtures: a real data dir (SQLite file, page store), the shipped catalog, a clerk at W03."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ("tests.helpers.materials", "tests.helpers.printing")
"""Fixtures shared across folders: ``sane_env`` (SANE's test scanner), ``cups_pdf_queue`` (a real CUPS queue)."""

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


# PySide6 6.12 has a reference-counting fault that can abort the interpreter while it finalizes Qt
# objects after the run ("Fatal Python error: bool_dealloc", exit 134), after every test has passed
# and the summary is printed. Leave with pytest's own exit status instead of finalizing.
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if _EXIT_STATUS and "PySide6" in sys.modules and not os.environ.get("CLERK_TESTS_FINALIZE"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
