"""Makes text from the applicant safe to print: no markup injection, no missing-glyph boxes."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from printing.fonts import FONT_NAME, register_cjk_font

MISSING_GLYPH = "〓"
"""Printed in place of a character the font cannot draw (emoji, rare CJK extension characters).

The geta mark 〓 is the traditional typesetter's placeholder for a missing character, so a clerk
sees that something was there instead of a silently shortened name.
"""

# Invisible joiners and selectors that only shape emoji or scripts: dropped, never replaced.
_DROP = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x20E3} | set(range(0xFE00, 0xFE10)) | set(range(0x1F3FB, 0x1F400))


@lru_cache(maxsize=1)
def _charmap() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_cjk_font()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


def printable(text: object) -> str:
    """``text`` as the font can print it: a character without a glyph becomes ``MISSING_GLYPH``.

    Newlines are kept, tabs become spaces, other control and format characters are dropped, and
    emoji joiners, variation selectors and skin-tone modifiers vanish (😀 → 〓, 👍🏽 → 〓).
    """
    s = unicodedata.normalize("NFC", "" if text is None else str(text))
    cmap = _charmap()
    out: list[str] = []
    for ch in s:
        cp = ord(ch)
        if cp in _DROP:
            continue
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        elif cp in cmap:
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        else:
            out.append(MISSING_GLYPH)
    return "".join(out)


def para(text: object) -> str:
    """``text`` as literal Paragraph markup: escaped (``<b>&amp;</b>`` prints as typed), glyph-safe."""
    return escape(printable(text)).replace("\n", "<br/>")


def one_line(text: object) -> str:
    """Glyph-safe text for a single canvas line (no markup is interpreted by ``drawString``)."""
    return " ".join(printable(text).split())
