"""Barcodes on every case and material (Code128), their decoding, and separator sheets (分隔页).

What the codes say (the printed labels and separator sheets in ``printing/labels.py`` use the same):
- a case: its case number;
- a material: ``case_no-material_code``;
- a separator sheet put before a material's pages in the feeder: ``SEP:case_no:material_code``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image  # python-barcode itself is imported when a barcode is drawn, not at start

SEPARATOR_PREFIX = "SEP:"
_DECODE_MAX_SIDE = 2400
"""Pages are decoded at most this large (a 150-200 dpi A4 raster): enough for the separator's bars."""


def case_value(case_no: str) -> str:
    return case_no


def material_value(case_no: str, material_code: str) -> str:
    """What a material's barcode encodes: ``case_no-material_code``."""
    return f"{case_no}-{material_code}"


def separator_value(case_no: str, material_code: str) -> str:
    """What a separator sheet's barcode encodes: ``SEP:case_no:material_code``."""
    return f"{SEPARATOR_PREFIX}{case_no}:{material_code}"


def parse_separator(text: str) -> tuple[str, str] | None:
    """``(case_no, material_code)`` of a separator code, None for any other text."""
    if not text.startswith(SEPARATOR_PREFIX):
        return None
    rest = text[len(SEPARATOR_PREFIX):]
    case_no, sep, code = rest.rpartition(":")
    if not sep or not case_no or not code:
        return None
    return case_no, code


def _options(module_width_mm: float, height_mm: float, text: bool) -> dict[str, object]:
    return {"module_width": module_width_mm, "module_height": height_mm, "quiet_zone": 10 * module_width_mm,
            "write_text": text, "font_size": 8, "text_distance": 3.5}


def code128_svg(value: str, *, module_width_mm: float = 0.33, height_mm: float = 12.0, text: bool = True) -> bytes:
    """A Code128 as SVG (scales without loss in the UI)."""
    import barcode
    from barcode.writer import SVGWriter

    code = barcode.get("code128", value, writer=SVGWriter())
    out: bytes = code.render(_options(module_width_mm, height_mm, text))
    return out


def code128_image(value: str, *, dpi: int = 300, module_width_mm: float = 0.33, height_mm: float = 12.0,
                  text: bool = True) -> Image.Image:
    """A Code128 as a Pillow image at ``dpi`` (keep ≥ 2 px per module: 0.33 mm at 150 dpi is 1.9 px)."""
    import barcode
    from barcode.writer import ImageWriter

    code = barcode.get("code128", value, writer=ImageWriter())
    opts = _options(module_width_mm, height_mm, text)
    opts["dpi"] = dpi
    img: Image.Image = code.render(opts)
    return img


def code128_png(value: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    code128_image(value, **kw).save(buf, "PNG")  # type: ignore[arg-type]
    return buf.getvalue()


def _as_image(page: Image.Image | bytes | Path) -> Image.Image:
    if isinstance(page, Image.Image):
        return page
    im = Image.open(io.BytesIO(page) if isinstance(page, bytes) else page)
    if im.format == "JPEG" and max(im.size) > _DECODE_MAX_SIDE * 2:
        im.draft("L", (im.width // 2, im.height // 2))
    return im


def decode_barcodes(page: Image.Image | bytes | Path, *, code128_only: bool = True) -> list[str]:
    """The texts of the barcodes on a page image (zxing-cpp), top to bottom."""
    import zxingcpp

    im = _as_image(page)
    if im.mode not in ("L", "RGB"):
        im = im.convert("L")
    if max(im.size) > _DECODE_MAX_SIDE:
        im = im.copy()
        im.thumbnail((_DECODE_MAX_SIDE, _DECODE_MAX_SIDE))
    if code128_only:
        results = zxingcpp.read_barcodes(im, formats=zxingcpp.BarcodeFormat.Code128)  # type: ignore[arg-type]
    else:
        results = zxingcpp.read_barcodes(im)
    return [r.text for r in sorted(results, key=lambda r: (r.position.top_left.y, r.position.top_left.x))]


def find_separator(page: Image.Image | bytes | Path) -> tuple[str, str] | None:
    """``(case_no, material_code)`` when the page is a separator sheet, else None."""
    for text in decode_barcodes(page, code128_only=False):  # Code128, or the sheet's QR for long codes
        parsed = parse_separator(text)
        if parsed is not None:
            return parsed
    return None


@dataclass
class SplitBatch:
    """A scanned batch cut at its separator sheets.

    Attributes:
        groups: ``(material_code, page indexes)`` in feeder order (a code may come back later).
        leading: indexes of pages before the first separator (no material named for them).
        separators: indexes of the separator pages (dropped).
        foreign: ``(index, case_no)`` of separators of another case; their pages are in ``stray``.
        stray: page indexes after a foreign separator (not filed anywhere).
    """

    groups: list[tuple[str, list[int]]] = field(default_factory=list)
    leading: list[int] = field(default_factory=list)
    separators: list[int] = field(default_factory=list)
    foreign: list[tuple[int, str]] = field(default_factory=list)
    stray: list[int] = field(default_factory=list)


def split_batch(pages: Sequence[Image.Image | bytes | Path], case_no: str) -> SplitBatch:
    """Cuts a scanned batch at the separator sheets of ``case_no``; separator pages are dropped."""
    out = SplitBatch()
    current: list[int] | None = None
    in_foreign = False
    for i, page in enumerate(pages):
        sep = find_separator(page)
        if sep is not None:
            out.separators.append(i)
            if sep[0] != case_no:
                out.foreign.append((i, sep[0]))
                in_foreign, current = True, None
                continue
            in_foreign = False
            current = []
            out.groups.append((sep[1], current))
            continue
        if in_foreign:
            out.stray.append(i)
        elif current is None:
            out.leading.append(i)
        else:
            current.append(i)
    return out
