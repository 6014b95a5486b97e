"""Hall announcements: the WAV (chime + Mandarin voice) is made in a worker, then played by QtMultimedia.

With no sound device (offscreen tests, a display PC without speakers) nothing is played and nothing
is looked up: the announcement is still made and reported by ``announced``.
"""

from __future__ import annotations

import tempfile
from collections import deque
from pathlib import Path
from typing import Any

from clerk.queueing import Announcement
from clerk.queueing.speech import render_announcement
from ui.ops import Query, TaskManager
from ui.qt import QObject, QUrl, Signal
from ui.queue.common import audio_possible


class Announcer(QObject):
    """Says announcements one after the other.

    Signals:
        announced(str, str): the text shown and the WAV file made for it.
        failed(str): the WAV could not be made (espeak-ng missing …).
    """

    announced = Signal(str, str)
    failed = Signal(str)

    def __init__(self, tasks: TaskManager, directory: Path | None = None, parent: QObject | None = None,
                 *, play: bool | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.directory = directory or Path(tempfile.mkdtemp(prefix="hall-voice-"))
        self._queue: deque[Announcement] = deque()
        self._busy = False
        self._n = 0
        self._effect: Any = None
        self.play_sound = audio_possible() if play is None else play
        self.last_wav: Path | None = None

    def say(self, item: Announcement) -> None:
        self._queue.append(item)
        self._next()

    def _next(self) -> None:
        if self._busy or not self._queue:
            return
        item = self._queue.popleft()
        self._busy = True
        self._n += 1
        path = self.directory / f"call-{self._n % 20:02d}.wav"
        Query(self, lambda: render_announcement(item.spoken, path)).success(lambda p: self._made(item, p)).failure(self._failed).run_in_background()

    def _made(self, item: Announcement, path: Path) -> None:
        self._busy = False
        self.last_wav = path
        self._play(path)
        self.announced.emit(item.text, str(path))
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(str(getattr(exc, "args", [exc])[0] if getattr(exc, "args", None) else exc))
        self._next()

    def _play(self, path: Path) -> None:
        if not self.play_sound:
            return
        try:
            from ui.qt.multimedia import QMediaDevices, QSoundEffect

            if QMediaDevices.defaultAudioOutput().isNull():
                self.play_sound = False  # no speakers: stop looking
                return
            if self._effect is None:
                self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effect.play()
        except Exception:  # sound is a nicety: the screen still shows the call
            self.play_sound = False
