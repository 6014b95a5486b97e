"""The intake service: a case from the first keystroke to accept / notify / reject.

Drafts are saved as they are typed (raw values, nothing lost); checks run in full on accept. An
accepted case, its material records and its outbox row are written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerk import clock
from clerk.catalog import eligibility
from clerk.catalog.merge import MatterChoiceError, MergedForm, SituationError, merge
from clerk.catalog.schema import Bundle, Catalog
from clerk.errors import ClerkError
from clerk.events import CaseAccepted, CaseNotified, CaseRejected, CaseSaved, EventBus
from clerk.intake import lifecycle, search
from clerk.intake import matters as matter_rows
from clerk.intake.matters import checked_merge, matter_view, merge_row, stored_answers
from clerk.intake.model import (
    CaseMaterial,
    CaseStatus,
    CaseView,
    Delivery,
    FileRef,
    MaterialStatus,
    MatterView,
    Person,
)
from clerk.intake.numbers import next_case_no
from clerk.intake.request import TICKET_RE, WINDOW_RE, IntakeRequest
from clerk.intake.validation import (
    Problems,
    ValidationFailed,
    check_delivery,
    check_form,
    check_person,
    check_region,
    check_text,
    shown,
)
from clerk.intake.workdays import WorkCalendar
from clerk.security import audit
from clerk.security.actor import Actor, Permission
from clerk.settings import Settings
from clerk.store import Store
from clerk.store.models import CaseRow, FileRow, MaterialRow, OutboxRow

if TYPE_CHECKING:
    from clerk.intake.document import IntakeResult


class CaseNotFound(ClerkError, LookupError):
    def __init__(self, key: str) -> None:
        super().__init__(f"找不到案件 {key}")


class NotEditable(ClerkError, ValueError):
    pass


@dataclass(frozen=True)
class CaseSummary:
    case_uuid: str
    case_no: str
    status: CaseStatus
    bundle_code: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    created_at: dt.datetime
    due_date: dt.date | None
    ticket_no: str | None


@dataclass(frozen=True)
class ReusableMaterial:
    """A material on file from an earlier case that is still valid (智能预填 of materials)."""

    code: str
    name: str
    from_case_uuid: str
    from_case_no: str
    files: tuple[FileRef, ...]
    accepted_at: dt.datetime


@dataclass(frozen=True)
class History:
    applicant: dict[str, Any]
    form: dict[str, Any]
    cases: tuple[CaseSummary, ...]
    reusable: tuple[ReusableMaterial, ...]


APPLICANT_FIELDS: dict[str, str] = {
    "applicant_name": "name",
    "applicant_id_number": "id_number",
    "applicant_phone": "phone",
    "applicant_address": "address",
    "legal_rep_name": "legal_representative",
}
"""Form fields that repeat the applicant block: filled from it, so the clerk types a datum once."""

FILL_IF_EMPTY: dict[str, str] = {"contact_phone": "phone"}
"""Form fields that usually equal the applicant's value but may differ (经办人电话)."""


def derived_form(form: dict[str, Any], applicant: dict[str, Any], persons: dict[str, Any],
                 merged: MergedForm) -> dict[str, Any]:
    """The form as it is checked and sent: the applicant's fields and every linked person's filled in
    (``clerk.intake.persons``), and the older by-code applicant fields (``derive_form``)."""
    from clerk.intake import persons as persons_

    types = {f.code: f.type.value for f in merged.fields}
    return persons_.fill_persons(derive_form(form, applicant, types), applicant, persons, merged)


