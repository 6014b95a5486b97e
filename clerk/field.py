"""上门办 field mode: prepare a laptop for days offline, take cases with signatures, sync back safely.

    prepared = prepare_visit(ctx, client, operator="field01")   # online: catalog, visit list, prefill
    visits(ctx)                                   # the cached visit list (offline)
    view = start_visit(ctx, actor, visit_uuid)    # a draft prefilled from the visit and the history
    sign(ctx, view.case_uuid, png_bytes)          # the applicant's signature (PNG from the UI)
    accept_visit(ctx, actor, view.case_uuid)      # intake accept; the signature travels as a material
    result = sync_back(ctx, engine)               # back online: conflicts held, the rest pushed
    list_conflicts(ctx); resolve_conflict(ctx, engine, case_uuid, send_local=True)

The signature is stored in the page store and recorded as the material ``applicant_signature`` of the
case (a PNG file), so it is part of the case document and the sync engine PUTs it like any other
file (docs/api.md, "Signatures"). A case the back office changed while local events for it were
waiting is a conflict: those events are held (parked) and listed, never sent over the change silently.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from sqlalchemy import select

from clerk import clock
from clerk.errors import ClerkError
from clerk.events import CaseSaved, EventBus, SyncConflict, VisitsPrepared
from clerk.intake import lifecycle
from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, CaseView, MaterialStatus
from clerk.intake.service import CaseNotFound, IntakeService
from clerk.intake.validation import ValidationFailed
from clerk.materials.pagestore import PageStore
from clerk.materials.sniff import sniff
from clerk.security.actor import Actor, Permission
from clerk.settings import Settings
from clerk.store import Store
from clerk.store.models import BlobRow, CaseRow, FileRow, KeyValueRow, MaterialRow, OutboxRow
from clerk.sync.client import PermanentError, PlatformClient, SyncError
from clerk.sync.engine import CURSOR_KEY, PassResult, SyncEngine

VISITS_KEY = "field.visits"
PREFILL_KEY = "field.prefill.{visit_uuid}"
SIGNATURE_KEY = "signature.{case_uuid}"
CONFLICTS_KEY = "field.conflicts"

SIGNATURE_MATERIAL = "applicant_signature"
SIGNATURE_NAME = "申请人签名（上门办理）"
MAX_SIGNATURE_BYTES = 2 * 1024 * 1024



class FieldContext(Protocol):
    store: Store
    pages: PageStore
    events: EventBus
    intake: IntakeService
    settings: Settings

    @property
    def paths(self) -> Any: ...

    def replace_catalog(self, catalog: Any) -> None: ...


class FieldError(ClerkError, ValueError):
    """A field-mode step that cannot happen, with a plain Chinese message."""


@dataclass(frozen=True)
class VisitPlan:
    """One planned home visit (from the platform's visit list), with what was done on it here."""

    visit_uuid: str
    applicant: dict[str, Any]
    bundle_code: str
    address: str
    scheduled_for: dt.datetime
    note: str
    case_uuid: str | None = None
    state: str = "planned"
    """planned | started (a draft exists) | taken (accepted)"""


@dataclass(frozen=True)
class PreparedVisits:
    prepared_at: dt.datetime
    operator: str
    visits: tuple[VisitPlan, ...]
    catalog_updated: bool
    catalog_version: str


@dataclass(frozen=True)
class SignatureRef:
    case_uuid: str
    sha256: str
    size: int
    signer: str
    at: dt.datetime


@dataclass(frozen=True)
class Conflict:
    """Local events of a case the back office changed meanwhile: held until a person decides."""

    case_uuid: str
    case_no: str
    local_status: str
    platform_status: str
    platform_note: str
    platform_at: str
    outbox_ids: tuple[int, ...]
    event_types: tuple[str, ...]
    detected_at: str

    def line(self) -> str:
        local = CASE_STATUS_LABELS.get(self.local_status, self.local_status)
        return (f"{self.case_no}：本机待发送 {'、'.join(self.event_types)}，平台已改为“{self.platform_status}”"
                f"（{self.platform_note}），本机为“{local}”")


@dataclass
class SyncBackResult:
    result: PassResult
    conflicts: list[Conflict]


# -- preparing (online) --------------------------------------------------------------------------------
def fetch_visits(client: PlatformClient, operator: str | None = None) -> list[dict[str, Any]]:
    """``GET /api/v1/visits`` (docs/api.md); the caller's own list when ``operator`` is None."""
    params = {"operator": operator} if operator else {}
    try:
        _, body = client._request("GET", "/api/v1/visits", ok=(200,), params=params)
    except PermanentError as exc:
        if exc.status == 404:
            raise FieldError("平台不提供上门办理清单（/api/v1/visits），请联系管理员") from None
        raise
    data = client._json(body)
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise FieldError("平台的上门办理清单格式不对")
    return [i for i in items if isinstance(i, dict) and i.get("visit_uuid")]


def prepare_visit(ctx: FieldContext, client: PlatformClient, *, operator: str | None = None) -> PreparedVisits:
    """Pulls the catalog, the visit list and each visitor's history (prefill) into the local cache.

    Raises the client's ``SyncError`` kinds when the platform cannot be reached; nothing cached is
    replaced then. Call it while online; everything it stores is read offline afterwards.
    """
    engine = SyncEngine(ctx, client)
    catalog_updated = engine.refresh_catalog(force=True)
    engine.pull_updates()  # statuses as fresh as possible before going out
    items = fetch_visits(client, operator)
    return store_visits(ctx, items, operator=operator, catalog_updated=catalog_updated)


def store_visits(ctx: FieldContext, items: list[dict[str, Any]], *, operator: str | None = None,
                 catalog_updated: bool = False) -> PreparedVisits:
    """Keeps a visit list (the platform's, or the demo's two prepared visits) and each visitor's prefill."""
    now = clock.now()
    old = _load_json(ctx.store, VISITS_KEY) or {}
    done: dict[str, Any] = dict(old.get("cases") or {})
    plans: list[VisitPlan] = []
    prefills: dict[str, dict[str, Any]] = {}
    for it in items:
        applicant = dict(it.get("applicant") or {})
        plan = VisitPlan(str(it["visit_uuid"]), applicant, str(it.get("bundle_code") or ""),
                         str(it.get("address") or ""), dt.datetime.fromisoformat(str(it["scheduled_for"])),
                         str(it.get("note") or ""))
        plans.append(plan)
        prefills[plan.visit_uuid] = _prefill_of(ctx, plan)
    who = operator or _username(ctx) or ""
    doc = {"prepared_at": now.isoformat(), "operator": who,
           "items": [_plan_json(p) for p in plans], "cases": done}
    with ctx.store.write() as s:
        s.merge(KeyValueRow(key=VISITS_KEY, value=json.dumps(doc, ensure_ascii=False)))
        for visit_uuid, pre in prefills.items():
            s.merge(KeyValueRow(key=PREFILL_KEY.format(visit_uuid=visit_uuid), value=json.dumps(pre, ensure_ascii=False)))
    ctx.events.publish(VisitsPrepared(len(plans)))
    return PreparedVisits(now, who, tuple(visits(ctx)), catalog_updated, ctx.intake.catalog.version)


def _username(ctx: FieldContext) -> str | None:
    from clerk.sync.session import current_username

    return current_username(ctx)


def _prefill_of(ctx: FieldContext, plan: VisitPlan) -> dict[str, Any]:
    applicant = {k: v for k, v in plan.applicant.items() if v not in (None, "")}
    if plan.address and not applicant.get("address"):
        applicant["address"] = plan.address
    out: dict[str, Any] = {"applicant": applicant, "form": {}, "cases": [], "reusable": []}
    hist = ctx.intake.history(str(applicant.get("id_number") or ""), bundle_code=plan.bundle_code or None)
    if hist is None:
        return out
    out["applicant"] = {**hist.applicant, **applicant}
    out["form"] = dict(hist.form)
    out["cases"] = [{"case_uuid": c.case_uuid, "case_no": c.case_no, "status": c.status.value,
                     "bundle_code": c.bundle_code, "created_at": c.created_at.isoformat()} for c in hist.cases]
    out["reusable"] = [{"code": r.code, "name": r.name, "from_case_uuid": r.from_case_uuid,
                        "from_case_no": r.from_case_no, "files": [f.model_dump() for f in r.files]}
                       for r in hist.reusable]
    return out


def _plan_json(p: VisitPlan) -> dict[str, Any]:
    d = asdict(p)
    d["scheduled_for"] = p.scheduled_for.isoformat()
    return d


# -- offline reading -----------------------------------------------------------------------------------
def visits(ctx: FieldContext) -> list[VisitPlan]:
    """The cached visit list (scheduled order), with the case taken on each visit so far."""
    doc = _load_json(ctx.store, VISITS_KEY)
    if not doc:
        return []
    cases: dict[str, str] = doc.get("cases") or {}
    states: dict[str, str] = {}
    if cases:
        with ctx.store.read() as s:
            for u, st in s.execute(select(CaseRow.case_uuid, CaseRow.status)
                                   .where(CaseRow.case_uuid.in_(list(cases.values())))).all():
                states[u] = "started" if st in (CaseStatus.DRAFT.value, CaseStatus.NOTIFIED.value) else "taken"
    out = []
    for it in doc.get("items") or []:
        cu = cases.get(it["visit_uuid"])
        out.append(VisitPlan(it["visit_uuid"], dict(it["applicant"]), it["bundle_code"], it["address"],
                             dt.datetime.fromisoformat(it["scheduled_for"]), it["note"], cu,
                             states.get(cu, "planned") if cu else "planned"))
    return sorted(out, key=lambda v: v.scheduled_for)


def prepared_at(ctx: FieldContext) -> dt.datetime | None:
    doc = _load_json(ctx.store, VISITS_KEY)
    return dt.datetime.fromisoformat(doc["prepared_at"]) if doc else None


def prefill(ctx: FieldContext, visit_uuid: str) -> dict[str, Any]:
    """``{"applicant", "form", "cases", "reusable"}`` cached for a visit (empty parts when unknown)."""
    return _load_json(ctx.store, PREFILL_KEY.format(visit_uuid=visit_uuid)) or {
        "applicant": {}, "form": {}, "cases": [], "reusable": []}


def start_visit(ctx: FieldContext, actor: Actor, visit_uuid: str, situations: dict[str, str] | None = None) -> CaseView:
    """Opens (or reopens) the visit's draft, prefilled from the visit and the applicant's history."""
    actor.require(Permission.FIELD_VISIT)
    plan = next((v for v in visits(ctx) if v.visit_uuid == visit_uuid), None)
    if plan is None:
        raise FieldError("本机没有这次上门办理的安排（请先在有网络时准备上门清单）")
    if plan.case_uuid:
        try:
            return ctx.intake.get(plan.case_uuid)
        except CaseNotFound:
            pass
    pre = prefill(ctx, visit_uuid)
    view = ctx.intake.start_draft(actor, plan.bundle_code, situations,
                                  place={"kind": "visit", "address": plan.address, "visit_uuid": plan.visit_uuid})
    view = ctx.intake.save_draft(view.case_uuid, applicant=dict(pre.get("applicant") or {}),
                                 form=dict(pre.get("form") or {}))
    _set_visit_case(ctx.store, visit_uuid, view.case_uuid)
    return view


def _set_visit_case(store: Store, visit_uuid: str, case_uuid: str) -> None:
    with store.write() as s:
        row = s.get(KeyValueRow, VISITS_KEY)
        doc = json.loads(row.value) if row else {"items": [], "cases": {}}
        doc.setdefault("cases", {})[visit_uuid] = case_uuid
        s.merge(KeyValueRow(key=VISITS_KEY, value=json.dumps(doc, ensure_ascii=False)))


# -- signatures ------------------------------------------------------------------------------------------
def sign(ctx: FieldContext, case_uuid: str, png: bytes, *, signer: str = "applicant") -> SignatureRef:
    """Stores the signature (PNG bytes from the signing pad/UI) and records it on the draft as the
    ``applicant_signature`` material; a new signature replaces the earlier one."""
    if sniff(png[:32]) != "png":
        raise FieldError("签名图像应为 PNG 格式")
    if len(png) > MAX_SIGNATURE_BYTES:
        raise FieldError("签名图像太大（最多 2 MB）")
    if signer not in ("applicant", "agent"):
        raise FieldError("签名人应为申请人（applicant）或代办人（agent）")
    with ctx.store.read() as s:
        row = s.get(CaseRow, case_uuid)
        if row is None:
            raise CaseNotFound(case_uuid)
        _require_editable(row)
    blob = ctx.pages.put_bytes(png)
    now = clock.now()
    ref = SignatureRef(case_uuid, blob.sha256, blob.size, signer, now)
    with ctx.store.write() as s:
        row = s.get(CaseRow, case_uuid)
        if row is None:
            raise CaseNotFound(case_uuid)
        _require_editable(row)
        if s.get(BlobRow, blob.sha256) is None:
            s.add(BlobRow(sha256=blob.sha256, size=blob.size, media_type="image/png", created_at=now))
            s.flush()
        _attach_signature(row, ref)
        row.updated_at = now
        s.merge(KeyValueRow(key=SIGNATURE_KEY.format(case_uuid=case_uuid), value=json.dumps(
            {"sha256": ref.sha256, "size": ref.size, "signer": signer, "at": now.isoformat()})))
    ctx.events.publish(CaseSaved(case_uuid))
    return ref


def _require_editable(row: CaseRow) -> None:
    if CaseStatus(row.status) not in lifecycle.EDITABLE:
        raise FieldError(f"案件 {row.case_no} 已{CASE_STATUS_LABELS[row.status]}，签名须在受理前采集")


def _attach_signature(row: CaseRow, ref: SignatureRef) -> None:
    info = {"required": False, "signature": True, "signer": ref.signer, "file_types": ["png"]}
    file = FileRow(sha256=ref.sha256, size=ref.size, media_type="image/png", pages=1, position=0,
                   source_name=f"signature-{ref.signer}.png")
    mat = next((m for m in row.materials if m.code == SIGNATURE_MATERIAL), None)
    if mat is None:
        mat = MaterialRow(code=SIGNATURE_MATERIAL, name=SIGNATURE_NAME, note="", pages=[], files=[],
                          position=max((m.position for m in row.materials), default=-1) + 1)
        row.materials.append(mat)
    mat.status = MaterialStatus.PROVIDED.value
    mat.deadline = None
    mat.info = info
    mat.files = [file]  # an earlier signature's file row goes (delete-orphan); its blob is collected later


def signature_of(ctx: FieldContext, case_uuid: str) -> SignatureRef | None:
    d = _load_json(ctx.store, SIGNATURE_KEY.format(case_uuid=case_uuid))
    if not d:
        return None
    return SignatureRef(case_uuid, d["sha256"], int(d["size"]), d["signer"], dt.datetime.fromisoformat(d["at"]))


def signature_png(ctx: FieldContext, case_uuid: str) -> bytes | None:
    ref = signature_of(ctx, case_uuid)
    return ctx.pages.read(ref.sha256) if ref else None


def accept_visit(ctx: FieldContext, actor: Actor, case_uuid: str, *, commitment_signed: bool = False) -> CaseView:
    """Accepts a case taken on a visit; the applicant's signature is required and sent with it."""
    actor.require(Permission.FIELD_VISIT)
    ref = signature_of(ctx, case_uuid)
    if ref is None:
        raise ValidationFailed({SIGNATURE_MATERIAL: "上门受理须有申请人签名"})
    with ctx.store.write() as s:
        row = s.get(CaseRow, case_uuid)
        if row is None:
            raise CaseNotFound(case_uuid)
        sig = next((m for m in row.materials if m.code == SIGNATURE_MATERIAL), None)
        if sig is None or not any(f.sha256 == ref.sha256 for f in sig.files):
            _require_editable(row)
            _attach_signature(row, ref)  # the checklist was rebuilt since signing (situations changed)
    return ctx.intake.accept(actor, case_uuid, commitment_signed=commitment_signed)


# -- syncing back and conflicts ------------------------------------------------------------------------------
def sync_back(ctx: FieldContext, engine: SyncEngine, *, now: Callable[[], dt.datetime] = clock.now) -> SyncBackResult:
    """One sync pass that first holds local events of cases the back office changed meanwhile.

    Reads the case-updates feed ahead (without moving the saved cursor); a case with waiting local
    events and a real change on the platform becomes a ``Conflict`` (its events parked with a reason),
    then the engine pushes everything else and applies the updates as usual.
    """
    found: list[Conflict] = []
    pending = _pending_events(ctx.store)
    if pending:
        try:
            updates = _peek_updates(ctx.store, engine)
        except SyncError as exc:
            res = PassResult(errors=[exc.message])
            res.unreachable = bool(getattr(exc, "unreachable", False))
            res.needs_login = type(exc).__name__ == "AuthError"
            return SyncBackResult(res, [])
        found = _hold_conflicts(ctx, pending, updates, now().isoformat())
        for c in found:
            ctx.events.publish(SyncConflict(c))
    result = engine.run_once()
    return SyncBackResult(result, found)


def _pending_events(store: Store) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    with store.read() as s:
        for item_id, case_uuid, payload in s.execute(
                select(OutboxRow.id, OutboxRow.case_uuid, OutboxRow.payload)
                .where(OutboxRow.kind == "event", OutboxRow.state == "pending").order_by(OutboxRow.id)).all():
            if case_uuid:
                out.setdefault(case_uuid, []).append((item_id, str((payload or {}).get("type") or "event")))
    return out


def _peek_updates(store: Store, engine: SyncEngine) -> dict[str, list[tuple[str, str, str]]]:
    with store.read() as s:
        row = s.get(KeyValueRow, CURSOR_KEY)
        cursor = row.value if row else None
    out: dict[str, list[tuple[str, str, str]]] = {}
    for _ in range(10_000):
        page = engine.client.get_updates(cursor, engine.updates_page)
        for u in page.items:
            out.setdefault(u.case_uuid, []).append((u.status, u.note, u.at))
        if len(page.items) < engine.updates_page or not page.items or page.next == cursor:
            break
        cursor = page.next
    return out


def _is_change(local: CaseStatus, platform_status: str) -> bool:
    target = lifecycle.PLATFORM_STATUS.get(platform_status)
    if target is None or target is local:
        return False
    return not (local is CaseStatus.ACCEPTED and target is CaseStatus.RECEIVED)


def _hold_conflicts(ctx: FieldContext, pending: dict[str, list[tuple[int, str]]],
                    updates: dict[str, list[tuple[str, str, str]]], detected_at: str) -> list[Conflict]:
    found: list[Conflict] = []
    with ctx.store.write() as s:
        kv = s.get(KeyValueRow, CONFLICTS_KEY)
        known: dict[str, Any] = json.loads(kv.value) if kv else {}
        for case_uuid, items in pending.items():
            ups = updates.get(case_uuid)
            row = s.get(CaseRow, case_uuid)
            if not ups or row is None:
                continue
            local = CaseStatus(row.status)
            changes = [u for u in ups if _is_change(local, u[0])]
            if not changes:
                continue
            status, note, at = changes[-1]
            ids = [i for i, _ in items]
            for item_id in ids:
                out = s.get(OutboxRow, item_id)
                if out is not None and out.state == "pending":
                    out.state = "parked"
                    out.next_attempt_at = None
                    out.last_error = (f"冲突：平台在此期间已将案件改为“{status}”（{note}），本机的操作未发送，"
                                      "请核对后选择发送或放弃")[:2000]
            prev = known.get(case_uuid) or {}
            c = Conflict(case_uuid, row.case_no, local.value, status, note, at,
                         tuple(sorted(set(prev.get("outbox_ids", [])) | set(ids))),
                         tuple(dict.fromkeys([*prev.get("event_types", []), *(t for _, t in items)])), detected_at)
            known[case_uuid] = {**asdict(c), "outbox_ids": list(c.outbox_ids), "event_types": list(c.event_types)}
            found.append(c)
        if found:
            s.merge(KeyValueRow(key=CONFLICTS_KEY, value=json.dumps(known, ensure_ascii=False)))
    return found


def list_conflicts(ctx: FieldContext) -> list[Conflict]:
    """Cases whose local events are held because the back office changed them meanwhile."""
    known = _load_json(ctx.store, CONFLICTS_KEY) or {}
    return [Conflict(**{**d, "outbox_ids": tuple(d["outbox_ids"]), "event_types": tuple(d["event_types"])})
            for d in sorted(known.values(), key=lambda d: d["detected_at"])]


def resolve_conflict(ctx: FieldContext, engine: SyncEngine, case_uuid: str, *, send_local: bool,
                     reason: str = "", operator: str = "") -> None:
    """A person decided: send the held events after all (``send_local``) or give them up (reason ≥ 4 chars)."""
    known = _load_json(ctx.store, CONFLICTS_KEY) or {}
    entry = known.get(case_uuid)
    if entry is None:
        raise LookupError(f"案件 {case_uuid} 没有待处理的冲突")
    if not send_local and len(reason.strip()) < 4:
        raise ValueError("放弃本机操作须写明理由（至少 4 个字）")
    for item_id in entry["outbox_ids"]:
        try:
            if send_local:
                engine.retry(item_id)
            else:
                engine.discard(item_id, f"同步冲突：{reason.strip()}", operator)
        except LookupError:
            continue  # already resolved through the problems view
    with ctx.store.write() as s:
        kv = s.get(KeyValueRow, CONFLICTS_KEY)
        current = json.loads(kv.value) if kv else {}
        current.pop(case_uuid, None)
        s.merge(KeyValueRow(key=CONFLICTS_KEY, value=json.dumps(current, ensure_ascii=False)))


def _load_json(store: Store, key: str) -> Any:
    with store.read() as s:
        row = s.get(KeyValueRow, key)
        if row is None:
            return None
        try:
            return json.loads(row.value)
        except ValueError:
            return None
