"""The accept rule of the intake screen: check everything, then accept (or list every problem at once).

``accept_at_window`` is the window's rule; a shell may install the intake screen with another one (the
field laptop's, ``ui/field``: the applicant's signature is required). A rule runs in a worker and returns
``("accepted", CaseView)`` or ``("problems", {field: message})``; ``texts`` are its messages, translated
on the GUI thread before it starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.context import AppContext
from clerk.intake.model import MaterialStatus
from clerk.intake.validation import ValidationFailed
from clerk.security.actor import Actor

Outcome = tuple[str, Any]
AcceptRule = Callable[[AppContext, Actor, str, bool, dict[str, str]], Outcome]


def accept_at_window(ctx: AppContext, actor: Actor, case_uuid: str, signed: bool, texts: dict[str, str]) -> Outcome:
    """Every problem, with the commitment letter required only while a material is deferred; else 受理."""
    intake = ctx.intake
    problems = intake.check_for_accept(case_uuid)
    if problems:
        view = intake.get(case_uuid)
        if not any(m.status is MaterialStatus.DEFERRED for m in view.materials) or signed:
            problems.pop("commitment", None)
        elif "commitment" not in problems:
            problems["commitment"] = texts["commitment"]
    if not problems:
        try:
            return "accepted", intake.accept(actor, case_uuid, commitment_signed=signed)
        except ValidationFailed as exc:
            return "problems", exc.problems
    return "problems", problems
