"""The printing step of the headless demo (``python -m clerk demo``): the accepted case's papers as PDF files.

Registered as the ``window_clerk.demo`` entry point ``1_printing``. The documents go through the
print queue to a save-as-PDF printer in ``DATA_DIR/printouts``, as a clerk's would to paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from clerk.intake.model import CaseView
from clerk.printjobs import print_document
from clerk.security.actor import Actor, Role


def demo_step(ctx: Any, view: CaseView, *, with_server: bool) -> Iterator[str]:
    """Prints the receipt (and the commitment letter when materials were deferred) to ``printouts/``."""
    out = ctx.paths.data_dir / "printouts"
    actor = Actor(view.operator or "demo", view.operator_name, (Role.CLERK,), window=view.window)
    kinds = ["receipt"] + (["commitment"] if view.deferred else [])
    for kind in kinds:
        outcome = print_document(ctx, actor, view.case_uuid, kind, f"pdf:{out}")
        job = outcome.job
        if outcome.printed:
            yield f"打印 / printed: {job.title} → {outcome.printer_job_id}  (print job #{job.id})"
        else:
            yield f"未打印 / not printed: {job.title}: {outcome.message}  (print job #{job.id} kept in the queue)"
