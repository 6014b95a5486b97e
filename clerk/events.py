"""Plain-Python events from the core (case accepted, sync progress, update received, queue changed).

The UI bridges them to Qt signals (``ui/bridge.py``); ``clerk/`` never holds a widget. Handlers run
on the thread that published; a failing handler is logged and does not stop the others.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Handler = Callable[..., None]


class EventBus:
    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, name: str, handler: Handler) -> None:
        with self._lock:
            self._handlers[name].append(handler)

    def unsubscribe(self, name: str, handler: Handler) -> None:
        with self._lock:
            if handler in self._handlers[name]:
                self._handlers[name].remove(handler)

    def publish(self, name: str, **payload: Any) -> None:
        with self._lock:
            handlers = list(self._handlers[name])
        for h in handlers:
            try:
                h(**payload)
            except Exception:  # a broken listener must not break the core
                log.exception("event handler for %s failed", name)


# Event names (documented once here).
CASE_SAVED = "case_saved"  # case_uuid
CASE_ACCEPTED = "case_accepted"  # case_uuid, case_no
CASE_NOTIFIED = "case_notified"  # case_uuid, case_no
CASE_REJECTED = "case_rejected"  # case_uuid, case_no
CASE_UPDATED = "case_updated"  # case_uuid, status, note (from the platform)
SYNC_PROGRESS = "sync_progress"  # state: SyncState
UPDATE_STATUS = "update_status"  # status: clerk.sync.health.UpdateStatus (what the platform advertises changed)
QUEUE_CHANGED = "queue_changed"  # ticket (dict) or None
PRINT_QUEUE_CHANGED = "print_queue_changed"
