"""Every background call of the UI, in one typed way (Anki's ``aqt/operations`` CollectionOp / QueryOp).

    Op(self, lambda: ctx.intake.accept(actor, case_uuid)).success(self._accepted).run_in_background()
    Query(self, lambda: ctx.intake.search(q)).success(self._show).failure(self._failed).run_in_background()

``Op`` changes data: it runs on the one ordered write thread, so writes happen in the order they were
asked for. ``Query`` reads (or talks to a device or server): it runs on a small pool next to the
writes, so a long scan or search never holds an autosave up. Both run a plain ``clerk/`` call off
the GUI thread and deliver its result — or its exception — back on the GUI thread:

- ``success(cb)`` gets the result, ``failure(cb)`` the exception. Without ``failure`` the error goes
  to the user through ``ui.messages`` (one translated line in the window's status bar).
- The parent is the widget that wants the answer. Once it is deleted, or closing (a dialog that was
  closed), no callback runs: a closed widget never gets one (``mark_closing``).

One ``TaskManager`` per window owns the threads (``shell.tasks``). A job gets no Session from the caller:
``clerk/`` services open their own per call (one SQLAlchemy Session per thread, never shared).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ui.qt import QObject, QRunnable, Qt, QThreadPool, Signal, Slot, is_valid

log = logging.getLogger(__name__)

T = TypeVar("T")
Done = Callable[[bool, object], None]
"""``done(ok, result_or_exception)``: how the task manager hands a finished job back (GUI thread)."""

CLOSING = "_ops_closed"
"""Attribute a widget sets while it closes (``mark_closing``): its ops' callbacks are dropped from then on."""


def mark_closing(widget: QObject) -> None:
    """From now on no op delivers to ``widget`` (call it in a dialog's ``done()`` or a ``closeEvent``)."""
    setattr(widget, CLOSING, True)


def alive(parent: QObject | None) -> bool:
    """True while ``parent`` may still get callbacks: not deleted and not closing."""
    return parent is None or (is_valid(parent) and not getattr(parent, CLOSING, False))


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
        except BaseException as exc:  # delivered to the op's failure path
            self._relay.done.emit(self._id, False, exc)
        else:
            self._relay.done.emit(self._id, True, result)


class TaskManager(QObject):
    """The threads of one window: one ordered write thread, a small read pool (Anki's ``taskman``).

    Ops and queries are the way in (``Op`` / ``Query``); ``pending`` and ``wait()`` are for closing
    the window and for tests.

    Signals:
        idle(): no job is pending any more.
    """

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
        self._done: dict[int, Done] = {}

    @property
    def pending(self) -> int:
        return len(self._done)

    def start(self, fn: Callable[[], Any], done: Done, *, write: bool) -> int:
        """Queues ``fn``; ``done(ok, payload)`` runs later on the GUI thread (``Op`` and ``Query`` use this)."""
        job_id = next(self._ids)
        self._done[job_id] = done
        (self._writes if write else self._reads).start(_Job(job_id, fn, self._relay))
        return job_id

    def wait(self, msecs: int = 30000) -> bool:
        """Blocks until every queued job ran (used on close); callbacks are delivered by the event loop."""
        ok = self._writes.waitForDone(msecs)
        return self._reads.waitForDone(msecs) and ok

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        done = self._done.pop(job_id, None)
        try:
            if done is not None:
                done(ok, payload)
        finally:
            if not self._done:
                self.idle.emit()


class _Background(Generic[T]):
    _write = False

    def __init__(self, parent: QObject, fn: Callable[[], T], *, tasks: TaskManager | None = None) -> None:
        self._parent = parent
        self._fn = fn
        self._tasks = tasks
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None

    def success(self, cb: Callable[[T], object] | None) -> _Background[T]:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], object] | None) -> _Background[T]:
        self._failure = cb
        return self

    def run_in_background(self) -> int:
        """Starts the call; returns the job id (the callbacks come later, on the GUI thread)."""
        tasks = self._tasks or tasks_of(self._parent)
        parent, success, failure = self._parent, self._success, self._failure

        def done(ok: bool, payload: object) -> None:
            if not alive(parent):  # the widget went away meanwhile: nobody to tell
                if not ok:
                    log.info("dropped the failure of a closed widget's op: %s", payload)
                return
            if ok:
                if success is not None:
                    success(payload)  # type: ignore[arg-type]
                return
            exc = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
            if failure is not None:
                failure(exc)
            else:
                from ui import messages

                messages.error(parent, exc)

        return tasks.start(self._fn, done, write=self._write)


class Op(_Background[T]):
    """A change of data (受理, autosave, a material, a print job …): runs on the ordered write thread."""

    _write = True

    def success(self, cb: Callable[[T], object] | None) -> Op[T]:
        super().success(cb)
        return self

    def failure(self, cb: Callable[[BaseException], object] | None) -> Op[T]:
        super().failure(cb)
        return self


class Query(_Background[T]):
    """A read, a device or a server request (search, scan, printer list, hall server): the read pool."""

    def success(self, cb: Callable[[T], object] | None) -> Query[T]:
        super().success(cb)
        return self

    def failure(self, cb: Callable[[BaseException], object] | None) -> Query[T]:
        super().failure(cb)
        return self


class HasTasks:
    """What ``tasks_of`` looks for on a widget or its window: a ``tasks`` attribute (the shell's)."""

    tasks: TaskManager


def tasks_of(obj: QObject) -> TaskManager:
    """The task manager of the window ``obj`` belongs to: the nearest object up the parent chain with
    ``tasks`` (a shell, a standalone screen or dialog). Raises when there is none (a programming error)."""
    o: QObject | None = obj
    while o is not None:
        tasks = getattr(o, "tasks", None)
        if isinstance(tasks, TaskManager):
            return tasks
        o = o.parent()
    raise LookupError(f"{type(obj).__name__} belongs to no window with a task manager")
