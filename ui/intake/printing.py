"""The printing seam of the intake screen: the outcome's document (receipt, notice, refusal) as PDF.

Printing (printing/, reportlab) is found through clerk.plugins' entry point and imported only in the
worker on first use. Printer choice (CUPS queue, Qt print dialog) plugs in at ``print_outcome``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerk.context import AppContext
from ui.tasks import Tasks

KINDS = {"accepted": ("receipt",), "notified": ("one_time_notice",), "rejected": ("refusal",)}
"""The documents handed over for each outcome (plus the commitment letter when a material is deferred)."""


def document_renderer() -> Callable[..., bytes] | None:
    """``render(kind, view, hall) -> PDF`` when printing is installed (not imported yet), else None."""
    from importlib.metadata import entry_points

    if not any(ep.name == "render" for ep in entry_points(group="window_clerk.documents")):
        return None

    def render(*args: Any, **kwargs: Any) -> bytes:
        from clerk import plugins

        return plugins.document_renderer()(*args, **kwargs)

    return render


def print_outcome(ctx: AppContext, tasks: Tasks, render: Callable[..., bytes], case_uuid: str, *,
                  on_done: Callable[[list[Path]], None], on_failure: Callable[[BaseException], None]) -> None:
    def job() -> list[Path]:
        view = ctx.intake.get(case_uuid)
        kinds = list(KINDS.get(view.status.value, ("receipt",)))
        if view.status.value == "accepted" and view.deferred:
            kinds.append("commitment")
        out_dir = ctx.paths.data_dir / "prints"
        out_dir.mkdir(exist_ok=True)
        written = []
        for kind in kinds:
            out = out_dir / f"{view.case_no}-{kind}.pdf"
            out.write_bytes(render(kind, view, ctx.settings.hall))
            written.append(out)
        return written

    tasks.run(job, on_success=on_done, on_failure=on_failure)
