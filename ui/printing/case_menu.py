"""「打印 / 补打」 on the case list: a context menu per case with its documents and its print history.

The menu is built after a task read the case (which documents fit it) and
``PrintQueue.history(case_uuid)``; choosing a document opens the print preview.
"""

from __future__ import annotations

from typing import Any

from ui.qt import QMenu, QObject, QPoint, Qt, Signal
from ui.tasks import Tasks

EXTRA_KINDS = ("labels",)


def case_documents(ctx: Any, case_uuid: str) -> tuple[Any, list[str], list[Any]]:
    """The case, the documents that fit it (outcome documents, then material labels) and its print jobs."""
    from clerk.printjobs import PrintQueue
    from ui.intake.printing import kinds_for

    view = ctx.intake.get(case_uuid)
    kinds = kinds_for(view)
    if view.status.value not in ("draft", "rejected"):
        kinds += [k for k in EXTRA_KINDS if k not in kinds]
    return view, kinds, PrintQueue(ctx.store, ctx.pages).history(case_uuid)


class CasePrintMenu(QObject):
    """Adds a right-click 「打印 / 补打」 menu to the case list's table.

    Signals:
        menu_ready(object): the QMenu about to pop up (tests trigger its actions).
        preview_opened(object): the PrintPreviewDialog opened from the menu.
    """

    menu_ready = Signal(object)
    preview_opened = Signal(object)

    def __init__(self, page: Any, ctx: Any, actor: Any, tasks: Tasks) -> None:
        super().__init__(page)
        self.page, self.ctx, self.actor, self.tasks = page, ctx, actor, tasks
        self.menu: QMenu | None = None
        table = page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.request)

    def request(self, pos: QPoint) -> None:
        index = self.page.table.indexAt(pos)
        if not index.isValid():
            return
        row = self.page.model.rows[index.row()]
        ctx, case_uuid = self.ctx, row.case_uuid
        at = self.page.table.viewport().mapToGlobal(pos)
        self.tasks.run(lambda: case_documents(ctx, case_uuid), on_success=lambda r: self._popup(r, at))

    def _popup(self, found: tuple[Any, list[str], list[Any]], at: QPoint) -> None:
        from clerk.printjobs import KIND_LABELS

        view, kinds, history = found
        menu = QMenu(self.page)
        menu.setObjectName("casePrintMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        printed = {j.kind for j in history if j.state == "printed"}
        for kind in kinds:
            verb = self.tr("补打") if kind in printed else self.tr("打印")
            action = menu.addAction(f"{verb} {KIND_LABELS.get(kind, kind)}…")
            action.setData(kind)
            action.triggered.connect(lambda _c=False, k=kind: self.open_preview(view, [k]))
        if not kinds:
            menu.addAction(self.tr("此案件没有可打印的文书")).setEnabled(False)
        sub = menu.addMenu(self.tr("打印记录（%n）", "", len(history)))
        for job in reversed(history):
            when = (job.printed_at or job.created_at).strftime("%Y-%m-%d %H:%M")
            sub.addAction(f"{when}  {job.title}  {job.state_label}").setEnabled(False)
        if not history:
            sub.addAction(self.tr("尚未打印过")).setEnabled(False)
        self.menu = menu
        self.menu_ready.emit(menu)
        menu.popup(at)

    def open_preview(self, view: Any, kinds: list[str]) -> Any:
        from ui.printing.preview import open_preview

        dialog = open_preview(self.ctx, self.actor, self.tasks, view.case_uuid, kinds, case_no=view.case_no,
                              parent=self.page.window())
        self.preview_opened.emit(dialog)
        return dialog
