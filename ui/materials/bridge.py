"""The materials events of clerk/ (pages changed, scan progress, scan-inbox files) as Qt signals on the GUI thread.

The same pattern as ``ui.bridge.EventBridge`` for the events that only the materials widgets listen to
(kept here so the two can change apart; fold into ``ui/bridge.py`` if others need them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.events import Event, EventBus, MaterialPagesChanged, ScanInboxFile, ScanProgress
from ui.qt import QObject, Qt, Signal, Slot


class MaterialsBridge(QObject):
    """Listens on a clerk EventBus; re-emits the materials events queued to the GUI thread.

    Signals:
        pages_changed(str, str): case_uuid, material code.
        scan_progress(str, str, int): case_uuid, material code ("" when unfiled), pages scanned so far.
        inbox_file(str): path of a complete new file in the scan-to-folder inbox.
    """

    pages_changed = Signal(str, str)
    scan_progress = Signal(str, str, int)
    inbox_file = Signal(str)

    _relay = Signal(str, object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._relay.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._handlers = {kind: self._make_handler(kind.name)
                          for kind in (MaterialPagesChanged, ScanProgress, ScanInboxFile)}
        for name, handler in self._handlers.items():
            bus.subscribe(name, handler)

    def _make_handler(self, name: str) -> Any:
        def handler(event: Event) -> None:
            self._relay.emit(name, vars(event))

        return handler

    def detach(self) -> None:
        for name, handler in self._handlers.items():
            self._bus.unsubscribe(name, handler)
        self._handlers = {}

    @Slot(str, object)
    def _dispatch(self, name: str, payload: dict[str, Any]) -> None:
        if name == MaterialPagesChanged.name:
            self.pages_changed.emit(str(payload.get("case_uuid") or ""), str(payload.get("code") or ""))
        elif name == ScanProgress.name:
            self.scan_progress.emit(str(payload.get("case_uuid") or ""), str(payload.get("code") or ""),
                                    int(payload.get("pages") or 0))
        elif name == ScanInboxFile.name:
            path = payload.get("path")
            self.emit_inbox(Path(str(path)) if path else None)

    def emit_inbox(self, path: Path | None) -> None:
        if path is not None:
            self.inbox_file.emit(str(path))
