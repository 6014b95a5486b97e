"""Helpers of the materials tests: realistic page images and PDFs, SANE's test scanner (a session fixture)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SANE_DLL = Path("/etc/sane.d/dll.conf")


def text_page(lines: list[str], *, dpi: int = 150, size_mm: tuple[float, float] = (210, 297), seed: int = 0) -> Image.Image:
    """A realistic document page: off-white paper, a title, lines of Chinese text, a stamp-like circle."""
    w, h = round(size_mm[0] / 25.4 * dpi), round(size_mm[1] / 25.4 * dpi)
    im = Image.new("RGB", (w, h), (246, 244, 238))
    d = ImageDraw.Draw(im)
    title = ImageFont.truetype(FONT, max(12, dpi // 5))
    body = ImageFont.truetype(FONT, max(8, dpi // 10))
    y = h // 10
    d.text((w // 8, y), lines[0] if lines else "证明", fill=(20, 20, 20), font=title)
    y += dpi // 2
    for i in range(28):
        line = (lines[1:] or ["兹证明该同志在本单位工作，特此证明。"])[(i + seed) % max(1, len(lines) - 1 or 1)]
        d.text((w // 8, y), f"{i + 1}. {line}", fill=(35, 35, 35), font=body)
        y += int(body.size * 1.8)
    r = dpi // 2
    d.ellipse((w - w // 4 - r, h - h // 5 - r, w - w // 4 + r, h - h // 5 + r), outline=(200, 30, 30), width=max(2, dpi // 50))
    return im


def blank_page(dpi: int = 150) -> Image.Image:
    """The empty back of a sheet from a duplex scan: paper tone, a little noise and a faint edge shadow."""
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    im = Image.effect_noise((w, h), 6).convert("RGB")
    paper = Image.new("RGB", (w, h), (243, 242, 236))
    im = Image.blend(paper, im, 0.08)
    ImageDraw.Draw(im).rectangle((0, 0, 6, h), fill=(190, 190, 190))
    return im


def jpeg_bytes(im: Image.Image, dpi: int = 150, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()


def png_bytes(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def pdf_bytes(pages: int, *, encrypt: str | None = None) -> bytes:
    """A real multi-page PDF from reportlab (CJK text), optionally with a user password."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    kw: dict[str, Any] = {}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kw["encrypt"] = StandardEncryption(encrypt, "owner-" + encrypt)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, **kw)
    for i in range(pages):
        c.setFont("WQY", 16)
        c.drawString(72, 760, f"营业执照（副本） 第 {i + 1} 页")
        for j in range(20):
            c.drawString(72, 720 - j * 24, f"统一社会信用代码 91230102MA1ABCDE{j:02d}")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="session")
def sane_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """SANE with its ``test`` backend enabled.

    ``test`` is appended to /etc/sane.d/dll.conf when missing (we are root in a sandbox); the
    scans themselves use a private SANE_CONFIG_DIR listing only ``test`` so that ``scanimage``
    does not spend seconds probing network scanners.
    """
    if shutil.which("scanimage") is None:
        pytest.skip("scanimage is not installed (apt-get install sane-utils)")
    if SANE_DLL.exists():
        lines = [ln.strip() for ln in SANE_DLL.read_text().splitlines()]
        if "test" not in lines and os.geteuid() == 0:
            with SANE_DLL.open("a") as f:
                f.write("\n# enabled by the window-clerk tests\ntest\n")
    conf = tmp_path_factory.mktemp("sane")
    (conf / "dll.conf").write_text("test\n")
    if Path("/etc/sane.d/test.conf").exists():
        shutil.copy("/etc/sane.d/test.conf", conf / "test.conf")
    env = {"SANE_CONFIG_DIR": str(conf)}
    probe = subprocess.run(["scanimage", "-L"], capture_output=True, text=True, env={**os.environ, **env})
    if "test" not in probe.stdout:
        pytest.skip(f"SANE test backend not available: {probe.stdout} {probe.stderr}")
    return env
