"""A whole case from a document (the CLI's JSON): every check first, then the files, then ONE transaction.

1. ``IntakeService.check_request``: the document against the catalog (bundle, situations, applicant,
   form, delivery, material statuses, deferral deadlines) — every problem at once.
2. Every named file: confined to the document's folder (``..``, absolute paths and symlinks out of
   it are refused unless ``anywhere``), then ``prepare_file`` — the same gate as the UI's import.
3. The upload PDF of every material built in memory (``upload.build_pdf``, as ``build_upload`` does).
4. A document seen before under its ``idempotency_key``/``case_uuid``: its first result, nothing new.
5. Page-store files written (what was not there before is remembered), then ``IntakeService.take_in``:
   draft, materials, pages, files, accept or notice, outbox row and replay record in one transaction.
   Any failure takes the new page-store files out again; a ``kill -9`` leaves at worst unreferenced
   files that ``store gc`` removes (and a re-run with the same key reuses them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from sqlalchemy.orm import Session

from clerk import clock, testpoints
from clerk.catalog.merge import merge
from clerk.intake.document import IntakeResult
from clerk.intake.model import MaterialStatus
from clerk.intake.request import IntakeRequest, RequestRefused
from clerk.intake.service import IntakeService
from clerk.intake.validation import Problems
from clerk.materials.prepare import PreparedFile, prepare_file
from clerk.materials.service import BUILT_PREFIX, MaterialError, MaterialsService
from clerk.materials.sniff import FileProblem
from clerk.materials.upload import PagePart, build_pdf
from clerk.security.actor import Actor
from clerk.store.models import BlobRow, CaseRow, FileRow, PageRow


@dataclass(frozen=True)
class MaterialFiles:
    code: str
    files: list[PreparedFile]
    upload: bytes
    upload_pages: int


def confine(base: Path, rel: str, *, anywhere: bool) -> Path:
    """The file a document names, inside ``base`` (the document's folder) unless ``anywhere``."""
    given = Path(rel)
    if not anywhere:
        if given.is_absolute():
            raise FileProblem(f"{rel}：不能用绝对路径；文件应放在案件文件所在的文件夹里（或加 --allow-files-anywhere）")
        if ".." in given.parts:
            raise FileProblem(f"{rel}：不能用 .. 指向案件文件夹以外（或加 --allow-files-anywhere）")
    path = given if given.is_absolute() else base / given
    try:
        resolved = path.resolve(strict=False)
    except (OSError, RuntimeError) as exc:
        raise FileProblem(f"{rel}：路径无法解析（{exc}）") from exc
    if not anywhere and not resolved.is_relative_to(base.resolve()):
        raise FileProblem(f"{rel}：指向案件文件夹以外（符号链接？），不能读取（或加 --allow-files-anywhere）")
    return resolved


def check_files(intake: IntakeService, req: IntakeRequest, base: Path, *,
                anywhere: bool = False) -> tuple[Problems, dict[str, MaterialFiles]]:
    """Every file of the document prepared (nothing written) and each material's upload PDF built."""
    problems: Problems = {}
    out: dict[str, MaterialFiles] = {}
    try:
        merged = merge(intake.catalog.bundle(req.bundle_code), req.situations, req.matters,
                       applicant_kind=req.applicant.kind)
    except (KeyError, ValueError):
        return problems, out  # reported by check_request
    by_code = {m.code: m for m in merged.materials}
    for m in req.materials:
        mm = by_code.get(m.code)
        if mm is None or m.status != "provided":
            continue
        prepared: list[PreparedFile] = []
        for j, rel in enumerate(m.files):
            try:
                path = confine(base, rel, anywhere=anywhere)
                prepared.append(prepare_file(path, [t.value for t in mm.file_types], mm.max_size_mb, name=rel))
            except FileProblem as exc:
                problems[f"materials.{m.code}.files[{j}]"] = str(exc)
        if len(prepared) != len(m.files) or not prepared:
            continue
        data = {p.sha256: p.data for p in prepared}
        parts = [PagePart(p.sha256, p.media_type, i, 0) for p in prepared for i in range(p.pages)]
        try:
            pdf, count = build_pdf(parts, data.__getitem__)
        except Exception as exc:  # noqa: BLE001 - pages that pdfium cannot copy: the file is refused
            problems[f"materials.{m.code}.files"] = f"“{mm.name}”的文件无法合成上传 PDF（{type(exc).__name__}）"
            continue
        if len(pdf) > mm.max_size_mb * 1024 * 1024:
            problems[f"materials.{m.code}.files"] = (f"“{mm.name}”合成的 PDF 为 {len(pdf) / 1048576:.1f} MB，"
                                                    f"超过 {mm.max_size_mb} MB 的上限")
            continue
        out[m.code] = MaterialFiles(m.code, prepared, pdf, count)
    return problems, out


def take_in_document(intake: IntakeService, materials: MaterialsService, actor: Actor, req: IntakeRequest,
                     base: Path, *, anywhere: bool = False, source: str = "",
                     licences: Callable[[Session, CaseRow], None] | None = None) -> IntakeResult:
    """Checks, stores and takes in one case document; ``RequestRefused`` (nothing written) when refused."""
    problems = intake.check_request(req)
    file_problems, files = check_files(intake, req, base, anywhere=anywhere)
    problems.update(file_problems)
    if problems:
        raise RequestRefused(problems, source=source)
    fingerprint = req.fingerprint({code: [p.original_sha256 for p in mf.files] for code, mf in files.items()})
    earlier = intake.replayed(req, fingerprint)
    if earlier is not None:
        return earlier
    pages = materials.pages
    added: list[str] = []
    stored: dict[str, list[tuple[PreparedFile, list[tuple[str, int, float | None]], int]]] = {}
    uploads: dict[str, tuple[str, int]] = {}
    try:
        for code, mf in files.items():
            for p in mf.files:
                if not pages.has(p.sha256):
                    added.append(p.sha256)
                new, blob = materials.store_prepared(p, p.source_name)
                stored.setdefault(code, []).append((p, [(n.media_type, n.page_index, n.blank_score) for n in new], blob.size))
            upload_sha = sha256(mf.upload).hexdigest()
            if not pages.has(upload_sha):
                added.append(upload_sha)
            blob = pages.put_bytes(mf.upload)
            uploads[code] = (blob.sha256, blob.size)
        testpoints.reach("intake.pages_written")

        def attach(s: Session, row: CaseRow) -> None:
            now = clock.now()
            blobs: set[str] = set()

            def blob_row(sha: str, size: int, media_type: str) -> None:
                if sha not in blobs and s.get(BlobRow, sha) is None:
                    s.add(BlobRow(sha256=sha, size=size, media_type=media_type, created_at=now))
                blobs.add(sha)

            by_code = {m.code: m for m in row.materials}
            for code, items in stored.items():
                mat = by_code.get(code)
                if mat is None:  # a material of a matter not chosen: ignored
                    continue
                pos = 0
                for p, new_pages, size in items:
                    blob_row(p.sha256, size, p.media_type)
                    for media_type, index, score in new_pages:
                        mat.pages.append(PageRow(sha256=p.sha256, media_type=media_type, page_index=index,
                                                 source_name=p.source_name[:260], blank_score=score,
                                                 position=pos, created_at=now))
                        pos += 1
                sha, size = uploads[code]
                blob_row(sha, size, "application/pdf")
                mat.files.append(FileRow(sha256=sha, size=size, media_type="application/pdf",
                                         pages=files[code].upload_pages, position=0,
                                         source_name=f"{BUILT_PREFIX}{row.case_no}-{code}.pdf"))
                mat.status = MaterialStatus.PROVIDED.value
                mat.deadline = None
            s.flush()
            if licences is not None:  # e-licences fetched into the same transaction (clerk.elicence)
                licences(s, row)
                s.flush()

        result = intake.take_in(actor, req, fingerprint=fingerprint, attach=attach,
                                before_commit=lambda: testpoints.reach("intake.before_commit"))
    except OSError as exc:  # the page store could not be written (disk full, read-only): one line
        materials.forget_unrecorded(added)
        raise MaterialError(f"材料文件无法写入本机页面库（{exc.strerror or exc}），未受理；请检查磁盘后重试") from exc
    except BaseException:
        materials.forget_unrecorded(added)
        raise
    if result.replayed:  # another run with the same key committed first
        materials.forget_unrecorded(added)
    return result
