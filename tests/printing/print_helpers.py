"""Reading printouts back: text (pdftotext), fonts (pdffonts), barcodes (pdftoppm + zxing-cpp)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image


def pdf_text(pdf: bytes, *, mode: str = "-layout") -> str:
    """pdftotext output; pages separated by form feeds. ``mode``: ``-layout`` or ``-raw`` (stream order)."""
    proc = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return proc.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """Text without any whitespace, so wrapped lines join up again."""
    return "".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    pages = pdf_text(pdf).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_fonts(pdf: bytes) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb (yes/no)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        out = subprocess.run(["pdffonts", f.name], capture_output=True, check=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        # name type [encoding words…] emb sub uni objectID gen
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def rasterize(pdf: bytes, dpi: int = 150) -> list[Image.Image]:
    """Each page as an image, by pdftoppm at ``dpi``."""
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(Path(d) / "page")], check=True)
        images = []
        for png in sorted(Path(d).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            with Image.open(png) as im:
                images.append(im.convert("L"))
        return images


def decode(pdf: bytes, dpi: int = 150) -> list[list[tuple[str, str]]]:
    """Per page, the barcodes zxing-cpp reads: ``(format name, text)``."""
    pages = []
    for im in rasterize(pdf, dpi):
        pages.append([(r.format.name, r.text) for r in zxingcpp.read_barcodes(im)])
    return pages


def all_codes(pdf: bytes, dpi: int = 150) -> set[tuple[str, str]]:
    return {code for page in decode(pdf, dpi) for code in page}


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(pdf))


def page_size_mm(pdf: bytes, index: int = 0) -> tuple[float, float]:
    import pypdfium2 as pdfium

    w, h = pdfium.PdfDocument(pdf)[index].get_size()
    return w * 25.4 / 72, h * 25.4 / 72
