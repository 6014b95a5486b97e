"""One entry point for every case document: ``render(kind, case, hall)`` checks the kind fits the case.

Registered as the ``window_clerk.documents`` entry point ``render`` (``clerk.plugins.document_renderer``),
so ``clerk/`` prints without importing this package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, CaseView
from clerk.settings import HallSettings
from printing.commitment import render_commitment_letter
from printing.labels import render_material_labels, render_separator_sheets
from printing.notice import render_one_time_notice
from printing.receipt import render_receipt
from printing.refusal import render_refusal

KIND_TITLES: dict[str, str] = {
    "receipt": "受理通知书",
    "one_time_notice": "一次性告知单",
    "commitment": "容缺受理告知承诺书",
    "refusal": "不予受理通知书",
    "labels": "材料标签",
    "separators": "材料分隔页",
}
"""Every kind ``render`` knows, with the document's Chinese title."""

KINDS = tuple(KIND_TITLES)

ACCEPTED_OR_LATER = frozenset({
    CaseStatus.ACCEPTED, CaseStatus.RECEIVED, CaseStatus.IN_REVIEW, CaseStatus.SUPPLEMENT_REQUIRED,
    CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED,
})


class WrongKind(ValueError):
    """The document does not fit the case (e.g. a receipt for a case that was not accepted).

    ``str(err)`` is one line in Chinese for the clerk.
    """

    def __init__(self, message: str, kind: str, status: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


class UnknownKind(WrongKind):
    """A kind ``render`` does not know at all."""


def _status(case: CaseView) -> str:
    return CASE_STATUS_LABELS.get(case.status.value, case.status.value)


def check_kind(kind: str, case: CaseView) -> None:
    """Raises ``WrongKind`` unless a ``kind`` document may be printed for ``case`` in its present state."""
    if kind not in KIND_TITLES:
        raise UnknownKind(f"不认识的文书类型 {kind!r}（可选：{'、'.join(KINDS)}）", kind)
    title = KIND_TITLES[kind]
    where = f"案件 {case.case_no} 当前状态为“{_status(case)}”"
    status = case.status
    if kind == "receipt" and status not in ACCEPTED_OR_LATER:
        raise WrongKind(f"{where}，尚未受理，不能打印{title}", kind, status.value)
    if kind == "one_time_notice" and not (
            status is CaseStatus.NOTIFIED or (status is CaseStatus.DRAFT and case.missing)):
        why = "没有缺少的材料" if status is CaseStatus.DRAFT else "不是一次性告知的案件"
        raise WrongKind(f"{where}，{why}，不能打印{title}", kind, status.value)
    if kind == "commitment":
        if not case.deferred:
            raise WrongKind(f"案件 {case.case_no} 没有容缺后补的材料，不能打印{title}", kind, status.value)
        if status not in ACCEPTED_OR_LATER and status is not CaseStatus.DRAFT:
            raise WrongKind(f"{where}，不能打印{title}", kind, status.value)
    if kind == "refusal" and status is not CaseStatus.REJECTED:
        raise WrongKind(f"{where}，未作不予受理决定，不能打印{title}", kind, status.value)
    if kind in ("labels", "separators") and status is CaseStatus.REJECTED:
        raise WrongKind(f"{where}，不能打印{title}", kind, status.value)


def render(kind: str, case: CaseView, hall: HallSettings, *, reprint_at: dt.datetime | None = None,
           signature: bytes | None = None) -> bytes:
    """The ``kind`` document of ``case`` as PDF bytes.

    ``kind``: receipt | one_time_notice | commitment | refusal | labels | separators (``KINDS``).
    ``reprint_at``: a reprint (补打), marked with that time on every page. ``signature``: PNG/JPEG
    of the applicant's signature, for the commitment letter. Raises ``WrongKind`` when the kind does
    not fit the case's state (a receipt needs an accepted case, a refusal a rejected one …).
    """
    check_kind(kind, case)
    if kind == "commitment":
        return render_commitment_letter(case, hall, signature, reprint_at=reprint_at)
    renderers: dict[str, Callable[..., bytes]] = {
        "receipt": render_receipt,
        "one_time_notice": render_one_time_notice,
        "refusal": render_refusal,
        "labels": render_material_labels,
        "separators": render_separator_sheets,
    }
    return renderers[kind](case, hall, reprint_at=reprint_at)
