"""The outbox's wire side: documents as the contract writes them, and queueing of events and evaluations.

Idempotency keys are decided when the row is written (case_uuid, event_uuid, evaluation_uuid), before
the first try, so every retry — after a crash too — sends the same key with the same document.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from clerk import clock
from clerk.store.models import OutboxRow

PARTY_FIELDS = ("kind", "name", "id_type", "id_number", "phone", "address")
"""The applicant/agent fields of platform-api.md; anything else stays on the workstation."""


V11_CASE_KEYS = ("matters", "region")
"""Case document keys of API 1.1 (docs/api.md): left out for a platform of version 1."""
V11_EVENT_KEYS = ("matters", "waybill_no")
LOCAL_EVENT_KEYS = ("completes_case",)
"""Kept in the outbox row for the workstation, never sent."""


def wire_case_document(payload: dict[str, Any], *, field_visit: bool = False, v11: bool = True) -> dict[str, Any]:
    """The frozen case document projected onto the contract (deterministic: same input, same output).

    ``v11`` False (a platform of API version 1): the 1.1 keys (``matters``, ``region``) are left out and
    a multiple-choice answer goes as its options joined by ``+`` (v1 answers are strings); the case then
    has one status on that platform.

    Documents frozen before the intake projected them (``DocumentPerson``) could carry
    ``legal_representative``, which platform-api.md does not define (a strict server answers 422):
    anything outside the contract's party fields is left out here. A case a field worker took on a
    visit (``field_visit``: the operator is field staff without that window) was taken at no window:
    its ``window`` goes as null, as the platform expects of field cases (docs/api.md).
    """
    doc = dict(payload)
    if field_visit:
        doc["window"] = None
    for key in V11_CASE_KEYS:
        if not v11 or doc.get(key) is None:
            doc.pop(key, None)
    if not v11 and isinstance(doc.get("situations"), dict):
        doc["situations"] = {k: "+".join(v) if isinstance(v, list) else v for k, v in doc["situations"].items()}
    for key in ("applicant", "agent"):
        party = doc.get(key)
        if isinstance(party, dict):
            doc[key] = {k: party[k] for k in PARTY_FIELDS if k in party}
    return doc


def wire_event(payload: dict[str, Any], *, v11: bool = True) -> dict[str, Any] | None:
    """An event as sent: local keys left out; for a platform of version 1 also the 1.1 keys — and a
    hand-over of only some matters is not sent at all (None: a v1 event would deliver the whole case;
    the hand-over that completes the case sends it)."""
    doc = {k: v for k, v in payload.items() if k not in LOCAL_EVENT_KEYS}
    for key in V11_EVENT_KEYS:
        if doc.get(key) is None:
            doc.pop(key, None)
    if v11:
        return doc
    if doc.get("type") == "delivered" and payload.get("completes_case") is False:
        return None
    for key in V11_EVENT_KEYS:
        doc.pop(key, None)
    return doc


def document_files(payload: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """sha256 → (size, media type) of every file a case document or supplement event names."""
    out: dict[str, tuple[int, str]] = {}
    groups = payload.get("materials") or [payload]
    for m in groups:
        for f in (m.get("files") or []) if isinstance(m, dict) else []:
            out.setdefault(str(f["sha256"]), (int(f.get("size") or 0), str(f.get("media_type") or "application/octet-stream")))
    return out


def queue_supplement(session: Session, case_uuid: str, material_code: str, files: list[dict[str, Any]],
                     *, event_uuid: str | None = None) -> OutboxRow:
    """A deferred material (容缺) delivered later; its files must already be in the page store."""
    key = event_uuid or str(uuid.uuid4())
    doc = {"event_uuid": key, "type": "supplement", "material_code": material_code,
           "files": [{"sha256": f["sha256"], "size": int(f["size"]), "media_type": f["media_type"],
                      **({"pages": f["pages"]} if f.get("pages") is not None else {})} for f in files]}
    return _add(session, "event", key, case_uuid, doc)


def queue_delivered(session: Session, case_uuid: str, method: str = "window", at: dt.datetime | None = None,
                    *, event_uuid: str | None = None, matters: list[str] | None = None,
                    waybill_no: str | None = None, completes_case: bool = True) -> OutboxRow:
    """Results handed over at the window (or posted): ``matters`` the ones handed over (API 1.1),
    ``waybill_no`` the EMS waybill of a posting, ``completes_case`` whether nothing is left to hand out."""
    key = event_uuid or str(uuid.uuid4())
    doc: dict[str, Any] = {"event_uuid": key, "type": "delivered", "at": (at or clock.now()).isoformat(),
                           "method": method}
    if matters:
        doc["matters"] = list(matters)
    if waybill_no:
        doc["waybill_no"] = waybill_no
    doc["completes_case"] = completes_case
    return _add(session, "event", key, case_uuid, doc)


def queue_evaluation(session: Session, *, window: str, operator: str, score: int, tags: list[str] | None = None,
                     comment: str = "", case_uuid: str | None = None, ticket_no: str | None = None,
                     at: dt.datetime | None = None, evaluation_uuid: str | None = None) -> OutboxRow:
    """好差评: one evaluation, sent once."""
    key = evaluation_uuid or str(uuid.uuid4())
    doc: dict[str, Any] = {"evaluation_uuid": key, "window": window, "operator": operator, "score": int(score),
                           "tags": list(tags or []), "comment": comment, "at": (at or clock.now()).isoformat()}
    if case_uuid:
        doc["case_uuid"] = case_uuid
    if ticket_no:
        doc["ticket_no"] = ticket_no
    return _add(session, "evaluation", key, case_uuid, doc)


def _add(session: Session, kind: str, key: str, case_uuid: str | None, doc: dict[str, Any]) -> OutboxRow:
    row = OutboxRow(kind=kind, idempotency_key=key, case_uuid=case_uuid, payload=doc, created_at=clock.now())
    session.add(row)
    session.flush()
    return row
