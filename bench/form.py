"""Building and showing the merged form + checklist of the largest bundle (most merged fields + materials).

    python bench/form.py [N]

Three figures:
- first screen built and painted (the rows a clerk sees first; the rest arrive progressively): target < 50 ms
  of this process's CPU (wall time shown too);
- the whole form and checklist built, laid out and painted (this process's CPU time: the machine is
  shared, and wall time would count other processes), against a bare Qt peer that builds the same
  rows (a label and the same kind of input per field, a frame with the same labels and buttons per
  material) at once in the same window, A and B alternated, medians: target ≤ 2×;
- the growth of the whole build over 1×, 2×, 4× and 8× the rows (the fields and materials repeated):
  the exponent of a log-log fit, target ≤ 1.1 (linear).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen: "does not support propagateSizeHints"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _figures import Figure, report  # noqa: E402


def largest(catalog):  # type: ignore[no-untyped-def]
    from clerk.catalog.merge import merge

    best = None
    for b in catalog.bundles:
        for combo in itertools.product(*[[o.code for o in s.options] for s in b.situations]):
            m = merge(b, dict(zip([s.code for s in b.situations], combo, strict=True)))
            size = len(m.fields) + len(m.materials)
            if best is None or size > best[0]:
                best = (size, b, m.answers)
    assert best is not None
    return best


def scaled(merged, k: int):  # type: ignore[no-untyped-def]
    """The merged form with its fields and materials repeated ``k`` times (distinct codes)."""
    if k == 1:
        return merged
    fields = tuple(dataclasses.replace(f, code=f"{f.code}_{i}") for i in range(k) for f in merged.fields)
    materials = tuple(dataclasses.replace(m, code=f"{m.code}_{i}") for i in range(k) for m in merged.materials)
    return dataclasses.replace(merged, fields=fields, materials=materials, _field_index={})


def _host():  # type: ignore[no-untyped-def]
    from ui.qt import QHBoxLayout, QScrollArea, QWidget

    host = QWidget()
    host.resize(1366, 768)
    lay = QHBoxLayout(host)
    scroll = QScrollArea(host)
    scroll.setWidgetResizable(True)
    lay.addWidget(scroll, 3)
    return host, lay, scroll


def _paint(host) -> None:  # type: ignore[no-untyped-def]
    from ui.qt import QApplication

    QApplication.sendPostedEvents()  # polish and layout of what was built
    host.repaint()


def build_ours(qapp, merged) -> float:  # type: ignore[no-untyped-def]
    """The intake screen's FormPanel and ChecklistPanel, built progressively until complete and painted."""
    from clerk.intake.model import CaseMaterial, MaterialStatus
    from ui.intake.checklist import ChecklistPanel
    from ui.intake.form import FormPanel

    t0 = time.process_time()
    host, lay, scroll = _host()
    form = FormPanel(merged, {})
    scroll.setWidget(form)
    checklist = ChecklistPanel(host)
    checklist.set_materials([CaseMaterial(code=m.code, name=m.name, status=MaterialStatus.MISSING, required=m.required,
                                          deferrable=m.deferrable, e_license=m.e_license, matters=list(m.matters),
                                          originals=m.originals, copies=m.copies, why=m.why) for m in merged.materials],
                            merged)
    lay.addWidget(checklist, 2)
    host.show()
    _paint(host)
    while not (form.complete and checklist.complete):  # the rest arrives in event-loop slices
        qapp.processEvents()
    _paint(host)
    took = time.process_time() - t0
    _dispose(qapp, host)
    return took


def build_bare(qapp, merged) -> float:  # type: ignore[no-untyped-def]
    """The same rows with bare Qt widgets, all built before the window is shown."""
    from clerk.catalog.schema import FieldType
    from ui.qt import (
        QComboBox,
        QFrame,
        QGridLayout,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QRadioButton,
        QScrollArea,
        QVBoxLayout,
        QWidget,
    )

    t0 = time.process_time()
    host, lay, scroll = _host()
    form = QWidget()
    grid = QGridLayout(form)
    for r, f in enumerate(merged.fields):
        label = QLabel(f.label + (" *" if f.required else ""), form)
        label.setWordWrap(True)
        grid.addWidget(label, r, 0)
        cell = QWidget(form)
        cl = QVBoxLayout(cell)
        cl.setContentsMargins(0, 0, 0, 0)
        if f.type is FieldType.LONG_TEXT:
            cl.addWidget(QPlainTextEdit(cell))
        elif f.type in (FieldType.CHOICE, FieldType.BOOL):
            labels = [o.label for o in f.options] if f.type is FieldType.CHOICE else ["是", "否"]
            if len(labels) <= 4:
                row = QHBoxLayout()
                for text in labels:
                    row.addWidget(QRadioButton(text, cell))
                cl.addLayout(row)
            else:
                combo = QComboBox(cell)
                combo.addItems(labels)
                cl.addWidget(combo)
        else:
            cl.addWidget(QLineEdit(cell))
        grid.addWidget(cell, r, 1)
    scroll.setWidget(form)
    side = QScrollArea(host)
    side.setWidgetResizable(True)
    inner = QWidget()
    cards = QVBoxLayout(inner)
    for m in merged.materials:
        card = QFrame(inner)
        cv = QVBoxLayout(card)
        name = QLabel(f"<b>{m.name}</b>&nbsp;<span style='background:#fde8e8'>&nbsp;必需&nbsp;</span>", card)
        name.setWordWrap(True)
        cv.addWidget(name)
        detail = QLabel("用于：" + "、".join(m.matters), card)
        detail.setWordWrap(True)
        cv.addWidget(detail)
        row = QHBoxLayout()
        row.addWidget(QPushButton("缺 ▾", card))
        row.addWidget(QPushButton("导入文件…", card))
        row.addStretch(1)
        row.addWidget(QLabel("未导入", card))
        cv.addLayout(row)
        cards.addWidget(card)
    cards.addStretch(1)
    side.setWidget(inner)
    lay.addWidget(side, 2)
    host.show()
    _paint(host)
    took = time.process_time() - t0
    _dispose(qapp, host)
    return took


