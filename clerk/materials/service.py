"""The materials service: the pages of each material of a case (import, scan, arrange) and its upload PDF.

Every change is written page store first (atomic, by sha256), database second (one transaction), so
a crash leaves at worst an unreferenced file that ``collect_garbage`` removes later, never a page
record without its bytes. A bad file is refused with a clear message before anything is stored.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from clerk import clock
from clerk.errors import ClerkError
from clerk.events import CaseSaved, EventBus, MaterialPagesChanged, ScanProgress
from clerk.intake import lifecycle
from clerk.intake.model import CASE_STATUS_LABELS, CaseStatus, FileRef, MaterialStatus
from clerk.materials import barcodes
from clerk.materials.decoder import Examined, clean, examine, examine_clean
from clerk.materials.imaging import BLANK_SUGGEST, ThumbnailCache
from clerk.materials.pagestore import PageStore, StoredBlob
from clerk.materials.prepare import PreparedFile, prepare_file
from clerk.materials.scanner import Scanner, ScanOptions
from clerk.materials.sniff import FileProblem, sniff
from clerk.materials.upload import PagePart, build_pdf
from clerk.store import Store
from clerk.store.models import BlobRow, CaseRow, FileRow, MaterialRow, OutboxRow, PageRow, PrintJobRow

BUILT_PREFIX = "built:"
"""``FileRow.source_name`` of the upload PDF made from a material's pages (replaced on every build)."""
DEFAULT_TYPES = ("pdf", "jpeg", "png", "tiff")
DEFAULT_MAX_MB = 20


class MaterialError(ClerkError, ValueError):
    """A refused change to a material's pages, with the reason in Chinese."""


@dataclass(frozen=True)
class PageInfo:
    id: int
    material_code: str
    position: int
    sha256: str
    media_type: str
    page_index: int
    rotation: int
    source_name: str
    blank_score: float | None

    @property
    def looks_blank(self) -> bool:
        return self.blank_score is not None and self.blank_score >= BLANK_SUGGEST


@dataclass
class ScanOutcome:
    """What a scan filed: pages per material, and anything not filed (kept on disk, never lost)."""

    pages: list[PageInfo] = field(default_factory=list)
    cancelled: bool = False
    error: str | None = None
    unfiled: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def by_material(self) -> dict[str, list[PageInfo]]:
        out: dict[str, list[PageInfo]] = {}
        for p in self.pages:
            out.setdefault(p.material_code, []).append(p)
        return out


@dataclass(frozen=True)
class _NewPage:
    sha256: str
    size: int
    media_type: str
    page_index: int
    source_name: str
    blank_score: float | None


def _info(row: PageRow, code: str) -> PageInfo:
    return PageInfo(row.id, code, row.position, row.sha256, row.media_type, row.page_index, row.rotation,
                    row.source_name, row.blank_score)


