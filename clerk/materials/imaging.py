"""Page images: open one page of a stored blob, thumbnails (cached on disk), blank-page scores.

Everything here is plain Pillow/pypdfium2 with no database and no Qt, so the UI may call it from a
worker thread (thumbnails of a 40-page import are made off the UI thread).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from clerk.atomic import write_atomic
from clerk.materials import limits
from clerk.materials.pagestore import PageStore
from clerk.materials.sniff import FileProblem

Image.MAX_IMAGE_PIXELS = limits.MAX_PIXELS
"""Set on purpose: Pillow warns above this and refuses above twice it; our own check refuses above it."""

THUMB_BOX = (160, 227)
"""Thumbnails fit this box (an A4 portrait page is 160 px wide)."""
BLANK_SUGGEST = 0.9
"""Pages scoring at least this are suggested for removal (the empty back sides of duplex scans)."""
_INK_DELTA = 48
_INK_FULL = 0.01
"""Share of 'ink' pixels at which a page counts as certainly not blank (score 0)."""


@dataclass(frozen=True)
class PageImage:
    thumbnail_png: bytes
    blank_score: float


def open_page(data: bytes, media_type: str, page_index: int = 0, *, dpi: float = 150.0,
              draft_size: tuple[int, int] | None = None) -> Image.Image:
    """One page as a Pillow image (PDF pages rendered at ``dpi``); ``draft_size`` lets JPEG decode small.

    Bounded whatever the bytes claim: an image or frame over ``limits.MAX_PIXELS`` is refused from its
    header (``FileProblem``), a PDF page is rendered at no more than ``limits.RENDER_PIXELS``.
    """
    if media_type == "application/pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        try:
            page = doc[page_index]
            w, h = page.get_size()
            scale = dpi / 72.0
            if draft_size is not None:
                scale = min(draft_size[0] / max(w, 1.0), draft_size[1] / max(h, 1.0))
            scale = limits.render_scale(w, h, scale, limits.RENDER_PIXELS)
            img = page.render(scale=scale).to_pil()
            page.close()
        finally:
            doc.close()
        return img
    if media_type == "image/heic":
        from clerk.materials.sniff import heic_supported

        heic_supported()
    try:
        src = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise FileProblem(f"页面像素过多（超过 {limits.MAX_PIXELS // 1_000_000} 百万像素的上限）") from None
    if page_index:
        src.seek(page_index)
    problem = limits.image_problem("页面", *src.size)
    if problem:
        raise FileProblem(problem)
    if draft_size is not None and src.format == "JPEG":
        src.draft("RGB" if src.mode not in ("L", "1") else "L", draft_size)
    im: Image.Image = ImageOps.exif_transpose(src) if src.format == "JPEG" else src
    im.load()
    return im


def blank_score(im: Image.Image) -> float:
    """How blank a page looks: 1.0 an empty sheet, 0.0 a page with content (dark pages score 0)."""
    g = im.convert("L")
    w, h = g.size
    mx, my = int(w * 0.06), int(h * 0.06)
    g = g.crop((mx, my, w - mx, h - my))
    if g.width > 400:
        g = g.reduce(max(1, g.width // 300))
    hist = g.histogram()
    n = sum(hist)
    if n == 0:
        return 0.0
    acc, paper = 0, 255
    for value, count in enumerate(hist):
        acc += count
        if acc * 2 >= n:
            paper = value
            break
    if paper < 128:
        return 0.0
    ink = sum(hist[: max(0, paper - _INK_DELTA)])
    return round(max(0.0, 1.0 - (ink / n) / _INK_FULL), 3)


def thumbnail_of(im: Image.Image, rotation: int = 0, *, in_place: bool = False) -> bytes:
    """PNG thumbnail fitting ``THUMB_BOX`` (turned by ``rotation``); ``in_place`` shrinks ``im`` itself."""
    if im.mode not in ("RGB", "L"):
        t = im.convert("RGB")
    else:
        t = im if in_place else im.copy()
    t.thumbnail(THUMB_BOX if rotation % 180 == 0 else THUMB_BOX[::-1])
    if rotation % 360:
        t = t.rotate(-rotation, expand=True)
    buf = io.BytesIO()
    t.save(buf, "PNG", optimize=False, compress_level=1)
    return buf.getvalue()


def analyse_page(data: bytes, media_type: str, page_index: int = 0, rotation: int = 0) -> PageImage:
    """Thumbnail and blank score from one decode of the page (small JPEG decode via draft mode)."""
    im = open_page(data, media_type, page_index, draft_size=(THUMB_BOX[0] * 2, THUMB_BOX[1] * 2))
    score = blank_score(im)
    return PageImage(thumbnail_of(im, rotation, in_place=True), score)


class ThumbnailCache:
    """PNG thumbnails on disk keyed by sha + page + rotation (encrypted like the page store when it is)."""

    def __init__(self, root: Path, pages: PageStore) -> None:
        self.root = root  # made on the first put (0700): a read-only open creates nothing
        self.pages = pages

    def path(self, sha256: str, page_index: int, rotation: int) -> Path:
        return self.root / sha256[:2] / f"{sha256}-{page_index}-{rotation % 360}.png"

    def get(self, sha256: str, media_type: str, page_index: int = 0, rotation: int = 0) -> bytes:
        """The thumbnail (made and cached when missing). Safe to call from any thread."""
        p = self.path(sha256, page_index, rotation)
        try:
            raw = p.read_bytes()
            return self.pages.unseal(raw) if self.pages.encrypted else raw
        except (FileNotFoundError, OSError, ValueError):
            pass
        png = thumbnail_of(open_page(self.pages.read(sha256), media_type, page_index,
                                     draft_size=(THUMB_BOX[0] * 2, THUMB_BOX[1] * 2)), rotation)
        self.put(sha256, page_index, rotation, png)
        return png

    def put(self, sha256: str, page_index: int, rotation: int, png: bytes) -> None:
        p = self.path(sha256, page_index, rotation)
        data = self.pages.seal(png) if self.pages.encrypted else png
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)  # thumbnails show personal documents
            p.parent.mkdir(exist_ok=True, mode=0o700)
            write_atomic(p, data, prefix=".thumb-", fsync=False)  # a cache: a lost thumbnail is remade
        except OSError:  # a read-only or full medium: the thumbnail is simply not cached
            return

    def drop(self, sha256: str) -> None:
        d = self.root / sha256[:2]
        if d.is_dir():
            for f in d.glob(f"{sha256}-*.png"):
                f.unlink(missing_ok=True)
