"""「打印 / 补打」 in the case list's right-click menu: a case's documents and its print history.

The submenu is filled after a query read the case (which documents fit it: ``clerk.documents``) and
``ctx.print_queue.history(case_uuid)``; choosing a document opens the print preview.
"""

from __future__ import annotations

from typing import Any

from clerk import clock
from clerk.context import AppContext
from clerk.documents import case_documents as documents_of
from clerk.intake.service import CaseSummary
from ui import labels
from ui.ops import Query
from ui.qt import QMenu, QObject, Signal
from ui.shell import Shell


def case_documents(ctx: AppContext, case_uuid: str) -> tuple[Any, list[str], list[Any]]:
    """The case, the documents that fit it (outcome documents, then material labels) and its print jobs."""
    view = ctx.intake.get(case_uuid)
    return view, documents_of(view), ctx.print_queue.history(case_uuid)


class CasePrintMenu(QObject):
    """Adds 「打印 / 补打」 to the case list's right-click menu (``shell.add_case_menu``).

    Signals:
        menu_ready(object): the submenu was filled (tests trigger its actions).
        preview_opened(object): the PrintPreviewDialog opened from the menu.
    """

    menu_ready = Signal(object)
    preview_opened = Signal(object)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        shell.add_case_menu(self.fill)

    def fill(self, case: CaseSummary, menu: QMenu) -> None:
        sub = menu.addMenu(self.tr("打印 / 补打"))
        sub.setObjectName("casePrintMenu")
        waiting = sub.addAction(self.tr("正在读取…"))
        waiting.setEnabled(False)
        ctx, case_uuid = self.shell.ctx, case.case_uuid
        Query(sub, lambda: case_documents(ctx, case_uuid)).success(lambda r: self._fill(sub, r)).run_in_background()

    def _fill(self, menu: QMenu, found: tuple[Any, list[str], list[Any]]) -> None:
        view, kinds, history = found
        menu.clear()
        printed = {j.kind for j in history if j.state == "printed"}
        for kind in kinds:
            verb = self.tr("补打") if kind in printed else self.tr("打印")
            action = menu.addAction(f"{verb} {labels.document_kind(kind)}…")
            action.setData(kind)
            action.triggered.connect(lambda _c=False, k=kind: self.open_preview(view, [k]))
        if not kinds:
            menu.addAction(self.tr("此案件没有可打印的文书")).setEnabled(False)
        sub = menu.addMenu(self.tr("打印记录（%n）", "", len(history)))
        for job in reversed(history):
            when = clock.local(job.printed_at or job.created_at).strftime("%Y-%m-%d %H:%M")
            sub.addAction(f"{when}  {job.title}  {labels.print_job_state(job.state)}").setEnabled(False)
        if not history:
            sub.addAction(self.tr("尚未打印过")).setEnabled(False)
        self.menu_ready.emit(menu)

    def open_preview(self, view: Any, kinds: list[str]) -> Any:
        from ui.printing.preview import open_preview

        dialog = open_preview(self.shell, view.case_uuid, kinds, case_no=view.case_no)
        self.preview_opened.emit(dialog)
        return dialog
