"""The read-only case file (案件详情): everything about one case, for the case view and ``case show``.

    cf = case_file(ctx, "230102-20261201-W01-001")     # by case number or case_uuid
    cf.as_json()                                         # the document ``python -m clerk case show --json`` prints
    cf.text()                                            # the same, as lines for a terminal

One builder for the window's case view (``ui/cases``) and the CLI, so both show the same: applicant,
matters, form values with their labels, materials with their pages, the status timeline (this
workstation's steps and what the platform sent back), print history, deadlines, the case's audit
entries, and the actions its state allows.

The JSON is a plain dict of sections; a later issue adds its own keys without changing these (the
per-matter results as ``"matters": [{…, "status": …}]``, each material's ``files: [{sha256, source, …}]``
and ``licence_number``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select

from clerk import clock
from clerk.deadlines import FLAG_LABELS, flag_for
from clerk.handout import HANDABLE, HandoutService, Handover
from clerk.intake.model import (
    CASE_STATUS_LABELS,
    MATERIAL_STATUS_LABELS,
    CaseStatus,
    CaseView,
    MaterialStatus,
)
from clerk.intake.persons import person_label
from clerk.intake.service import CaseNotFound, IntakeService
from clerk.intake.workdays import WorkCalendar
from clerk.materials.service import MaterialsService
from clerk.printjobs import STATE_LABELS, PrintJob, PrintQueue
from clerk.security.audit import ACTION_LABELS, AuditAction
from clerk.store import Store
from clerk.store.models import AuditRow, KeyValueRow
from clerk.supplements import OPEN_FOR_SUPPLEMENTS

TIMELINE_KEY = "timeline.{case_uuid}"
"""KeyValueRow the sync engine appends each platform status change of a case to (``clerk.sync.engine``)."""

ID_TYPE_LABELS = {"cn_ric": "居民身份证", "passport": "护照", "hk_macao_permit": "港澳居民来往内地通行证",
                  "taiwan_permit": "台湾居民来往大陆通行证", "foreign_permanent_residence": "外国人永久居留身份证",
                  "uscc": "统一社会信用代码"}


class CaseFileContext(Protocol):
    store: Store
    intake: IntakeService
    materials: MaterialsService

    @property
    def print_queue(self) -> PrintQueue: ...

    @property
    def handout(self) -> HandoutService: ...


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    status: str
    """A CaseStatus value (or the step: ``handed_over``, ``supplement``)."""
    label: str
    note: str = ""
    source: str = "local"
    """``local`` (this workstation) or ``platform`` (a status the back office sent)."""


@dataclass(frozen=True)
class CaseFile:
    case: CaseView
    pages: dict[str, int]
    timeline: tuple[TimelineEntry, ...]
    prints: tuple[PrintJob, ...]
    audit: tuple[dict[str, Any], ...]
    handover: Handover | None
    deadline_flag: str
    actions: tuple[str, ...]
    """What the case's state allows at the window: ``print``, ``reprint``, ``handout``, ``supplement``, ``resume``."""
    extra: dict[str, Any] = field(default_factory=dict)

    # -- output ------------------------------------------------------------------------------------
    def as_json(self) -> dict[str, Any]:
        c = self.case
        form_labels = c.form_labels
        out: dict[str, Any] = {
            "case_uuid": c.case_uuid,
            "case_no": c.case_no,
            "status": c.status.value,
            "status_label": CASE_STATUS_LABELS[c.status.value],
            "bundle": {"code": c.bundle_code, "name": c.bundle_name, "catalog_version": c.catalog_version},
            "situations": [{"question": q, "answer": a} for q, a in c.situation_labels.items()],
            "applicant": _person_json(c.applicant.model_dump(mode="json")),
            "agent": _person_json(c.agent.model_dump(mode="json")) if c.agent else None,
            "persons": [{"person": p, "label": person_label(p), "same_as": s, "same_as_label": person_label(s)}
                        for p, s in c.persons.items()],
            "matters": [{"code": m.code, "name": m.name, "department": m.department,
                         "time_limit_days": m.time_limit_days} for m in c.matters],
            "form": [{"code": k, "label": form_labels.get(k, k), "value": c.form.get(k)}
                     for k in [*form_labels, *[k for k in c.form if k not in form_labels]] if k in c.form],
            "materials": [{
                "code": m.code, "name": m.name, "status": m.status.value,
                "status_label": MATERIAL_STATUS_LABELS[m.status.value], "required": m.required,
                "deadline": m.deadline.isoformat() if m.deadline else None,
                "pages": self.pages.get(m.code, m.pages), "note": m.note,
                "files": [{"sha256": f.sha256, "media_type": f.media_type, "size": f.size, "pages": f.pages}
                          for f in m.files],
            } for m in c.materials],
            "taken": {"at": "visit", "address": c.visit_address} if c.visit_address
            else {"at": "window", "window": c.window},
            "operator": c.operator,
            "ticket_no": c.ticket_no,
            "dates": {
                "created_at": _iso(c.created_at), "accepted_at": _iso(c.accepted_at),
                "notified_at": _iso(c.notified_at), "rejected_at": _iso(c.rejected_at),
                "due_date": c.due_date.isoformat() if c.due_date else None,
                "due_date_provisional": c.due_date_provisional,
                "return_by": c.return_by.isoformat() if c.return_by else None,
                "deadline_flag": self.deadline_flag,
                "deadline_label": FLAG_LABELS.get(self.deadline_flag, ""),  # type: ignore[call-overload]
            },
            "reject_reason": c.reject_reason,
            "platform": {"case_id": c.platform_case_id, "note": c.platform_note},
            "timeline": [{"at": _iso(t.at), "status": t.status, "label": t.label, "note": t.note, "source": t.source}
                         for t in self.timeline],
            "prints": [{"id": j.id, "kind": j.kind, "title": j.title, "state": j.state,
                        "state_label": STATE_LABELS.get(j.state, j.state), "reprint": j.reprint,
                        "printer": j.printer, "at": _iso(j.printed_at or j.created_at)} for j in self.prints],
            "handover": self.handover.to_json() if self.handover else None,
            "audit": list(self.audit),
            "actions": list(self.actions),
        }
        out.update(self.extra)
        return out

    def text(self) -> str:
        """The case file as lines for a terminal (the same sections as the JSON)."""
        d = self.as_json()
        lines = [f"{d['case_no']}  {d['bundle']['name']}  【{d['status_label']}】"]
        a = d["applicant"]
        lines.append(f"申请人：{a['name']}  {a['id_type_label']} {a['id_number']}  电话 {a['phone'] or '—'}"
                     + (f"  地址 {a['address']}" if a["address"] else ""))
        if d["agent"]:
            g = d["agent"]
            lines.append(f"代办人：{g['name']}  {g['id_type_label']} {g['id_number']}")
        for p in d["persons"]:
            lines.append(f"{p['label']}：同{p['same_as_label']}")
        taken = d["taken"]
        lines.append("受理地点：" + (f"上门办理（{taken['address']}）" if taken["at"] == "visit" else f"{taken['window']} 号窗口")
                     + (f"  排队号 {d['ticket_no']}" if d["ticket_no"] else ""))
        dates = d["dates"]
        if dates["due_date"]:
            lines.append(f"法定办结日期：{dates['due_date']}" + (f"（{dates['deadline_label']}）" if dates["deadline_label"] else ""))
        if dates["return_by"]:
            lines.append(f"补齐材料期限：{dates['return_by']}")
        lines.append("办理事项：")
        lines += [f"  {m['name']}（{m['department']}，{m['time_limit_days']} 个工作日）" for m in d["matters"]]
        if d["situations"]:
            lines.append("情形：" + "；".join(f"{s['question']}{s['answer']}" for s in d["situations"]))
        lines.append("申请表：")
        lines += [f"  {f['label']}：{_shown(f['value'])}" for f in d["form"]]
        lines.append("材料：")
        for m in d["materials"]:
            extra = f"，{m['pages']} 页" if m["pages"] else ""
            extra += f"，{m['deadline']} 前补交" if m["deadline"] else ""
            lines.append(f"  {m['name']}：{m['status_label']}{extra}")
        lines.append("办理过程：")
        lines += [f"  {t['at'][:16].replace('T', ' ')}  {t['label']}" + (f"（{t['note']}）" if t["note"] else "")
                  + ("  [平台]" if t["source"] == "platform" else "") for t in d["timeline"]]
        lines.append("打印记录：" + ("无" if not d["prints"] else ""))
        lines += [f"  {p['at'][:16].replace('T', ' ')}  {p['title']}  {p['state_label']}" for p in d["prints"]]
        if d["audit"]:
            lines.append("审计记录：")
            lines += [f"  {e['at'][:16].replace('T', ' ')}  {e['operator']}  {e['action_label']}" for e in d["audit"]]
        if d["actions"]:
            lines.append("可办理：" + "、".join(ACTION_TEXT.get(x, x) for x in d["actions"]))
        return "\n".join(lines)

    def to_json_text(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2)


