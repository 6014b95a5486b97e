"""Small adapters over clerk/ for what its services do not offer yet (each says where it should move).

- ``import_files``: files into a material as pages through ``ctx.materials.import_file`` (the seam the
  import button and drops reach); the problems of several files are gathered into one result.
- ``prune_form``: drops stored form values whose field left the form after a situation changed.
  Should move into ``IntakeService.save_draft(situations=…)`` (else ``check_form`` reports them as
  unknown fields on accept).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk.context import AppContext
from clerk.intake.model import CaseView
from clerk.materials.sniff import FileProblem


@dataclass(frozen=True)
class ImportResult:
    view: CaseView
    problems: list[str]
    imported: int


def import_files(ctx: AppContext, case_uuid: str, code: str, paths: list[Path]) -> ImportResult:
    """Imports every file as pages of the material (``ctx.materials.import_file``: type from the bytes,
    size, readable pages; a refused file stores nothing), then builds the material's upload PDF so the
    case view counts its pages; runs in a worker. Problems come back as one Chinese line per file."""
    from clerk.materials.service import MaterialError

    problems: list[str] = []
    imported = 0
    for path in paths:
        try:
            ctx.materials.import_file(case_uuid, code, path)
        except (FileProblem, MaterialError) as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path.name}：无法读取（{exc.strerror or exc}）")
            continue
        imported += 1
    if imported:
        try:
            ctx.materials.build_upload(case_uuid, code)
        except MaterialError as exc:  # e.g. over the size limit: the pages stay, the clerk is told
            problems.append(str(exc))
    return ImportResult(ctx.intake.get(case_uuid), problems, imported)


def prune_form(ctx: AppContext, case_uuid: str, keep: set[str]) -> None:
    from sqlalchemy import select

    from clerk.store.models import CaseRow

    with ctx.store.write() as s:
        row = s.execute(select(CaseRow).where(CaseRow.case_uuid == case_uuid)).scalar_one()
        if any(k not in keep for k in row.form):
            row.form = {k: v for k, v in row.form.items() if k in keep}
