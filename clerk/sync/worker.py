"""The background sync thread: runs ``SyncEngine.run_once`` in a loop, woken early by accepted cases.

The UI starts it once after login and stops it on exit; it never touches the UI thread. The UI reads
``worker.state()`` or listens to ``SyncProgress`` (``event.state``: SyncState) through its event listener.
"""

from __future__ import annotations

import logging
import threading

from clerk import clock
from clerk.events import CaseAccepted
from clerk.sync.engine import PassResult, SyncEngine, SyncState

log = logging.getLogger(__name__)


class SyncWorker:
    """``start()``, ``wake()``, ``stop()``; ``interval_s`` between passes when nothing is due sooner."""

    def __init__(self, engine: SyncEngine, *, interval_s: float = 60.0, min_wait_s: float = 0.2) -> None:
        self.engine = engine
        self.interval_s = interval_s
        self.min_wait_s = min_wait_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.passes = 0
        self.last_result: PassResult | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self.engine.cancel.clear()
        self.engine.events.subscribe(CaseAccepted, self._on_accepted)
        self._thread = threading.Thread(target=self._run, name="clerk-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Run a pass now (after an accepted case, a new login, the network coming back …)."""
        self._wake.set()

    def _on_accepted(self, _event: CaseAccepted) -> None:
        self.wake()

    def state(self) -> SyncState:
        return self.engine.state()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 30.0) -> None:
        """Ends the loop (the current request finishes or times out first); safe to call twice."""
        self._stop.set()
        self.engine.cancel.set()
        self._wake.set()
        self.engine.events.unsubscribe(CaseAccepted, self._on_accepted)
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                result = self.engine.run_once()
                self.last_result = result
            except Exception as exc:  # the loop must survive anything; the state says what went wrong
                log.exception("sync pass failed")
                self.engine.publish_state(running=False, last_error=f"同步出错：{exc}")
                result = None
            self.passes += 1
            if self._stop.is_set():
                break
            self._wake.wait(self._wait_for(result))

    def _wait_for(self, result: PassResult | None) -> float:
        if result is None or result.needs_login:
            return self.interval_s
        if result.pending_due and not result.unreachable and not result.stopped_early:
            return self.min_wait_s
        if result.next_attempt_at is not None:
            seconds = (result.next_attempt_at - clock.now()).total_seconds()
            return max(self.min_wait_s, min(self.interval_s, seconds))
        return self.interval_s