class MaterialsService:
    """Pages of the materials of editable (draft or notified) cases, and their upload PDFs."""

    def __init__(self, store: Store, pages: PageStore, events: EventBus | None = None, *,
                 thumbs_dir: Path | None = None, scans_dir: Path | None = None) -> None:
        self.store = store
        self.pages = pages
        self.events = events or EventBus()
        self.thumbs = ThumbnailCache(thumbs_dir or pages.root.parent / "thumbs", pages)
        self.scans_dir = scans_dir or pages.root.parent / "scans"

    # -- reading -----------------------------------------------------------------------------------
    def list_pages(self, case_uuid: str, code: str) -> list[PageInfo]:
        with self.store.read() as s:
            mat = self._material(s, case_uuid, code)
            return [_info(p, code) for p in mat.pages]

    def case_pages(self, case_uuid: str) -> dict[str, list[PageInfo]]:
        """The pages of every material of a case, by material code, in one query (opening a case reads
        them once, whatever its number of materials); materials with no pages are absent."""
        with self.store.read() as s:
            rows = s.execute(
                select(MaterialRow.code, PageRow).join(PageRow.material)
                .where(MaterialRow.case_uuid == case_uuid).order_by(MaterialRow.position, PageRow.position)
            ).all()
        out: dict[str, list[PageInfo]] = {}
        for code, page in rows:
            out.setdefault(code, []).append(_info(page, code))
        return out

    def thumbnail(self, page: PageInfo) -> bytes:
        """PNG thumbnail (~160 px) of a page with its rotation; cached on disk; callable off the UI thread."""
        return self.thumbs.get(page.sha256, page.media_type, page.page_index, page.rotation)

    def blank_suggestions(self, case_uuid: str) -> list[PageInfo]:
        """Pages that look blank (e.g. empty backs of a duplex scan): suggested for removal, never removed."""
        with self.store.read() as s:
            case = self._case(s, case_uuid)
            return [_info(p, m.code) for m in case.materials for p in m.pages
                    if p.blank_score is not None and p.blank_score >= BLANK_SUGGEST]

    # -- adding pages -------------------------------------------------------------------------------
    def import_file(self, case_uuid: str, code: str, path: Path, *, source_name: str | None = None,
                    position: int | None = None) -> list[PageInfo]:
        """Imports a PDF, JPEG, PNG, TIFF (or HEIC with pillow-heif) as pages of the material.

        Checked in full first (``clerk.materials.prepare.prepare_file``: a regular file, size, type
        from the bytes, header limits, every page decoded in a limited child process) and refused
        (``FileProblem``) with nothing stored: empty, over the material's size limit, not of a type
        the material accepts, not really a PDF/image (an executable renamed .pdf), encrypted or
        broken PDF, unreadable or oversized image, a FIFO or folder. Images are stored cleaned
        (``clerk.materials.decoder``: no trailing data, no comments or GPS).
        """
        allowed, max_mb = self._limits(case_uuid, code)
        prepared = prepare_file(path, allowed, max_mb)
        new, blob = self.store_prepared(prepared, source_name or path.name)
        return self._record(case_uuid, code, blob.sha256, blob.size, new, position=position)

    def add_page(self, case_uuid: str, code: str, data: bytes, *, source_name: str = "扫描",
                 position: int | None = None) -> PageInfo:
        """One scanned page (JPEG, PNG or TIFF bytes from a scanner) appended to the material.

        The workstation's own scanner: examined in-process (header limits and cleaning still apply).
        """
        kind = sniff(data[:32])
        if kind is None or kind == "pdf":
            raise FileProblem(f"{source_name}：扫描结果不是图片，无法保存")
        self._check_editable(case_uuid, code)
        new, blob = self._store_and_analyse(data, kind, source_name)
        return self._record(case_uuid, code, blob.sha256, blob.size, new, position=position)[0]

    def store_prepared(self, prepared: PreparedFile, source_name: str) -> tuple[list[_NewPage], StoredBlob]:
        """Writes a prepared file's bytes and thumbnails (not yet recorded: the caller records them, or
        ``forget_unrecorded`` takes them out again)."""
        blob = self.pages.put_bytes(prepared.data)
        return self._new_pages(blob.sha256, prepared.examined, source_name), blob

    def forget_unrecorded(self, shas: Sequence[str]) -> None:
        """Removes page-store files (and their thumbnails) that no database row refers to: what a
        failed intake added (pass only files that were not there before it). A file in use stays."""
        for sha in shas:
            if not self._blob_in_use(sha):
                self.pages.remove(sha)
                self.thumbs.drop(sha)

    def _blob_in_use(self, sha: str) -> bool:
        with self.store.read() as s:
            if s.get(BlobRow, sha) is not None:
                return True
            return any(s.execute(select(model.id).where(model.sha256 == sha).limit(1)).first() is not None
                       for model in (PageRow, FileRow, PrintJobRow))

    def _store_and_analyse(self, data: bytes, kind: str, source_name: str) -> tuple[list[_NewPage], StoredBlob]:
        """Cleans the bytes, then writes them to the page store (hash, fsync, rename) while the pages
        are decoded for their thumbnails and blank scores; both wait on C code, so they overlap. When
        the pages turn out unreadable, a file this call added is taken out again: a refused file
        leaves nothing."""
        if kind not in ("jpeg", "png"):
            examined = examine(kind, data, source_name)
            blob = self.pages.put_bytes(examined.data)
            return self._new_pages(blob.sha256, examined, source_name), blob
        cleaned = clean(kind, data, source_name)
        sha = hashlib.sha256(cleaned).hexdigest()
        existed = self.pages.has(sha)
        writing = _io_pool().submit(self.pages.put_bytes, cleaned)
        try:
            examined = examine_clean(kind, cleaned, source_name)
        except BaseException:
            try:
                writing.result()
            finally:
                if not existed and not self._blob_recorded(sha):
                    self.pages.remove(sha)
            raise
        return self._new_pages(sha, examined, source_name), writing.result()

    def _blob_recorded(self, sha: str) -> bool:
        with self.store.read() as s:
            return s.get(BlobRow, sha) is not None

    def _new_pages(self, sha: str, examined: Examined, source_name: str) -> list[_NewPage]:
        out = []
        for i, page in enumerate(examined.pages):
            self.thumbs.put(sha, i, 0, page.thumbnail_png)
            out.append(_NewPage(sha, len(examined.data), examined.media_type, i, source_name[:260], page.blank_score))
        return out

    def _record(self, case_uuid: str, code: str, sha: str, size: int, new: list[_NewPage], *,
                position: int | None = None) -> list[PageInfo]:
        now = clock.now()
        with self.store.write() as s:
            mat = self._editable_material(case_uuid, code, s, pages=position is not None)
            if s.get(BlobRow, sha) is None:
                s.add(BlobRow(sha256=sha, size=size, media_type=new[0].media_type, created_at=now))
                s.flush()
            rows = [PageRow(sha256=sha, media_type=n.media_type, page_index=n.page_index, source_name=n.source_name,
                            blank_score=n.blank_score, created_at=now) for n in new]
            if position is None:
                # appending (every scanned page): no need to load the material's other pages
                last = s.execute(select(func.max(PageRow.position)).where(PageRow.material_id == mat.id)).scalar()
                for i, r in enumerate(rows, start=(-1 if last is None else last) + 1):
                    r.material_id, r.position = mat.id, i
                    s.add(r)
                self._pages_added(mat)
            else:
                pages = list(mat.pages)
                at = max(0, min(position, len(pages)))
                pages[at:at] = rows
                mat.pages = pages
                self._renumber(mat)
                self._pages_changed(mat)
            s.flush()
            out = [_info(r, code) for r in rows]
        self._announce(case_uuid, code)
        return out

    # -- arranging ----------------------------------------------------------------------------------
    def reorder(self, case_uuid: str, code: str, page_ids: Sequence[int]) -> list[PageInfo]:
        """Puts the material's pages in the order of ``page_ids`` (every page exactly once)."""
        with self.store.write() as s:
            mat = self._editable_material(case_uuid, code, s)
            by_id = {p.id: p for p in mat.pages}
            if sorted(page_ids) != sorted(by_id):
                raise MaterialError("页面顺序须包含本材料的每一页且只出现一次")
            mat.pages = [by_id[i] for i in page_ids]
            self._renumber(mat)
            self._pages_changed(mat)
            out = [_info(p, code) for p in mat.pages]
        self._announce(case_uuid, code)
        return out

    def rotate(self, page_id: int, degrees: int = 90) -> PageInfo:
        if degrees % 90:
            raise MaterialError("只能按 90° 的倍数旋转")
        with self.store.write() as s:
            row, mat = self._editable_page(s, page_id)
            row.rotation = (row.rotation + degrees) % 360
            self._pages_changed(mat)
            out = _info(row, mat.code)
            case_uuid = mat.case_uuid
        self._announce(case_uuid, out.material_code)
        return out

    def delete_pages(self, page_ids: Sequence[int]) -> None:
        touched: set[tuple[str, str]] = set()
        with self.store.write() as s:
            for pid in page_ids:
                row, mat = self._editable_page(s, pid)
                mat.pages.remove(row)
                touched.add((mat.case_uuid, mat.code))
                self._renumber(mat)
                self._pages_changed(mat)
        for case_uuid, code in touched:
            self._announce(case_uuid, code)

    def delete_page(self, page_id: int) -> None:
        self.delete_pages([page_id])

    def move_page(self, page_id: int, to_code: str, position: int | None = None) -> PageInfo:
        """Moves a page to another material of the same case (appended, or at ``position``)."""
        with self.store.write() as s:
            row, src = self._editable_page(s, page_id)
            dst = self._material(s, src.case_uuid, to_code)
            if dst.id == src.id:
                raise MaterialError("页面已在该材料中")
            src.pages.remove(row)
            new = PageRow(sha256=row.sha256, media_type=row.media_type, page_index=row.page_index,
                          rotation=row.rotation, source_name=row.source_name, blank_score=row.blank_score,
                          created_at=row.created_at)
            pages = list(dst.pages)
            at = len(pages) if position is None else max(0, min(position, len(pages)))
            pages.insert(at, new)
            dst.pages = pages
            for m in (src, dst):
                self._renumber(m)
                self._pages_changed(m)
            s.flush()
            out = _info(new, to_code)
            case_uuid, from_code = src.case_uuid, src.code
        self._announce(case_uuid, from_code)
        self._announce(case_uuid, to_code)
        return out

    def replace_page(self, page_id: int, path: Path) -> list[PageInfo]:
        """Replaces a page by the page(s) of ``path`` at the same place (checked like an import first)."""
        with self.store.read() as s:
            row, mat = self._editable_page(s, page_id)
            case_uuid, code = mat.case_uuid, mat.code
        allowed, max_mb = self._limits(case_uuid, code)
        prepared = prepare_file(path, allowed, max_mb)
        new, blob = self.store_prepared(prepared, path.name)
        now = clock.now()
        with self.store.write() as s:
            row, mat = self._editable_page(s, page_id)
            if s.get(BlobRow, blob.sha256) is None:
                s.add(BlobRow(sha256=blob.sha256, size=blob.size, media_type=prepared.media_type, created_at=now))
                s.flush()
            rows = [PageRow(sha256=n.sha256, media_type=n.media_type, page_index=n.page_index,
                            source_name=n.source_name, blank_score=n.blank_score, created_at=now) for n in new]
            pages = list(mat.pages)
            at = pages.index(row)
            pages[at:at + 1] = rows
            mat.pages = pages
            self._renumber(mat)
            self._pages_changed(mat)
            s.flush()
            out = [_info(r, code) for r in rows]
        self._announce(case_uuid, code)
        return out

    # -- scanning ----------------------------------------------------------------------------------
    def scan_into(self, case_uuid: str, code: str | None, scanner: Scanner, device: str, options: ScanOptions, *,
                  separators: bool = False, on_progress: Callable[[int, PageInfo | None], None] | None = None,
                  cancel: threading.Event | None = None) -> ScanOutcome:
        """Scans straight into a material: each page is filed as soon as it is scanned.

        With ``separators``, separator sheets (``SEP:case_no:code``) switch the material and are
        dropped; pages before the first separator go to ``code``. Pages that cannot be filed (a
        separator of another case, an unknown material) stay on disk in ``ScanOutcome.unfiled``.
        Run it in a worker thread; ``cancel`` stops the scanner. Raises ``ScanError`` only when
        the scan could not start.
        """
        with self.store.read() as s:
            case = self._case(s, case_uuid)
            case_no = case.case_no
            codes = {m.code for m in case.materials}
            self._editable(case)
        if code is not None and code not in codes:
            raise MaterialError(f"本案件的材料清单中没有“{code}”")
        work = self.scans_dir / uuid.uuid4().hex
        outcome = ScanOutcome()
        target: list[str | None] = [code]
        scanned = [0]

        def on_page(n: int, path: Path) -> None:
            scanned[0] = n
            filed: PageInfo | None = None
            if separators:
                sep = barcodes.find_separator(path)
                if sep is not None:
                    if sep[0] != case_no:
                        outcome.problems.append(f"第 {n} 页是另一案件 {sep[0]} 的分隔页，其后的页面未归档")
                        target[0] = None
                    elif sep[1] not in codes:
                        outcome.problems.append(f"第 {n} 页分隔页的材料“{sep[1]}”不在本案件清单中，其后的页面未归档")
                        target[0] = None
                    else:
                        target[0] = sep[1]
                    path.unlink(missing_ok=True)
                    if on_progress is not None:
                        on_progress(n, None)
                    return
            if target[0] is None:
                outcome.unfiled.append(path)
            else:
                filed = self.add_page(case_uuid, target[0], path.read_bytes(), source_name=f"扫描第 {n} 页")
                outcome.pages.append(filed)
                path.unlink(missing_ok=True)
            self.events.publish(ScanProgress(case_uuid, target[0] or "", n))
            if on_progress is not None:
                on_progress(n, filed)

        try:
            result = scanner.scan(device, options, work, on_page=on_page, cancel=cancel)
        finally:
            if work.exists() and not any(work.iterdir()):
                shutil.rmtree(work, ignore_errors=True)
        outcome.cancelled = result.cancelled
        outcome.error = result.error
        return outcome

    def file_batch(self, case_uuid: str, images: Sequence[Path | bytes], *, default_code: str | None = None,
                   source_name: str = "扫描") -> dict[str, list[PageInfo]]:
        """Files a scanned batch cut by separator sheets into its materials (separators dropped).

        Checked first, nothing stored when refused: separators of another case, unknown materials,
        pages before the first separator with no ``default_code``.
        """
        with self.store.read() as s:
            case = self._case(s, case_uuid)
            self._editable(case)
            case_no, codes = case.case_no, {m.code for m in case.materials}
        split = barcodes.split_batch(images, case_no)
        problems = [f"第 {i + 1} 页是另一案件 {other} 的分隔页" for i, other in split.foreign]
        problems += [f"分隔页上的材料“{c}”不在本案件清单中" for c, _ in split.groups if c not in codes]
        if split.leading and default_code is None:
            problems.append(f"第一张分隔页之前有 {len(split.leading)} 页，不知道属于哪份材料")
        if default_code is not None and default_code not in codes:
            problems.append(f"本案件的材料清单中没有“{default_code}”")
        if problems:
            raise MaterialError("；".join(problems))
        plan = ([(default_code, split.leading)] if split.leading else []) + list(split.groups)
        out: dict[str, list[PageInfo]] = {}
        for c, idxs in plan:
            assert c is not None
            for i in idxs:
                img = images[i]
                data = img.read_bytes() if isinstance(img, Path) else img
                out.setdefault(c, []).append(self.add_page(case_uuid, c, data, source_name=f"{source_name}第 {i + 1} 页"))
        return out

    # -- the upload PDF ----------------------------------------------------------------------------
    def build_upload(self, case_uuid: str, code: str) -> FileRef:
        """The material as ONE PDF (pages in order, rotation applied), stored and recorded as its file.

        Replaces an earlier built PDF of the material. Refused when the material has no pages or
        the PDF exceeds the material's size limit.
        """
        for _ in range(3):
            with self.store.read() as s:
                case = self._case(s, case_uuid)
                mat = self._find(case, code)
                case_no = case.case_no
                parts = [PagePart(p.sha256, p.media_type, p.page_index, p.rotation) for p in mat.pages]
                max_mb = int(mat.info.get("max_size_mb") or DEFAULT_MAX_MB)
                name = mat.name
            if not parts:
                raise MaterialError(f"“{name}”还没有任何页面，无法生成上传文件")
            pdf, count = build_pdf(parts, self.pages.read)
            if len(pdf) > max_mb * 1024 * 1024:
                raise MaterialError(
                    f"“{name}”合成的 PDF 为 {len(pdf) / 1048576:.1f} MB，超过 {max_mb} MB 的上限；"
                    "请用较低分辨率或灰度重新扫描")
            blob = self.pages.put_bytes(pdf)
            with self.store.write() as s:
                mat = self._editable_material(case_uuid, code, s)
                if [PagePart(p.sha256, p.media_type, p.page_index, p.rotation) for p in mat.pages] != parts:
                    continue  # the pages changed while building: build again
                if s.get(BlobRow, blob.sha256) is None:
                    s.add(BlobRow(sha256=blob.sha256, size=blob.size, media_type="application/pdf",
                                  created_at=clock.now()))
                    s.flush()
                kept = [f for f in mat.files if not f.source_name.startswith(BUILT_PREFIX)]
                kept.append(FileRow(sha256=blob.sha256, size=blob.size, media_type="application/pdf", pages=count,
                                    position=len(kept), source_name=f"{BUILT_PREFIX}{case_no}-{code}.pdf"))
                mat.files = kept
                mat.status = MaterialStatus.PROVIDED.value
                mat.deadline = None
            self.events.publish(CaseSaved(case_uuid))
            return FileRef(sha256=blob.sha256, size=blob.size, media_type="application/pdf", pages=count)
        raise MaterialError("页面正在被修改，请稍后再生成上传文件")

    def built_upload(self, case_uuid: str, code: str) -> FileRef | None:
        """The current upload PDF of a material (None when pages changed since, or never built)."""
        with self.store.read() as s:
            mat = self._material(s, case_uuid, code)
            for f in mat.files:
                if f.source_name.startswith(BUILT_PREFIX):
                    return FileRef(sha256=f.sha256, size=f.size, media_type=f.media_type, pages=f.pages)
        return None

    # -- internals ---------------------------------------------------------------------------------
    def _announce(self, case_uuid: str, code: str) -> None:
        self.events.publish(MaterialPagesChanged(case_uuid, code))
        self.events.publish(CaseSaved(case_uuid))

    @staticmethod
    def _renumber(mat: MaterialRow) -> None:
        for i, p in enumerate(mat.pages):
            p.position = i

    @staticmethod
    def _pages_added(mat: MaterialRow) -> None:
        mat.files = [f for f in mat.files if not f.source_name.startswith(BUILT_PREFIX)]
        mat.status = MaterialStatus.PROVIDED.value
        mat.deadline = None
        mat.case.updated_at = clock.now()

    @staticmethod
    def _pages_changed(mat: MaterialRow) -> None:
        """A built upload PDF no longer matches: drop it; the material is provided while it has pages."""
        mat.files = [f for f in mat.files if not f.source_name.startswith(BUILT_PREFIX)]
        if mat.pages:
            mat.status = MaterialStatus.PROVIDED.value
            mat.deadline = None
        elif not mat.files and mat.status == MaterialStatus.PROVIDED.value:
            mat.status = MaterialStatus.MISSING.value
        mat.case.updated_at = clock.now()

    def _limits(self, case_uuid: str, code: str) -> tuple[list[str], int]:
        with self.store.read() as s:
            mat = self._editable_material(case_uuid, code, s)
            info: dict[str, Any] = mat.info or {}
            allowed = list(info.get("file_types") or DEFAULT_TYPES)
            return allowed, int(info.get("max_size_mb") or DEFAULT_MAX_MB)

    @staticmethod
    def _case(s: Session, case_uuid: str) -> CaseRow:
        case = s.execute(
            select(CaseRow).where(CaseRow.case_uuid == case_uuid).options(
                selectinload(CaseRow.materials).selectinload(MaterialRow.pages),
                selectinload(CaseRow.materials).selectinload(MaterialRow.files))
        ).scalar_one_or_none()
        if case is None:
            raise MaterialError(f"找不到案件 {case_uuid}")
        return case

    @staticmethod
    def _find(case: CaseRow, code: str) -> MaterialRow:
        for m in case.materials:
            if m.code == code:
                return m
        raise MaterialError(f"本案件的材料清单中没有“{code}”")

    def _material(self, s: Session, case_uuid: str, code: str, *, pages: bool = True) -> MaterialRow:
        """One material of a case (with its case, files and, unless ``pages=False``, its pages)."""
        q = (select(MaterialRow).where(MaterialRow.case_uuid == case_uuid, MaterialRow.code == code)
             .options(joinedload(MaterialRow.case), selectinload(MaterialRow.files)))
        if pages:
            q = q.options(selectinload(MaterialRow.pages))
        mat = s.execute(q).unique().scalar_one_or_none()
        if mat is None:
            if s.get(CaseRow, case_uuid) is None:
                raise MaterialError(f"找不到案件 {case_uuid}")
            raise MaterialError(f"本案件的材料清单中没有“{code}”")
        return mat

    @staticmethod
    def _editable(case: CaseRow) -> None:
        if CaseStatus(case.status) not in lifecycle.EDITABLE:
            raise MaterialError(f"案件 {case.case_no} 已{CASE_STATUS_LABELS[case.status]}，材料不能再修改")

    def _editable_material(self, case_uuid: str, code: str, s: Session | None = None, *,
                           pages: bool = True) -> MaterialRow:
        if s is None:
            with self.store.read() as s2:
                return self._editable_material(case_uuid, code, s2, pages=pages)
        mat = self._material(s, case_uuid, code, pages=pages)
        self._editable(mat.case)
        return mat

    def _check_editable(self, case_uuid: str, code: str) -> None:
        """The cheap check before work is done (one query); the write transaction checks again."""
        with self.store.read() as s:
            found = s.execute(select(CaseRow.status, CaseRow.case_no, MaterialRow.id)
                              .join(MaterialRow, MaterialRow.case_uuid == CaseRow.case_uuid)
                              .where(CaseRow.case_uuid == case_uuid, MaterialRow.code == code)).first()
        if found is None:
            self._editable_material(case_uuid, code, pages=False)  # raises the precise error
            return
        if CaseStatus(found.status) not in lifecycle.EDITABLE:
            raise MaterialError(f"案件 {found.case_no} 已{CASE_STATUS_LABELS[found.status]}，材料不能再修改")

    def _editable_page(self, s: Session, page_id: int) -> tuple[PageRow, MaterialRow]:
        row = s.get(PageRow, page_id)
        if row is None:
            raise MaterialError(f"页面 {page_id} 不存在（可能已被删除）")
        mat = self._material(s, row.material.case_uuid, row.material.code)
        self._editable(mat.case)
        row = next(p for p in mat.pages if p.id == page_id)
        return row, mat


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _io_pool() -> ThreadPoolExecutor:
    """A small pool for page-store writes that overlap page decoding."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pagestore-write")
        return _POOL


# -- functions over the whole data dir -----------------------------------------------------------------
def prepare_uploads(ctx_or_services: Any, case_uuid: str) -> dict[str, FileRef]:
    """Builds the upload PDF of every material of the case that has pages (skipping ones still current).

    Call it before ``IntakeService.check_for_accept``/``accept``. Takes an ``AppContext`` (``.store``,
    ``.pages``, ``.events``), a ``MaterialsService``, or anything with a ``.materials`` service.
    """
    svc = _service_of(ctx_or_services)
    with svc.store.read() as s:
        case = svc._case(s, case_uuid)
        todo = [(m.code, any(f.source_name.startswith(BUILT_PREFIX) for f in m.files)) for m in case.materials
                if m.pages and m.status != MaterialStatus.E_LICENSE.value]  # an e-licence goes as its own file
    out: dict[str, FileRef] = {}
    for code, built in todo:
        ref = svc.built_upload(case_uuid, code) if built else None
        out[code] = ref or svc.build_upload(case_uuid, code)
    return out


def _service_of(obj: Any) -> MaterialsService:
    if isinstance(obj, MaterialsService):
        return obj
    existing = getattr(obj, "materials", None)
    if isinstance(existing, MaterialsService):
        return existing
    return MaterialsService(obj.store, obj.pages, getattr(obj, "events", None))


_SHA_RE = re.compile(r"\b[0-9a-f]{64}\b")


def referenced_blobs(store: Store) -> set[str]:
    """Every sha256 the database still needs: pages, material files, print jobs, outbox payloads."""
    refs: set[str] = set()
    with store.read() as s:
        for model in (PageRow, FileRow, PrintJobRow):
            refs.update(s.execute(select(model.sha256)).scalars())  # type: ignore[attr-defined]
        import json

        for payload in s.execute(select(OutboxRow.payload)).scalars():
            refs.update(_SHA_RE.findall(json.dumps(payload)))
    return refs


def collect_garbage(store: Store, pages: PageStore, *, min_age_seconds: float = 3600.0) -> list[str]:
    """Deletes page-store files nothing refers to (older than ``min_age_seconds``, so a write in flight
    is never taken) and their ``BlobRow``s. Returns the deleted hashes."""
    referenced = referenced_blobs(store)
    removed = pages.gc(referenced, min_age_seconds=min_age_seconds)
    gone = set(removed)
    with store.write() as s:
        for row in s.execute(select(BlobRow)).scalars():
            if row.sha256 not in referenced and (row.sha256 in gone or not pages.has(row.sha256)):
                s.delete(row)
    return removed


def expected_blobs(store: Store) -> set[str]:
    """The blobs the database records (to report files missing from the page store)."""
    refs: set[str] = set()
    with store.read() as s:
        for model in (BlobRow, PageRow, FileRow, PrintJobRow):
            refs.update(s.execute(select(model.sha256)).scalars())  # type: ignore[attr-defined]
    return refs


__all__ = [
    "BUILT_PREFIX", "MaterialError", "MaterialsService", "PageInfo",
    "ScanOutcome", "collect_garbage", "expected_blobs", "prepare_uploads", "referenced_blobs",
]
