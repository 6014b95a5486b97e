"""The case documents (文书), declared once: kind → title and the case states it may be printed in.

``printing`` renders every kind listed here (and refuses one that does not fit the case),
``clerk.printjobs`` titles the print jobs from it, the UI labels the kinds by these titles
(``ui/labels.py``, translated) and offers the documents that fit a case (``outcome_documents``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clerk.intake.model import CaseStatus

ACCEPTED_OR_LATER = frozenset({
    CaseStatus.ACCEPTED, CaseStatus.RECEIVED, CaseStatus.IN_REVIEW, CaseStatus.SUPPLEMENT_REQUIRED,
    CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED,
})
"""A case that was accepted at the window, whatever the back office did since."""

NOT_REFUSED = frozenset(CaseStatus) - {CaseStatus.REJECTED}


@dataclass(frozen=True)
class DocumentKind:
    """One kind of case document.

    Attributes:
        code: the kind (``receipt`` …) the renderer and the print queue know it by.
        title: its Chinese title (printed on it; the key of its label in the UI).
        states: the case states it may be printed in (``printing.documents.check_kind`` refuses others).
        refused_because: why it is refused outside those states ("" for no particular reason).
        printer: the settings field that remembers the printer of this kind.
    """

    code: str
    title: str
    states: frozenset[CaseStatus]
    refused_because: str = ""
    printer: str = "printer_a4"


DOCUMENTS: dict[str, DocumentKind] = {d.code: d for d in (
    DocumentKind("receipt", "受理通知书", ACCEPTED_OR_LATER, "尚未受理"),
    DocumentKind("one_time_notice", "一次性告知单", frozenset({CaseStatus.NOTIFIED, CaseStatus.DRAFT}),
                 "不是一次性告知的案件"),  # a draft only while materials are missing
    DocumentKind("commitment", "容缺受理告知承诺书", ACCEPTED_OR_LATER | {CaseStatus.DRAFT}),  # with a deferred material
    DocumentKind("refusal", "不予受理通知书", frozenset({CaseStatus.REJECTED}), "未作不予受理决定"),
    DocumentKind("labels", "材料标签", NOT_REFUSED),
    DocumentKind("separators", "材料分隔页", NOT_REFUSED),
    DocumentKind("delivery_receipt", "送达回证", frozenset({CaseStatus.DELIVERED}), "办理结果尚未送达"),
    DocumentKind("supplement_notice", "补正材料通知书", frozenset({CaseStatus.SUPPLEMENT_REQUIRED}), "承办部门未要求补正"),
)}

KINDS = tuple(DOCUMENTS)

OUTCOME: dict[CaseStatus, str] = {
    CaseStatus.ACCEPTED: "receipt", CaseStatus.NOTIFIED: "one_time_notice", CaseStatus.REJECTED: "refusal",
}
"""The document handed over for the outcome at the window (a later state keeps the receipt)."""

EXTRA_KINDS = ("labels",)
"""Offered besides the outcome's documents for a case past the draft (the material labels)."""


def title(kind: str) -> str:
    d = DOCUMENTS.get(kind)
    return d.title if d is not None else kind


def printer_setting(kind: str) -> str:
    """The settings field that remembers the printer of ``kind`` (queue tickets: ``printer_ticket``)."""
    d = DOCUMENTS.get(kind)
    if d is not None:
        return d.printer
    return "printer_ticket" if kind == "ticket" else "printer_a4"


def outcome_documents(case: Any) -> list[str]:
    """The documents of a case's outcome: receipt (+ the commitment letter when a material is deferred),
    the one-time notice, or the refusal."""
    status = CaseStatus(case.status)
    kinds = [OUTCOME.get(status) or ("receipt" if status in ACCEPTED_OR_LATER else "")]
    kinds = [k for k in kinds if k]
    if case.deferred and status not in (CaseStatus.REJECTED, CaseStatus.NOTIFIED):
        kinds.append("commitment")
    return kinds


def case_documents(case: Any) -> list[str]:
    """What the case list offers to print for a case: its outcome's documents, then the material labels."""
    kinds = outcome_documents(case)
    if CaseStatus(case.status) not in (CaseStatus.DRAFT, CaseStatus.REJECTED):
        kinds += [k for k in EXTRA_KINDS if k not in kinds]
    return kinds
