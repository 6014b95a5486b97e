"""Shared by the queue screens: reaching the hall server, messages for queue errors, the save-file seam, fonts."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerk.queueing import HallClient, QueueError
from clerk.queueing.access import client_from_context
from ui.qt import QFileDialog, QFont, QWidget

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
    def for_session(cls, session: Any) -> HallAccess:
        """Demo: the embedded server and its demo login; otherwise settings + keyring (clerk.queueing.access)."""
        if not getattr(session, "demo", False):
            return cls(lambda: client_from_context(session.ctx))

        def make() -> HallClient:
            thread = getattr(session, "_server_thread", None)
            if thread is not None:
                thread.join(30)
            server = getattr(session, "server", None)
            if server is None:
                return HallClient("", lambda: None)  # → Unreachable: 未设置叫号服务器地址
            token: list[str] = []

            def provide() -> str:
                if not token:
                    token.append(HallClient(server.url).login(session.actor.username, DEMO_PASSWORD,
                                                              session.ctx.settings.device_id or "demo"))
                return token[0]

            return HallClient(server.url, provide)

        return cls(make)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, QueueError):
        return exc.message
    return f"{type(exc).__name__}: {exc}"


SaveDialog = Callable[[QWidget, str, str, str], str]
"""(parent, caption, suggested path, filter) → the chosen path, or "" when cancelled."""


def native_save_dialog(parent: QWidget, caption: str, suggested: str, filt: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filt)
    return str(path or "")


def big_font(base: QFont, pixel_size: int, bold: bool = False) -> QFont:
    f = QFont(base)
    f.setPixelSize(pixel_size)
    f.setBold(bold)
    return f


def audio_possible() -> bool:
    """False on the offscreen/minimal platforms (tests, screenshots): no sound device to look for there."""
    return os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("offscreen", "minimal")


def downloads_dir() -> Path:
    d = Path.home() / "Downloads"
    return d if d.is_dir() else Path.home()