ACTION_TEXT = {"print": "打印", "reprint": "补打", "handout": "出件", "supplement": "补交材料", "resume": "继续办理"}


def _iso(value: dt.datetime | None) -> str | None:
    return clock.local(value).isoformat(timespec="seconds") if value is not None else None


def _shown(value: Any) -> str:
    if value is True:
        return "是"
    if value is False:
        return "否"
    return "—" if value in (None, "") else str(value)


def _person_json(p: dict[str, Any]) -> dict[str, Any]:
    return {**p, "id_type_label": ID_TYPE_LABELS.get(str(p.get("id_type")), str(p.get("id_type")))}


def find_case(intake: IntakeService, key: str) -> CaseView:
    """A case by its number (the receipt's barcode) or its case_uuid; ``CaseNotFound`` otherwise."""
    key = key.strip()
    try:
        return intake.get_by_no(key)
    except CaseNotFound:
        if len(key) >= 32:
            return intake.get(key)
        raise


def timeline(view: CaseView, platform: list[dict[str, Any]], handover: Handover | None,
             audit_rows: list[dict[str, Any]]) -> list[TimelineEntry]:
    """The case's steps in time order: taken in, decided at the window, each platform status, supplements,
    handed over."""
    items = [TimelineEntry(view.created_at, "draft", "开始受理（草稿）")]
    for at, status in ((view.accepted_at, "accepted"), (view.notified_at, "notified"), (view.rejected_at, "rejected")):
        if at is not None:
            items.append(TimelineEntry(at, status, CASE_STATUS_LABELS[status],
                                       view.reject_reason if status == "rejected" else ""))
    for p in platform:
        try:
            at = dt.datetime.fromisoformat(str(p["at"]))
        except (KeyError, ValueError):
            continue
        status = str(p.get("status", ""))
        items.append(TimelineEntry(at, status, CASE_STATUS_LABELS.get(status, status), str(p.get("note") or ""),
                                   "platform"))
    for e in audit_rows:
        if e["action"] == AuditAction.SUPPLEMENT.value:
            items.append(TimelineEntry(dt.datetime.fromisoformat(e["at"]), "supplement", "补交材料",
                                       str(e["detail"].get("code") or e["detail"].get("material") or "")))
    if handover is not None:
        how = "邮寄送达" if handover.method == "post" else "窗口领取"
        note = f"{how}，{handover.receiver_name}" + (f"；容缺材料未补先行交付：{handover.outstanding_reason}"
                                                     if handover.outstanding_reason else "")
        items.append(TimelineEntry(handover.at, "delivered", "已交付办理结果", note))
    return sorted(items, key=lambda t: t.at)


