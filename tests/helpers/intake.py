"""Case documents for ``python -m clerk intake`` tests: a valid skeleton per bundle, files beside it,
and what a data dir holds (to assert that a refused document wrote nothing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clerk.catalog import merge
from clerk.catalog.loader import load_catalog_dir
from clerk.demo import DemoPeople, fill_form, scan_image

_CATALOG = load_catalog_dir()


def valid_document(folder: Path, bundle: str = "social_security_card", *, seed: int = 9,
                   defer: bool = False) -> dict[str, Any]:
    """A complete document for ``bundle`` with its scans written under ``folder/scans`` (tiny PNGs).

    e-licence materials are waived, deferrable ones deferred when ``defer`` (with the commitment
    signed), every other required material provided with one file.
    """
    people = DemoPeople(seed)
    b = _CATALOG.bundle(bundle)
    merged = merge(b, {})
    scans = folder / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    form = fill_form(merged, people.rng, people)
    materials: list[dict[str, Any]] = []
    for m in merged.materials:
        if defer and m.deferrable:
            materials.append({"code": m.code, "status": "deferred"})
        elif m.e_license:
            materials.append({"code": m.code, "status": "e_license"})
        elif m.required:
            types = {t.value for t in m.file_types}
            if "png" in types:
                p = scans / f"{m.code}.png"
                data = scan_image(m.name, dpi=20)
            elif "jpeg" in types:
                p = scans / f"{m.code}.jpg"
                data = scan_image(m.name, dpi=20, fmt="JPEG")
            else:
                import img2pdf

                p = scans / f"{m.code}.pdf"
                data = img2pdf.convert(scan_image(m.name, dpi=20, fmt="JPEG"))
            if not p.exists():
                p.write_bytes(data)
            materials.append({"code": m.code, "status": "provided", "files": [f"scans/{p.name}"]})
    applicant = people.enterprise() if b.applicant_kinds[0].value == "enterprise" else people.person()
    doc: dict[str, Any] = {
        "bundle_code": bundle, "situations": {}, "applicant": applicant, "agent": None, "form": form,
        "materials": materials, "delivery": {"method": "window"}, "operator": "clerk01", "window": "W03",
    }
    if defer:
        doc["commitment_signed"] = True
    return doc


def write_document(folder: Path, doc: Any, name: str = "case.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def open_ctx(data_dir: Path) -> Any:
    """The data dir as the CLI opens it (with its database key from the keyring)."""
    from clerk.context import AppContext
    from clerk.security.keys import open_db_key

    return AppContext.open(data_dir, db_key=open_db_key(data_dir))


def holdings(data_dir: Path) -> dict[str, int]:
    """Rows and files a data dir holds: cases, outbox rows, replay records, page-store files, thumbnails
    ({} when the data dir was never created)."""
    if not data_dir.exists():
        return {}
    from sqlalchemy import func, select

    from clerk.store.models import CaseRow, KeyValueRow, OutboxRow, PageRow

    ctx = open_ctx(data_dir)
    try:
        with ctx.store.read() as s:
            out = {
                "cases": s.execute(select(func.count()).select_from(CaseRow)).scalar_one(),
                "pages": s.execute(select(func.count()).select_from(PageRow)).scalar_one(),
                "outbox": s.execute(select(func.count()).select_from(OutboxRow)).scalar_one(),
                "replays": s.execute(select(func.count()).select_from(KeyValueRow)
                                     .where(KeyValueRow.key.like("intake-replay:%"))).scalar_one(),
            }
        out["files"] = sum(1 for _ in ctx.pages.all_hashes())
        out["thumbs"] = sum(1 for _ in ctx.materials.thumbs.root.rglob("*.png"))
        return out
    finally:
        ctx.close()


def nothing_written(data_dir: Path) -> bool:
    return all(v == 0 for v in holdings(data_dir).values())
