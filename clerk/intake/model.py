"""The case as the rest of the program sees it: plain pydantic values, no database, no Qt.

``CaseView`` is the stored case read back (what printing renders, what the UI shows);
``CaseDocument`` is the exact document ``POST /api/v1/cases`` carries (shared/platform-api.md).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from clerk.intake.statuses import CaseStatus as CaseStatus  # re-exported: where it was first defined


class MaterialStatus(StrEnum):
    """How a material of the checklist stands."""

    PROVIDED = "provided"
    DEFERRED = "deferred"  # 容缺: to be delivered later under a signed commitment
    E_LICENSE = "e_license"  # 免提交: fetched from the e-licence library
    NOT_REQUIRED = "not_required"
    ORIGINAL_CHECKED = "original_checked"  # 已核验原件: the original seen at the counter, no scan (sent as provided)
    MISSING = "missing"  # local only: not (yet) provided; never sent to the platform


class IdType(StrEnum):
    CN_RIC = "cn_ric"  # 居民身份证
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证
    FOREIGN_PERMANENT_RESIDENCE = "foreign_permanent_residence"  # 外国人永久居留身份证
    USCC = "uscc"  # 统一社会信用代码


ID_TYPE_LABELS: dict[str, str] = {
    "cn_ric": "居民身份证",
    "passport": "护照",
    "hk_macao_permit": "港澳居民来往内地通行证",
    "taiwan_permit": "台湾居民来往大陆通行证",
    "foreign_permanent_residence": "外国人永久居留身份证",
    "uscc": "统一社会信用代码",
}

MATERIAL_STATUS_LABELS: dict[str, str] = {
    "provided": "已提交",
    "deferred": "容缺后补",
    "e_license": "电子证照免提交",
    "not_required": "无需提交",
    "original_checked": "已核验原件",
    "missing": "缺少",
}

CASE_STATUS_LABELS: dict[str, str] = {
    "draft": "草稿",
    "accepted": "已受理",
    "notified": "已一次性告知",
    "rejected": "不予受理",
    "received": "平台已接收",
    "in_review": "审核中",
    "supplement_required": "需补正",
    "approved": "已办结",
    "denied": "不予许可",
    "ready_for_pickup": "待领取",
    "delivered": "已送达",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Person(_Model):
    """The applicant (申请人) or the agent (代办人)."""

    kind: Literal["person", "enterprise"] = "person"
    name: str
    id_type: IdType = IdType.CN_RIC
    id_number: str
    phone: str = ""
    address: str = ""
    legal_representative: str = ""
    """For an enterprise: 法定代表人."""


class DocumentPerson(_Model):
    """The applicant or agent exactly as the contract has them (no 法定代表人: that goes in the form)."""

    kind: Literal["person", "enterprise"] = "person"
    name: str
    id_type: IdType = IdType.CN_RIC
    id_number: str
    phone: str = ""
    address: str = ""

    @classmethod
    def of(cls, p: Person) -> DocumentPerson:
        return cls(kind=p.kind, name=p.name, id_type=p.id_type, id_number=p.id_number, phone=p.phone, address=p.address)


class FileRef(_Model):
    sha256: str
    size: int
    media_type: str
    pages: int = 1


class CaseMaterial(_Model):
    code: str
    name: str
    status: MaterialStatus
    deadline: dt.date | None = None
    files: list[FileRef] = Field(default_factory=list)
    # From the catalog, for the printouts:
    required: bool = True
    deferrable: bool = False
    e_license: bool = False
    originals: int = 0
    copies: int = 1
    why: str = ""
    source: str = ""
    matters: list[str] = Field(default_factory=list)
    paper_check: bool = False
    """The catalog allows 已核验原件 (the original checked at the counter, no scan)."""
    note: str = ""
    """Why a provided material is defective, or any remark by the clerk."""
    licence: dict[str, Any] | None = None
    """The e-licence fetched for it (``clerk.elicence``): number, licence_type, issuer, valid_until, sha256 …"""
    licence_pending: bool = False
    """待核验电子证照: accepted offline, the licence is fetched at sync (or the case is flagged)."""
    shared_check: dict[str, Any] | None = None
    """数据共享核验: ``{"check", "result", "reference", "at"}``."""
    licence_refused: str = ""
    """Why the last lookup gave nothing (未找到电子证照, 证照已过期 …): it cannot be waived."""

    @property
    def licence_number(self) -> str:
        return str(self.licence.get("number", "")) if self.licence else ""

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)


class MatterView(_Model):
    """A matter of a case: what the catalog says and, once accepted, its due date and status."""

    code: str
    name: str
    department: str
    time_limit_days: int
    national_code: str | None = None
    """事项编码 (GB/T 39554.1-2020); None for a catalog of schema 1."""
    status: CaseStatus | None = None
    """The matter's own status once the case is accepted (None on a draft)."""
    due_days: int | None = None
    """Working days from acceptance to its due date, along ``depends_on``."""
    due_date: dt.date | None = None
    depends_on: list[str] = Field(default_factory=list)
    handling_level: str | None = None
    result_name: str = ""
    note: str = ""
    project_no: str = ""
    """办件编号: the platform's number of this matter's handling (once the platform has given it)."""


class DocumentMatter(_Model):
    """A chosen matter as the case document (API 1.1) carries it."""

    code: str
    national_code: str | None = None
    name: str
    department: str
    time_limit_days: int
    due_date: dt.date | None = None


class DocumentRegion(_Model):
    """跨域通办 (API 1.1): the authority's region (属地) and the hall's; ``proxy`` = 异地代收代办."""

    handling: str
    intake: str
    mode: Literal["local", "proxy"] = "local"


