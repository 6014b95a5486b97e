"""Calling a ticket opens a new intake with that ticket number attached to the case.

The intake page starts a draft when the clerk picks a bundle (一件事); after a call, that pick starts
the draft with ``ticket_no`` (``IntakeService.start_draft(..., ticket_no=...)``). A later call before
the pick replaces the pending number.
"""

from __future__ import annotations

from typing import Any

from ui.qt import QObject, Signal


class TicketIntake(QObject):
    """Sits between the intake page's bundle picker and the page.

    Signals:
        message(str): a line for the status bar.
    """

    message = Signal(str)

    def __init__(self, page: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.pending: str | None = None
        page.picker.chosen.disconnect(page.start)
        page.picker.chosen.connect(self._chosen)

    def begin(self, ticket_no: str) -> None:
        """A new intake for ``ticket_no``: the open draft stays saved, the bundle search gets the focus."""
        self.pending = ticket_no
        self.page.new_case()
        self.message.emit(self.tr("%1 号已叫到：请选择要办理的事项").replace("%1", ticket_no))

    def _chosen(self, bundle_code: str) -> None:
        ticket, self.pending = self.pending, None
        if ticket is None:
            self.page.start(bundle_code)
            return
        page = self.page
        page.close_case()
        intake, actor = page.ctx.intake, page.actor

        def failed(exc: BaseException) -> None:
            self.pending = ticket
            page.message.emit(self.tr("无法开始受理：") + str(exc))

        page.tasks.run(lambda: intake.start_draft(actor, bundle_code, ticket_no=ticket), write=True,
                       on_success=page.open_case, on_failure=failed)
