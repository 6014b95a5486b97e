"""补正 and 容缺 follow-up: materials delivered after acceptance, sent as ``supplement`` events.

    svc = SupplementService(ctx)
    svc.requests()                                 # cases the back office sent back (需补正) and what it asked
    svc.add_files(actor, case_uuid, code, [Path("…pdf"), png_bytes, file_ref])   # → SupplementResult
    svc.commitments(due_within=3)                  # deferred materials (容缺) by deadline, due soon / overdue
    svc.fulfil(actor, case_uuid, code, files)      # a deferred material delivered: provided + supplement event

The files go to the page store first, then one transaction records them under the material, marks it
provided and queues the contract's ``supplement`` event (its ``event_uuid`` decided here, before any
try); the sync engine posts the event and PUTs the files the platform says it is missing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clerk import clock
from clerk.errors import ClerkError
from clerk.events import CaseSaved, EventBus, SupplementQueued
from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, FileRef, MaterialStatus
from clerk.intake.service import CaseNotFound, IntakeService
from clerk.intake.workdays import WorkCalendar
from clerk.materials.pagestore import PageStore
from clerk.materials.prepare import PreparedFile, prepare_bytes, prepare_file
from clerk.security import audit
from clerk.security.actor import Actor, Permission
from clerk.security.masking import mask_name, mask_phone
from clerk.store import Store
from clerk.store.models import BlobRow, CaseRow, FileRow, MaterialRow
from clerk.sync.outbox import queue_supplement

SUPPLEMENT_PREFIX = "supplement:"
"""``FileRow.source_name`` prefix of files that came after acceptance (followed by the event_uuid)."""

OPEN_FOR_SUPPLEMENTS = frozenset({CaseStatus.ACCEPTED, CaseStatus.RECEIVED, CaseStatus.IN_REVIEW,
                                  CaseStatus.SUPPLEMENT_REQUIRED, CaseStatus.APPROVED, CaseStatus.READY_FOR_PICKUP})
"""Accepted cases the platform still takes supplements for (not refused, denied or delivered)."""

DEFAULT_DUE_SOON = 3
"""Working days: a commitment due within this many is highlighted."""

FileInput = Path | bytes | FileRef


class SupplementContext(Protocol):
    store: Store
    pages: PageStore
    events: EventBus
    intake: IntakeService


class SupplementError(ClerkError, ValueError):
    """A supplement that cannot be taken, with the reason in plain Chinese."""


@dataclass(frozen=True)
class RequestedMaterial:
    code: str
    name: str
    status: MaterialStatus
    deadline: dt.date | None
    files: int


@dataclass(frozen=True)
class SupplementRequest:
    """A case the back office sent back (需补正): its note says what is wanted."""

    case_uuid: str
    case_no: str
    bundle_code: str
    applicant_name: str
    applicant_phone: str
    note: str
    asked_at: dt.datetime | None
    materials: tuple[RequestedMaterial, ...]
    """The whole checklist (deferred ones first), so the clerk can add to any material the note names."""


@dataclass(frozen=True)
class SupplementResult:
    case_uuid: str
    material_code: str
    event_uuid: str
    files: tuple[FileRef, ...]


@dataclass(frozen=True)
class Commitment:
    """A deferred material (容缺) the applicant promised to bring by ``deadline``."""

    case_uuid: str
    case_no: str
    case_status: CaseStatus
    applicant_name: str
    applicant_phone: str
    material_code: str
    material_name: str
    deadline: dt.date
    working_days_left: int
    """Working days from today to the deadline (0: due today or by a non-working day; < 0: overdue)."""
    due_soon: bool
    overdue: bool


class SupplementService:
    def __init__(self, ctx: SupplementContext, calendar: WorkCalendar | None = None) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.pages = ctx.pages
        self._calendar = calendar

    @property
    def calendar(self) -> WorkCalendar:
        return self._calendar or self.ctx.intake.calendar

    # -- what the back office asked for ------------------------------------------------------------
    def requests(self) -> list[SupplementRequest]:
        """Cases in 需补正, the oldest request first."""
        with self.store.read() as s:
            rows = s.execute(select(CaseRow).where(CaseRow.status == CaseStatus.SUPPLEMENT_REQUIRED.value)
                             .options(selectinload(CaseRow.materials).selectinload(MaterialRow.files))
                             .order_by(CaseRow.platform_updated_at, CaseRow.updated_at)).scalars().all()
            return [self._request(r) for r in rows]

    @staticmethod
    def _request(r: CaseRow) -> SupplementRequest:
        mats = sorted(r.materials, key=lambda m: (m.status != MaterialStatus.DEFERRED.value, m.position))
        return SupplementRequest(
            r.case_uuid, r.case_no, r.bundle_code, mask_name(r.applicant_name), mask_phone(r.applicant_phone),
            r.platform_note, r.platform_updated_at,
            tuple(RequestedMaterial(m.code, m.name, MaterialStatus(m.status), m.deadline, len(m.files))
                  for m in mats))

    # -- adding files --------------------------------------------------------------------------------
    def add_files(self, actor: Actor, case_uuid: str, material_code: str, files: Sequence[FileInput], *,
                  event_uuid: str | None = None) -> SupplementResult:
        """Adds files to a material of an accepted case and queues one ``supplement`` event with them."""
        actor.require(Permission.INTAKE)
        if not files:
            raise SupplementError("请至少选择一个补正文件")
        with self.store.read() as s:
            row = self._load(s, case_uuid)
            self._check_open(row)
            mat = self._material(row, material_code)
            allowed = list(mat.info.get("file_types") or ("pdf", "jpeg", "png", "tiff"))
            max_mb = int(mat.info.get("max_size_mb") or 20)
        checked = [self._check_file(f, allowed, max_mb) for f in files]  # every file checked before any is stored
        refs = [self._store_file(f) for f in checked]
        key = event_uuid or str(uuid.uuid4())
        now = clock.now()
        with self.store.write() as s:
            row = self._load(s, case_uuid)
            self._check_open(row)
            mat = self._material(row, material_code)
            have = {f.sha256 for f in mat.files}
            pos = len(mat.files)
            for ref in refs:
                if s.get(BlobRow, ref.sha256) is None:
                    s.add(BlobRow(sha256=ref.sha256, size=ref.size, media_type=ref.media_type, created_at=now))
                    s.flush()
                if ref.sha256 in have:
                    continue
                have.add(ref.sha256)
                mat.files.append(FileRow(sha256=ref.sha256, size=ref.size, media_type=ref.media_type, pages=ref.pages,
                                         position=pos, source_name=f"{SUPPLEMENT_PREFIX}{key}"))
                pos += 1
            if mat.status == MaterialStatus.DEFERRED.value and mat.deadline is not None:
                mat.info = {**mat.info, "promised_by": mat.deadline.isoformat(), "supplied_at": now.isoformat()}
            mat.status = MaterialStatus.PROVIDED.value
            mat.deadline = None
            row.updated_at = now
            queue_supplement(s, case_uuid, material_code, [r.model_dump() for r in refs], event_uuid=key)
            audit.append(s, actor, audit.AuditAction.SUPPLEMENT, case_uuid,
                         {"material_code": material_code, "files": len(refs)})
        self.ctx.events.publish(CaseSaved(case_uuid))
        self.ctx.events.publish(SupplementQueued(case_uuid, material_code, key))
        return SupplementResult(case_uuid, material_code, key, tuple(refs))

    def fulfil(self, actor: Actor, case_uuid: str, material_code: str, files: Sequence[FileInput], *,
               event_uuid: str | None = None) -> SupplementResult:
        """A deferred material (容缺) brought in: provided from now on, sent as a supplement event."""
        with self.store.read() as s:
            row = self._load(s, case_uuid)
            mat = self._material(row, material_code)
            if mat.status != MaterialStatus.DEFERRED.value:
                raise SupplementError(f"“{mat.name}”不是容缺后补的材料（或已经补齐）")
        return self.add_files(actor, case_uuid, material_code, files, event_uuid=event_uuid)

    def _check_file(self, f: FileInput, allowed: list[str], max_mb: int) -> FileRef | PreparedFile:
        """The same gate as an import at the window (``prepare_file``): FileProblem with a plain message."""
        if isinstance(f, FileRef):
            if not self.pages.has(f.sha256):
                raise SupplementError(f"本机材料库中没有文件 {f.sha256[:12]}…")
            return f
        if isinstance(f, Path):
            return prepare_file(f, allowed, max_mb)
        return prepare_bytes(f, allowed, max_mb, name="补正文件")

    def _store_file(self, f: FileRef | PreparedFile) -> FileRef:
        if isinstance(f, FileRef):
            return f
        blob = self.pages.put_bytes(f.data)
        return FileRef(sha256=blob.sha256, size=blob.size, media_type=f.media_type, pages=max(1, f.pages))

    # -- commitments (容缺) ------------------------------------------------------------------------------
    def commitments(self, *, due_within: int | None = None, today: dt.date | None = None) -> list[Commitment]:
        """Every deferred material of accepted cases by deadline; ``due_within`` keeps only those due
        within that many working days (overdue ones included)."""
        today = today or clock.today()
        cal = self.calendar
        open_states = [c.value for c in OPEN_FOR_SUPPLEMENTS]
        with self.store.read() as s:
            rows = s.execute(select(MaterialRow, CaseRow).join(CaseRow, CaseRow.case_uuid == MaterialRow.case_uuid)
                             .where(MaterialRow.status == MaterialStatus.DEFERRED.value,
                                    CaseRow.status.in_(open_states))
                             .order_by(MaterialRow.deadline, CaseRow.case_no)).all()
            out: list[Commitment] = []
            for mat, case in rows:
                deadline = mat.deadline or today
                left = cal.working_days_between(today, deadline)
                overdue = deadline < today
                c = Commitment(case.case_uuid, case.case_no, CaseStatus(case.status), mask_name(case.applicant_name),
                               mask_phone(case.applicant_phone), mat.code, mat.name, deadline, left,
                               due_soon=not overdue and left <= DEFAULT_DUE_SOON, overdue=overdue)
                if due_within is None or overdue or left <= due_within:
                    out.append(c)
        return out

    # -- internals ---------------------------------------------------------------------------------------
    @staticmethod
    def _load(s: Any, case_uuid: str) -> CaseRow:
        row = s.execute(select(CaseRow).where(CaseRow.case_uuid == case_uuid)
                        .options(selectinload(CaseRow.materials).selectinload(MaterialRow.files))).scalar_one_or_none()
        if row is None:
            raise CaseNotFound(case_uuid)
        assert isinstance(row, CaseRow)
        return row

    @staticmethod
    def _check_open(row: CaseRow) -> None:
        if CaseStatus(row.status) not in OPEN_FOR_SUPPLEMENTS:
            raise SupplementError(f"案件 {row.case_no} {CASE_STATUS_LABELS[row.status]}，不能再补充材料")

    @staticmethod
    def _material(row: CaseRow, code: str) -> MaterialRow:
        for m in row.materials:
            if m.code == code:
                return m
        raise SupplementError(f"案件 {row.case_no} 的材料清单中没有“{code}”")


