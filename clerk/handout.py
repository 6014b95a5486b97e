"""一窗出件 — result hand-out at the comprehensive window: pickup list, SMS, identity check, delivered.

    svc = HandoutService(ctx)                       # ctx: AppContext (store, intake, events, paths, settings)
    svc.pickup_list()                                # cases ready for pickup, oldest first
    svc.notify_applicant(case_uuid)                  # "results ready" SMS through the gateway plug-in
    svc.find_for_handout(barcode_or_case_no_or_id)   # the cases that text opens
    svc.hand_over(actor, case_uuid, "230102…", agent=AgentInfo(...))   # → Handover, case delivered

``hand_over`` checks the presented ID number against the applicant's (or an agent's, with a power of
attorney), moves the case to ``delivered`` through the lifecycle, records the hand-over and queues
the contract's ``delivered`` event in one transaction. ``tracking_no`` (邮寄单号) is not part of the
contract's event: it stays in the local hand-over record (docs/api.md).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any, Literal, Protocol

from sqlalchemy import or_, select

from clerk import clock
from clerk.errors import ClerkError
from clerk.events import ApplicantNotified, CaseHandedOver, EventBus
from clerk.intake import lifecycle
from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, CaseView, MaterialStatus
from clerk.intake.service import CaseNotFound, IntakeService
from clerk.security import audit
from clerk.security.actor import Actor, Permission
from clerk.security.masking import mask_id, mask_name, mask_phone
from clerk.settings import Settings
from clerk.sms import LogSmsGateway, SmsGateway, SmsRecord
from clerk.store import Store
from clerk.store.models import CaseRow, KeyValueRow
from clerk.sync.outbox import queue_delivered

HANDOVER_KEY = "handout.{case_uuid}"
NOTIFIED_KEY = "handout.notified.{case_uuid}"

HANDABLE = frozenset({CaseStatus.READY_FOR_PICKUP, CaseStatus.APPROVED})
"""States whose results may be handed over (the platform takes ``delivered`` from these only)."""


class HandoutContext(Protocol):
    store: Store
    intake: IntakeService
    events: EventBus
    settings: Settings

    @property
    def paths(self) -> Any: ...


class HandoutError(ClerkError, ValueError):
    """A hand-out that cannot happen, with a message a clerk can read out."""


class IdentityMismatch(HandoutError):
    """The presented ID number is neither the applicant's nor an authorised agent's (身份核验不通过)."""


class NotReady(HandoutError):
    """The case's results are not (or no longer) there to hand out."""


class DeferredOutstanding(HandoutError):
    """A material deferred under commitment (容缺) is still not delivered: the hand-over needs the
    clerk's confirmation with a reason (``outstanding_reason``)."""

    def __init__(self, materials: list[tuple[str, dt.date | None]]) -> None:
        names = "、".join(f"“{n}”" + (f"（{d.isoformat()} 前补交）" if d else "") for n, d in materials)
        super().__init__(f"容缺后补的材料尚未补交：{names}。确需先行交付的，请确认并写明理由")
        self.materials = materials


@dataclass(frozen=True)
class AgentInfo:
    """代领人: who collects for the applicant; ``power_of_attorney`` = 授权委托书 seen and kept."""

    name: str
    id_number: str
    power_of_attorney: bool = False
    id_type: str = "cn_ric"


@dataclass(frozen=True)
class PickupItem:
    """A line of the pickup list (personal data masked; open the case to see more)."""

    case_uuid: str
    case_no: str
    bundle_code: str
    applicant_name: str
    applicant_phone: str
    status: CaseStatus
    ready_since: dt.datetime
    notified_at: dt.datetime | None
    delivery_method: str


@dataclass(frozen=True)
class Handover:
    """The hand-over record (kept locally; the platform receives its ``delivered`` event)."""

    case_uuid: str
    case_no: str
    event_uuid: str
    at: dt.datetime
    method: Literal["window", "post"]
    received_by: Literal["applicant", "agent", "post"]
    receiver_name: str
    receiver_id_masked: str
    power_of_attorney: bool
    tracking_no: str | None
    operator: str
    window: str
    outstanding_reason: str = ""
    """Why the results went out while a deferred material was still outstanding (empty: none was)."""

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat()
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Handover:
        return cls(**{**d, "at": dt.datetime.fromisoformat(d["at"])})


def normalise_id(number: str) -> str:
    return "".join(number.split()).upper()


