"""Finds and registers the CJK TrueType font every printout is set in (embedded as a subset)."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Binary (Flate only) streams: ASCII85 on top makes every PDF 25 % larger and costs ~12 ms a render
# in pure Python. reportlab only offers this as a process-wide setting; printing/ is its only user.
rl_config.useA85 = 0

FONT_NAME = "ClerkCJK"
"""The reportlab name of the registered CJK face (regular; bold and italic map to it too)."""

RESOURCE_FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SYSTEM_FONT_PATHS: tuple[Path, ...] = (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),)

_lock = threading.Lock()
_registered: Path | None = None


class FontNotFoundError(RuntimeError):
    """No usable CJK TrueType font: nothing Chinese can be printed."""


def font_candidates(resource_dir: Path = RESOURCE_FONT_DIR) -> list[Path]:
    """Where a font is looked for, in order: ``resources/fonts/*.ttf|*.ttc``, then the system WQY Zen Hei."""
    found: list[Path] = []
    if resource_dir.is_dir():
        found += sorted(p for p in resource_dir.iterdir() if p.suffix.lower() in (".ttf", ".ttc") and p.is_file())
    found += [p for p in SYSTEM_FONT_PATHS if p.is_file()]
    return found


def find_cjk_font(resource_dir: Path = RESOURCE_FONT_DIR) -> Path:
    """The first CJK font found; raises ``FontNotFoundError`` with what to install if there is none."""
    candidates = font_candidates(resource_dir)
    if not candidates:
        raise FontNotFoundError(
            "找不到中文打印字体：请安装 Debian 软件包 fonts-wqy-zenhei"
            f"（{SYSTEM_FONT_PATHS[0]}），或将 TrueType 字体（.ttf/.ttc）放入 {resource_dir}。"
        )
    return candidates[0]


def register_cjk_font(path: Path | None = None) -> str:
    """Registers the CJK font with reportlab once per process and returns its name (``FONT_NAME``).

    A ``.ttc`` collection is read at face 0 (WenQuanYi Zen Hei). reportlab embeds TrueType as
    subsets of the glyphs used. Raises ``FontNotFoundError`` when no font is usable.
    """
    global _registered
    with _lock:
        if _registered is not None:
            return FONT_NAME
        font_path = path or find_cjk_font()
        try:
            font = TTFont(FONT_NAME, str(font_path), subfontIndex=0)
        except Exception as exc:  # reportlab raises TTFError and plain errors for CFF/OTF files
            raise FontNotFoundError(
                f"字体文件 {font_path} 无法使用（需要 TrueType 轮廓，不支持 CFF/OTF）：{exc}"
            ) from exc
        pdfmetrics.registerFont(font)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        _registered = font_path
        return FONT_NAME
