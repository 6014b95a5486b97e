"""OFD (GB/T 33190) licence files as page images for the viewer, and the page count of a PDF licence.

``ofdkit`` (Apache-2.0, pure Python, with limits on entries, sizes and nesting) reads the package:
the pages' physical boxes and every text run with its position and size (templates included). Each
page is drawn with Pillow at ``dpi`` in the CJK font the printouts use (WenQuanYi Zen Hei), text
only: vector paths, images and the signature's seal picture are not drawn — the file itself is what
is archived and sent; the image is for the clerk to read it. A file ofdkit refuses (not an OFD, too
big, broken) raises ``LicenceFileError`` with one line.
"""

from __future__ import annotations

import io
from pathlib import Path

from clerk.errors import ClerkError

FONT_PATHS = (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),)
MAX_PAGES = 50


class LicenceFileError(ClerkError):
    """An e-licence file that cannot be read."""


def _font(size_px: int) -> object:
    from PIL import ImageFont

    for p in FONT_PATHS:
        if p.exists():
            return ImageFont.truetype(str(p), size=max(6, size_px), index=0)
    return ImageFont.load_default(size=max(6, size_px))


def render_ofd(data: bytes, *, dpi: int = 150) -> list[bytes]:
    """Each page of an OFD as a PNG (white page, black text at its place)."""
    import ofdkit
    from PIL import Image, ImageDraw

    try:
        doc = ofdkit.open(data)
    except ofdkit.OFDError as exc:
        raise LicenceFileError(f"OFD 文件无法读取：{exc}") from None
    out: list[bytes] = []
    px = dpi / 25.4
    try:
        pages = list(doc.pages)
        if not pages:
            raise LicenceFileError("OFD 文件没有任何页面")
        for page in pages[:MAX_PAGES]:
            width, height = max(1.0, page.width), max(1.0, page.height)
            img = Image.new("RGB", (min(6000, round(width * px)), min(6000, round(height * px))), "white")
            draw = ImageDraw.Draw(img)
            fonts: dict[int, object] = {}
            for run in page.runs:
                size = round(run.size * px)
                font = fonts.setdefault(size, _font(size))
                # ofdkit gives the baseline; Pillow anchors "ls" at the left of the baseline
                draw.text((run.x * px, run.y * px), run.text, fill="black", font=font, anchor="ls")  # type: ignore[arg-type]
            buf = io.BytesIO()
            img.save(buf, format="PNG", optimize=False)
            out.append(buf.getvalue())
    except ofdkit.OFDError as exc:
        raise LicenceFileError(f"OFD 文件无法读取：{exc}") from None
    finally:
        doc.close()
    return out


def pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise LicenceFileError("电子证照 PDF 已损坏，无法读取") from None
    try:
        return max(1, len(doc))
    finally:
        doc.close()
