"""Shared fixtures: a real data dir (SQLite file, page store), the shipped catalog, a clerk at W03."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ("tests.helpers.materials", "tests.helpers.printing")
"""Fixtures shared across folders: ``sane_env`` (SANE's test scanner), ``cups_pdf_queue`` (a real CUPS queue)."""

# Headless keyring for every test (never used outside tests), see shared/ENVIRONMENT.md. The product
# refuses plaintext keyrings; the suite (and the subprocesses it starts) opts in explicitly.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
os.environ.setdefault("WINDOW_CLERK_TEST_PLAINTEXT_KEYRING", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


QT_WAIT_FLOOR_MS = 60_000
"""Every qtbot wait (waitUntil, waitSignal …) waits at least this long before it fails: a wait ends as
soon as its condition holds, so a long limit costs a passing test nothing, while a short one fails a
test on a loaded machine (two shared cores, xdist workers, another suite running)."""


def _generous_qt_waits() -> None:
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:  # pytest-qt is a required plugin; nothing to do without it
        return
    if getattr(QtBot, "_clerk_generous", False):
        return

    def floor(method_name: str) -> None:
        original = getattr(QtBot, method_name)

        def wait(self: object, *args: object, timeout: int = 5000, **kw: object) -> object:
            if kw.get("raising") is not False and timeout > 0:  # raising=False waits for a timeout on purpose
                timeout = max(timeout, QT_WAIT_FLOOR_MS)
            return original(self, *args, timeout=timeout, **kw)

        wait.__name__ = wait.__qualname__ = method_name
        wait.__doc__ = original.__doc__
        setattr(QtBot, method_name, wait)

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback"):
        floor(name)
    QtBot._clerk_generous = True  # type: ignore[attr-defined]


_generous_qt_waits()


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


SERIAL_GROUPS = {"cups_pdf_queue": "cups", "cli_queue": "cups"}
"""Fixtures of one shared resource: under pytest-xdist (``--dist loadgroup``) their tests run on one
worker, in order — cups-pdf writes every job into one output folder, and a module's CUPS queue is
added and removed by its fixture."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        for fixture, group in SERIAL_GROUPS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(group))
                break


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """On an xdist worker under ``--dist loadgroup``, a grouped test's node id must carry its group
    (``…@cups``): that suffix is all the scheduler groups by. pytest 9 dropped the attribute xdist
    3.8 writes it to, and the groups split silently — so refuse to run rather than flake."""
    if not getattr(session.config.option, "loadgroup", False):
        return
    for item in session.items:
        if any(True for _ in item.iter_markers("xdist_group")) and "@" not in item.nodeid:
            raise pytest.UsageError(f"xdist_group is not applied to {item.nodeid}: pytest and pytest-xdist disagree")


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
