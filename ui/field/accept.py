"""The field laptop's accept rule: as at the window, and the applicant's signature is required (clerk.field)."""

from __future__ import annotations

from clerk import field
from clerk.context import AppContext
from clerk.intake.model import MaterialStatus
from clerk.intake.validation import ValidationFailed
from clerk.security.actor import Actor

Outcome = tuple[str, object]


def accept_visit(ctx: AppContext, actor: Actor, case_uuid: str, signed: bool, texts: dict[str, str]) -> Outcome:
    """Every problem (the signature too); else ``clerk.field.accept_visit`` (受理 on a home visit)."""
    problems = ctx.intake.check_for_accept(case_uuid)
    view = ctx.intake.get(case_uuid)
    if not any(m.status is MaterialStatus.DEFERRED for m in view.materials) or signed:
        problems.pop("commitment", None)
    if field.signature_of(ctx, case_uuid) is None:
        problems[f"materials.{field.SIGNATURE_MATERIAL}"] = texts["signature"]
    if problems:
        return "problems", problems
    try:
        return "accepted", field.accept_visit(ctx, actor, case_uuid, commitment_signed=signed)
    except ValidationFailed as exc:
        return "problems", exc.problems