def derive_form(form: dict[str, Any], applicant: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """The form with the fields that repeat the applicant block filled in from it.

    ``fields`` maps the merged form's field codes to their types; an ID number is copied only into a
    field of its own kind (a credit code never lands in a 身份证 field).
    """
    out = dict(form)
    id_kind = "uscc" if applicant.get("id_type") == "uscc" else "cn_ric" if applicant.get("id_type", "cn_ric") == "cn_ric" else None
    for code, key in APPLICANT_FIELDS.items():
        if code not in fields or not applicant.get(key):
            continue
        if key == "id_number" and fields[code] != id_kind:
            continue
        out[code] = applicant[key]
    for code, key in FILL_IF_EMPTY.items():
        if code in fields and not out.get(code) and applicant.get(key):
            out[code] = applicant[key]
    return out


LICENCE_INFO_KEYS = ("licence", "licence_pending", "shared_check", "licence_refused")
"""What ``clerk.elicence`` records in a material's info: the fetched licence (number, type, issuer,
validity, sha256), 待核验电子证照, the 数据共享核验 answer."""
_MATERIAL_INFO_KEYS = ("required", "deferrable", "e_license", "originals", "copies", "why", "source", "paper_check")


class IntakeService:
    def __init__(
        self,
        store: Store,
        catalog: Callable[[], Catalog],
        settings: Settings,
        events: EventBus | None = None,
        calendar: WorkCalendar | None = None,
        *,
        require_files_for_provided: bool = True,
        before_accept: Callable[[str], object] | None = None,
    ) -> None:
        self.store = store
        self._catalog = catalog
        self.settings = settings
        self.events = events or EventBus()
        self._calendar = calendar
        self.require_files_for_provided = require_files_for_provided
        self.before_accept = before_accept
        """Runs before acceptance is checked (outside the transaction): builds the upload PDFs."""

    @property
    def licence_lookup(self) -> bool:
        """A platform is configured: e-licences are looked up (``clerk.elicence``), a tick alone is 待核验."""
        return bool(self.settings.platform_url)

    # -- catalog -------------------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        return self._catalog()

    @property
    def calendar(self) -> WorkCalendar:
        return self._calendar or WorkCalendar(self.catalog.holidays)

    def bundle(self, code: str) -> Bundle:
        try:
            return self.catalog.bundle(code)
        except KeyError:
            raise ValidationFailed({"bundle_code": f"事项目录中没有“{code}”这一件事"}) from None

    def merged(self, row: CaseRow) -> MergedForm:
        """The case's form and checklist: its bundle under its answers and its chosen matters."""
        return merge_row(self.bundle(row.bundle_code), row)

    def eligibility(self, case_uuid: str) -> list[eligibility.EligibilityFailure]:
        """The bundle's conditions (办理条件) that fail for what the draft holds so far: the window
        shows them as soon as the fields they read are filled (undecided ones do not fail)."""
        with self.store.read() as s:
            row = self._load(s, case_uuid)
            merged = self.merged(row)
            form = derived_form(row.form, row.applicant, row.persons or {}, merged)
            return eligibility.check(merged, form=form, applicant_kind=row.applicant_kind, today=clock.today())

    # -- drafts --------------------------------------------------------------------------------
    def start_draft(
        self,
        actor: Actor,
        bundle_code: str,
        situations: Mapping[str, str | list[str]] | None = None,
        *,
        ticket_no: str | None = None,
        applicant: dict[str, Any] | None = None,
        place: dict[str, str] | None = None,
        matters: list[str] | None = None,
        region: str | None = None,
    ) -> CaseView:
        """Opens a new draft with its case number (the number is never reused). ``matters``: the
        applicant's choice (None: every matter the answers switch on); ``region``: the handling
        region when it is not the hall's (异地代收代办).

        ``place``: where it is taken — ``{"kind": "visit", "address": …}`` on a home visit (上门办理; the
        receipt says so); at the window by default.
        """
        actor.require(Permission.INTAKE)
        bundle = self.bundle(bundle_code)
        merged = checked_merge(bundle, dict(situations) if situations is not None else None, matters, applicant_kind=(applicant or {}).get("kind"))
        with self.store.write() as s:
            row = self._new_row(s, actor, bundle, merged, ticket_no=ticket_no, applicant=applicant, region=region)
            if place:
                row.place = {k: str(v)[:300] for k, v in place.items()}
            view = self._view(row)
        self.events.publish(CaseSaved(view.case_uuid))
        return view

    def _new_row(self, s: Session, actor: Actor, bundle: Bundle, merged: MergedForm, *, ticket_no: str | None,
                 applicant: dict[str, Any] | None = None, case_uuid: str | None = None,
                 region: str | None = None) -> CaseRow:
        """A new draft row with its case number, added to ``s`` (window and ticket checked by pattern:
        they become part of the case number and the platform document)."""
        window = actor.window or self.settings.window
        problems: Problems = {}
        if not WINDOW_RE.fullmatch(window):
            problems["window"] = f"窗口号应为 1 至 8 位大写字母或数字（如 W03），而不是 {shown(window)}"
        if ticket_no is not None and not TICKET_RE.fullmatch(ticket_no):
            problems["ticket_no"] = f"排队号应为 1 至 16 位大写字母或数字（如 A012），而不是 {shown(ticket_no)}"
        handling = ""
        if region:
            handling, problem = check_region(region)
            if problem:
                problems["region"] = problem
        if problems:
            raise ValidationFailed(problems)
        now = clock.now()
        kind = str((applicant or {}).get("kind") or bundle.applicant_kinds[0].value)
        row = CaseRow(
            case_uuid=case_uuid or str(uuid.uuid4()),
            case_no=next_case_no(s, self.settings.hall.org_code, window, now.date()),
            status=CaseStatus.DRAFT.value,
            bundle_code=bundle.code,
            catalog_version=self.catalog.version,
            situations=stored_answers(merged.answers),
            applicant={"kind": kind, "id_type": "uscc" if kind == "enterprise" else "cn_ric", **(applicant or {})},
            agent=None,
            form={},
            delivery={"method": "window"},
            created_at=now,
            updated_at=now,
            operator=actor.username,
            window=window,
            org_code=self.settings.hall.org_code,
            device_id=self.settings.device_id,
            ticket_no=ticket_no,
            applicant_kind=kind,
            chosen_matters=None if len(merged.matters) == len(merged.available) else list(merged.chosen),
            handling_region=handling,
        )
        self._index_applicant(row)
        s.add(row)
        self._sync_materials(row, merged)
        s.flush()
        return row

    def save_draft(
        self,
        case_uuid: str,
        *,
        situations: Mapping[str, str | list[str]] | None = None,
        applicant: dict[str, Any] | None = None,
        agent: dict[str, Any] | None | bool = False,
        form: dict[str, Any] | None = None,
        delivery: dict[str, Any] | None = None,
        commitment_signed: bool | None = None,
        persons: dict[str, str] | None = None,
        matters: list[str] | None | bool = False,
        region: str | None = None,
    ) -> CaseView:
        """Autosave: stores what was typed as it is (checked on accept). ``agent=None`` removes the agent.

        ``commitment_signed`` records (or withdraws) the applicant's signed 告知承诺书 on the draft.
        ``persons`` links other persons of the form to someone already on the case (``{"father":
        "applicant"}``: 同申请人; ``""`` unlinks): their fields are filled from that person from now on.
        ``matters``: the applicant's choice of matters (None: all that apply; False: unchanged) — the
        checklist follows it at once; ``region``: the handling region ("" for the hall's own).
        """
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            self._editable(row)
            self._apply(row, situations=situations, applicant=applicant, agent=agent, form=form, delivery=delivery,
                        commitment_signed=commitment_signed, persons=persons, matters=matters, region=region)
            view = self._view(row)
        self.events.publish(CaseSaved(case_uuid))
        return view

    def _apply(self, row: CaseRow, *, situations: Mapping[str, str | list[str]] | None = None, applicant: dict[str, Any] | None = None,
               agent: dict[str, Any] | None | bool = False, form: dict[str, Any] | None = None,
               delivery: dict[str, Any] | None = None, commitment_signed: bool | None = None,
               persons: dict[str, str] | None = None,
               matters: list[str] | None | bool = False, region: str | None = None) -> None:
        bundle = self.bundle(row.bundle_code)
        if situations is not None or matters is not False:
            answers = {**row.situations, **(situations or {})}
            chosen = row.chosen_matters if matters is False else (list(matters) if isinstance(matters, list) else None)
            if matters is False and chosen is not None:  # answers changed: keep the choices that still apply
                try:
                    here = {m.code for m in merge(bundle, answers, applicant_kind=row.applicant_kind).available}
                except SituationError as exc:
                    raise ValidationFailed({f"situations.{k}": v for k, v in exc.problems.items()}) from exc
                chosen = [c for c in chosen if c in here] or None
            merged = checked_merge(bundle, answers, chosen, applicant_kind=row.applicant_kind)
            row.situations = stored_answers(merged.answers)
            row.chosen_matters = None if len(merged.matters) == len(merged.available) else list(merged.chosen)
            self._sync_materials(row, merged)
        if region is not None:
            handling = ""
            if region.strip():
                handling, problem = check_region(region)
                if problem:
                    raise ValidationFailed({"region": problem})
            row.handling_region = handling
        if applicant is not None:
            row.applicant = {**row.applicant, **{k: v for k, v in applicant.items()}}
            self._index_applicant(row)
        if agent is not False:
            row.agent = dict(agent) if isinstance(agent, dict) else None
        if form is not None:
            row.form = {**row.form, **form}
        if persons is not None:
            from clerk.intake import persons as persons_

            merged_now = self.merged(row)
            links = {k: v for k, v in {**(row.persons or {}), **persons}.items() if v}
            row.persons = persons_.clean_links(merged_now, links)
        if form is not None or applicant is not None or situations is not None or persons is not None \
                or matters is not False:
            row.form = derived_form(row.form, row.applicant, row.persons or {}, self.merged(row))
        if delivery is not None:
            row.delivery = {**row.delivery, **delivery}
        if commitment_signed is not None:
            row.commitment_signed_at = clock.now() if commitment_signed else None
        row.updated_at = clock.now()

    def set_material(
        self,
        case_uuid: str,
        code: str,
        status: MaterialStatus | str,
        *,
        deadline: dt.date | None = None,
        note: str | None = None,
    ) -> CaseView:
        status = MaterialStatus(status)
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            self._editable(row)
            self._set_material(row, code, status, deadline=deadline, note=note)
            row.updated_at = clock.now()
            view = self._view(row)
        self.events.publish(CaseSaved(case_uuid))
        return view

    def latest_deadline(self, deferral_days: int) -> dt.date:
        """The last day a deferred material may be promised for: ``deferral_days`` working days from today."""
        return self.calendar.add_working_days(clock.today(), deferral_days)

    def deadline_problem(self, deferral_days: int, deadline: dt.date) -> str | None:
        """Why a promised date (容缺后补期限) cannot be taken: not after today, or past the catalog's period."""
        today = clock.today()
        if deadline <= today:
            return f"后补期限 {deadline.isoformat()} 应在今天（{today.isoformat()}）之后"
        latest = self.latest_deadline(deferral_days)
        if deadline > latest:
            return (f"后补期限 {deadline.isoformat()} 超出了目录规定的 {deferral_days} 个工作日"
                    f"（最晚 {latest.isoformat()}）")
        return None

    def _set_material(self, row: CaseRow, code: str, status: MaterialStatus, *, deadline: dt.date | None = None,
                      note: str | None = None) -> None:
        mat = self._material(row, code)
        info = mat.info
        if status is MaterialStatus.DEFERRED and not info.get("deferrable"):
            raise ValidationFailed({f"materials.{code}": f"“{mat.name}”不在容缺受理范围内，不能后补"})
        if status is MaterialStatus.E_LICENSE and not info.get("e_license") and not info.get("shared_check"):
            raise ValidationFailed({f"materials.{code}": f"“{mat.name}”不能通过电子证照免提交"})
        if status is MaterialStatus.ORIGINAL_CHECKED and not info.get("paper_check"):
            raise ValidationFailed({f"materials.{code}": f"“{mat.name}”须扫描或导入，目录不允许只核验原件"})
        if status is MaterialStatus.E_LICENSE and info.get("licence_refused"):
            raise ValidationFailed({f"materials.{code}": f"“{mat.name}”调用电子证照的结果是“{info['licence_refused']}”，"
                                                         "不能免提交，请另选状态"})
        if status is not MaterialStatus.E_LICENSE and (info.get("licence") or info.get("licence_pending")):
            mat.info = info = {k: v for k, v in info.items() if k not in ("licence", "licence_pending")}
            mat.files = [f for f in mat.files if not f.source_name.startswith("e_license:")]
        elif (status is MaterialStatus.E_LICENSE and self.licence_lookup and info.get("licence_type")
              and not info.get("licence")):
            mat.info = info = {**info, "licence_pending": True}  # a tick is 待核验: fetched at sync, never waived
        days = int(info.get("deferral_days", 10))
        if status is MaterialStatus.DEFERRED and deadline is not None:
            problem = self.deadline_problem(days, deadline)
            if problem:
                raise ValidationFailed({f"materials.{code}.deadline": problem})
        mat.status = status.value
        if status is MaterialStatus.DEFERRED:
            mat.deadline = deadline or self.latest_deadline(days)
        else:
            mat.deadline = None
        if note is not None:
            text, problem = check_text(note, max_length=500, multiline=True)
            if problem:
                raise ValidationFailed({f"materials.{code}.note": problem})
            mat.note = text

    def attach_files(self, case_uuid: str, code: str, files: list[tuple[FileRef, str]]) -> CaseView:
        """Records files already in the page store under a material and marks it provided."""
        from clerk.store.models import BlobRow

        with self.store.write() as s:
            row = self._load(s, case_uuid)
            self._editable(row)
            mat = self._material(row, code)
            pos = len(mat.files)
            for ref, source_name in files:
                if s.get(BlobRow, ref.sha256) is None:
                    s.add(BlobRow(sha256=ref.sha256, size=ref.size, media_type=ref.media_type, created_at=clock.now()))
                mat.files.append(FileRow(sha256=ref.sha256, size=ref.size, media_type=ref.media_type,
                                         pages=ref.pages, position=pos, source_name=source_name[:260]))
                pos += 1
            mat.status = MaterialStatus.PROVIDED.value
            mat.deadline = None
            row.updated_at = clock.now()
            view = self._view(row)
        self.events.publish(CaseSaved(case_uuid))
        return view

    def remove_file(self, case_uuid: str, code: str, sha256: str) -> CaseView:
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            self._editable(row)
            mat = self._material(row, code)
            mat.files = [f for f in mat.files if f.sha256 != sha256]
            if not mat.files and mat.status == MaterialStatus.PROVIDED.value:
                mat.status = MaterialStatus.MISSING.value
            view = self._view(row)
        self.events.publish(CaseSaved(case_uuid))
        return view

    # -- history and prefill ---------------------------------------------------------------------
    def history(self, id_number: str, *, bundle_code: str | None = None) -> History | None:
        """An applicant seen before: latest data for prefill (智能预填) and still-valid materials."""
        id_number = id_number.strip().upper()
        if not id_number:
            return None
        with self.store.read() as s:
            rows = list(
                s.execute(
                    select(CaseRow)
                    .where(CaseRow.applicant_id_number == id_number)
                    .order_by(CaseRow.created_at.desc())
                    .limit(50)
                    .options(selectinload(CaseRow.materials).selectinload(MaterialRow.files))
                ).scalars()
            )
            if not rows:
                return None
            latest = next((r for r in rows if r.status != CaseStatus.DRAFT.value), rows[0])
            today = clock.today()
            reusable: dict[str, ReusableMaterial] = {}
            for r in rows:
                if r.accepted_at is None:
                    continue
                for m in r.materials:
                    if m.status != MaterialStatus.PROVIDED.value or not m.files or m.code in reusable:
                        continue
                    validity = m.info.get("validity_days")
                    if validity is not None and r.accepted_at.date() + dt.timedelta(days=int(validity)) < today:
                        continue
                    reusable[m.code] = ReusableMaterial(
                        m.code, m.name, r.case_uuid, r.case_no,
                        tuple(FileRef(sha256=f.sha256, size=f.size, media_type=f.media_type, pages=f.pages) for f in m.files),
                        r.accepted_at,
                    )
            applicant = {k: v for k, v in latest.applicant.items() if v}
            return History(applicant, dict(latest.form), tuple(self._summary(r) for r in rows), tuple(reusable.values()))

    def reuse_material(self, case_uuid: str, code: str, reusable: ReusableMaterial) -> CaseView:
        view = self.attach_files(case_uuid, code, [(f, f"reused from {reusable.from_case_no}") for f in reusable.files])
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            self._material(row, code).reused_from = reusable.from_case_uuid
        return view

    # -- outcomes --------------------------------------------------------------------------------
    def check_for_accept(self, case_uuid: str) -> Problems:
        """Every problem that stops acceptance, at once (empty when the case can be accepted)."""
        if self.before_accept is not None:
            self.before_accept(case_uuid)
        with self.store.read() as s:
            row = self._load(s, case_uuid)
            _, problems, _ = self._full_check(row)
            problems.update(self._material_problems(row, commitment=row.commitment_signed_at is not None))
            return problems

    def accept(self, actor: Actor, case_uuid: str, *, commitment_signed: bool = False) -> CaseView:
        """受理: all required materials provided or legally deferred (under commitment) or waived."""
        actor.require(Permission.INTAKE)
        if self.before_accept is not None:
            self.before_accept(case_uuid)
        with self.store.write() as s:
            view = self._accept_row(s, actor, self._load(s, case_uuid), commitment_signed=commitment_signed)
        self.events.publish(CaseAccepted(view.case_uuid, view.case_no))
        return view

    def _accept_row(self, s: Session, actor: Actor, row: CaseRow, *, commitment_signed: bool) -> CaseView:
        lifecycle.check(CaseStatus(row.status), CaseStatus.ACCEPTED)
        clean, problems, merged = self._full_check(row)
        if actor.window and not WINDOW_RE.fullmatch(actor.window):
            problems["window"] = f"窗口号应为 1 至 8 位大写字母或数字（如 W03），而不是 {shown(actor.window)}"
        signed = commitment_signed or row.commitment_signed_at is not None
        problems.update(self._material_problems(row, commitment=signed))
        if problems:
            raise ValidationFailed(problems)
        now = clock.now()
        row.applicant = clean["applicant"]
        row.agent = clean["agent"]
        row.form = clean["form"]
        row.delivery = clean["delivery"]
        self._index_applicant(row)
        for m in row.materials:
            if m.status == MaterialStatus.MISSING.value:
                m.status = MaterialStatus.NOT_REQUIRED.value
        if any(m.status == MaterialStatus.DEFERRED.value for m in row.materials):
            row.commitment_signed_at = row.commitment_signed_at or now
        else:
            row.commitment_signed_at = None
        row.status = CaseStatus.ACCEPTED.value
        row.accepted_at = now
        row.operator = actor.username
        row.window = actor.window or row.window
        calendar = self.calendar
        row.matter_rows = matter_rows.new_rows(merged, now, calendar)
        row.due_date = calendar.add_working_days(now.date(), merged.time_limit_days)
        hall_region = self.settings.hall.region
        row.handling_region = row.handling_region or hall_region
        row.remote_intake = bool(row.handling_region and hall_region and row.handling_region != hall_region)
        row.updated_at = now
        view = self._view(row, operator_name=actor.display_name)
        s.add(OutboxRow(kind="case", idempotency_key=row.case_uuid, case_uuid=row.case_uuid,
                        payload=view.to_document().model_dump(mode="json"), created_at=now))
        audit.append(s, actor, audit.AuditAction.ACCEPT, row.case_uuid, {"case_no": row.case_no})
        return view

    def notify(self, actor: Actor, case_uuid: str) -> CaseView:
        """一次性告知: keeps the draft, sets the return-by date; the notice lists every missing material."""
        actor.require(Permission.INTAKE)
        with self.store.write() as s:
            view = self._notify_row(s, actor, self._load(s, case_uuid))
        self.events.publish(CaseNotified(view.case_uuid, view.case_no))
        return view

    def _notify_row(self, s: Session, actor: Actor, row: CaseRow) -> CaseView:
        lifecycle.check(CaseStatus(row.status), CaseStatus.NOTIFIED)
        applicant, problems = check_person(row.applicant, "applicant")
        if problems:
            raise ValidationFailed(problems)
        missing = [m for m in row.materials if m.info.get("required") and m.status == MaterialStatus.MISSING.value]
        defective = [m for m in row.materials if m.note and m.status == MaterialStatus.MISSING.value]
        if not missing and not defective:
            raise ValidationFailed({"materials": "材料已齐全，无需一次性告知，请直接受理"})
        now = clock.now()
        row.applicant = applicant
        self._index_applicant(row)
        row.status = CaseStatus.NOTIFIED.value
        row.notified_at = now
        row.return_by = self.calendar.add_working_days(now.date(), self.settings.hall.notice_return_days)
        row.updated_at = now
        view = self._view(row, operator_name=actor.display_name)
        audit.append(s, actor, audit.AuditAction.NOTIFY, row.case_uuid, {"case_no": row.case_no})
        return view

    def reject(self, actor: Actor, case_uuid: str, reason: str) -> CaseView:
        """不予受理, with the reason printed on the refusal."""
        actor.require(Permission.INTAKE)
        text, problem = check_text(reason, max_length=1000, multiline=True)
        if problem or len(text) < 4:
            raise ValidationFailed({"reason": problem or "请写明不予受理的理由（至少 4 个字）"})
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            lifecycle.check(CaseStatus(row.status), CaseStatus.REJECTED)
            applicant, problems = check_person(row.applicant, "applicant")
            if problems:
                raise ValidationFailed(problems)
            now = clock.now()
            row.applicant = applicant
            self._index_applicant(row)
            row.status = CaseStatus.REJECTED.value
            row.rejected_at = now
            row.reject_reason = text
            row.updated_at = now
            view = self._view(row, operator_name=actor.display_name)
            audit.append(s, actor, audit.AuditAction.REJECT, row.case_uuid, {"case_no": row.case_no})
        self.events.publish(CaseRejected(view.case_uuid, view.case_no))
        return view

    # -- a whole case from outside (the CLI's JSON), in one transaction: clerk/intake/document.py ------
    def check_request(self, req: IntakeRequest) -> Problems:
        """Every problem of a case document against the catalog, before anything is written."""
        from clerk.intake import document

        return document.check_request(self, req)

    def replayed(self, req: IntakeRequest, fingerprint: str) -> IntakeResult | None:
        """The first result of a document taken in before under the same key (None when new)."""
        from clerk.intake import document

        with self.store.read() as s:
            return document.replayed(self, s, req, fingerprint)

    def take_in(self, actor: Actor, req: IntakeRequest, *, fingerprint: str,
                attach: Callable[[Session, CaseRow], None] | None = None,
                before_commit: Callable[[], object] | None = None) -> IntakeResult:
        """A whole case from a document in ONE transaction (``document.take_in``)."""
        from clerk.intake import document

        return document.take_in(self, actor, req, fingerprint=fingerprint, attach=attach, before_commit=before_commit)

    def discard_draft(self, actor: Actor, case_uuid: str) -> None:
        """Deletes a draft that was never notified (its number stays used)."""
        actor.require(Permission.INTAKE)
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            if row.status != CaseStatus.DRAFT.value:
                raise NotEditable("只能删除草稿")
            s.delete(row)

    # -- reading ---------------------------------------------------------------------------------
    def get(self, case_uuid: str) -> CaseView:
        with self.store.read() as s:
            return self._view(self._load(s, case_uuid))

    def get_by_no(self, case_no: str) -> CaseView:
        with self.store.read() as s:
            row = s.execute(select(CaseRow).where(CaseRow.case_no == case_no.strip())).scalar_one_or_none()
            if row is None:
                raise CaseNotFound(case_no)
            return self._view(row)

    def search(self, query: search.CaseQuery) -> tuple[list[CaseSummary], int]:
        """One page of matches (newest first) and the total count."""
        with self.store.read() as s:
            if search.classify(query.text) == "number_prefix":  # 138…, 2301021992…
                found, total = search.search_number_prefix(s, query)
                return [self._summary(r) for r in found], total
            rows = s.execute(search.build(query)).all()
            total = s.execute(search.count(query)).scalar_one() if query.offset or len(rows) >= query.limit else len(rows)
            return [self._summary(r) for r in rows], int(total)

    def drafts(self, actor: Actor) -> list[CaseSummary]:
        items, _ = self.search(search.CaseQuery(status=(CaseStatus.DRAFT.value,), limit=200))
        return items

    def keep_form_fields(self, case_uuid: str, keep: set[str]) -> None:
        """Drops stored form values whose field left the form (a situation answer changed), so that
        ``check_form`` does not report them as unknown fields on accept."""
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            if any(k not in keep for k in row.form):
                row.form = {k: v for k, v in row.form.items() if k in keep}

    # -- internals -------------------------------------------------------------------------------
    def _load(self, s: Session, case_uuid: str) -> CaseRow:
        row = s.execute(
            select(CaseRow).where(CaseRow.case_uuid == case_uuid)
            .options(selectinload(CaseRow.materials).selectinload(MaterialRow.files), selectinload(CaseRow.matter_rows))
        ).scalar_one_or_none()
        if row is None:
            raise CaseNotFound(case_uuid)
        return row

    @staticmethod
    def _editable(row: CaseRow) -> None:
        if CaseStatus(row.status) not in lifecycle.EDITABLE:
            from clerk.intake.model import CASE_STATUS_LABELS

            raise NotEditable(f"案件 {row.case_no} 已{CASE_STATUS_LABELS[row.status]}，不能再修改")

    @staticmethod
    def _material(row: CaseRow, code: str) -> MaterialRow:
        for m in row.materials:
            if m.code == code:
                return m
        raise ValidationFailed({f"materials.{code}": "本件事的材料清单中没有这一项"})

    @staticmethod
    def _index_applicant(row: CaseRow) -> None:
        a = row.applicant or {}
        row.applicant_kind = str(a.get("kind") or "person")
        row.applicant_name = str(a.get("name") or "")[:200]
        row.applicant_initials = search.initials(row.applicant_name)
        row.applicant_id_type = str(a.get("id_type") or "cn_ric")
        row.applicant_id_number = str(a.get("id_number") or "").strip().upper()[:40]
        row.applicant_phone = str(a.get("phone") or "").strip()[:40]

    @staticmethod
    def _sync_materials(row: CaseRow, merged: MergedForm) -> None:
        """Makes the case's checklist the merged one, keeping what was already done for kept items."""
        existing = {m.code: m for m in row.materials}
        keep: list[MaterialRow] = []
        for pos, mm in enumerate(merged.materials):
            info = {k: getattr(mm, k) for k in _MATERIAL_INFO_KEYS}
            info.update(matters=list(mm.matters), deferral_days=mm.deferral_days, validity_days=mm.validity_days,
                        max_size_mb=mm.max_size_mb, file_types=[t.value for t in mm.file_types],
                        licence_type=mm.licence_type, holder=mm.holder, data_sharing=mm.data_sharing)
            mat = existing.pop(mm.code, None)
            if mat is None:
                mat = MaterialRow(code=mm.code, name=mm.name, status=MaterialStatus.MISSING.value, note="", files=[], pages=[])
            else:  # what the e-licence lookup recorded stays with the material (clerk.elicence)
                info.update({k: v for k, v in mat.info.items() if k in LICENCE_INFO_KEYS})
            mat.position = pos
            mat.info = info
            keep.append(mat)
        row.materials = keep

    def _full_check(self, row: CaseRow) -> tuple[dict[str, Any], Problems, MergedForm]:
        bundle = self.bundle(row.bundle_code)
        problems: Problems = {}
        merged = checked_merge(bundle, row.situations, row.chosen_matters, applicant_kind=row.applicant_kind)
        kinds = tuple(k.value for k in bundle.applicant_kinds)
        applicant, p = check_person(row.applicant, "applicant", kinds=kinds)
        problems.update(p)
        if not applicant.get("phone") and "applicant.phone" not in problems:
            problems["applicant.phone"] = "请填写联系电话（办理进度和领取通知要用）"
        agent = None
        if row.agent:
            agent, p = check_person(row.agent, "agent", kinds=("person",))
            problems.update(p)
        derived = derived_form(row.form, applicant, row.persons or {}, merged)
        form, p = check_form(merged, self._active_form(bundle, merged, derived))
        problems.update(p)
        for failure in eligibility.check(merged, form={**derived, **form}, applicant_kind=row.applicant_kind,
                                         today=clock.today()):
            problems[f"conditions.{failure.code}"] = failure.text()
        delivery, p = self._check_delivery(row.delivery)
        problems.update(p)
        return {"applicant": applicant, "agent": agent, "form": form, "delivery": delivery}, problems, merged

    @staticmethod
    def _active_form(bundle: Bundle, merged: MergedForm, form: dict[str, Any]) -> dict[str, Any]:
        """The values of the fields asked under the current answers.

        A value typed before a situation answer switched its field off stays on the draft (switching
        back brings it back) but is neither checked nor sent; a code the bundle never asks is kept so
        that it is reported.
        """
        active = {f.code for f in merged.fields}
        every = {f.key for m in bundle.matters for f in m.fields}
        return {k: v for k, v in form.items() if k in active or k not in every}

    @staticmethod
    def _check_delivery(d: dict[str, Any]) -> tuple[dict[str, Any], Problems]:
        return check_delivery(d)

    def _material_problems(self, row: CaseRow, *, commitment: bool) -> Problems:
        problems: Problems = {}
        for m in row.materials:
            info = m.info
            where = f"materials.{m.code}"
            st = MaterialStatus(m.status)
            if st is MaterialStatus.MISSING and info.get("required"):
                if info.get("deferrable"):
                    problems[where] = f"缺少“{m.name}”（可容缺受理：申请人签署告知承诺书后后补）"
                elif info.get("e_license"):
                    problems[where] = f"缺少“{m.name}”（可调用电子证照免提交）"
                else:
                    problems[where] = f"缺少“{m.name}”"
            elif st is MaterialStatus.PROVIDED and self.require_files_for_provided and not m.files:
                problems[where] = f"“{m.name}”标为已提交，但还没有扫描或导入任何页面"
            elif st is MaterialStatus.DEFERRED and not commitment:
                problems["commitment"] = "有容缺后补的材料，须申请人签署告知承诺书"
            elif st is MaterialStatus.E_LICENSE and (info.get("shared_check") or {}).get("result") is False:
                problems[where] = f"“{m.name}”数据共享核验未通过，须另行提交"
            elif st is MaterialStatus.NOT_REQUIRED and info.get("required"):
                problems[where] = f"“{m.name}”是必需材料，不能标为无需提交"
        return problems

    def _summary(self, r: Any) -> CaseSummary:
        """A list line from a ``CaseRow`` or a row of ``search.SUMMARY_COLUMNS``."""
        return CaseSummary(r.case_uuid, r.case_no, CaseStatus(r.status), r.bundle_code, r.applicant_name,
                           r.applicant_id_number, r.applicant_phone, r.created_at, r.due_date, r.ticket_no)

    def _view(self, row: CaseRow, operator_name: str = "") -> CaseView:
        available: list[MatterView] = []
        try:
            bundle = self.catalog.bundle(row.bundle_code)
            merged = merge_row(bundle, row)
            bundle_name = bundle.name
            stored = {m.code: m for m in row.matter_rows}
            if stored:
                matters = [matter_view(m) for m in row.matter_rows]
            else:  # a draft, or a case accepted before matters had rows: every matter at the case's status
                at = None if CaseStatus(row.status) in lifecycle.EDITABLE | {CaseStatus.REJECTED} else CaseStatus(row.status)
                days = merged.matter_days
                matters = [MatterView(code=m.code, name=m.name, department=m.department,
                                      time_limit_days=m.time_limit_days, national_code=m.national_code, status=at,
                                      due_days=days[m.code], depends_on=[d for d in m.depends_on if d in days],
                                      handling_level=m.handling_level.value if m.handling_level else None,
                                      result_name=m.result.name if m.result else "")
                           for m in merged.matters]
            if CaseStatus(row.status) in lifecycle.EDITABLE:
                available = [MatterView(code=m.code, name=m.name, department=m.department,
                                        time_limit_days=m.time_limit_days, national_code=m.national_code,
                                        depends_on=list(m.depends_on),
                                        handling_level=m.handling_level.value if m.handling_level else None,
                                        result_name=m.result.name if m.result else "")
                             for m in merged.available]
            labels = {f.code: f.label for f in merged.fields}
            sit_labels = {}
            for sdef in bundle.situations:
                ans = row.situations.get(sdef.code)
                picked = ans if isinstance(ans, list) else [ans]
                sit_labels[sdef.question] = "、".join(next((o.label for o in sdef.options if o.code == a), str(a or ""))
                                                     for a in picked) or "（未选）"
        except (KeyError, SituationError, MatterChoiceError):  # catalog changed since: show what is stored
            bundle_name, labels, sit_labels = row.bundle_code, {}, {}
            matters = [matter_view(m) for m in row.matter_rows]
        a = row.applicant or {}
        applicant = _person(a)
        agent = None
        if row.agent:
            agent = _person({**row.agent, "kind": "person"})
        materials = [
            CaseMaterial(
                code=m.code, name=m.name, status=MaterialStatus(m.status), deadline=m.deadline,
                files=[FileRef(sha256=f.sha256, size=f.size, media_type=f.media_type, pages=f.pages) for f in m.files],
                note=m.note, matters=list(m.info.get("matters", [])),
                **{k: m.info[k] for k in _MATERIAL_INFO_KEYS if k in m.info},
                **{k: m.info[k] for k in LICENCE_INFO_KEYS if k in m.info},
            )
            for m in row.materials
        ]
        d = row.delivery or {}
        return CaseView(
            case_uuid=row.case_uuid, case_no=row.case_no, status=CaseStatus(row.status), bundle_code=row.bundle_code,
            bundle_name=bundle_name, catalog_version=row.catalog_version, matters=matters, situations=dict(row.situations),
            situation_labels=sit_labels, applicant=applicant, agent=agent, form=dict(row.form), form_labels=labels,
            persons=dict(row.persons or {}),
            visit_address=str((row.place or {}).get("address") or "") if (row.place or {}).get("kind") == "visit" else "",
            materials=materials, commitment_signed_at=row.commitment_signed_at, created_at=row.created_at,
            accepted_at=row.accepted_at, notified_at=row.notified_at, rejected_at=row.rejected_at,
            due_date=row.due_date, return_by=row.return_by,
            due_date_provisional=bool(row.due_date and not self.calendar.knows(row.due_date.year)), reject_reason=row.reject_reason, operator=row.operator,
            operator_name=operator_name, window=row.window, org_code=row.org_code, device_id=row.device_id,
            ticket_no=row.ticket_no,
            delivery=Delivery(method=d.get("method", "window") if d.get("method") in ("window", "post") else "window",
                              address=str(d.get("address", "")), recipient=str(d.get("recipient", "")),
                              phone=str(d.get("phone", ""))),
            platform_case_id=row.platform_case_id, platform_note=row.platform_note,
            chosen_matters=list(row.chosen_matters) if row.chosen_matters is not None else None,
            available_matters=available, handling_region=row.handling_region or "",
            intake_region=self.settings.hall.region, remote_intake=bool(row.remote_intake),
        )


def _person(a: dict[str, Any]) -> Person:
    """A Person from stored (possibly draft, unchecked) values; unknown ID types read as cn_ric."""
    from clerk.intake.model import IdType

    id_type = a.get("id_type") or "cn_ric"
    if id_type not in IdType.__members__.values():
        id_type = "cn_ric"
    kind: Literal["person", "enterprise"] = "enterprise" if a.get("kind") == "enterprise" else "person"
    return Person(kind=kind, name=str(a.get("name") or ""), id_type=IdType(id_type), id_number=str(a.get("id_number") or ""),
                  phone=str(a.get("phone") or ""), address=str(a.get("address") or ""),
                  legal_representative=str(a.get("legal_representative") or ""))
