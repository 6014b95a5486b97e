"""Small adapters over clerk/ for what its services do not offer yet (each says where it should move).

- ``import_files``: whole-file import for a material (inspect, page store, attach). Should become
  ``clerk/materials/service.py`` (page thumbnails, scanning), which the UI will call instead.
- ``prune_form``: drops stored form values whose field left the form after a situation changed.
  Should move into ``IntakeService.save_draft(situations=…)`` (else ``check_form`` reports them as
  unknown fields on accept).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk.context import AppContext
from clerk.intake.model import CaseView, FileRef
from clerk.materials.sniff import FileProblem, inspect_file


@dataclass(frozen=True)
class ImportResult:
    view: CaseView
    problems: list[str]
    imported: int


def import_files(ctx: AppContext, case_uuid: str, code: str, paths: list[Path]) -> ImportResult:
    """Checks every file (type from its bytes, size, pages), stores the good ones, attaches them; runs in a worker."""
    view = ctx.intake.get(case_uuid)
    material = next(m for m in view.materials if m.code == code)
    merged_material = _merged_material(ctx, view, code)
    allowed = [t.value for t in merged_material.file_types] if merged_material else None
    max_mb = merged_material.max_size_mb if merged_material else 50
    good: list[tuple[FileRef, str]] = []
    problems: list[str] = []
    for path in paths:
        try:
            info = inspect_file(path, allowed, max_mb)
            blob = ctx.pages.put_file(path)
        except FileProblem as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path.name}：无法读取（{exc.strerror or exc}）")
            continue
        good.append((FileRef(sha256=blob.sha256, size=blob.size, media_type=info.media_type, pages=info.pages), path.name))
    if good:
        view = ctx.intake.attach_files(case_uuid, material.code, good)
    return ImportResult(view, problems, len(good))


def _merged_material(ctx: AppContext, view: CaseView, code: str):  # type: ignore[no-untyped-def]
    from clerk.catalog.merge import merge

    try:
        return merge(ctx.catalog.bundle(view.bundle_code), view.situations).material(code)
    except KeyError:
        return None


def prune_form(ctx: AppContext, case_uuid: str, keep: set[str]) -> None:
    from sqlalchemy import select

    from clerk.store.models import CaseRow

    with ctx.store.write() as s:
        row = s.execute(select(CaseRow).where(CaseRow.case_uuid == case_uuid)).scalar_one()
        if any(k not in keep for k in row.form):
            row.form = {k: v for k, v in row.form.items() if k in keep}
