"""Building and showing the merged form + checklist of the largest bundle (most merged fields + materials).

    python bench/form.py [N]      target: median < 50 ms
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


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


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    from clerk.catalog.loader import load_catalog_dir
    from clerk.catalog.merge import merge
    from clerk.intake.model import CaseMaterial, MaterialStatus
    from ui import app as ui_app
    from ui.intake.checklist import ChecklistPanel
    from ui.intake.form import FormPanel
    from ui.intake.situations import SituationPanel
    from ui.qt import QApplication, QHBoxLayout, QWidget

    qapp = QApplication([])
    ui_app.prepare(qapp)
    catalog = load_catalog_dir(None)
    size, bundle, answers = largest(catalog)
    times, full, cpu = [], [], []
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
        while not (form.complete and checklist.complete):  # the rest arrives in event-loop slices
            qapp.processEvents()
        qapp.processEvents()
        full.append(time.perf_counter() - t0)
        host.close()
        host.deleteLater()
        qapp.processEvents()
    times, full, cpu = times[2:], full[2:], cpu[2:]  # the first builds warm up fonts and style caches
    med = statistics.median(times) * 1000
    print(f"largest bundle: {bundle.name} ({bundle.code}) {len(merged.fields)} fields + {len(merged.materials)} materials")
    print(f"first screen built and painted: median {med:.1f} ms wall, {statistics.median(cpu) * 1000:.1f} ms CPU, "
          f"min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f} (n={n})")
    print(f"whole form and checklist built (progressively, after the first paint): median "
          f"{statistics.median(full) * 1000:.1f} ms wall")
    print(f"target < 50 ms: {'OK' if med < 50 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
