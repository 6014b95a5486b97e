"""SQLAlchemy 2 models of the local cache (one SQLite file, migrated by Alembic).

Every table here has a revision in ``clerk/store/migrations/versions``; change both together.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class AwareDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime stored as ISO 8601 text with its offset (SQLite has no such type)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use clerk.clock.now()")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else dt.datetime.fromisoformat(value)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class CaseRow(Base):
    """A case from its first keystroke (draft) to its hand-out (delivered)."""

    __tablename__ = "cases"

    case_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    bundle_code: Mapped[str] = mapped_column(String(64))
    catalog_version: Mapped[str] = mapped_column(String(64))
    situations: Mapped[dict[str, Any]] = mapped_column(default=dict)
    applicant_kind: Mapped[str] = mapped_column(String(16), default="person")
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    applicant_initials: Mapped[str] = mapped_column(String(64), default="")
    """Pinyin initials of the applicant's name (张三丰 → zsf), for search."""
    applicant_id_type: Mapped[str] = mapped_column(String(40), default="cn_ric")
    applicant_id_number: Mapped[str] = mapped_column(String(40), default="")
    applicant_phone: Mapped[str] = mapped_column(String(40), default="")
    applicant: Mapped[dict[str, Any]] = mapped_column(default=dict)
    agent: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    form: Mapped[dict[str, Any]] = mapped_column(default=dict)
    delivery: Mapped[dict[str, Any]] = mapped_column(default=dict)
    persons: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Other persons of the form who are someone already on the case: ``{"father": "applicant"}`` (同申请人)."""
    place: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Where the case was taken: ``{}`` at the window, ``{"kind": "visit", "address": …}`` on a home visit (上门)."""
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime(), index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(AwareDateTime())
    accepted_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)
    notified_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)
    rejected_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)
    commitment_signed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)
    due_date: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    return_by: Mapped[dt.date | None] = mapped_column(Date, default=None)
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(64))
    window: Mapped[str] = mapped_column(String(16))
    org_code: Mapped[str] = mapped_column(String(16), default="")
    device_id: Mapped[str] = mapped_column(String(64), default="")
    ticket_no: Mapped[str | None] = mapped_column(String(16), default=None)
    platform_case_id: Mapped[str | None] = mapped_column(String(64), default=None)
    platform_note: Mapped[str] = mapped_column(Text, default="")
    platform_updated_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)

    materials: Mapped[list[MaterialRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="MaterialRow.position"
    )


class MaterialRow(Base):
    """One material of a case's merged checklist and how it stands."""

    __tablename__ = "case_materials"
    __table_args__ = (UniqueConstraint("case_uuid", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.case_uuid", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="missing")
    deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    info: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Catalog facts at intake: required, deferrable, e_license, originals, copies, why, source, matters."""
    reused_from: Mapped[str | None] = mapped_column(String(36), default=None)
    """case_uuid of an earlier case whose files on record were reused."""

    case: Mapped[CaseRow] = relationship(back_populates="materials")
    files: Mapped[list[FileRow]] = relationship(
        back_populates="material", cascade="all, delete-orphan", order_by="FileRow.position"
    )
    pages: Mapped[list[PageRow]] = relationship(
        back_populates="material", cascade="all, delete-orphan", order_by="PageRow.position"
    )


class BlobRow(Base):
    """A content-addressed file in the page store (bytes on disk under its sha256)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime())


class FileRow(Base):
    """A file sent to the platform for a material (one PDF per material, usually)."""

    __tablename__ = "material_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("case_materials.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source_name: Mapped[str] = mapped_column(String(260), default="")

    material: Mapped[MaterialRow] = relationship(back_populates="files")


class PageRow(Base):
    """One scanned or imported page of a material, in order, with its rotation."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("case_materials.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    media_type: Mapped[str] = mapped_column(String(64))
    page_index: Mapped[int] = mapped_column(Integer, default=0)
    """Index of the page inside its blob (a multi-page PDF or TIFF is stored once)."""
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    source_name: Mapped[str] = mapped_column(String(260), default="")
    blank_score: Mapped[float | None] = mapped_column(default=None)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime())

    material: Mapped[MaterialRow] = relationship(back_populates="pages")


class OutboxRow(Base):
    """Work to send to the platform, written in the same transaction as the change it reports."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    """case | event | evaluation | audit"""
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    """pending | done | parked"""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime())
    done_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)


class SequenceRow(Base):
    """Counters that must never hand out the same number twice (case numbers per day and window)."""

    __tablename__ = "sequences"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class KeyValueRow(Base):
    """Small state: sync cursor, catalog ETag, cached catalog, device id."""

    __tablename__ = "kv"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OperatorRow(Base):
    """An operator known on this workstation (after one online login): roles and an offline verifier."""

    __tablename__ = "operators"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    roles: Mapped[list[Any]] = mapped_column(default=list)
    org_code: Mapped[str] = mapped_column(String(16), default="")
    windows: Mapped[list[Any]] = mapped_column(default=list)
    verifier: Mapped[str] = mapped_column(Text, default="")
    """Slow password verifier (scrypt, parameters stored with it); never the password."""
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)
    last_online_login: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)


class AuditRow(Base):
    """A hash-chained audit entry: each carries the hash of the one before."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[dt.datetime] = mapped_column(AwareDateTime(), index=True)
    operator: Mapped[str] = mapped_column(String(64), index=True)
    window: Mapped[str] = mapped_column(String(16), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PrintJobRow(Base):
    """A document waiting for (or sent to) a printer; kept until printed so nothing is lost."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    printer: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    """queued | printed | failed | cancelled"""
    reprint: Mapped[bool] = mapped_column(default=False)
    error: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime())
    printed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime(), default=None)


Index("ix_cases_status_created", CaseRow.status, CaseRow.created_at)
# (key, created_at): a search pages newest-first from the index alone (migration 0003).
Index("ix_cases_name_created", CaseRow.applicant_name, CaseRow.created_at)
Index("ix_cases_initials_created", CaseRow.applicant_initials, CaseRow.created_at)
Index("ix_cases_idnum_created", CaseRow.applicant_id_number, CaseRow.created_at)
Index("ix_cases_phone_created", CaseRow.applicant_phone, CaseRow.created_at)
