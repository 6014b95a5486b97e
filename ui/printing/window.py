"""Puts printing into the main window: the print-queue badge in the status bar and the case list's print menu."""

from __future__ import annotations

from typing import Any

from ui.printing.case_menu import CasePrintMenu
from ui.printing.queue_view import PrintQueueBadge


def install_printing(window: Any) -> tuple[PrintQueueBadge, CasePrintMenu]:
    session = window.session
    badge = PrintQueueBadge(session.ctx, session.actor, window.tasks, window.bridge, window)
    window.statusBar().addPermanentWidget(badge)
    menu = CasePrintMenu(window.cases, session.ctx, session.actor, window.tasks)
    return badge, menu