class Delivery(_Model):
    method: Literal["window", "post"] = "window"
    address: str = ""
    recipient: str = ""
    phone: str = ""


class CaseView(_Model):
    """A stored case read back, with what the catalog says about it (for printing and display)."""

    case_uuid: str
    case_no: str
    status: CaseStatus
    bundle_code: str
    bundle_name: str
    catalog_version: str
    matters: list[MatterView]
    situations: dict[str, str | list[str]] = Field(default_factory=dict)
    situation_labels: dict[str, str] = Field(default_factory=dict)
    """``{question: answer label}`` for display."""
    applicant: Person
    agent: Person | None = None
    form: dict[str, Any] = Field(default_factory=dict)
    form_labels: dict[str, str] = Field(default_factory=dict)
    """``{field code: label}`` in form order."""
    persons: dict[str, str] = Field(default_factory=dict)
    """Other persons of the form who are someone already on the case (``{"father": "applicant"}``: 同申请人)."""
    visit_address: str = ""
    """Where a case taken on a home visit (上门办理) was taken; empty for a case taken at the window."""
    materials: list[CaseMaterial] = Field(default_factory=list)
    commitment_signed_at: dt.datetime | None = None
    created_at: dt.datetime
    accepted_at: dt.datetime | None = None
    notified_at: dt.datetime | None = None
    rejected_at: dt.datetime | None = None
    due_date: dt.date | None = None
    """Legal due date (限时办结) for an accepted case."""
    due_date_provisional: bool = False
    """The due date falls in a year whose holiday arrangement is not yet known: an estimate."""
    return_by: dt.date | None = None
    """For a one-time notice: the date by which to come back with the missing materials."""
    reject_reason: str = ""
    operator: str
    operator_name: str = ""
    window: str
    org_code: str = ""
    device_id: str = ""
    ticket_no: str | None = None
    delivery: Delivery = Field(default_factory=Delivery)
    platform_case_id: str | None = None
    platform_note: str = ""
    chosen_matters: list[str] | None = None
    """The matters the applicant chose (None: every matter the situations switch on)."""
    available_matters: list[MatterView] = Field(default_factory=list)
    """On a draft: every matter the situations switch on (what the applicant may choose from)."""
    handling_region: str = ""
    """属地: the region code of the handling authority ("" on a draft: the hall's)."""
    intake_region: str = ""
    """The hall's region code."""
    remote_intake: bool = False
    """异地代收代办: taken in here for the authority of another region."""

    @property
    def joint(self) -> bool:
        """联办: several matters taken together (one alone is 单独办理)."""
        return len(self.matters) > 1

    def matter(self, code: str) -> MatterView:
        for m in self.matters:
            if m.code == code:
                return m
        raise KeyError(code)

    @property
    def missing(self) -> list[CaseMaterial]:
        return [m for m in self.materials if m.status is MaterialStatus.MISSING and m.required]

    @property
    def deferred(self) -> list[CaseMaterial]:
        return [m for m in self.materials if m.status is MaterialStatus.DEFERRED]

    def to_document(self) -> CaseDocument:
        """The platform document for an accepted case (``POST /api/v1/cases``)."""
        assert self.accepted_at is not None and self.due_date is not None, "only accepted cases are sent"
        return CaseDocument(
            case_uuid=self.case_uuid,
            case_no=self.case_no,
            bundle_code=self.bundle_code,
            catalog_version=self.catalog_version,
            situations=self.situations,
            applicant=DocumentPerson.of(self.applicant),
            agent=DocumentPerson.of(self.agent) if self.agent else None,
            form=self.form,
            materials=[
                DocumentMaterial(code=m.code, name=m.name, deadline=m.deadline, files=m.files,
                                 status=MaterialStatus.PROVIDED if m.status is MaterialStatus.ORIGINAL_CHECKED else m.status)
                for m in self.materials
                if m.status is not MaterialStatus.MISSING
            ],
            commitment={"signed_at": self.commitment_signed_at.isoformat()} if self.commitment_signed_at else None,
            accepted_at=self.accepted_at,
            due_date=self.due_date,
            operator=self.operator,
            window=self.window,
            device_id=self.device_id,
            ticket_no=self.ticket_no,
            delivery=self.delivery,
            matters=[DocumentMatter(code=m.code, national_code=m.national_code, name=m.name, department=m.department,
                                    time_limit_days=m.time_limit_days, due_date=m.due_date) for m in self.matters],
            region=DocumentRegion(handling=self.handling_region or self.intake_region, intake=self.intake_region,
                                  mode="proxy" if self.remote_intake else "local")
            if (self.handling_region or self.intake_region) else None,
        )


class DocumentMaterial(_Model):
    code: str
    name: str
    status: MaterialStatus
    deadline: dt.date | None = None
    files: list[FileRef] = Field(default_factory=list)


class CaseDocument(_Model):
    """The case document of ``POST /api/v1/cases`` (shared/platform-api.md; ``matters`` and ``region``
    are API 1.1, left out for a platform of version 1 by ``clerk.sync.outbox.wire_case_document``)."""

    case_uuid: str
    case_no: str
    bundle_code: str
    catalog_version: str
    situations: dict[str, str | list[str]] = Field(default_factory=dict)
    applicant: DocumentPerson
    agent: DocumentPerson | None = None
    form: dict[str, Any] = Field(default_factory=dict)
    materials: list[DocumentMaterial]
    commitment: dict[str, str] | None = None
    accepted_at: dt.datetime
    due_date: dt.date
    operator: str
    window: str
    device_id: str
    ticket_no: str | None = None
    delivery: Delivery = Field(default_factory=Delivery)
    matters: list[DocumentMatter] | None = None
    region: DocumentRegion | None = None
