"""Regenerates the screenshots in this folder (offscreen, 1600×1000): python docs/screenshots/capture.py [--lang en]."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main() -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--lang", default="zh_CN")
    args.add_argument("--size", default="1600x1000")
    opts = args.parse_args()
    width, height = (int(v) for v in opts.size.split("x"))
    suffix = "" if opts.lang == "zh_CN" and opts.size == "1600x1000" else f"-{opts.lang}-{opts.size}"

    from clerk.demo import DemoPeople, scan_image
    from ui import app as ui_app
    from ui.cases import CaseListPage
    from ui.intake import IntakePage
    from ui.qt import QApplication, QColor, QPainter
    from ui.shell.demo import seed_demo_cases
    from ui.shell.main_window import MainWindow
    from ui.shell.session import open_session

    qapp = QApplication([])
    ui_app.prepare(qapp, opts.lang)
    session = open_session(Path(tempfile.mkdtemp(prefix="wc-shots-")), demo=True)
    seed_demo_cases(session.ctx, session.actor, 30)
    w = MainWindow(session)
    w.resize(width, height)
    w.show()

    def settle() -> None:
        for _ in range(400):
            qapp.processEvents()
            if w.tasks.pending == 0:
                break
            time.sleep(0.01)
        for _ in range(5):
            qapp.processEvents()

    def shot(name: str, dialog: object = None) -> None:
        settle()
        pix = w.grab()
        if dialog is not None:
            painter = QPainter(pix)
            painter.fillRect(pix.rect(), QColor(16, 42, 67, 90))
            d = dialog.grab()  # type: ignore[attr-defined]
            painter.drawPixmap((pix.width() - d.width()) // 2, (pix.height() - d.height()) // 3, d)
            painter.end()
        pix.save(str(OUT / f"{name}{suffix}.png"))
        print(OUT / f"{name}{suffix}.png")

    settle()
    page = w.feature(IntakePage)
    page.picker.search.setText("xse")
    page.picker.search.returnPressed.emit()
    settle()
    person = DemoPeople(99).person()
    page.applicant.set_value({**person, "phone": ""})
    page.applicant.check_all()
    page.applicant.phone.setText("1381234")
    page.applicant._check("phone")
    page.autosave.set_part("applicant", page.applicant.value())
    editors = page.form_panel.editors
    for code, value in (("child_name", "张安然"), ("child_gender", "female"), ("birth_date", "2026-11-18"),
                        ("birth_time", "08:35"), ("birth_place", "黑龙江省哈尔滨市道里区")):
        editors[code].set_value(value)
        page.autosave.set_form(code, value)
    editors["birth_weight_g"].set_value("三千")
    editors["birth_weight_g"].check()
    page.autosave.flush()
    settle()
    tmp = Path(tempfile.mkdtemp())
    cards = page.checklist.cards
    first = list(cards)[:3]
    for code in first:
        f = tmp / f"{code}.png"
        f.write_bytes(scan_image(cards[code].material.name, dpi=30))
        cards[code].import_paths([f, f] if code == first[0] else [f])
        settle()
    deferrable = [c for c, card in cards.items() if card.material.deferrable and card.material.required]
    page.set_material_status(deferrable[0], "deferred")
    e_licence = [c for c, card in cards.items() if card.material.e_license and c not in first and c not in deferrable]
    page.set_material_status(e_licence[0], "e_license")
    settle()
    shot("intake-mid-form")
    page.checklist.commitment.setChecked(True)
    page.form_scroll.verticalScrollBar().setValue(page.form_scroll.verticalScrollBar().maximum())
    shot("intake-checklist")
    page.accept_case()
    settle()
    shot("accept-blocked", page.dialog)
    page.dialog.reject()
    w.tabs.setCurrentWidget(w.feature(CaseListPage))
    settle()
    shot("case-list")
    w.close()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