class HandoutService:
    def __init__(self, ctx: HandoutContext, sms: SmsGateway | None = None) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.sms: SmsGateway = sms or LogSmsGateway(ctx.paths.data_dir / "sms.jsonl")

    # -- lists -------------------------------------------------------------------------------------
    def pickup_list(self, limit: int = 500) -> list[PickupItem]:
        """Cases waiting at the window for their applicant (待领取), the longest waiting first."""
        with self.store.read() as s:
            rows = s.execute(select(CaseRow).where(CaseRow.status == CaseStatus.READY_FOR_PICKUP.value)
                             .order_by(CaseRow.platform_updated_at, CaseRow.updated_at).limit(limit)).scalars().all()
            notified = self._notified(s, [r.case_uuid for r in rows])
            items = [PickupItem(r.case_uuid, r.case_no, r.bundle_code, mask_name(r.applicant_name),
                                mask_phone(r.applicant_phone), CaseStatus(r.status),
                                r.platform_updated_at or r.updated_at, notified.get(r.case_uuid),
                                str((r.delivery or {}).get("method") or "window")) for r in rows]
        return sorted(items, key=lambda i: i.ready_since)

    @staticmethod
    def _notified(s: Any, uuids: list[str]) -> dict[str, dt.datetime]:
        keys = {NOTIFIED_KEY.format(case_uuid=u): u for u in uuids}
        out: dict[str, dt.datetime] = {}
        if not keys:
            return out
        for row in s.execute(select(KeyValueRow).where(KeyValueRow.key.in_(list(keys)))).scalars():
            out[keys[row.key]] = dt.datetime.fromisoformat(json.loads(row.value)["at"])
        return out

    def find_for_handout(self, text: str) -> list[CaseView]:
        """The cases a scanned barcode (the case number), a typed case number or an ID number opens.

        An ID number may open several cases: those whose results can be handed out come first.
        Raises ``CaseNotFound`` when nothing matches.
        """
        key = text.strip()
        if not key:
            raise CaseNotFound("（空）")
        with self.store.read() as s:
            rows = s.execute(select(CaseRow.case_uuid, CaseRow.status, CaseRow.created_at).where(or_(
                CaseRow.case_no == key, CaseRow.applicant_id_number == normalise_id(key)))).all()
        if not rows:
            raise CaseNotFound(key)
        handable = {c.value for c in HANDABLE}
        rows = sorted(rows, key=lambda r: (r.status not in handable, r.created_at))
        return [self.ctx.intake.get(r.case_uuid) for r in rows if r.status != CaseStatus.DRAFT.value]

    # -- SMS -----------------------------------------------------------------------------------------
    def notify_applicant(self, case_uuid: str) -> SmsRecord:
        """Texts the applicant that the results can be collected (raises ``SmsError`` when it cannot)."""
        case = self.ctx.intake.get(case_uuid)
        if case.status not in HANDABLE:
            raise NotReady(f"案件 {case.case_no} {CASE_STATUS_LABELS[case.status]}，还没有可领取的办理结果")
        hall = self.ctx.settings.hall
        if case.delivery.method == "post":
            how = "将邮寄至您登记的地址"
        else:
            how = f"请携带申请人身份证件到综合窗口领取（{hall.office_hours}），他人代领须带授权委托书"
        message = f"【{hall.name}】您办理的“{case.bundle_name}”（受理编号 {case.case_no}）已办结，{how}。"
        record = self.sms.send(case.applicant.phone, message, case_uuid=case_uuid)
        with self.store.write() as s:
            s.merge(KeyValueRow(key=NOTIFIED_KEY.format(case_uuid=case_uuid),
                                value=json.dumps({"at": clock.now().isoformat(), "phone": record.phone})))
        self.ctx.events.publish(ApplicantNotified(case_uuid, record))
        return record

    # -- the hand-over -------------------------------------------------------------------------------
    def hand_over(self, actor: Actor, case_uuid: str, presented_id_number: str, *, agent: AgentInfo | None = None,
                  method: Literal["window", "post"] = "window", tracking_no: str | None = None,
                  event_uuid: str | None = None, outstanding_reason: str | None = None) -> Handover:
        """Hands the results over; raises ``IdentityMismatch``, ``NotReady`` or ``HandoutError``.

        While a deferred material (容缺) is still outstanding the hand-over is refused with
        ``DeferredOutstanding`` unless ``outstanding_reason`` (at least 4 characters) says why it goes
        out anyway; the reason is kept in the hand-over record and the audit log.
        """
        actor.require(Permission.HANDOUT)
        if method not in ("window", "post"):
            raise HandoutError("送达方式应为窗口领取（window）或邮寄（post）")
        tracking = (tracking_no or "").strip() or None
        if method == "post" and not tracking:
            raise HandoutError("邮寄送达须填写邮件单号")
        if tracking is not None and len(tracking) > 40:
            raise HandoutError("邮件单号太长（最多 40 个字符）")
        key = event_uuid or str(uuid.uuid4())
        now = clock.now()
        with self.store.write() as s:
            row = s.get(CaseRow, case_uuid)
            if row is None:
                raise CaseNotFound(case_uuid)
            current = CaseStatus(row.status)
            if current not in HANDABLE or not lifecycle.can(current, CaseStatus.DELIVERED):
                raise NotReady(f"案件 {row.case_no} {CASE_STATUS_LABELS[current.value]}，不能交付办理结果")
            received_by, name, shown_id, poa = self._check_identity(row, presented_id_number, agent, method)
            outstanding = [(m.name, m.deadline) for m in row.materials if m.status == MaterialStatus.DEFERRED.value]
            reason = (outstanding_reason or "").strip()
            if outstanding and len(reason) < 4:
                raise DeferredOutstanding(outstanding)
            lifecycle.check(current, CaseStatus.DELIVERED)
            row.status = CaseStatus.DELIVERED.value
            row.updated_at = now
            queue_delivered(s, case_uuid, method, now, event_uuid=key)
            record = Handover(case_uuid, row.case_no, key, now, method, received_by, name, shown_id, poa, tracking,
                              actor.username, actor.window, reason[:500] if outstanding else "")
            s.merge(KeyValueRow(key=HANDOVER_KEY.format(case_uuid=case_uuid),
                                value=json.dumps(record.to_json(), ensure_ascii=False)))
            audit.append(s, actor, audit.AuditAction.HANDOUT, case_uuid,
                         {"received_by": received_by, "method": method, "power_of_attorney": poa,
                          **({"outstanding_reason": reason[:500]} if outstanding else {})})
        self.ctx.events.publish(CaseHandedOver(case_uuid, record.case_no, method))
        return record

    @staticmethod
    def _check_identity(row: CaseRow, presented: str, agent: AgentInfo | None,
                        method: str) -> tuple[Literal["applicant", "agent", "post"], str, str, bool]:
        shown = normalise_id(presented or "")
        applicant_id = normalise_id(row.applicant_id_number or str((row.applicant or {}).get("id_number") or ""))
        if method == "post" and not shown:
            return "post", mask_name(row.applicant_name), "", False
        if not shown:
            raise IdentityMismatch("请先核验领取人的身份证件（输入或读取证件号码）")
        if shown == applicant_id and agent is None:
            return "applicant", mask_name(row.applicant_name), mask_id(shown), False
        if agent is None:
            raise IdentityMismatch("证件号码与申请人不一致，不能交付。如为他人代领，请登记代领人并查验授权委托书")
        if not agent.name.strip() or not normalise_id(agent.id_number):
            raise IdentityMismatch("代领须登记代领人姓名和证件号码")
        if normalise_id(agent.id_number) != shown:
            raise IdentityMismatch("出示的证件号码与登记的代领人不一致，不能交付")
        if shown == applicant_id:
            return "applicant", mask_name(row.applicant_name), mask_id(shown), False
        if not agent.power_of_attorney:
            raise IdentityMismatch("他人代领须出示申请人签署的授权委托书，未核验委托书不能交付")
        return "agent", mask_name(agent.name.strip()), mask_id(shown), True

    def outstanding(self, case_uuid: str) -> list[tuple[str, dt.date | None]]:
        """The deferred materials (容缺) of a case still not delivered: (name, promised date)."""
        case = self.ctx.intake.get(case_uuid)
        return [(m.name, m.deadline) for m in case.materials if m.status is MaterialStatus.DEFERRED]

    def handover_record(self, case_uuid: str) -> Handover | None:
        """The hand-over of a delivered case (None when not handed over on this workstation)."""
        with self.store.read() as s:
            row = s.get(KeyValueRow, HANDOVER_KEY.format(case_uuid=case_uuid))
            return Handover.from_json(json.loads(row.value)) if row else None
