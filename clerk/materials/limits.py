"""The bounds on page files, in one place: checked from the headers before anything is decoded.

A file claiming a huge size (a PNG/JPEG header of 100,000 × 100,000 px, a TIFF of 3,000 frames, a
PDF page of 1 × 14,400 pt) is refused from what it claims, before a pixel is decoded. Pillow's own
decompression-bomb limit is set to the same figure on purpose (``Image.MAX_IMAGE_PIXELS``).
Decoding that cannot be bounded from a header (a flate bomb inside a PDF) runs in a child process
with the memory and time limits below (``clerk.materials.sandbox``).
"""

from __future__ import annotations

MAX_PIXELS = 50_000_000
"""Pixels of one image or frame: A4 at 600 dpi is 35 MP, a 48 MP phone photo fits; 50 MP RGB is 150 MB."""
MAX_ASPECT = 20
"""Longest side ÷ shortest side (a long receipt is ~1:8)."""
MAX_FRAMES = 100
"""Frames of one TIFF (a multi-page scan); more is refused before any frame is decoded."""
MAX_PDF_PAGES = 500
MAX_PDF_OBJECTS = 200_000
"""Objects a PDF declares (``n 0 obj`` and object streams' ``/N``), counted before pdfium opens it."""
PDF_MIN_SIDE_PT = 18.0
"""A page side of at least a quarter inch."""
PDF_MAX_SIDE_PT = 14_400.0
"""200 inches: the largest page the PDF specification allows (without UserUnit)."""
RENDER_PIXELS = 16_000_000
"""The most pixels any page is rendered at (viewer, thumbnails): A3 at 200 dpi is 7.8 MP."""
THUMB_RENDER_PIXELS = 1_000_000
"""Pixels a page is rendered at for its thumbnail and blank score."""
MAX_SEGMENTS = 100_000
"""JPEG segments / PNG chunks walked when cleaning a file."""

CHILD_MEMORY_BYTES = 1024 * 1024 * 1024
"""Address space of the child that decodes a file from outside (RLIMIT_AS)."""
CHILD_CPU_SECONDS = 60
"""CPU time of that child (RLIMIT_CPU); the wall-clock timeout is twice this."""


def image_problem(name: str, width: int, height: int, *, frame: int | None = None) -> str | None:
    """Why an image of this claimed size is refused, or None."""
    where = f"第 {frame + 1} 帧" if frame is not None else "图片"
    if width < 1 or height < 1:
        return f"{name}：{where}尺寸为 {width}×{height} 像素，不是有效的图片"
    if width * height > MAX_PIXELS:
        return (f"{name}：{where}为 {width}×{height} 像素（{width * height / 1e6:.0f} 百万像素），"
                f"超过 {MAX_PIXELS // 1_000_000} 百万像素的上限；请用较低分辨率扫描或拍摄")
    if max(width, height) > MAX_ASPECT * min(width, height):
        return f"{name}：{where}为 {width}×{height} 像素，长宽比例超过 {MAX_ASPECT}:1，不像是一页材料"
    return None


def pdf_page_problem(name: str, index: int, width: float, height: float) -> str | None:
    """Why a PDF page of this size (in points, 1/72 inch) is refused, or None."""
    where = f"{name}：第 {index + 1} 页"
    if not (PDF_MIN_SIDE_PT <= width <= PDF_MAX_SIDE_PT and PDF_MIN_SIDE_PT <= height <= PDF_MAX_SIDE_PT):
        return (f"{where}尺寸为 {width:.0f}×{height:.0f} pt，超出 {PDF_MIN_SIDE_PT:.0f}–{PDF_MAX_SIDE_PT:.0f} pt"
                "（约 6 mm 至 5 m）的范围，不像是一页材料")
    if max(width, height) > MAX_ASPECT * min(width, height):
        return f"{where}尺寸为 {width:.0f}×{height:.0f} pt，长宽比例超过 {MAX_ASPECT}:1，不像是一页材料"
    return None


def render_scale(width: float, height: float, scale: float, budget: int) -> float:
    """``scale`` lowered so that a page of ``width``×``height`` pt renders to at most ``budget`` pixels."""
    pixels = width * scale * height * scale
    if pixels <= budget:
        return scale
    return float(scale * (budget / pixels) ** 0.5)
