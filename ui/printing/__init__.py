"""Printing in the window: preview (pages, zoom, printer choice), the print-queue badge and dialog, case reprints.

Everything printed goes through ``clerk.printjobs.print_document`` / ``ctx.print_queue`` (stored in the
cache before it is sent, 补打 marked by the core); these widgets only choose and show.
``install(shell)``: the badge in the status bar, 「打印 / 补打」 in the case list's menu, and the outcome
documents' preview when a screen asks for them (``PrintRequested``).
"""

from __future__ import annotations

from clerk.documents import outcome_documents
from ui.events import EventListener, PrintRequested
from ui.ops import Query
from ui.printing.case_menu import CasePrintMenu
from ui.printing.queue_view import PrintQueueBadge
from ui.qt import QObject
from ui.shell import Shell

__all__ = ["PrintingFeature", "install"]


class PrintingFeature(EventListener, QObject):
    """The badge, the case menu, and the preview of a case's outcome documents on request.

    Attributes:
        badge: the status bar's 「打印队列 N」; case_menu: the case list's 「打印 / 补打」.
    """

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.badge = PrintQueueBadge(shell.ctx, shell.widget)
        shell.add_status_widget(self.badge)
        self.case_menu = CasePrintMenu(shell)
        self.listen(shell.events)

    def on_event_print_requested(self, event: PrintRequested) -> None:
        """The outcome's documents of the stored case in the preview: printer choice, queue, 补打."""
        from ui.printing.preview import open_preview

        intake, shell = self.shell.ctx.intake, self.shell

        def opened(view: object) -> None:
            kinds = event.documents or outcome_documents(view)
            if kinds:
                open_preview(shell, event.case_uuid, list(kinds), case_no=getattr(view, "case_no", ""))

        Query(self, lambda: intake.get(event.case_uuid)).success(opened).run_in_background()


def install(shell: Shell) -> PrintingFeature:
    return PrintingFeature(shell)
