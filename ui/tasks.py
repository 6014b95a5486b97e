"""Background work in one typed way: run a clerk/ call in a QThreadPool, get the result on the GUI thread.

    tasks.run(lambda: ctx.intake.search(q), on_success=self._show, on_failure=self._fail)

Writes (autosave, material changes, accept …) go to a one-thread pool so they happen in the order
they were asked for; reads use a general pool. A job gets no Session from the caller: clerk/ services
open their own per call (one Session per thread, never shared).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from ui.qt import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class _Relay(QObject):
    """Carries a finished job from a worker thread to the GUI thread.

    Signals:
        done(int, bool, object): job id, success, result or exception.
    """

    done = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._fn, self._relay = job_id, fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the caller's failure callback
            self._relay.done.emit(self._id, False, exc)
        else:
            self._relay.done.emit(self._id, True, result)


class Tasks(QObject):
    """Runs callables off the GUI thread and calls back on it.

    Signals:
        failed(str): a job without its own failure callback failed (the message, for the status bar).
        idle(): no job is pending any more.
    """

    failed = Signal(str)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # ordered writes (FIFO within one priority)
        self._relay = _Relay()
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(self, fn: Callable[[], Any], *, on_success: Callback | None = None,
            on_failure: Callback | None = None, write: bool = False) -> int:
        """Queues ``fn``; ``on_success(result)`` or ``on_failure(exception)`` run later on the GUI thread."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_success, on_failure)
        (self._writes if write else self._reads).start(_Job(job_id, fn, self._relay))
        return job_id

    def wait(self, msecs: int = 30000) -> bool:
        """Blocks until every queued job ran (used on close); callbacks are delivered by the event loop."""
        ok = self._writes.waitForDone(msecs)
        return self._reads.waitForDone(msecs) and ok

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        on_success, on_failure = self._callbacks.pop(job_id, (None, None))
        try:
            if ok:
                if on_success is not None:
                    on_success(payload)
            elif on_failure is not None:
                on_failure(payload)
            else:
                log.error("background job failed", exc_info=payload if isinstance(payload, BaseException) else None)
                self.failed.emit(str(payload))
        finally:
            if not self._callbacks:
                self.idle.emit()


def alive(widget: object, fn: object) -> object:
    """``fn`` wrapped to do nothing once ``widget`` was deleted (a task finished after its dialog closed)."""
    from ui.qt import is_valid

    def call(*args: object) -> None:
        if is_valid(widget) and not getattr(widget, "_closing", False):
            fn(*args)  # type: ignore[operator]

    return call
