"""The case lifecycle as an explicit transition table; illegal moves raise ``IllegalTransition``."""

from __future__ import annotations

from clerk.errors import ClerkError
from clerk.intake.model import CaseStatus as S


class IllegalTransition(ClerkError, ValueError):
    def __init__(self, current: S, target: S) -> None:
        from clerk.intake.model import CASE_STATUS_LABELS as L

        super().__init__(f"案件状态为“{L[current]}”，不能改为“{L[target]}”")
        self.current = current
        self.target = target


TRANSITIONS: dict[S, frozenset[S]] = {
    S.DRAFT: frozenset({S.ACCEPTED, S.NOTIFIED, S.REJECTED}),
    # A notified draft is kept for the return visit: it can then be accepted, notified again or refused.
    S.NOTIFIED: frozenset({S.ACCEPTED, S.NOTIFIED, S.REJECTED}),
    S.REJECTED: frozenset(),
    S.ACCEPTED: frozenset({S.RECEIVED, S.IN_REVIEW, S.SUPPLEMENT_REQUIRED, S.APPROVED, S.DENIED, S.READY_FOR_PICKUP}),
    S.RECEIVED: frozenset({S.IN_REVIEW, S.SUPPLEMENT_REQUIRED, S.APPROVED, S.DENIED, S.READY_FOR_PICKUP}),
    S.IN_REVIEW: frozenset({S.SUPPLEMENT_REQUIRED, S.APPROVED, S.DENIED, S.READY_FOR_PICKUP}),
    S.SUPPLEMENT_REQUIRED: frozenset({S.IN_REVIEW, S.APPROVED, S.DENIED, S.READY_FOR_PICKUP}),
    S.APPROVED: frozenset({S.READY_FOR_PICKUP, S.DELIVERED}),
    S.DENIED: frozenset({S.READY_FOR_PICKUP, S.DELIVERED}),
    S.READY_FOR_PICKUP: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset(),
}

EDITABLE = frozenset({S.DRAFT, S.NOTIFIED})
"""States in which the form and the checklist may still change."""

PLATFORM_STATUS: dict[str, S] = {
    "received": S.RECEIVED,
    "in_review": S.IN_REVIEW,
    "supplement_required": S.SUPPLEMENT_REQUIRED,
    "approved": S.APPROVED,
    "rejected": S.DENIED,
    "ready_for_pickup": S.READY_FOR_PICKUP,
    "delivered": S.DELIVERED,
}


def check(current: S, target: S) -> None:
    if target not in TRANSITIONS[current]:
        raise IllegalTransition(current, target)


def can(current: S, target: S) -> bool:
    return target in TRANSITIONS[current]
