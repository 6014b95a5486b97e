"""Hand-made OCR lines (as the engine returns them) for extraction tests that need no engine."""

from __future__ import annotations

import math

from clerk.assist.ocr import OcrLine


def line(text: str, x: float, y: float, h: float = 30.0, *, w: float | None = None, score: float = 0.98,
         turn: float = 0.0, cx: float = 500.0, cy: float = 400.0) -> OcrLine:
    """A line of ``text`` at (x, y) (its top left), ``h`` high, the page turned ``turn`` degrees about (cx, cy)."""
    w = w if w is not None else h * len(text)
    pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    a = math.radians(turn)
    c, s = math.cos(a), math.sin(a)
    rot = [(cx + (px - cx) * c - (py - cy) * s, cy + (px - cx) * s + (py - cy) * c) for px, py in pts]
    return OcrLine(text, (rot[0], rot[1], rot[2], rot[3]), score, turn % 360)


def idcard_front(name: str = "王小明", sex: str = "男", nation: str = "汉", birth: str = "1990年3月7日",
                 address: tuple[str, ...] = ("北京市东城区民族路12", "号院3号楼"), number: str = "110101199003071233",
                 turn: float = 0.0) -> list[OcrLine]:
    return [
        line(f"姓名{name}", 50, 50, 34, turn=turn),
        line(f"性别{sex}", 50, 120, 30, turn=turn), line(f"民族{nation}", 260, 120, 30, turn=turn),
        line(f"出生{birth}", 50, 185, 30, turn=turn),
        line(f"住址{address[0]}", 50, 250, 30, turn=turn),
        *[line(part, 50 + 60, 250 + 44 * (i + 1), 30, turn=turn) for i, part in enumerate(address[1:])],
        line("公民身份号码", 50, 445, 26, turn=turn), line(number, 260, 440, 36, w=520, turn=turn),
    ]
