"""一窗出件 — result hand-out at the comprehensive window: pickup list, SMS, identity check, delivered.

    svc = HandoutService(ctx)                       # ctx: AppContext (store, intake, events, paths, settings)
    svc.pickup_list()                                # cases ready for pickup, oldest first
    svc.notify_applicant(case_uuid)                  # "results ready" SMS through the gateway plug-in
    svc.find_for_handout(barcode_or_case_no_or_id)   # the cases that text opens
    svc.hand_over(actor, case_uuid, "230102…", agent=AgentInfo(...))   # → Handover, matters delivered
    svc.hand_over(actor, case_uuid, "230102…", matters=["birth_hukou_registration"])  # some of them

A case's matters come back one by one (each department returns its own result at its own time): the
pickup list shows a case as soon as one matter is ready, with the ready matters, and ``hand_over``
hands over the ready matters (or the ones named) and keeps the others waiting — one hand-over record
(one 送达回证) per hand-over. It checks the presented ID number against the applicant's (or an
agent's, with a power of attorney), moves each handed-over matter to ``delivered`` through the
lifecycle (the case's status follows from its matters), records the hand-over and queues the
contract's ``delivered`` event in one transaction. The event names the matters and, for a posting
(EMS), the waybill number ``tracking_no`` (API 1.1; a v1 platform gets neither, and only the hand-over
that completes the case is sent to it).
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
from clerk.intake import matters as matter_rows
from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, CaseView
from clerk.intake.service import CaseNotFound, IntakeService
from clerk.security import audit
from clerk.security.actor import Actor, Permission
from clerk.security.masking import mask_id, mask_name, mask_phone
from clerk.settings import Settings
from clerk.sms import LogSmsGateway, SmsGateway, SmsRecord
from clerk.store import Store
from clerk.store.models import CaseMatterRow, CaseRow, KeyValueRow
from clerk.sync.outbox import queue_delivered

HANDOVER_KEY = "handout.{case_uuid}"
"""The latest hand-over of a case (the one before matters had their own: the only one)."""
HANDOVERS_KEY = "ho.{case_uuid}.{event_uuid}"
"""Every hand-over of a case, by its event."""
NOTIFIED_KEY = "handout.notified.{case_uuid}"

HANDABLE = matter_rows.HANDABLE
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
    ready_matters: tuple[str, ...] = ()
    """Codes of the matters whose results wait here (every matter of a case without matter rows)."""
    ready_matter_names: tuple[str, ...] = ()
    waiting_matters: tuple[str, ...] = ()
    """Codes of the matters still with their departments."""


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
    matters: tuple[str, ...] = ()
    """The matters handed over this time (empty: the whole case, before matters had their own)."""
    matter_names: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat()
        d["matters"], d["matter_names"] = list(self.matters), list(self.matter_names)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Handover:
        return cls(**{**d, "at": dt.datetime.fromisoformat(d["at"]), "matters": tuple(d.get("matters") or ()),
                      "matter_names": tuple(d.get("matter_names") or ())})


def normalise_id(number: str) -> str:
    return "".join(number.split()).upper()


class HandoutService:
    def __init__(self, ctx: HandoutContext, sms: SmsGateway | None = None) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.sms: SmsGateway = sms or LogSmsGateway(ctx.paths.data_dir / "sms.jsonl")

    # -- lists -------------------------------------------------------------------------------------
    def pickup_list(self, limit: int = 500) -> list[PickupItem]:
        """Cases with results waiting at the window (待领取) — as soon as one matter is ready — with the
        ready matters, the longest waiting first."""
        ready = CaseStatus.READY_FOR_PICKUP.value
        with self.store.read() as s:
            with_ready = select(CaseMatterRow.case_uuid).where(CaseMatterRow.status == ready)
            rows = s.execute(select(CaseRow).where(or_(CaseRow.status == ready, CaseRow.case_uuid.in_(with_ready)))
                             .order_by(CaseRow.platform_updated_at, CaseRow.updated_at).limit(limit)).scalars().all()
            notified = self._notified(s, [r.case_uuid for r in rows])
            items = []
            for r in rows:
                waiting_here = matter_rows.ready(r)
                if r.matter_rows:
                    codes = tuple(m.code for m in waiting_here)
                    names = tuple(m.name for m in waiting_here)
                    since = max((m.status_at for m in waiting_here if m.status_at), default=None)
                    pending = tuple(m.code for m in r.matter_rows
                                    if CaseStatus(m.status) not in (CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED))
                else:
                    codes, names, since, pending = self._whole_case(r), (), None, ()
                items.append(PickupItem(r.case_uuid, r.case_no, r.bundle_code, mask_name(r.applicant_name),
                                        mask_phone(r.applicant_phone), CaseStatus(r.status),
                                        since or r.platform_updated_at or r.updated_at, notified.get(r.case_uuid),
                                        str((r.delivery or {}).get("method") or "window"), codes, names, pending))
        return sorted(items, key=lambda i: i.ready_since)

    def _whole_case(self, row: CaseRow) -> tuple[str, ...]:
        """The matters of a case that has no matter rows (accepted before they existed)."""
        try:
            return tuple(m.code for m in self.ctx.intake.merged(row).matters)
        except Exception:  # noqa: BLE001 - the catalog no longer has the bundle: no names to list
            return ()

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
        ready = [m for m in case.matters if m.status in HANDABLE]
        if case.status not in HANDABLE and not ready:
            raise NotReady(f"案件 {case.case_no} {CASE_STATUS_LABELS[case.status]}，还没有可领取的办理结果")
        hall = self.ctx.settings.hall
        if case.delivery.method == "post":
            how = "将邮寄至您登记的地址"
        else:
            how = f"请携带申请人身份证件到综合窗口领取（{hall.office_hours}），他人代领须带授权委托书"
        partly = case.status not in HANDABLE
        what = f"中的“{'”“'.join(m.name for m in ready)}”" if partly else ""
        message = f"【{hall.name}】您办理的“{case.bundle_name}”{what}（受理编号 {case.case_no}）已办结，{how}。"
        record = self.sms.send(case.applicant.phone, message, case_uuid=case_uuid)
        with self.store.write() as s:
            s.merge(KeyValueRow(key=NOTIFIED_KEY.format(case_uuid=case_uuid),
                                value=json.dumps({"at": clock.now().isoformat(), "phone": record.phone})))
        self.ctx.events.publish(ApplicantNotified(case_uuid, record))
        return record

    # -- the hand-over -------------------------------------------------------------------------------
    def hand_over(self, actor: Actor, case_uuid: str, presented_id_number: str, *, agent: AgentInfo | None = None,
                  method: Literal["window", "post"] = "window", tracking_no: str | None = None,
                  event_uuid: str | None = None, matters: list[str] | None = None) -> Handover:
        """Hands the results of ``matters`` over (None: every matter whose results are here); the other
        matters keep waiting. Raises ``IdentityMismatch``, ``NotReady`` or ``HandoutError``."""
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
            if row.matter_rows:
                handing = self._matters_to_hand(row, matters)
            else:
                if matters:
                    raise HandoutError(f"案件 {row.case_no} 按整件办理（受理时尚未按事项登记），不能只交付部分事项")
                if current not in HANDABLE or not lifecycle.can(current, CaseStatus.DELIVERED):
                    raise NotReady(f"案件 {row.case_no} {CASE_STATUS_LABELS[current.value]}，不能交付办理结果")
                handing = []
            received_by, name, shown_id, poa = self._check_identity(row, presented_id_number, agent, method)
            if handing:
                for m in handing:
                    matter_rows.move(row, m, CaseStatus.DELIVERED, "已交付申请人", now)
            else:
                lifecycle.check(current, CaseStatus.DELIVERED)
                row.status = CaseStatus.DELIVERED.value
            row.updated_at = now
            complete = CaseStatus(row.status) is CaseStatus.DELIVERED
            codes = [m.code for m in handing]
            queue_delivered(s, case_uuid, method, now, event_uuid=key, matters=codes or None,
                            waybill_no=tracking if method == "post" else None, completes_case=complete)
            record = Handover(case_uuid, row.case_no, key, now, method, received_by, name, shown_id, poa, tracking,
                              actor.username, actor.window, tuple(codes), tuple(m.name for m in handing))
            value = json.dumps(record.to_json(), ensure_ascii=False)
            s.merge(KeyValueRow(key=HANDOVER_KEY.format(case_uuid=case_uuid), value=value))
            s.merge(KeyValueRow(key=HANDOVERS_KEY.format(case_uuid=case_uuid, event_uuid=key), value=value))
            audit.append(s, actor, audit.AuditAction.HANDOUT, case_uuid,
                         {"received_by": received_by, "method": method, "power_of_attorney": poa,
                          **({"matters": codes} if codes else {})})
        self.ctx.events.publish(CaseHandedOver(case_uuid, record.case_no, method))
        return record

    @staticmethod
    def _matters_to_hand(row: CaseRow, codes: list[str] | None) -> list[CaseMatterRow]:
        """The matters this hand-over delivers: the named ones (each must be ready) or all ready ones."""
        by_code = {m.code: m for m in row.matter_rows}
        if codes is not None:
            if not codes:
                raise HandoutError("请至少选择一个要交付的事项")
            unknown = [c for c in codes if c not in by_code]
            if unknown:
                raise HandoutError(f"案件 {row.case_no} 没有事项 {unknown[0]}（事项：{'、'.join(by_code)}）")
            for c in codes:
                st = CaseStatus(by_code[c].status)
                if st not in HANDABLE:
                    raise NotReady(f"“{by_code[c].name}”{CASE_STATUS_LABELS[st.value]}，还不能交付")
        handing = matter_rows.handable(row, codes)
        if not handing:
            raise NotReady(f"案件 {row.case_no} {CASE_STATUS_LABELS[row.status]}，没有可交付的办理结果")
        return handing

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

    def handover_record(self, case_uuid: str) -> Handover | None:
        """The latest hand-over of a case (None when not handed over on this workstation)."""
        with self.store.read() as s:
            row = s.get(KeyValueRow, HANDOVER_KEY.format(case_uuid=case_uuid))
            return Handover.from_json(json.loads(row.value)) if row else None

    def handovers(self, case_uuid: str) -> list[Handover]:
        """Every hand-over of a case on this workstation, the first first (one 送达回证 each)."""
        prefix = HANDOVERS_KEY.format(case_uuid=case_uuid, event_uuid="")
        with self.store.read() as s:
            rows = s.execute(select(KeyValueRow).where(KeyValueRow.key.startswith(prefix, autoescape=True))).scalars().all()
            records = [Handover.from_json(json.loads(r.value)) for r in rows]
        if not records:
            latest = self.handover_record(case_uuid)
            return [latest] if latest else []
        return sorted(records, key=lambda h: h.at)
