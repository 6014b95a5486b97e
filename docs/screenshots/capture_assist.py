"""Screenshots of the offline assist on a real X server (run under Xvfb + openbox):

    Xvfb :91 -screen 0 1366x768x24 & DISPLAY=:91 openbox &
    DISPLAY=:91 QT_QPA_PLATFORM=xcb python docs/screenshots/capture_assist.py 1366x768

The clerk's steps are key presses (Ctrl+N, the words from the counter, Enter, F1, Alt+Y, Alt+W); the
page of an ID card arrives through the import seam (what Ctrl+O's file dialog calls). Writes
``assist-*-WxH.png`` here.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main() -> int:
    size = sys.argv[1] if len(sys.argv) > 1 else "1366x768"
    import subprocess
    import time

    from clerk.context import AppContext
    from clerk.samples import photograph, render
    from clerk.security.actor import Actor, Role
    from ui import app as ui_app
    from ui.intake import IntakePage
    from ui.qt import QApplication, QInputMethodEvent
    from ui.shell.main_window import MainWindow
    from ui.shell.session import Session

    app = QApplication(sys.argv)
    ui_app.prepare(app)
    tmp = Path(tempfile.mkdtemp())
    ctx = AppContext.open(tmp / "data")
    window = MainWindow(Session(ctx, Actor("demo", "演示窗口", (Role.CLERK,), window="W01")))
    window.showMaximized()
    page = window.feature(IntakePage)

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait(cond, ms: int = 60000) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end and not (cond() and window.tasks.pending == 0):
            pump(0.05)
        pump(0.4)

    def shot(name: str) -> None:
        pump(0.3)
        subprocess.run(["import", "-window", "root", str(OUT / f"assist-{name}-{size}.png")], check=True)

    def key(*keys: str) -> None:
        subprocess.run(["xdotool", "key", "--delay", "60", *keys], check=True)
        pump(0.3)

    def type_text(text: str) -> None:  # Chinese as a pinyin input method commits it (xdotool cannot type 汉字 on Xvfb)
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        target = app.focusWidget()
        assert target is not None
        QApplication.sendEvent(target, event)
        pump(0.5)

    wait(lambda: window.isVisible())
    pump(1.0)
    key("ctrl+n")
    type_text("孩子上个月出生了，随妈妈落户，还要办医保")
    wait(lambda: page.picker.guide_list.isVisible(), 10000)
    shot("guide")
    key("Return")
    wait(lambda: page.case is not None)

    rng = random.Random(3)
    sample = render("idcard_front", rng)
    path = tmp / "father-id.jpg"
    path.write_bytes(photograph(sample.image, rng, max_angle=2.0, blur=0.4, quality=85))
    editors = page.form_panel.editors
    from clerk.demo import make_id_number

    for code, value in (("mother_name", sample.truth["name"]), ("mother_id_number", sample.truth["id_number"]),
                        ("father_name", "王建国"), ("father_id_number", make_id_number(random.Random(42)))):
        editors[code].set_value(value)
        page.autosave.set_form(code, value)
    page.autosave.flush()
    wait(lambda: True)
    page.import_files("father_id_card", [path])
    wait(lambda: page.assist.readings >= 1)
    page.checklist.scroll_area.ensureWidgetVisible(page.checklist.cards["father_id_card"])
    shot("offers-and-warning")
    key("alt+y")
    key("alt+w")
    wait(lambda: True)
    shot("offers-taken")
    key("F1")
    wait(lambda: page.assistant_box is not None)
    box = page.assistant_box
    type_text("为什么要父亲的身份证")
    key("Return")
    wait(lambda: bool(box.answers))
    shot("assistant")
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
