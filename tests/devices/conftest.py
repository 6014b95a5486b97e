"""The fake termb SDK (compiled once per session) and its reader directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.devices import compile_fake_termb


@pytest.fixture(scope="session")
def fake_termb_lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = compile_fake_termb(tmp_path_factory.mktemp("fake-termb"))
    if isinstance(built, str):
        pytest.skip(built)
    return built


@pytest.fixture
def reader_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The fake reader's card slot (``FAKE_TERMB_DIR``), empty: no card yet."""
    slot = tmp_path / "reader"
    slot.mkdir()
    monkeypatch.setenv("FAKE_TERMB_DIR", str(slot))
    monkeypatch.delenv("FAKE_TERMB_PORT", raising=False)
    yield slot
