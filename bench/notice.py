"""Benchmark of the two papers printed at every visit: the receipt and the one-time notice.

Prints, per document: median render time over N runs, PDF size, and both as a ratio to a bare
reportlab page set with the same text in the same embedded CJK font, measured in the same run.
Targets: < 150 ms, < 200 KB, ratio ≤ 2.

    .venv/bin/python bench/notice.py [N]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from clerk.intake.model import CaseStatus  # noqa: E402
from clerk.settings import HallSettings  # noqa: E402
from printing.fonts import FONT_NAME, register_cjk_font  # noqa: E402
from printing.notice import render_one_time_notice  # noqa: E402
from printing.receipt import render_receipt  # noqa: E402
from printing.samples import sample_case  # noqa: E402

TARGET_MS, TARGET_KB, TARGET_RATIO = 150.0, 200.0, 2.0


def text_of(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    lines: list[str] = []
    for page in doc:
        lines += page.get_textpage().get_text_range().splitlines()
    return [line for line in lines if line.strip()]


def bare_pdf(lines: list[str]) -> bytes:
    """The same text drawn line by line on plain A4 pages, same font: the floor a renderer can reach."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, initialFontName=FONT_NAME)
    y = A4[1] - 20 * mm
    c.setFont(FONT_NAME, 10.5)
    for line in lines:
        if y < 20 * mm:
            c.showPage()
            c.setFont(FONT_NAME, 10.5)
            y = A4[1] - 20 * mm
        c.drawString(20 * mm, y, line)
        y -= 15
    c.showPage()
    c.save()
    return buf.getvalue()


def median_ms(fn: Callable[[], bytes], n: int) -> tuple[float, bytes]:
    times = []
    out = b""
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    hall = HallSettings()
    t = time.perf_counter()
    register_cjk_font()
    print(f"font registration (once per process): {(time.perf_counter() - t) * 1000:.0f} ms")
    cases = {
        "receipt (受理通知书)": lambda: render_receipt(sample_case(CaseStatus.ACCEPTED), hall),
        "one-time notice (一次性告知单, 6 missing)": lambda: render_one_time_notice(
            sample_case(CaseStatus.NOTIFIED, missing=6), hall),
    }
    ok = True
    print(f"N = {n}, median of N renders after one warm-up render")
    print(f"{'document':44} {'ms':>7} {'KB':>7} {'bare ms':>8} {'bare KB':>8} {'t ratio':>8} {'size ratio':>10}")
    for name, fn in cases.items():
        first_t = time.perf_counter()
        pdf = fn()
        first_ms = (time.perf_counter() - first_t) * 1000
        ms, pdf = median_ms(fn, n)
        lines = text_of(pdf)
        bare_ms, bare = median_ms(lambda lines=lines: bare_pdf(lines), n)  # type: ignore[misc]
        kb, bare_kb = len(pdf) / 1024, len(bare) / 1024
        t_ratio, s_ratio = ms / bare_ms, len(pdf) / len(bare)
        print(f"{name:44} {ms:7.1f} {kb:7.1f} {bare_ms:8.1f} {bare_kb:8.1f} {t_ratio:8.2f} {s_ratio:10.2f}"
              f"   (first render {first_ms:.0f} ms)")
        ok &= ms < TARGET_MS and kb < TARGET_KB and s_ratio <= TARGET_RATIO
    print(f"targets: < {TARGET_MS:.0f} ms, < {TARGET_KB:.0f} KB, size ratio ≤ {TARGET_RATIO:.0f}: "
          + ("met" if ok else "NOT met"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