def _dispose(qapp, host) -> None:  # type: ignore[no-untyped-def]
    host.close()
    host.deleteLater()
    qapp.processEvents()
    qapp.processEvents()


def first_screen(qapp, bundle, answers, n: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    from clerk.catalog.merge import merge
    from clerk.intake.model import CaseMaterial, MaterialStatus
    from ui.intake.checklist import ChecklistPanel
    from ui.intake.form import FormPanel
    from ui.intake.situations import SituationPanel
    from ui.qt import QApplication, QHBoxLayout, QWidget

    times, cpu = [], []
    for _ in range(n + 2):
        c0 = time.process_time()
        t0 = time.perf_counter()
        merged = merge(bundle, answers)
        host = QWidget()
        host.resize(1366, 768)
        lay = QHBoxLayout(host)
        left = QWidget(host)
        ll = QHBoxLayout(left)
        ll.addWidget(SituationPanel(bundle, answers))
        ll.addWidget(FormPanel(merged, {}))
        lay.addWidget(left)
        form = ll.itemAt(1).widget()
        checklist = ChecklistPanel(host)
        checklist.set_materials([CaseMaterial(code=m.code, name=m.name, status=MaterialStatus.MISSING, required=m.required,
                                              deferrable=m.deferrable, e_license=m.e_license, matters=list(m.matters),
                                              originals=m.originals, copies=m.copies, why=m.why) for m in merged.materials],
                                merged)
        lay.addWidget(checklist)
        host.show()
        QApplication.sendPostedEvents()  # polish, layout and the first paint of what was built
        host.repaint()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        while not (form.complete and checklist.complete):
            qapp.processEvents()
        _dispose(qapp, host)
    return times[2:], cpu[2:]  # the first builds warm up fonts and style caches


def alternated(qapp, merged, n: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Medians (CPU s) of the whole build, ours and bare, A and B alternated (after one warm-up of each)."""
    build_ours(qapp, merged)
    build_bare(qapp, merged)
    ours, bare = [], []
    for i in range(n):
        if i % 2:
            bare.append(build_bare(qapp, merged))
            ours.append(build_ours(qapp, merged))
        else:
            ours.append(build_ours(qapp, merged))
            bare.append(build_bare(qapp, merged))
    return statistics.median(ours), statistics.median(bare)


def exponent(sizes: list[int], times: list[float]) -> float:
    """Slope of log(time) against log(rows), least squares."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    from clerk.catalog.loader import load_catalog_dir
    from clerk.catalog.merge import merge
    from ui import app as ui_app
    from ui.qt import QApplication

    qapp = QApplication([])
    ui_app.prepare(qapp)
    catalog = load_catalog_dir(None)
    _size, bundle, answers = largest(catalog)
    merged = merge(bundle, answers)
    times, cpu = first_screen(qapp, bundle, answers, n)
    med, cpu_med = statistics.median(times) * 1000, statistics.median(cpu) * 1000
    print(f"largest bundle: {bundle.name} ({bundle.code}) {len(merged.fields)} fields + {len(merged.materials)} materials")
    print(f"first screen built and painted: median {med:.1f} ms wall, {statistics.median(cpu) * 1000:.1f} ms CPU, "
          f"min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f} (n={n})")

    scales = [1, 2, 4, 8]
    ours_t, bare_t = [], []
    for k in scales:
        o, b = alternated(qapp, scaled(merged, k), max(5, n // k))
        ours_t.append(o)
        bare_t.append(b)
        rows = k * (len(merged.fields) + len(merged.materials))
        print(f"whole build ×{k} ({rows} rows, CPU): ours {o * 1000:7.1f} ms   bare Qt {b * 1000:7.1f} ms   ratio {o / b:5.2f}")
    rows = [k * (len(merged.fields) + len(merged.materials)) for k in scales]
    e_ours, e_bare = exponent(rows, ours_t), exponent(rows, bare_t)
    print(f"growth exponent over ×1–×8: ours {e_ours:.2f}, bare Qt {e_bare:.2f}")
    report("form", [
        Figure("form: first screen, CPU (ms)", cpu_med, "(wall, shared machine)", med, "< 50 ms", cpu_med < 50),
        Figure("form: whole build, largest bundle (ms)", ours_t[0] * 1000, "bare Qt, same rows", bare_t[0] * 1000,
               "≤ 2×", ours_t[0] / bare_t[0] <= 2),
        Figure("form: whole build ×8 rows (ms)", ours_t[-1] * 1000, "bare Qt, same rows", bare_t[-1] * 1000,
               "≤ 2×", ours_t[-1] / bare_t[-1] <= 2),
        Figure("form: growth exponent ×1–×8", e_ours, "bare Qt exponent", e_bare, "≤ 1.1 (abs)", e_ours <= 1.1),
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
