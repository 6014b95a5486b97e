"""Barcodes on cases and materials, and separator sheets that file a scanned batch into its materials."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from clerk.materials import barcodes
from clerk.materials.scanner import ScanOptions, ScanResult
from clerk.materials.service import MaterialError

from .conftest import Draft, blank_page, jpeg_bytes, text_page


def _raster(pdf: bytes, dpi: int = 150) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _png_to_150dpi_raster(png: bytes, dpi: int) -> Image.Image:
    """Places a rendered barcode on an A4 page and resamples it to a 150 dpi scan."""
    code = Image.open(io.BytesIO(png)).convert("RGB")
    page = Image.new("RGB", (round(8.27 * dpi), round(11.69 * dpi)), "white")
    assert code.width <= page.width, "the barcode must fit on the sheet"
    page.paste(code, ((page.width - code.width) // 2, dpi))
    return page.resize((round(8.27 * 150), round(11.69 * 150)), Image.Resampling.LANCZOS)


def test_case_and_material_codes_decode_from_a_150_dpi_raster(draft: Draft) -> None:
    for value in (barcodes.case_value(draft.case_no), barcodes.material_value(draft.case_no, draft.codes[2])):
        raster = _png_to_150dpi_raster(barcodes.code128_png(value, dpi=300), 300)
        assert barcodes.decode_barcodes(raster) == [value]
    svg = barcodes.code128_svg(barcodes.material_value(draft.case_no, "child_photo"))
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg and b"child_photo" in svg


def test_separator_values_round_trip() -> None:
    v = barcodes.separator_value("230102-20250301-W03-0007", "birth_record_form")
    assert v == "SEP:230102-20250301-W03-0007:birth_record_form"
    assert barcodes.parse_separator(v) == ("230102-20250301-W03-0007", "birth_record_form")
    assert barcodes.parse_separator("230102-20250301-W03-0007-birth_record_form") is None
    assert barcodes.parse_separator("SEP:nocode") is None


SEP_CODES = ["mother_id_card", "birth_record_form", "child_photo"]


def _printed_sheets(draft: Draft, codes: list[str]) -> dict[str, Image.Image]:
    """The real separator sheets from printing/ (reportlab), rasterised at 150 dpi like a scan."""
    from clerk.settings import HallSettings
    from printing.labels import render_separator_sheets

    view = draft.ctx.intake.get(draft.case_uuid)
    mats = [m for c in codes for m in view.materials if m.code == c]
    pages = _raster(render_separator_sheets(view, HallSettings(), mats))
    assert len(pages) == len(codes)
    return {m.code: p for m, p in zip(mats, pages, strict=True)}


@pytest.fixture
def separator_sheets(draft: Draft) -> dict[str, Image.Image]:
    return _printed_sheets(draft, SEP_CODES)


def test_printed_separator_for_a_long_material_code_decodes(draft: Draft) -> None:
    code = "newborn_first_vaccination_record"
    sheet = _printed_sheets(draft, [code])[code]
    assert barcodes.find_separator(sheet) == (draft.case_no, code)


def test_printed_separator_sheets_decode(draft: Draft, separator_sheets: dict[str, Image.Image]) -> None:
    for code, sheet in separator_sheets.items():
        assert barcodes.find_separator(sheet) == (draft.case_no, code)
        assert barcodes.find_separator(jpeg_bytes(sheet)) == (draft.case_no, code)  # survives JPEG too
    assert barcodes.find_separator(text_page(["出生医学证明"])) is None


def test_batch_with_separators_is_filed_into_the_right_materials(draft: Draft,
                                                                 separator_sheets: dict[str, Image.Image]) -> None:
    a, b, c = SEP_CODES
    pages = [jpeg_bytes(text_page([f"page {i}"], seed=i)) for i in range(6)]
    batch = [jpeg_bytes(separator_sheets[a]), pages[0], pages[1],
             jpeg_bytes(separator_sheets[c]), pages[2],
             jpeg_bytes(separator_sheets[b]), pages[3], jpeg_bytes(blank_page()), pages[4]]
    filed = draft.svc.file_batch(draft.case_uuid, batch)
    assert list(filed) == [a, c, b]
    got = {code: [draft.ctx.pages.read(p.sha256) for p in draft.svc.list_pages(draft.case_uuid, code)]
           for code in (a, b, c)}
    assert got[a] == [pages[0], pages[1]]
    assert got[c] == [pages[2]]
    assert got[b][0] == pages[3] and got[b][2] == pages[4] and len(got[b]) == 3
    assert [p.material_code for p in draft.svc.blank_suggestions(draft.case_uuid)] == [b]


def test_batch_refused_whole_for_foreign_or_unplaced_pages(draft: Draft, separator_sheets: dict[str, Image.Image],
                                                           tmp_path: Path) -> None:
    a = SEP_CODES[0]
    page = jpeg_bytes(text_page(["x"]))
    with pytest.raises(MaterialError, match="不知道属于哪份材料"):
        draft.svc.file_batch(draft.case_uuid, [page, jpeg_bytes(separator_sheets[a]), page])
    foreign = _png_to_150dpi_raster(
        barcodes.code128_png(barcodes.separator_value("230102-20990101-W09-9999", a), dpi=300, module_width_mm=0.35), 300)
    with pytest.raises(MaterialError, match="另一案件 230102-20990101-W09-9999"):
        draft.svc.file_batch(draft.case_uuid, [jpeg_bytes(separator_sheets[a]), page, jpeg_bytes(foreign), page])
    assert all(draft.svc.list_pages(draft.case_uuid, c) == [] for c in draft.codes)
    # with a default material the leading pages are filed there
    filed = draft.svc.file_batch(draft.case_uuid, [page, jpeg_bytes(separator_sheets[a]), page], default_code=draft.codes[5])
    assert {k: len(v) for k, v in filed.items()} == {draft.codes[5]: 1, a: 1}


class FeederScanner:
    """A scanner that feeds prepared sheets, one file per page, like ``scanimage --batch``."""

    def __init__(self, sheets: list[bytes]) -> None:
        self.sheets = sheets

    def list_devices(self) -> list[object]:
        return []

    def scan(self, device: str, options: ScanOptions, out_dir: Path, *, on_page=None,
             cancel: threading.Event | None = None) -> ScanResult:
        out_dir.mkdir(parents=True, exist_ok=True)
        result = ScanResult()
        for i, data in enumerate(self.sheets, 1):
            p = out_dir / f"p{i}.jpg"
            p.write_bytes(data)
            result.pages.append(p)
            if on_page:
                on_page(i, p)
        return result


def test_live_scan_with_separators_switches_materials(draft: Draft, separator_sheets: dict[str, Image.Image]) -> None:
    a, b = SEP_CODES[0], SEP_CODES[1]
    page = jpeg_bytes(text_page(["内容"]))
    feeder = FeederScanner([page, jpeg_bytes(separator_sheets[b]), page, page])
    outcome = draft.svc.scan_into(draft.case_uuid, a, feeder, "feeder", ScanOptions(), separators=True)
    assert {k: len(v) for k, v in outcome.by_material.items()} == {a: 1, b: 2}
    assert not outcome.unfiled and not outcome.problems
