"""A whole case from a document (the CLI's JSON) into the cache: catalog checks, replay, ONE transaction.

``check_request`` finds every problem of a document against the catalog before anything is written
(``clerk.intake.request`` has checked types, lengths, characters and patterns); ``take_in`` writes
the draft, its materials, whatever ``attach`` adds (pages and upload files, ``clerk.materials.takein``),
the acceptance or one-time notice, the outbox row and the replay record in one transaction, so a
``kill -9`` leaves all of it or none. ``replayed`` recognises a document taken in before under its
``idempotency_key``/``case_uuid`` (the same fingerprint → the first result; another → refused).
The functions work on an ``IntakeService`` and reuse its row-level steps (``_new_row``, ``_apply``,
``_set_material``, ``_accept_row``, ``_notify_row``), so the UI's flow and this one cannot drift.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from clerk import clock
from clerk.catalog import eligibility
from clerk.catalog.merge import MatterChoiceError, SituationError, merge
from clerk.events import CaseAccepted, CaseNotified, CaseSaved
from clerk.intake.matters import checked_merge
from clerk.intake.model import MaterialStatus
from clerk.intake.request import IntakeRequest, PersonInput, RequestRefused
from clerk.intake.service import IntakeService, derive_form
from clerk.intake.validation import (
    Problems,
    check_delivery,
    check_form,
    check_person,
    check_region,
    shown,
)
from clerk.security.actor import Actor, Permission
from clerk.store.models import CaseRow, KeyValueRow


@dataclass(frozen=True)
class IntakeResult:
    """What ``take_in`` did: the JSON the CLI prints (the same again for a replayed document)."""

    case_uuid: str
    case_no: str
    outcome: Literal["accepted", "notified"]
    due_date: dt.date | None
    return_by: dt.date | None
    missing: list[str]
    replayed: bool = False
    matters: tuple[dict[str, Any], ...] = ()
    """The chosen matters: ``{"code", "national_code", "due_date"}`` (due dates once accepted)."""
    region: str = ""
    remote_intake: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"case_no": self.case_no, "case_uuid": self.case_uuid, "outcome": self.outcome,
                "due_date": self.due_date.isoformat() if self.due_date else None,
                "return_by": self.return_by.isoformat() if self.return_by else None,
                "missing": list(self.missing), "matters": [dict(m) for m in self.matters],
                "region": self.region, "remote_intake": self.remote_intake}

    @classmethod
    def from_json(cls, d: dict[str, Any], *, replayed: bool = False) -> IntakeResult:
        return cls(str(d["case_uuid"]), str(d["case_no"]), "accepted" if d["outcome"] == "accepted" else "notified",
                   dt.date.fromisoformat(d["due_date"]) if d.get("due_date") else None,
                   dt.date.fromisoformat(d["return_by"]) if d.get("return_by") else None,
                   [str(c) for c in d.get("missing") or []], replayed,
                   tuple(dict(m) for m in d.get("matters") or []), str(d.get("region") or ""),
                   bool(d.get("remote_intake")))


def _replay_kv_key(key: str) -> str:
    return "intake-replay:" + hashlib.sha256(key.encode()).hexdigest()[:48]


def _person_dict(p: PersonInput) -> dict[str, Any]:
    out = p.model_dump()
    if out.get("id_type") is None:
        out["id_type"] = "uscc" if p.kind == "enterprise" else "cn_ric"
    return out


def check_request(svc: IntakeService, req: IntakeRequest) -> Problems:
    """Every problem of a case document against the catalog, at once, before anything is written
    (the model has checked types, lengths, characters and patterns). Files are checked by the
    caller (``clerk.materials.takein``)."""
    problems: Problems = {}
    try:
        bundle = svc.catalog.bundle(req.bundle_code)
    except KeyError:
        return {"bundle_code": f"事项目录中没有一件事 {shown(req.bundle_code)}"}
    try:
        merged = merge(bundle, req.situations, req.matters, applicant_kind=req.applicant.kind)
    except SituationError as exc:
        return {f"situations.{k}": v for k, v in exc.problems.items()}
    except MatterChoiceError as exc:
        return {"matters": exc.message}
    if req.region is not None:
        _, problem = check_region(req.region)
        if problem:
            problems["region"] = problem
    kinds = tuple(k.value for k in bundle.applicant_kinds)
    applicant, p = check_person(_person_dict(req.applicant), "applicant", kinds=kinds)
    problems.update(p)
    if req.agent is not None:
        _, p = check_person(_person_dict(req.agent), "agent", kinds=("person",))
        problems.update(p)
    types = {f.code: f.type.value for f in merged.fields}
    derived = derive_form(dict(req.form), applicant, types)
    form = svc._active_form(bundle, merged, derived)
    checked, p = check_form(merged, form, strict=True)
    problems.update(p)
    for failure in eligibility.check(merged, form={**derived, **checked}, applicant_kind=req.applicant.kind,
                                     today=clock.today()):
        problems[f"conditions.{failure.code}"] = failure.text()
    _, p = check_delivery(req.delivery.model_dump())
    problems.update(p)
    by_code = {m.code: m for m in merged.materials}
    of_bundle = {mat.key for mt in bundle.matters for mat in mt.materials}
    deferred = False
    for m in req.materials:
        where = f"materials.{m.code}"
        mm = by_code.get(m.code)
        if mm is None:
            if m.code not in of_bundle:
                problems[where] = "本件事（在所选情形下）的材料清单中没有这一项"
            continue  # a material of a matter not chosen, or not asked under these answers: ignored
        if m.status == "deferred":
            deferred = True
            if not mm.deferrable:
                problems[where + ".status"] = f"“{mm.name}”不在容缺受理范围内"
            elif m.deadline is not None and (dp := svc.deadline_problem(mm.deferral_days, m.deadline)):
                problems[where + ".deadline"] = dp
        if m.status == "e_license" and not mm.e_license:
            problems[where + ".status"] = f"“{mm.name}”不能电子证照免提交"
        if m.status == "not_required" and mm.required:
            problems[where + ".status"] = f"“{mm.name}”是必需材料"
        if m.status == "provided" and not m.files:
            problems[where + ".files"] = f"“{mm.name}”标为已提交，须附文件"
    if deferred and not req.commitment_signed:
        problems["commitment_signed"] = "有容缺后补的材料，须申请人签署告知承诺书（写 \"commitment_signed\": true）"
    given = {m.code for m in req.materials}
    complete = all(m.code in given for m in merged.materials if m.required)
    if complete and not applicant.get("phone") and "applicant.phone" not in problems:
        problems["applicant.phone"] = "请填写联系电话（办理进度和领取通知要用）"
    return problems


def replayed(svc: IntakeService, s: Session, req: IntakeRequest, fingerprint: str) -> IntakeResult | None:
    """The first result of a document taken in before under the same key (None when new).

    ``RequestRefused`` when the key (or the case UUID) was used for a different document.
    """
    key = req.replay_key
    if key is None:
        return None
    row = s.get(KeyValueRow, _replay_kv_key(key))
    if row is None:
        if req.case_uuid and s.get(CaseRow, req.case_uuid) is not None:
            raise RequestRefused({"case_uuid": "已有另一个案件使用这个 case_uuid，请换一个"})
        return None
    rec = json.loads(row.value)
    if rec.get("fingerprint") != fingerprint:
        what = "idempotency_key" if req.idempotency_key else "case_uuid"
        raise RequestRefused({what: f"这个 {what} 已用于内容不同的另一份受理（案件 {rec['result']['case_no']}），"
                                    "同一编号只能对应同一份材料；新案件请换一个编号"})
    if req.case_uuid and rec["result"]["case_uuid"] != req.case_uuid:
        raise RequestRefused({"case_uuid": "与首次受理的 case_uuid 不同"})
    return IntakeResult.from_json(rec["result"], replayed=True)


def take_in(svc: IntakeService, actor: Actor, req: IntakeRequest, *, fingerprint: str,
            attach: Callable[[Session, CaseRow], None] | None = None,
            before_commit: Callable[[], object] | None = None) -> IntakeResult:
    """A whole case from a document: draft, materials, accept or one-time notice — ONE transaction.

    A crash (even ``kill -9``) before the commit leaves nothing in the cache; after it, the case,
    its outbox row and the replay record (``req.replay_key``) are all there, so a re-run returns
    this result. ``attach(s, row)`` adds the materials' pages and files (``clerk.materials``);
    ``before_commit`` runs last inside the transaction (a test stops the process there).
    """
    actor.require(Permission.INTAKE)
    bundle = svc.bundle(req.bundle_code)
    merged = checked_merge(bundle, req.situations, req.matters, applicant_kind=req.applicant.kind)
    with svc.store.write() as s:
        earlier = replayed(svc, s, req, fingerprint)
        if earlier is not None:
            return earlier
        row = svc._new_row(s, actor, bundle, merged, ticket_no=req.ticket_no, case_uuid=req.case_uuid,
                           applicant={"kind": req.applicant.kind}, region=req.region)
        svc._apply(row, applicant=_person_dict(req.applicant),
                   agent=_person_dict(req.agent) if req.agent else None, form=dict(req.form),
                   delivery=req.delivery.model_dump(), commitment_signed=req.commitment_signed or None)
        listed = {m.code for m in row.materials}
        for m in req.materials:
            if m.status != "provided" and m.code in listed:
                svc._set_material(row, m.code, MaterialStatus(m.status), deadline=m.deadline)
        if attach is not None:
            attach(s, row)
        s.flush()
        missing = [m.code for m in row.materials if m.status == MaterialStatus.MISSING.value and m.info.get("required")]
        outcome: Literal["accepted", "notified"] = "notified" if missing else "accepted"
        if missing:
            view = svc._notify_row(s, actor, row)
        else:
            view = svc._accept_row(s, actor, row, commitment_signed=req.commitment_signed)
        result = IntakeResult(view.case_uuid, view.case_no, outcome, view.due_date, view.return_by, missing,
                              matters=tuple({"code": m.code, "national_code": m.national_code,
                                             "due_date": m.due_date.isoformat() if m.due_date else None}
                                            for m in view.matters),
                              region=view.handling_region or view.intake_region, remote_intake=view.remote_intake)
        key = req.replay_key
        if key is not None:
            s.add(KeyValueRow(key=_replay_kv_key(key), value=json.dumps(
                {"fingerprint": fingerprint, "result": result.as_json()}, ensure_ascii=False)))
        s.flush()
        if before_commit is not None:
            before_commit()
    svc.events.publish(CaseSaved(view.case_uuid))
    if outcome == "accepted":
        svc.events.publish(CaseAccepted(view.case_uuid, view.case_no))
    else:
        svc.events.publish(CaseNotified(view.case_uuid, view.case_no))
    return result
