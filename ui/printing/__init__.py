"""Printing in the window: preview (pages, zoom, printer choice), the print-queue badge and dialog, case reprints.

Everything printed goes through ``clerk.printjobs.print_document`` / ``ctx.print_queue`` (stored in the
cache before it is sent, 补打 marked by the core); these widgets only choose and show.
``install(shell)``: the badge in the status bar, 「打印 / 补打」 in the case list's menu, and the outcome
documents' preview when a screen asks for them (``PrintRequested``).
"""

from __future__ import annotations

from typing import Any

from clerk.documents import outcome_documents
from ui import messages
from ui.events import EventListener, PrintRequested
from ui.ops import Op, Query
from ui.printing import choice
from ui.printing.case_menu import CasePrintMenu
from ui.printing.pages import QT_SCHEME
from ui.printing.queue_view import PrintQueueBadge
from ui.qt import QObject, Signal
from ui.shell import Shell

__all__ = ["PrintingFeature", "install"]


class PrintingFeature(EventListener, QObject):
    """The badge, the case menu, and the preview of a case's outcome documents on request.

    Attributes:
        badge: the status bar's 「打印队列 N」; case_menu: the case list's 「打印 / 补打」.
        preview: the last print preview opened on request.

    Signals:
        printed(list): the PrintOutcomes of a direct print (``PrintRequested(direct=True)``).
    """

    printed = Signal(list)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.preview: Any = None
        self.badge = PrintQueueBadge(shell.ctx, shell.widget)
        shell.add_status_widget(self.badge)
        self.case_menu = CasePrintMenu(shell)
        self.listen(shell.events)

    def on_event_print_requested(self, event: PrintRequested) -> None:
        """The case's documents (its outcome's when none are named): straight to the remembered printers
        when ``direct`` and each has one, else in the preview (printer choice, queue, 补打), with the focus."""
        from ui.printing.preview import open_preview

        intake, shell = self.shell.ctx.intake, self.shell

        def opened(view: object) -> None:
            kinds = list(event.documents or outcome_documents(view))
            if not kinds:
                return
            specs = {k: choice.remembered(shell.ctx, k) for k in kinds}
            if event.direct and all(v and not v.startswith(QT_SCHEME) for v in specs.values()):
                self.print_now(event.case_uuid, specs)
                return
            self.preview = open_preview(shell, event.case_uuid, kinds, case_no=getattr(view, "case_no", ""))

        Query(self, lambda: intake.get(event.case_uuid)).success(opened).run_in_background()

    def print_now(self, case_uuid: str, specs: dict[str, str]) -> None:
        """Prints each document to its printer through the queue (a first print is never marked 补打:
        ``print_document`` decides from the print history); the status bar says how it went."""
        from clerk.printjobs import print_document
        from ui.printing.pages import make_printer

        ctx, actor, where = self.shell.ctx, self.shell.actor, self.shell.widget

        def job() -> list[Any]:
            return [print_document(ctx, actor, case_uuid, kind, spec, make_printer=lambda s: make_printer(s, None))
                    for kind, spec in specs.items()]

        def done(outcomes: list[Any]) -> None:
            printed = [o.job.title for o in outcomes if o.printed]
            waiting = [o for o in outcomes if not o.printed]
            if printed:
                messages.info(where, self.tr("已打印：") + "、".join(printed))
            for o in waiting:
                messages.info(where, self.tr("未打印，已留在打印队列（可在状态栏“打印队列”中重试）：") + o.message, 15000)
            self.printed.emit(outcomes)

        Op(self, job).success(done).run_in_background()


def install(shell: Shell) -> PrintingFeature:
    return PrintingFeature(shell)