def allowed_actions(view: CaseView, printed: set[str], documents: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    if documents:
        out.append("reprint" if printed & set(documents) else "print")
    if view.status in HANDABLE:
        out.append("handout")
    if view.status in OPEN_FOR_SUPPLEMENTS and any(
            m.status in (MaterialStatus.DEFERRED, MaterialStatus.MISSING) and (m.required or m.deferrable)
            for m in view.materials):
        out.append("supplement")
    if view.status in (CaseStatus.DRAFT, CaseStatus.NOTIFIED):
        out.append("resume")
    return tuple(out)


def case_audit(store: Store, case_uuid: str, limit: int = 200) -> list[dict[str, Any]]:
    """The audit entries of one case, oldest first (the case view shows them to whoever may open the case)."""
    with store.read() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.case_uuid == case_uuid)
                         .order_by(AuditRow.id).limit(limit)).scalars().all()
        out = []
        for r in rows:
            label = ACTION_LABELS.get(AuditAction(r.action), r.action) if r.action in AuditAction.__members__.values() \
                else r.action
            out.append({"at": _iso(r.at), "operator": r.operator, "window": r.window, "action": r.action,
                        "action_label": label, "detail": dict(r.detail or {})})
        return out


def platform_timeline(store: Store, case_uuid: str) -> list[dict[str, Any]]:
    with store.read() as s:
        row = s.get(KeyValueRow, TIMELINE_KEY.format(case_uuid=case_uuid))
    if row is None:
        return []
    try:
        items = json.loads(row.value)
    except ValueError:
        return []
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def case_file(ctx: CaseFileContext, key: str, *, calendar: WorkCalendar | None = None) -> CaseFile:
    """Everything about the case ``key`` (case number or case_uuid); ``CaseNotFound`` when there is none."""
    from clerk.documents import case_documents

    view = find_case(ctx.intake, key)
    pages: dict[str, int] = {}
    for m in view.materials:
        try:
            pages[m.code] = len(ctx.materials.list_pages(view.case_uuid, m.code))
        except Exception:  # a material without a page list (an old case): its file pages count  # noqa: BLE001
            pages[m.code] = m.pages
    prints = ctx.print_queue.history(view.case_uuid)
    audit_rows = case_audit(ctx.store, view.case_uuid)
    handover = ctx.handout.handover_record(view.case_uuid)
    cal = calendar or ctx.intake.calendar
    flag = flag_for(view.due_date, view.status, today=clock.today(), calendar=cal).value
    documents = case_documents(view)
    printed = {j.kind for j in prints if j.state == "printed"}
    return CaseFile(view, pages, tuple(timeline(view, platform_timeline(ctx.store, view.case_uuid), handover,
                                                audit_rows)),
                    tuple(prints), tuple(audit_rows), handover, flag, allowed_actions(view, printed, documents))


__all__ = ["CaseFile", "TimelineEntry", "case_file", "find_case", "TIMELINE_KEY"]
