"""Shared by the queue screens: reaching the hall server, the save-file seam, sound on or off."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from clerk.context import AppContext
from clerk.queueing import HallClient
from clerk.queueing.access import client_from_context, local_platform_client
from ui.qt import QWidget
from ui.shell import Shell

DEMO_PASSWORD = "demo"


class HallAccess:
    """Makes the hall client on first use, in a worker (demo mode may wait there for its server)."""

    def __init__(self, make: Callable[[], HallClient]) -> None:
        self._make = make
        self._client: HallClient | None = None
        self._lock = threading.Lock()

    def client(self) -> HallClient:
        with self._lock:
            if self._client is None:
                self._client = self._make()
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    @classmethod
    def for_url(cls, url: str, token: Callable[[], str | None]) -> HallAccess:
        return cls(lambda: HallClient(url, token))

    @classmethod
    def for_context(cls, ctx: AppContext, *, demo: bool, username: str = "") -> HallAccess:
        """Demo: the embedded platform and its demo login; otherwise settings + keyring (clerk.queueing.access)."""
        if demo:
            return cls(lambda: local_platform_client(ctx, username, DEMO_PASSWORD))
        return cls(lambda: client_from_context(ctx))

    @classmethod
    def for_shell(cls, shell: Shell) -> HallAccess:
        return cls.for_context(shell.ctx, demo=shell.demo, username=shell.actor.username)


SaveDialog = Callable[[QWidget, str, str, str], str]
"""(parent, caption, suggested path, filter) → the chosen path, or "" when cancelled."""


def native_save_dialog(parent: QWidget, caption: str, suggested: str, filt: str) -> str:
    """The save dialog in the last-used (or documents) folder, with the suggested file name."""
    from ui.widgets.files import save_file

    return save_file(parent, caption, Path(suggested).name, filt)


def audio_possible() -> bool:
    """False on the offscreen/minimal platforms (tests, screenshots): no sound device to look for there."""
    return os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("offscreen", "minimal")


def downloads_dir() -> Path:
    d = Path.home() / "Downloads"
    return d if d.is_dir() else Path.home()
