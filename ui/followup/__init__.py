"""After intake: 出件 (hand-out) and 补正/容缺 (supplements, commitments) tabs, and 一键评价 after each outcome.

``install(shell)`` adds the two tabs; the evaluation window opens for every case the clerk finished at
this window (accepted, notified or refused at intake — ``CaseFinished`` — or handed over at 出件). On the
出件 tab a scanned receipt barcode is typed into the lookup (the tab is the shell's scan target).
"""

from __future__ import annotations

from typing import Any

from ui import messages
from ui.events import CaseFinished, EventListener, HandOutRequested, SupplementRequested, TicketCalled
from ui.followup.handout import HandoutPage
from ui.followup.supplements import SupplementsPage
from ui.ops import Query
from ui.qt import QObject, QWidget
from ui.shell import Shell

__all__ = ["FollowupFeature", "install"]


class FollowupFeature(EventListener, QObject):
    """The follow-up tabs of one window and the evaluation window for an outcome.

    Attributes:
        evaluation_enabled: False skips the evaluation window (e.g. a workstation without applicant screen).
        evaluation_timeout_ms: how long the evaluation window waits for an answer before it closes.
        evaluation: the evaluation window now open, if any.
    """

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.evaluation_enabled = True
        self.evaluation_timeout_ms = int(shell.ctx.settings.evaluation_timeout_s) * 1000
        self.evaluation: QWidget | None = None
        self.handout = HandoutPage(shell)
        self.supplements = SupplementsPage(shell)
        shell.add_tab(self.handout, self.tr("出件"))
        shell.add_tab(self.supplements, self.tr("补正/容缺"))
        self.handout.handed_over.connect(self.open_evaluation)
        shell.tab_shown.connect(self._tab_shown)
        shell.on_close(self._close_evaluation)
        self.listen(shell.events)

    def on_event_case_finished(self, event: CaseFinished) -> None:
        self.open_evaluation(event.case_uuid)

    def on_event_hand_out_requested(self, event: HandOutRequested) -> None:
        self.shell.show_tab(self.handout)
        self.handout.lookup.setText(event.case_no)
        self.handout.open_text(event.case_no)

    def on_event_supplement_requested(self, _event: SupplementRequested) -> None:
        self.shell.show_tab(self.supplements)

    def on_event_ticket_called(self, event: TicketCalled) -> None:
        """A 出件 ticket was called: the hand-out, its lookup ready for the receipt's barcode."""
        if event.service == "pickup":
            self.shell.show_tab(self.handout)
            self.handout.lookup.setFocus()
            messages.info(self.shell.widget, self.tr("%1 号（出件）已叫到：请扫描受理通知书条码或输入证件号码")
                          .replace("%1", event.ticket_no))

    def _tab_shown(self, page: Any) -> None:
        if page is self.handout:
            self.shell.set_scan_target(self.handout.lookup)  # the barcode is typed into the lookup
        elif self.shell.scan_target is self.handout.lookup:
            self.shell.set_scan_target(None)
        if page is self.handout or page is self.supplements:
            page.refresh()
        if page is self.handout:
            self.handout.lookup.setFocus()

    def open_evaluation(self, case_uuid: str) -> None:
        """一键评价 for the case just finished (the case is read in the background first)."""
        if not self.evaluation_enabled:
            return
        intake = self.shell.ctx.intake
        Query(self, lambda: intake.get(case_uuid)).success(self._show_evaluation).run_in_background()

    def _show_evaluation(self, view: Any) -> None:
        from ui.followup.evaluation import EvaluationWindow

        if self.evaluation is not None:
            self.evaluation.close()
        shell = self.shell
        w = EvaluationWindow(shell.ctx, shell.actor, shell.tasks, view, ticket_no=view.ticket_no,
                             timeout_ms=self.evaluation_timeout_ms, anchor=shell.widget)
        w.destroyed.connect(lambda _o=None, w=w: self._gone(w))
        self.evaluation = w
        from ui.qt import QApplication

        active = QApplication.activeWindow()  # the clerk's window or dialog keeps the keyboard
        w.present()
        if active is not None and active is not w:
            active.activateWindow()

    def _gone(self, w: QWidget) -> None:
        if self.evaluation is w:
            self.evaluation = None

    def _close_evaluation(self) -> None:
        if self.evaluation is not None:
            self.evaluation.close()  # the applicant's window goes with the clerk's


def install(shell: Shell) -> FollowupFeature:
    return FollowupFeature(shell)


