"""One PDF per material for the platform: pages in order, rotation applied, images not re-encoded.

JPEG pages go into the PDF as they are (img2pdf embeds the DCT stream); PNG/TIFF pages losslessly;
pages of an imported PDF are copied with pypdfium2. Rotation is set on the PDF page (/Rotate), so
no page is decoded and encoded again.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # img2pdf (with pikepdf) and pypdfium2 are imported when a PDF is built, not at start
    import pypdfium2 as pdfium


@dataclass(frozen=True)
class PagePart:
    sha256: str
    media_type: str
    page_index: int
    rotation: int


def _image_pdf(data: bytes, media_type: str, page_index: int) -> bytes:
    """A one-page PDF of an image page; JPEG bytes embedded unchanged."""
    import img2pdf
    from PIL import Image

    if media_type == "image/jpeg":
        try:
            return bytes(img2pdf.convert(data, rotation=img2pdf.Rotation.ifvalid))
        except Exception:  # noqa: BLE001 - a JPEG img2pdf does not like (CMYK oddities): re-encode losslessly
            pass
    im: Image.Image = Image.open(io.BytesIO(data))
    if page_index:
        im.seek(page_index)
    if media_type == "image/png" and page_index == 0 and im.mode in ("L", "RGB", "1", "P") and "transparency" not in im.info:
        try:
            return bytes(img2pdf.convert(data))
        except Exception:  # noqa: BLE001 - interlaced PNG and friends
            pass
    if im.mode not in ("L", "RGB", "1"):
        im = im.convert("RGB")
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return bytes(img2pdf.convert(buf.getvalue()))


def build_pdf(parts: Sequence[PagePart], read: Callable[[str], bytes]) -> tuple[bytes, int]:
    """The PDF of ``parts`` in order and its page count. ``read(sha)`` gives a blob's bytes."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    opened: dict[str, pdfium.PdfDocument] = {}
    keep: list[pdfium.PdfDocument] = []
    try:
        for part in parts:
            if part.media_type == "application/pdf":
                src = opened.get(part.sha256)
                if src is None:
                    src = opened[part.sha256] = pdfium.PdfDocument(read(part.sha256))
                out.import_pages(src, [part.page_index])
            else:
                one = pdfium.PdfDocument(_image_pdf(read(part.sha256), part.media_type, part.page_index))
                keep.append(one)
                out.import_pages(one)
            if part.rotation % 360:
                page = out[len(out) - 1]
                page.set_rotation((page.get_rotation() + part.rotation) % 360)
                page.close()
        buf = io.BytesIO()
        out.save(buf)
        return buf.getvalue(), len(out)
    finally:
        out.close()
        for d in [*opened.values(), *keep]:
            d.close()
