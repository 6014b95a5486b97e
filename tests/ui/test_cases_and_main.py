"""Case list search (pinyin initials, masking) and main.py's command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.demo import DemoPeople, take_demo_case
from clerk.intake.search import initials
from tests.helpers.ui import cases
from ui.qt import Qt

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.gui
def test_case_list_finds_by_pinyin_initials(qtbot, session, make_window) -> None:
    people = DemoPeople(11)
    views = [take_demo_case(session.ctx, session.actor, people) for _ in range(3)]
    target = views[1]
    w = make_window()
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = cases(w)
    assert w.tabs.currentWidget() is page and page.text.hasFocus()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.keyClicks(page.text, initials(target.applicant.name))
        qtbot.keyClick(page.text, Qt.Key.Key_Return)
    names = [r.applicant_name for r in page.model.rows]
    assert target.applicant.name in names
    row = names.index(target.applicant.name)
    shown_id = page.model.data(page.model.index(row, 3))
    assert "*" in shown_id and shown_id != target.applicant.id_number
    assert "*" in page.model.data(page.model.index(row, 4))


def _run_main(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)


def test_main_without_display_explains_and_exits_2() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = _run_main("--demo", env=env)
    assert r.returncode == 2
    assert "xvfb-run python main.py --demo" in r.stderr and "没有可用的图形显示" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("mode", ["field", "kiosk", "display", "supervisor"])
def test_every_mode_without_display_explains_and_exits_2(mode: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = _run_main("--mode", mode, env=env)
    assert r.returncode == 2 and "没有可用的图形显示" in r.stderr and "Traceback" not in r.stderr


def test_unknown_mode_is_refused_in_one_line() -> None:
    r = _run_main("--mode", "teleport", env=dict(os.environ))
    assert r.returncode == 2 and "teleport" in r.stderr and "Traceback" not in r.stderr
