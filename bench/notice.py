"""Benchmark of the two papers printed at every visit: the receipt and the one-time notice.

Prints, per document: median render time over N runs and PDF size, each as a ratio to a fair peer
measured in the same run, A and B alternated: a bare platypus document (SimpleDocTemplate) with the
same paragraphs and the same tables (the same cells' text, the same column widths, a plain grid) in
the same embedded CJK font — without what the real paper adds (barcode, QR codes, running header and
page numbers, styled cells). Targets: < 150 ms, < 200 KB, time ratio ≤ 1.5.

    .venv/bin/python bench/notice.py [N]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _figures import Figure, report  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

import printing.notice  # noqa: E402
import printing.receipt  # noqa: E402
from clerk.intake.model import CaseStatus  # noqa: E402
from clerk.settings import HallSettings  # noqa: E402
from printing.fonts import FONT_NAME, register_cjk_font  # noqa: E402
from printing.notice import render_one_time_notice  # noqa: E402
from printing.receipt import render_receipt  # noqa: E402
from printing.samples import sample_case  # noqa: E402

TARGET_MS, TARGET_KB, TARGET_RATIO = 150.0, 200.0, 1.5


def story_of(module: Any, render: Callable[[], bytes]) -> list[Any]:
    """The flowables a renderer hands to ``build_pdf`` (caught on the way, nothing laid out)."""
    caught: list[Any] = []

    def catch(story: list[Any], **_kw: Any) -> bytes:
        caught.extend(story)
        return b""

    with mock.patch.object(module, "build_pdf", catch):
        render()
    return caught


def _text(cell: Any) -> str:
    if isinstance(cell, Paragraph):
        return str(cell.text)
    if isinstance(cell, str):
        return cell
    if isinstance(cell, (list, tuple)):
        return "<br/>".join(t for t in (_text(c) for c in cell) if t)
    return ""  # a QR code or a barcode: not in the peer


def fair_story(story: list[Any]) -> list[Any]:
    """The same paragraphs and tables (cells' text, column widths), plain: one style, a plain grid."""
    body = ParagraphStyle("bare", fontName=FONT_NAME, fontSize=10.5, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("bare-cell", parent=body, fontSize=9.5, leading=13)
    out: list[Any] = []
    for f in story:
        if isinstance(f, KeepTogether):
            out += fair_story(list(f._content))
        elif isinstance(f, Paragraph):
            out.append(Paragraph(f.text, body))
        elif isinstance(f, Table):
            rows = [[Paragraph(_text(c), cell) for c in row] for row in f._cellvalues]
            t = Table(rows, colWidths=f._colWidths)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
            out.append(t)
        elif type(f) is Spacer:
            out.append(Spacer(f.width, f.height))
    return out


def bare_pdf(story: list[Any]) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm,
                            bottomMargin=18 * mm)
    doc.build(fair_story(story))
    return buf.getvalue()


def alternated(a: Callable[[], bytes], b: Callable[[], bytes], n: int) -> tuple[float, bytes, float, bytes]:
    """Medians (ms) of ``a`` and ``b``, run in turn (a b, b a, …) after one warm-up each, and their outputs."""
    out_a, out_b = a(), b()
    ta, tb = [], []
    for i in range(n):
        for which in ((0, 1) if i % 2 == 0 else (1, 0)):
            t = time.process_time()
            if which == 0:
                out_a = a()
                ta.append((time.process_time() - t) * 1000)
            else:
                out_b = b()
                tb.append((time.process_time() - t) * 1000)
    return statistics.median(ta), out_a, statistics.median(tb), out_b


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    hall = HallSettings()
    t = time.perf_counter()
    register_cjk_font()
    print(f"font registration (once per process): {(time.perf_counter() - t) * 1000:.0f} ms")
    cases: dict[str, tuple[Any, Callable[[], bytes]]] = {
        "receipt": (printing.receipt, lambda: render_receipt(sample_case(CaseStatus.ACCEPTED), hall)),
        "one-time notice (6 missing)": (printing.notice, lambda: render_one_time_notice(
            sample_case(CaseStatus.NOTIFIED, missing=6), hall)),
    }
    print(f"N = {n}, CPU ms (the machine is shared), medians, ours and the bare platypus peer alternated")
    print(f"{'document':30} {'ms':>7} {'KB':>7} {'bare ms':>8} {'bare KB':>8} {'t ratio':>8} {'size ratio':>10}")
    figures = []
    for name, (module, fn) in cases.items():
        story = story_of(module, fn)
        ms, pdf, bare_ms, bare = alternated(fn, lambda story=story: bare_pdf(story), n)  # type: ignore[misc]
        kb, bare_kb = len(pdf) / 1024, len(bare) / 1024
        print(f"{name:30} {ms:7.1f} {kb:7.1f} {bare_ms:8.1f} {bare_kb:8.1f} {ms / bare_ms:8.2f} {kb / bare_kb:10.2f}")
        figures += [
            Figure(f"{name}: render, CPU (ms)", ms, "bare platypus, same tables", bare_ms, "≤ 1.5×, < 150 ms",
                   ms / bare_ms <= TARGET_RATIO and ms < TARGET_MS),
            Figure(f"{name}: PDF size (KB)", kb, "bare platypus, same tables", bare_kb, "< 200 KB", kb < TARGET_KB),
        ]
    report("notice", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
