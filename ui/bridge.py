"""Turns the core's plain-Python events (clerk.events) into Qt signals delivered on the GUI thread."""

from __future__ import annotations

from typing import Any

from clerk import events as ev
from ui.qt import QObject, Qt, Signal, Slot


class EventBridge(QObject):
    """Listens on a clerk EventBus; re-emits each event as a Qt signal, always queued to the GUI thread.

    Signals:
        case_saved(str): case_uuid.
        case_accepted(str, str): case_uuid, case_no.
        case_notified(str, str): case_uuid, case_no.
        case_rejected(str, str): case_uuid, case_no.
        case_updated(str, str, str): case_uuid, status, note (from the platform).
        sync_progress(object): the SyncState.
        queue_changed(object): the ticket dict or None.
        print_queue_changed(): the print queue changed.
    """

    case_saved = Signal(str)
    case_accepted = Signal(str, str)
    case_notified = Signal(str, str)
    case_rejected = Signal(str, str)
    case_updated = Signal(str, str, str)
    sync_progress = Signal(object)
    queue_changed = Signal(object)
    print_queue_changed = Signal()

    _relay = Signal(str, object)

    def __init__(self, bus: ev.EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._relay.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._handlers = {kind: self._make_handler(kind.name) for kind in _ARGS}
        for kind, handler in self._handlers.items():
            bus.subscribe(kind, handler)
        self.destroyed.connect(self._detach_all)

    def _make_handler(self, name: str) -> Any:
        def handler(event: ev.Event) -> None:
            self._relay.emit(name, vars(event))

        return handler

    def detach(self) -> None:
        """Stops listening (the window is closing)."""
        for name, handler in self._handlers.items():
            self._bus.unsubscribe(name, handler)
        self._handlers = {}

    def _detach_all(self, *_: object) -> None:
        for name, handler in self._handlers.items():
            self._bus.unsubscribe(name, handler)

    @Slot(str, object)
    def _dispatch(self, name: str, payload: dict[str, Any]) -> None:
        signal = getattr(self, name)
        args = [payload.get(k) if k in _OBJECT_ARGS else str(payload.get(k) or "") for k in _ARGS[ev.Event.kinds[name]]]
        signal.emit(*args)


_OBJECT_ARGS = frozenset({"state", "ticket"})


_ARGS: dict[type[ev.Event], tuple[str, ...]] = {
    ev.CaseSaved: ("case_uuid",),
    ev.CaseAccepted: ("case_uuid", "case_no"),
    ev.CaseNotified: ("case_uuid", "case_no"),
    ev.CaseRejected: ("case_uuid", "case_no"),
    ev.CaseUpdated: ("case_uuid", "status", "note"),
    ev.SyncProgress: ("state",),
    ev.QueueChanged: ("ticket",),
    ev.PrintQueueChanged: (),
}
