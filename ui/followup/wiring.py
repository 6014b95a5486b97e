"""Plugs the follow-up pages into the window-mode main window: the 出件 and 补正/容缺 tabs and the evaluation
window after each outcome (accepted, notified, refused at intake; handed over at 出件)."""

from __future__ import annotations

from typing import Any

from ui.qt import QEvent, QObject, QWidget


class FollowupWiring(QObject):
    """Owns the follow-up tabs of one main window and opens the evaluation window for an outcome.

    Attributes:
        evaluation_enabled: False skips the evaluation window (e.g. a workstation without applicant screen).
        evaluation_timeout_ms: how long the evaluation window waits for an answer before it closes.
        evaluation: the evaluation window now open, if any.
    """

    def __init__(self, window: Any, session: Any) -> None:
        super().__init__(window)
        from ui.followup.handout import HandoutPage
        from ui.followup.supplements import SupplementsPage

        self.window = window
        self.session = session
        self.evaluation_enabled = True
        self.evaluation_timeout_ms = int(session.ctx.settings.evaluation_timeout_s) * 1000
        self.evaluation: QWidget | None = None
        ctx, actor, tasks = session.ctx, session.actor, window.tasks
        self.handout = HandoutPage(ctx, actor, tasks, window.tabs)
        self.supplements = SupplementsPage(ctx, actor, tasks, window.tabs)
        window.tabs.addTab(self.handout, self.tr("出件"))
        window.tabs.addTab(self.supplements, self.tr("补正/容缺"))
        bar = window.statusBar()
        for page in (self.handout, self.supplements):
            page.message.connect(lambda m: bar.showMessage(m, 8000))
        self.handout.handed_over.connect(self.open_evaluation)
        window.intake.finished.connect(self.open_evaluation)
        window.tabs.currentChanged.connect(self._tab_changed)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close and self.evaluation is not None:
            self.evaluation.close()  # the applicant's window goes with the clerk's
        return False

    def _tab_changed(self, index: int) -> None:
        page = self.window.tabs.widget(index)
        self._route_scans_to_handout(page is self.handout)
        if page is self.handout or page is self.supplements:
            page.refresh()
        if page is self.handout:
            self.handout.lookup.setFocus()

    def _route_scans_to_handout(self, on: bool) -> None:
        """On the 出件 tab a scanned receipt barcode is typed into the hand-out lookup (Enter opens it there)
        instead of being taken by the application-wide barcode wedge of ui/materials (which opens the case
        in the case list). TODO(ui/materials): a per-tab scan target would replace this."""
        from ui.qt import QApplication

        wedge = getattr(getattr(self.window, "materials_ui", None), "wedge", None)
        app = QApplication.instance()
        if wedge is None or app is None:
            return
        if on:
            app.removeEventFilter(wedge)
            self._wedge_suspended = True
        elif getattr(self, "_wedge_suspended", False):
            app.installEventFilter(wedge)
            self._wedge_suspended = False

    def open_evaluation(self, case_uuid: str) -> None:
        """一键评价 for the case just finished (the case is read in the background first)."""
        if not self.evaluation_enabled:
            return
        ctx, tasks = self.session.ctx, self.window.tasks
        tasks.run(lambda: ctx.intake.get(case_uuid), on_success=self._show_evaluation)

    def _show_evaluation(self, view: Any) -> None:
        from ui.followup.evaluation import EvaluationWindow

        if self.evaluation is not None:
            self.evaluation.close()
        w = EvaluationWindow(self.session.ctx, self.session.actor, self.window.tasks, view,
                             ticket_no=view.ticket_no, timeout_ms=self.evaluation_timeout_ms, anchor=self.window)
        w.destroyed.connect(lambda _o=None, w=w: self._gone(w))
        self.evaluation = w
        w.present()

    def _gone(self, w: QWidget) -> None:
        if self.evaluation is w:
            self.evaluation = None
