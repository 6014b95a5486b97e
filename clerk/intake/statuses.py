"""The case lifecycle's states, in a module of their own (no pydantic): the CLI lists them in ``-h``."""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    """The case lifecycle; transitions live in ``clerk.intake.lifecycle``."""

    DRAFT = "draft"
    ACCEPTED = "accepted"  # 受理 at the window, not yet confirmed by the platform
    NOTIFIED = "notified"  # 一次性告知: materials missing, draft kept for the return visit
    REJECTED = "rejected"  # 不予受理
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    SUPPLEMENT_REQUIRED = "supplement_required"
    APPROVED = "approved"
    DENIED = "denied"  # the platform's "rejected" after review (不予许可)
    READY_FOR_PICKUP = "ready_for_pickup"
    DELIVERED = "delivered"
