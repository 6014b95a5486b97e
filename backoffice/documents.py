"""The documents clients send (case, case events, evaluation), validated strictly per the contract."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

SHA256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Code = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
JsonValue = str | int | float | bool | None | list[Any] | dict[str, Any]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def canonical_uuid(value: str) -> str:
    """The one stored form of a UUID: lower case with hyphens (upper case or hyphen-less input is the
    same identity, so the same case is never stored twice)."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError("not a UUID") from None


def canonical_uuid_or_none(value: str) -> str | None:
    try:
        return canonical_uuid(value) if 32 <= len(value) <= 36 else None
    except ValueError:
        return None


_check_uuid = canonical_uuid

UUIDText = Annotated[str, Field(min_length=32, max_length=36), AfterValidator(canonical_uuid)]


class MaterialStatus(StrEnum):
    PROVIDED = "provided"
    DEFERRED = "deferred"  # 容缺
    E_LICENSE = "e_license"  # 免提交
    NOT_REQUIRED = "not_required"


PERSON_ID_TYPES = ("cn_ric", "passport", "hk_macao_permit", "taiwan_permit", "foreign_permanent_residence")
ENTERPRISE_ID_TYPES = ("uscc",)


class FileRef(_Doc):
    sha256: SHA256
    size: int = Field(ge=0, le=50 * 1024 * 1024)
    media_type: str = Field(min_length=3, max_length=100, pattern=r"^[\w.+\-]+/[\w.+\-]+$")
    pages: int | None = Field(default=None, ge=0, le=100_000)


class Material(_Doc):
    code: Code
    name: str = Field(min_length=1, max_length=200)
    status: MaterialStatus
    deadline: date | None = None
    files: list[FileRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _deferred_has_deadline(self) -> Material:
        if self.status is MaterialStatus.DEFERRED and self.deadline is None:
            raise ValueError("a deferred material needs a deadline")
        return self


class Party(_Doc):
    """The applicant (申请人) or the agent (代办人)."""

    kind: Literal["person", "enterprise"]
    name: str = Field(min_length=1, max_length=200)
    id_type: str
    id_number: str = Field(min_length=1, max_length=64)
    phone: str | None = Field(default=None, max_length=40)
    address: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _id_type_fits_kind(self) -> Party:
        allowed = PERSON_ID_TYPES if self.kind == "person" else ENTERPRISE_ID_TYPES
        if self.id_type not in allowed:
            raise ValueError(f"id_type {self.id_type!r} is not one of {', '.join(allowed)} for a {self.kind}")
        return self


class Agent(Party):
    kind: Literal["person", "enterprise"] = "person"


class Commitment(_Doc):
    signed_at: AwareDatetime


class Delivery(_Doc):
    method: Literal["window", "post"]
    address: str | None = Field(default=None, max_length=500)
    recipient: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)

    @model_validator(mode="after")
    def _post_has_address(self) -> Delivery:
        if self.method == "post":
            missing = [n for n in ("address", "recipient", "phone") if not getattr(self, n)]
            if missing:
                raise ValueError(f"delivery by post needs {', '.join(missing)}")
        return self


class MatterRef(_Doc):
    """A chosen matter of the case (API 1.1): its catalog code and national code (事项编码)."""

    code: Code
    national_code: str | None = Field(default=None, pattern=r"^[0-9A-Z]{10,40}$")
    name: str = Field(min_length=1, max_length=200)
    department: str = Field(default="", max_length=200)
    time_limit_days: int = Field(ge=1, le=365)
    due_date: date | None = None


REGION = r"^[0-9]{6}$"


class Region(_Doc):
    """跨域通办 (API 1.1): the handling authority's region (属地) and the taking-in hall's."""

    handling: str = Field(pattern=REGION)
    intake: str = Field(pattern=REGION)
    mode: Literal["local", "proxy"]

    @model_validator(mode="after")
    def _mode_fits(self) -> Region:
        if (self.mode == "proxy") != (self.handling != self.intake):
            raise ValueError("mode is proxy (异地代收代办) exactly when the handling region is not the intake region")
        return self


class CaseDocument(_Doc):
    case_uuid: UUIDText
    case_no: str = Field(min_length=1, max_length=64)
    bundle_code: Code
    catalog_version: str = Field(min_length=1, max_length=64)
    situations: dict[str, str | list[str]] = Field(default_factory=dict)
    applicant: Party
    agent: Agent | None = None
    form: dict[str, JsonValue] = Field(default_factory=dict)
    materials: list[Material]
    commitment: Commitment | None = None
    accepted_at: AwareDatetime
    due_date: date
    operator: ShortText
    window: str | None = Field(default=None, max_length=32)
    device_id: ShortText
    ticket_no: str | None = Field(default=None, max_length=16)
    delivery: Delivery
    matters: list[MatterRef] | None = Field(default=None, min_length=1, max_length=50)
    """API 1.1: the chosen matters; each then has a status of its own. Absent (v1): one case status."""
    region: Region | None = None
    """API 1.1: 跨域通办. Absent: the case is handled where it was taken in."""

    @model_validator(mode="after")
    def _consistent(self) -> CaseDocument:
        codes = [m.code for m in self.materials]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise ValueError(f"material codes appear more than once: {', '.join(dupes)}")
        chosen = [m.code for m in self.matters or []]
        dupes = sorted({c for c in chosen if chosen.count(c) > 1})
        if dupes:
            raise ValueError(f"matter codes appear more than once: {', '.join(dupes)}")
        if any(m.status is MaterialStatus.DEFERRED for m in self.materials) and self.commitment is None:
            raise ValueError("deferred materials (容缺) need a signed commitment")
        if self.due_date < self.accepted_at.date():
            raise ValueError("due_date is before accepted_at")
        return self


class SupplementEvent(_Doc):
    event_uuid: UUIDText
    type: Literal["supplement"]
    material_code: Code
    files: list[FileRef] = Field(min_length=1)



class DeliveredEvent(_Doc):
    event_uuid: UUIDText
    type: Literal["delivered"]
    at: AwareDatetime
    method: Literal["window", "post"]
    matters: list[Code] | None = Field(default=None, min_length=1, max_length=50)
    """API 1.1: the matters handed over (absent: every matter whose results are ready)."""
    waybill_no: str | None = Field(default=None, min_length=1, max_length=40, pattern=r"^[0-9A-Za-z\-]+$")
    """API 1.1: the EMS waybill number (邮件单号) of results sent by post."""

    @model_validator(mode="after")
    def _waybill_for_post(self) -> DeliveredEvent:
        if self.waybill_no is not None and self.method != "post":
            raise ValueError("a waybill_no goes with method post")
        if self.matters is not None and len(set(self.matters)) != len(self.matters):
            raise ValueError("matter codes appear more than once")
        return self



class EvaluationDocument(_Doc):
    evaluation_uuid: UUIDText
    case_uuid: UUIDText | None = None
    ticket_no: str | None = Field(default=None, max_length=16)
    window: str = Field(min_length=1, max_length=32)
    operator: ShortText
    score: int = Field(ge=1, le=5)
    tags: list[Annotated[str, Field(min_length=1, max_length=50)]] = Field(default_factory=list, max_length=20)
    comment: str = Field(default="", max_length=2000)
    at: AwareDatetime

