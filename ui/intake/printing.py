"""The printing seam of the intake screen: the outcome's documents (receipt, notice, refusal) in the print preview.

Printing (printing/, reportlab) is found through clerk.plugins' entry point and imported only in a
worker on first use. The preview (``ui.printing.preview``) renders from the stored case and prints
through ``clerk.printjobs.print_document`` (queue, 补打) to the printer the clerk chooses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.context import AppContext
from ui.tasks import Tasks

KINDS = {"accepted": ("receipt",), "notified": ("one_time_notice",), "rejected": ("refusal",)}
"""The documents handed over for each outcome (plus the commitment letter when a material is deferred)."""

RECEIPT_STATES = ("received", "in_review", "supplement_required", "approved", "denied", "ready_for_pickup", "delivered")


def kinds_for(view: Any) -> list[str]:
    """The documents of a case's outcome: receipt (+ commitment letter when deferred), notice or refusal."""
    status = view.status.value
    kinds = list(KINDS.get(status, ("receipt",) if status in RECEIPT_STATES else ()))
    if view.deferred and status != "rejected" and status != "notified":
        kinds.append("commitment")
    return kinds


def document_renderer() -> Callable[..., bytes] | None:
    """``render(kind, view, hall) -> PDF`` when printing is installed (not imported yet), else None."""
    from importlib.metadata import entry_points

    if not any(ep.name == "render" for ep in entry_points(group="window_clerk.documents")):
        return None

    def render(*args: Any, **kwargs: Any) -> bytes:
        from clerk import plugins

        return plugins.document_renderer()(*args, **kwargs)

    return render


def print_outcome(ctx: AppContext, actor: Any, tasks: Tasks, case_uuid: str, *, parent: Any = None,
                  on_failure: Callable[[BaseException], None] | None = None) -> None:
    """Opens the print preview with the outcome's documents of the stored case (read in a task)."""
    from ui.printing.preview import open_preview

    def opened(view: Any) -> None:
        kinds = kinds_for(view)
        if kinds:
            open_preview(ctx, actor, tasks, case_uuid, kinds, case_no=view.case_no, parent=parent)

    tasks.run(lambda: ctx.intake.get(case_uuid), on_success=opened, on_failure=on_failure)
