"""Showing a full personal value (完整身份证号、手机号) that lists and printouts mask: with a reason, audited."""

from __future__ import annotations

from clerk.errors import ClerkError
from clerk.security import audit
from clerk.security.actor import Actor, Permission
from clerk.store import Store
from clerk.store.models import CaseRow

MIN_REASON = 4
REVEALABLE = {
    "applicant.id_number": "申请人证件号码", "applicant.phone": "申请人联系电话", "applicant.name": "申请人姓名",
    "applicant.address": "申请人地址", "agent.id_number": "代办人证件号码", "agent.phone": "代办人联系电话",
    "agent.name": "代办人姓名", "delivery.phone": "收件人电话", "delivery.address": "邮寄地址",
}


class RevealRefused(ClerkError, ValueError):
    """The reveal was not done (no reason, unknown field, unknown case)."""


def reveal(store: Store, actor: Actor, case_uuid: str, field: str, reason: str) -> str:
    """The full value of ``field`` (e.g. ``applicant.id_number``) of a case; the reason is audited."""
    actor.require(Permission.REVEAL_PII)
    reason = " ".join((reason or "").split())
    if len(reason) < MIN_REASON:
        raise RevealRefused(f"查看完整信息须写明理由（至少 {MIN_REASON} 个字）")
    if field not in REVEALABLE:
        raise RevealRefused(f"不能查看“{field}”")
    part, key = field.split(".", 1)
    with store.write() as s:
        row = s.get(CaseRow, case_uuid)
        if row is None:
            raise RevealRefused(f"找不到案件 {case_uuid}")
        source = {"applicant": row.applicant, "agent": row.agent, "delivery": row.delivery}[part] or {}
        value = str(source.get(key) or "")
        audit.append(s, actor, audit.AuditAction.REVEAL, case_uuid,
                     {"field": field, "label": REVEALABLE[field], "reason": reason[:200], "case_no": row.case_no})
    return value
