"""Draft autosave: every change is saved ~300 ms after typing stops, and at once when a field is left."""

from __future__ import annotations

from typing import Any

from clerk.context import AppContext
from ui.ops import Op, tasks_of
from ui.qt import QObject, QTimer, Signal

DEBOUNCE_MS = 300


class Autosaver(QObject):
    """Collects changes to the open draft and writes them with ``IntakeService.save_draft`` off the GUI thread.

    Signals:
        saved(object): the CaseView after a save.
        failed(object): a save failed (the exception).
    """

    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, page: QObject) -> None:
        super().__init__(page)
        self.page = page
        self.case_uuid: str | None = None
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    def attach(self, case_uuid: str | None) -> None:
        """Follows another draft (saving what is pending for the previous one first)."""
        self.flush()
        self.case_uuid = case_uuid

    @property
    def ctx(self) -> AppContext:
        ctx: AppContext = self.page.ctx  # type: ignore[attr-defined]
        return ctx

    def set_form(self, code: str, value: Any) -> None:
        self._pending.setdefault("form", {})[code] = value
        self._timer.start()

    def set_part(self, part: str, value: Any) -> None:
        """``applicant`` or ``agent`` (the whole dict; ``None`` removes the agent) or ``delivery``."""
        self._pending[part] = value
        self._timer.start()

    def flush(self) -> None:
        """Saves what is pending now (queued behind earlier writes, so order is kept)."""
        self._timer.stop()
        if not self._pending or self.case_uuid is None:
            self._pending = {}
            return
        parts, self._pending, case_uuid = self._pending, {}, self.case_uuid
        intake = self.ctx.intake
        Op(self, lambda: intake.save_draft(case_uuid, **parts)).success(self.saved.emit) \
            .failure(self.failed.emit).run_in_background()

    def flush_now(self) -> None:
        """On close: waits for queued writes, then saves what is pending on this thread."""
        self._timer.stop()
        tasks_of(self).wait()
        if self._pending and self.case_uuid is not None:
            parts, self._pending = self._pending, {}
            self.ctx.intake.save_draft(self.case_uuid, **parts)
