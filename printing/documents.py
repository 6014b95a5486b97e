"""One entry point for every case document: ``render(kind, case, hall)`` checks the kind fits the case.

Registered as the ``window_clerk.documents`` entry point ``render`` (``clerk.plugins.document_renderer``),
so ``clerk/`` prints without importing this package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from clerk.documents import DOCUMENTS
from clerk.handout import Handover
from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, CaseView
from clerk.settings import HallSettings
from clerk.supplements import SupplementRequest
from printing.commitment import render_commitment_letter
from printing.delivery import render_delivery_receipt
from printing.labels import render_material_labels, render_separator_sheets
from printing.notice import render_one_time_notice
from printing.receipt import render_receipt
from printing.refusal import render_refusal
from printing.supplement import render_supplement_notice

KIND_TITLES: dict[str, str] = {kind: d.title for kind, d in DOCUMENTS.items()}
"""Every kind ``render`` knows (``clerk.documents``, the one registry), with the document's Chinese title."""

KINDS = tuple(KIND_TITLES)


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
    doc = DOCUMENTS[kind]
    title = doc.title
    where = f"案件 {case.case_no} 当前状态为“{_status(case)}”"
    status = case.status
    if kind == "commitment" and not case.deferred:
        raise WrongKind(f"案件 {case.case_no} 没有容缺后补的材料，不能打印{title}", kind, status.value)
    if kind == "one_time_notice" and status is CaseStatus.DRAFT and not case.missing:
        raise WrongKind(f"{where}，没有缺少的材料，不能打印{title}", kind, status.value)
    if kind == "delivery_receipt" and any(m.status is CaseStatus.DELIVERED for m in case.matters):
        return  # some matters handed over, others still with their departments: one 送达回证 per hand-over
    if status not in doc.states:
        why = f"，{doc.refused_because}" if doc.refused_because else ""
        raise WrongKind(f"{where}{why}，不能打印{title}", kind, status.value)


def render(kind: str, case: CaseView, hall: HallSettings, *, reprint_at: dt.datetime | None = None,
           signature: bytes | None = None, handover: Handover | None = None,
           request: SupplementRequest | None = None) -> bytes:
    """The ``kind`` document of ``case`` as PDF bytes.

    ``kind``: receipt | one_time_notice | commitment | refusal | labels | separators | delivery_receipt |
    supplement_notice (``KINDS``). ``reprint_at``: a reprint (补打), marked with that time on every page.
    ``signature``: PNG/JPEG of the applicant's (commitment letter) or the receiver's (delivery receipt)
    signature. ``handover``: the hand-over record (``clerk.handout.Handover``), required for
    delivery_receipt; ``request``: the back office's request (``clerk.supplements.SupplementRequest``),
    required for supplement_notice. Raises ``WrongKind`` when the kind does not fit the case's state
    (a receipt needs an accepted case, a refusal a rejected one, a delivery receipt a delivered one …)
    or its record is missing or belongs to another case.
    """
    check_kind(kind, case)
    if kind == "commitment":
        return render_commitment_letter(case, hall, signature, reprint_at=reprint_at)
    if kind == "delivery_receipt":
        if handover is None:
            raise WrongKind(f"案件 {case.case_no} 没有送达记录，不能打印{KIND_TITLES[kind]}", kind, case.status.value)
        if handover.case_uuid != case.case_uuid:
            raise WrongKind(f"送达记录属于案件 {handover.case_no}，不是案件 {case.case_no}，不能打印{KIND_TITLES[kind]}",
                            kind, case.status.value)
        return render_delivery_receipt(case, handover, hall, reprint_at=reprint_at, signature=signature)
    if kind == "supplement_notice":
        if request is None:
            raise WrongKind(f"案件 {case.case_no} 没有补正要求，不能打印{KIND_TITLES[kind]}", kind, case.status.value)
        if request.case_uuid != case.case_uuid:
            raise WrongKind(f"补正要求属于案件 {request.case_no}，不是案件 {case.case_no}，不能打印{KIND_TITLES[kind]}",
                            kind, case.status.value)
        return render_supplement_notice(case, request, hall, reprint_at=reprint_at)
    renderers: dict[str, Callable[..., bytes]] = {
        "receipt": render_receipt,
        "one_time_notice": render_one_time_notice,
        "refusal": render_refusal,
        "labels": render_material_labels,
        "separators": render_separator_sheets,
    }
    return renderers[kind](case, hall, reprint_at=reprint_at)
