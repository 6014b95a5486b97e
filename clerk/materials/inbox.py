"""The scan-to-folder inbox: a watched folder where network scanners drop files.

A file is reported once it is complete: closed after writing (inotify's close-write, when the
platform has it) and no longer changing, or unchanged for ``settle`` seconds. Temporary names
(``.part``, ``.tmp``, ``~…``, hidden files) are ignored until they are renamed into place. Reports
go to a callback and, when an ``EventBus`` is given, as the ``scan_inbox_file`` event (``path``), so
the UI can offer the file to the open case.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from clerk.events import EventBus, ScanInboxFile

log = logging.getLogger(__name__)

_TEMP_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".swp")


def is_temporary(path: Path) -> bool:
    return path.name.startswith((".", "~")) or path.name.lower().endswith(_TEMP_SUFFIXES)


@dataclass
class _Pending:
    size: int
    mtime_ns: int
    changed_at: float
    closed: bool = False


class ScanInbox:
    """Watches ``folder`` (watchdog) and reports each new complete file once."""

    def __init__(self, folder: Path, on_file: Callable[[Path], None] | None = None, *,
                 events: EventBus | None = None, settle: float = 2.0, poll: float = 0.2,
                 include_existing: bool = False) -> None:
        self.folder = folder
        self.on_file = on_file
        self.events = events
        self.settle = settle
        self.poll = poll
        self.include_existing = include_existing
        self._pending: dict[Path, _Pending] = {}
        self._reported: dict[Path, tuple[int, int]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._observer: Observer | None = None  # type: ignore[valid-type]
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        inbox = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory:
                    return
                path = Path(str(getattr(event, "dest_path", "") or event.src_path))
                if event.event_type in ("deleted",):
                    inbox._forget(Path(str(event.src_path)))
                    return
                if event.event_type == "moved":
                    inbox._forget(Path(str(event.src_path)))
                inbox._touch(path, closed=event.event_type == "closed")

        observer = Observer()
        observer.schedule(Handler(), str(self.folder), recursive=False)
        observer.start()
        self._observer = observer
        if self.include_existing:
            for p in sorted(self.folder.iterdir()):
                if p.is_file():
                    self._touch(p, closed=False)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="scan-inbox", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ScanInbox:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- internals -------------------------------------------------------------------------------
    def _forget(self, path: Path) -> None:
        with self._lock:
            self._pending.pop(path, None)

    def _touch(self, path: Path, *, closed: bool) -> None:
        if is_temporary(path) or path.parent != self.folder:
            return
        try:
            st = path.stat()
        except OSError:
            return
        with self._lock:
            if self._reported.get(path) == (st.st_size, st.st_mtime_ns):
                return
            p = self._pending.get(path)
            if p is None or (p.size, p.mtime_ns) != (st.st_size, st.st_mtime_ns):
                self._pending[path] = _Pending(st.st_size, st.st_mtime_ns, time.monotonic(), closed)
            elif closed:
                p.closed = True

    def _ready(self) -> list[Path]:
        now = time.monotonic()
        ready = []
        with self._lock:
            for path, p in list(self._pending.items()):
                try:
                    st = path.stat()
                except OSError:
                    del self._pending[path]
                    continue
                if (st.st_size, st.st_mtime_ns) != (p.size, p.mtime_ns):
                    self._pending[path] = _Pending(st.st_size, st.st_mtime_ns, now)
                    continue
                if st.st_size == 0:
                    continue  # still being created (an empty file is never a scan)
                if (p.closed and now - p.changed_at >= self.poll) or now - p.changed_at >= self.settle:
                    del self._pending[path]
                    self._reported[path] = (st.st_size, st.st_mtime_ns)
                    ready.append(path)
        return ready

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            for path in self._ready():
                if self.on_file is not None:
                    try:
                        self.on_file(path)
                    except Exception:  # a broken listener must not stop the inbox
                        log.exception("scan inbox callback failed for %s", path)
                if self.events is not None:
                    self.events.publish(ScanInboxFile(path))
