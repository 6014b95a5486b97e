"""Files into a material as pages (the import button, drops, the scan inbox and field photos all come here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk.context import AppContext
from clerk.intake.model import CaseView
from clerk.materials.service import MaterialError
from clerk.materials.sniff import FileProblem
from ui import messages
from ui.qt import QCoreApplication


@dataclass(frozen=True)
class ImportResult:
    view: CaseView
    problems: list[str]
    imported: int


def import_files(ctx: AppContext, case_uuid: str, code: str, paths: list[Path]) -> ImportResult:
    """Imports every file as pages of the material (``ctx.materials.import_file``: type from the bytes,
    size, readable pages; a refused file stores nothing), then builds the material's upload PDF so the
    case view counts its pages; runs in a worker. Problems come back as one line per file."""
    problems: list[str] = []
    imported = 0
    for path in paths:
        try:
            ctx.materials.import_file(case_uuid, code, path)
        except (FileProblem, MaterialError) as exc:
            problems.append(messages.describe(exc))
            continue
        except OSError as exc:
            problems.append(QCoreApplication.translate("IntakePage", "%1：无法读取（%2）")
                            .replace("%1", path.name).replace("%2", exc.strerror or str(exc)))
            continue
        imported += 1
    if imported:
        try:
            ctx.materials.build_upload(case_uuid, code)
        except MaterialError as exc:  # e.g. over the size limit: the pages stay, the clerk is told
            problems.append(messages.describe(exc))
    return ImportResult(ctx.intake.get(case_uuid), problems, imported)
